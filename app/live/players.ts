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
  const next = [...players, player];
  const index = positions.get(players);
  if (index) {
    index.set(player.id, players.length);
    positions.set(next, index);
  }
  return next;
}

export function withPlayerReplaced(players: readonly Player[], position: number, player: Player): Player[] {
  const next = players.slice();
  next[position] = player;
  const index = positions.get(players);
  if (index) positions.set(next, index);
  return next;
}

/** Applies `update` to every player; positions stay, so the index carries over. */
export function withEveryPlayer(players: readonly Player[], update: (player: Player) => Player): Player[] {
  const next = players.map(update);
  const index = positions.get(players);
  if (index) positions.set(next, index);
  return next;
}
