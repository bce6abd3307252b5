// Builders shared by the live engine's tests: questions, games, and short ways to drive them.
import { createGame, type NewGame } from "../create-game";
import type { GameEvent, GameState, HostCommand, LiveQuestion, PlayerUnit, TransitionResult } from "../game-state";
import { keysForOptionIds } from "../options";
import { pendingTimer, transition } from "../transition";

/** Four options, the correct one written first as authors tend to, so tests also prove that nothing leaks by position. */
export function makeQuestion(number: number, overrides: Partial<LiveQuestion> = {}): LiveQuestion {
  return {
    revisionId: `rev-${number}`,
    type: "single",
    prompt: { vi: `Câu hỏi ${number}?`, en: `Question ${number}?` },
    options: [
      { id: `q${number}-right`, text: { vi: "Đúng", en: "Right" }, correct: true },
      { id: `q${number}-wrong-1`, text: { vi: "Sai 1" }, correct: false },
      { id: `q${number}-wrong-2`, text: { vi: "Sai 2" }, correct: false },
      { id: `q${number}-wrong-3`, text: { vi: "Sai 3" }, correct: false },
    ],
    timeLimitMs: 10_000,
    explanation: { vi: `Giải thích ${number}` },
    ...overrides,
  };
}

export function makeGame(overrides: Partial<NewGame> = {}, now = 0): GameState {
  const result = createGame(
    {
      gameId: "game-1",
      questions: [makeQuestion(1), makeQuestion(2), makeQuestion(3)],
      mode: "classic",
      seed: "seed-1",
      countdownMs: 3_000,
      ...overrides,
    },
    now,
  );
  if (!result.ok) throw new Error(`createGame refused: ${result.issue}`);
  return result.state;
}

export function school(id: string, areaId = "area-a"): PlayerUnit {
  return { schoolId: id, schoolName: `Trường ${id}`, areaId, areaName: `Huyện ${areaId}` };
}

/** Applies an event that must succeed and returns the whole result. */
export function must(state: GameState, event: GameEvent, now: number): TransitionResult {
  const result = transition(state, event, now);
  if (!result.ok) throw new Error(`${event.type} refused with ${result.code}`);
  return result;
}

export function join(state: GameState, playerId: string, now: number, unit: PlayerUnit | null = null): GameState {
  return must(state, { type: "player-joined", playerId, name: `Bạn ${playerId}`, unit }, now).state;
}

export function withPlayers(state: GameState, ids: readonly string[], now = 0): GameState {
  return ids.reduce((game, id) => join(game, id, now), state);
}

/** A host command issued at the current step. */
export function host(state: GameState, command: Exclude<HostCommand["command"], "kick">, now: number): TransitionResult {
  return transition(state, { type: "host-command", command, step: state.step }, now);
}

export function hostMust(state: GameState, command: Exclude<HostCommand["command"], "kick">, now: number): GameState {
  const result = host(state, command, now);
  if (!result.ok) throw new Error(`host ${command} refused with ${result.code}`);
  return result.state;
}

/** Fires the game's pending timer at `now`, as the runner would. */
export function fire(state: GameState, now: number): TransitionResult {
  const pending = pendingTimer(state);
  if (!pending) throw new Error(`no timer pending in phase ${state.phase.name}`);
  return transition(state, { type: "timer-fired", timer: pending.timer }, now);
}

let answerSequence = 0;

export function answer(state: GameState, playerId: string, optionIds: string[], now: number, answerId = `answer-${++answerSequence}`) {
  const phase = state.phase;
  const questionIndex = "questionIndex" in phase ? phase.questionIndex : 0;
  return transition(state, { type: "answer-submitted", playerId, answerId, questionIndex, optionIds }, now);
}

/** The display keys of the correct options: test-side knowledge a client never has before the reveal. */
export function rightKeys(state: GameState, questionIndex: number): string[] {
  const correct = state.questions[questionIndex].options.filter((option) => option.correct).map((option) => option.id);
  return keysForOptionIds(state, questionIndex, correct);
}

export function wrongKey(state: GameState, questionIndex: number): string {
  const wrong = state.questions[questionIndex].options.find((option) => !option.correct)!;
  return keysForOptionIds(state, questionIndex, [wrong.id])[0];
}

/** Starts the game and runs the countdown: question 0 opens at `openAt`. */
export function openFirstQuestion(state: GameState, openAt: number): GameState {
  const counting = hostMust(state, "start", openAt - state.settings.countdownMs);
  const opened = fire(counting, openAt);
  if (!opened.ok || opened.state.phase.name !== "question") throw new Error("question did not open");
  return opened.state;
}

export function playerById(state: GameState, playerId: string) {
  const player = state.players.find((candidate) => candidate.id === playerId);
  if (!player) throw new Error(`no player ${playerId}`);
  return player;
}
