import { MAX_NAME_LENGTH } from "./constants";
import type { GameSettings, GameState, Player } from "./game-state";

/**
 * Two players never show under one name on air: a second "Minh" becomes "Minh (2)", a third
 * "Minh (3)". Names compare without case ("minh" is "Minh" on a TV), with their tone marks
 * ("Mính" is another name). Every name ever taken in the game stays taken, a removed player's
 * too, so a name on screen always means one person.
 *
 * A join must not cost a pass over thousands of names (lower-casing 10,000 Vietnamese names takes
 * about 6 ms on the machines this runs on), so the taken names are indexed once per game and
 * caught up with the players who joined since. The index is keyed by the game's `settings`
 * object: every state of a game shares it by reference (a transition copies only the top level),
 * and a state restored from a snapshot has a new one, so it is rebuilt there once.
 */
type NameIndex = {
  taken: Set<string>;
  /** Per name, a suffix below which every one is taken: the 5,000th "Minh" is not 5,000 lookups. */
  firstFree: Map<string, number>;
  /** How many players (in join order) are in `taken`, and the last of them, to notice another branch of states. */
  indexed: number;
  lastId: string | null;
  lastName: string | null;
};

const indexes = new WeakMap<GameSettings, NameIndex>();

const keyOf = (name: string) => name.toLowerCase();

function indexOf(settings: GameSettings, players: readonly Player[]): NameIndex {
  let index = indexes.get(settings);
  const last = index && index.indexed > 0 ? players[index.indexed - 1] : undefined;
  const sameLine = index !== undefined && index.indexed <= players.length && (index.indexed === 0 || (last?.id === index.lastId && last?.name === index.lastName));
  if (!index || !sameLine) {
    index = { taken: new Set(), firstFree: new Map(), indexed: 0, lastId: null, lastName: null };
    indexes.set(settings, index);
  }
  for (let position = index.indexed; position < players.length; position += 1) index.taken.add(keyOf(players[position].name));
  if (players.length > index.indexed) {
    index.indexed = players.length;
    index.lastId = players[players.length - 1].id;
    index.lastName = players[players.length - 1].name;
  }
  return index;
}

/** The name a new player shows under: theirs if free, else theirs with the first free "(n)". `name` is already cleaned. */
export function uniqueDisplayName(state: Pick<GameState, "settings" | "players">, name: string): string {
  const index = indexOf(state.settings, state.players);
  const key = keyOf(name);
  if (!index.taken.has(key)) return name;
  for (let suffix = index.firstFree.get(key) ?? 2; ; suffix += 1) {
    const candidate = withSuffix(name, suffix);
    if (!index.taken.has(keyOf(candidate))) {
      // Names are only ever added, so every suffix below this one stays taken.
      index.firstFree.set(key, suffix);
      return candidate;
    }
  }
}

/** "Minh (2)", the name shortened if it must be, so the whole still fits MAX_NAME_LENGTH. */
function withSuffix(name: string, suffix: number): string {
  const tail = ` (${suffix})`;
  const room = MAX_NAME_LENGTH - tail.length;
  // Cut in UTF-16 units, as the length limit counts, but never through a surrogate pair.
  const cut = name.length > room ? name.slice(0, room).replace(/[\uD800-\uDBFF]$/, "").trimEnd() : name;
  return `${cut}${tail}`;
}
