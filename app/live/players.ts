import type { Player } from "./game-state";

/**
 * Finding a player by id in a game of thousands, without copying a big object on every answer.
 *
 * Players live in an array whose positions never change (a kicked player keeps their place). An
 * id → position index is cached per array and handed on to the arrays derived from it, so a
 * lookup is O(1) and an update is one array copy. The cache is only an accelerator: every hit is
 * checked against the array and a miss falls back to a scan, so a stale or shared index can never
 * give a wrong answer. (Spreading a record keyed by player id costs seconds per question at a few
 * thousand players: V8 keeps such an object in dictionary mode and copies it key by key.)
 */
const positions = new WeakMap<readonly Player[], Map<string, number>>();

/**
 * The standings of a players array: the array whose ranking is the same as this one's. A change
 * that moves nobody in the ranking (a connection coming or going, an answer before it is scored)
 * hands it on, so the ranking is computed once per change of scores, not once per reconnect: a
 * storm of 3,000 reconnections used to rank 10,000 players 3,000 times. Like `positions`, it is
 * only an accelerator, and a new array that is not derived through these functions simply has
 * standings of its own.
 */
const standings = new WeakMap<readonly Player[], readonly Player[]>();

/** A player as they join: connected, no score, no answer yet (the studio's and the home audience's alike). */
export function newPlayer(id: string, name: string, unit: Player["unit"], now: number): Player {
  return { id, name, unit, joinedAt: now, connected: true, kicked: false, score: 0, streak: 0, eliminatedAt: null, answer: null, lastOutcome: null };
}

/** How many players are not kicked, carried from array to array like the index. */
const presentCounts = new WeakMap<readonly Player[], number>();

export function presentCount(players: readonly Player[]): number {
  let count = presentCounts.get(players);
  if (count === undefined) {
    count = 0;
    for (const player of players) if (!player.kicked) count += 1;
    presentCounts.set(players, count);
  }
  return count;
}

export function standingsOf(players: readonly Player[]): readonly Player[] {
  return standings.get(players) ?? players;
}

/**
 * A number naming the standings of a players array, for records that outlive the array: keeping
 * the array itself would keep every player of it (a record per player, each holding the array of
 * its own join, held 10,000 arrays of up to 10,000 players).
 */
const standingsIds = new WeakMap<readonly Player[], number>();
let lastStandingsId = 0;

export function standingsId(players: readonly Player[]): number {
  const root = standingsOf(players);
  let id = standingsIds.get(root);
  if (id === undefined) {
    lastStandingsId += 1;
    id = lastStandingsId;
    standingsIds.set(root, id);
  }
  return id;
}

/** Whether two versions of a player rank and show the same in every standing. */
function sameStanding(a: Player, b: Player): boolean {
  return a.score === b.score && a.eliminatedAt === b.eliminatedAt && a.kicked === b.kicked && a.name === b.name && a.unit === b.unit;
}

export function findPlayerPosition(players: readonly Player[], playerId: string): number {
  let index = positions.get(players);
  if (!index) {
    index = new Map(players.map((player, position) => [player.id, position]));
    positions.set(players, index);
  }
  const position = index.get(playerId);
  if (position !== undefined && players[position]?.id === playerId) return position;
  return players.findIndex((player) => player.id === playerId);
}

export function findPlayer(players: readonly Player[], playerId: string): Player | undefined {
  const position = findPlayerPosition(players, playerId);
  return position === -1 ? undefined : players[position];
}

export function withPlayerAdded(players: readonly Player[], player: Player): Player[] {
  if (drafts.has(players)) {
    // A wave of joins applied together (GameRunner.submit): one copy of 10,000 players for the
    // wave, not one per join. The standings changed: a new key of their own, so that no ranking
    // cached for this array before the join is taken for one after it.
    const draft = players as Player[];
    positions.get(draft)?.set(player.id, draft.length);
    const count = presentCounts.get(draft);
    draft.push(player);
    if (count !== undefined) presentCounts.set(draft, count + (player.kicked ? 0 : 1));
    standings.set(draft, []);
    return draft;
  }
  const next = [...players, player];
  const index = positions.get(players);
  if (index) {
    index.set(player.id, players.length);
    positions.set(next, index);
  }
  const count = presentCounts.get(players);
  if (count !== undefined) presentCounts.set(next, count + (player.kicked ? 0 : 1));
  return next;
}

/**
 * Arrays a batch of events may change in place (`draftPlayers` … `sealPlayers`). A burst of
 * answers replaces one player per answer, a wave of joins or reconnections adds or replaces one per event; copying 10,000 players for each costs more than the
 * rest of the answer. The runner applies the answers that arrived together to one draft copy
 * (GameRunner.submitAnswer), so the state it was given is never changed and the whole burst copies
 * the players once. Only the runner, which keeps no older state of a draft, may draft.
 */
const drafts = new WeakSet<readonly Player[]>();

export function draftPlayers(players: readonly Player[]): Player[] {
  const draft = players.slice();
  const index = positions.get(players);
  if (index) positions.set(draft, index);
  standings.set(draft, standingsOf(players));
  const count = presentCounts.get(players);
  if (count !== undefined) presentCounts.set(draft, count);
  drafts.add(draft);
  return draft;
}

/** Ends a draft: from now on the array is as immutable as any other. */
export function sealPlayers(players: readonly Player[]): void {
  drafts.delete(players);
}

export function withPlayerReplaced(players: readonly Player[], position: number, player: Player): Player[] {
  // In place only when nobody moves in the standings (answers): a cached ranking of the draft stays true.
  if (drafts.has(players) && sameStanding(players[position], player)) {
    (players as Player[])[position] = player;
    return players as Player[];
  }
  const next = players.slice();
  next[position] = player;
  const index = positions.get(players);
  if (index) positions.set(next, index);
  if (sameStanding(players[position], player)) standings.set(next, standingsOf(players));
  const count = presentCounts.get(players);
  if (count !== undefined) presentCounts.set(next, count + Number(players[position].kicked) - Number(player.kicked));
  return next;
}

/** Applies `update` to every player; positions stay, so the index carries over. */
export function withEveryPlayer(players: readonly Player[], update: (player: Player) => Player): Player[] {
  let moved = false;
  const next = players.map((player) => {
    const updated = update(player);
    if (updated !== player && !moved && !sameStanding(player, updated)) moved = true;
    return updated;
  });
  const index = positions.get(players);
  if (index) positions.set(next, index);
  if (!moved) standings.set(next, standingsOf(players));
  return next;
}
