import type { GameState, Player } from "./game-state";

/**
 * The JSON of a game's snapshots, the same value as `JSON.stringify(state)` (players come last).
 * Players are immutable objects, replaced whenever they change, so the encoder keeps the last
 * snapshot's players and their JSON per game and re-encodes only the players that are not the
 * same objects: a snapshot after a join, a lock or a leaderboard encodes the few players that
 * changed, not all 10,000 (about 17 ms of the server's only thread at that size). One memo per
 * game, not one per player: a weak map with an entry per player cost the collector more than the
 * encoding it saved, at every reveal, when every player changes.
 */
export function snapshotEncoder(): (state: GameState) => string {
  const last = new Map<string, { players: readonly Player[]; parts: string[] }>();
  return (state) => {
    const { players, ...rest } = state;
    const previous = last.get(state.gameId);
    const parts: string[] = new Array(players.length);
    for (let index = 0; index < players.length; index += 1) {
      const player = players[index];
      parts[index] = previous && previous.players[index] === player ? previous.parts[index] : JSON.stringify(player);
    }
    if (state.phase.name === "ended") last.delete(state.gameId);
    else last.set(state.gameId, { players, parts });
    return `${JSON.stringify(rest).slice(0, -1)},"players":[${parts.join(",")}]}`;
  };
}
