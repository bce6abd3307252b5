import type { GameState, LiveOption } from "./game-state";

/**
 * Players see and send option ids that are letters of the display order ("A", "B", …), never the
 * revision's own ids: those may follow the order the author wrote them in, correct one first,
 * and would give the answer away.
 */
export function optionKey(position: number): string {
  return String.fromCharCode(65 + position);
}

export type DisplayedOption = { key: string; option: LiveOption };

export function displayedOptions(state: GameState, questionIndex: number): DisplayedOption[] {
  const question = state.questions[questionIndex];
  return state.optionOrders[questionIndex].map((optionId, position) => ({
    key: optionKey(position),
    option: question.options.find((option) => option.id === optionId)!,
  }));
}

/** The revision's option ids for the keys a player sent, or null if any key is not on screen. */
export function optionIdsForKeys(state: GameState, questionIndex: number, keys: readonly string[]): string[] | null {
  const order = state.optionOrders[questionIndex];
  const ids: string[] = [];
  for (const key of keys) {
    const position = key.length === 1 ? key.charCodeAt(0) - 65 : -1;
    if (position < 0 || position >= order.length) return null;
    ids.push(order[position]);
  }
  return ids;
}

/** The keys under which the given revision option ids are shown, in display order. */
export function keysForOptionIds(state: GameState, questionIndex: number, optionIds: readonly string[]): string[] {
  return state.optionOrders[questionIndex].flatMap((optionId, position) => (optionIds.includes(optionId) ? [optionKey(position)] : []));
}
