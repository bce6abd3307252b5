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
  const studio = playersEncoder();
  // A play-along game's home players (docs/decisions/038) are kept and encoded the same way.
  const home = playersEncoder();
  return (state) => {
    const { players, playAlong, ...rest } = state;
    const ended = state.phase.name === "ended";
    const homeJson = playAlong
      ? `,"playAlong":${JSON.stringify({ ...playAlong, players: undefined }).slice(0, -1)},"players":${home(state.gameId, playAlong.players, ended)}}`
      : "";
    return `${JSON.stringify(rest).slice(0, -1)}${homeJson},"players":${studio(state.gameId, players, ended)}}`;
  };
}

/** A JSON array of players, re-encoding only those that are not the objects of the last call for the game. */
function playersEncoder(): (gameId: string, players: readonly Player[], ended: boolean) => string {
  const last = new Map<string, { players: readonly Player[]; parts: string[] }>();
  return (gameId, players, ended) => {
    const previous = last.get(gameId);
    const parts: string[] = new Array(players.length);
    for (let index = 0; index < players.length; index += 1) {
      const player = players[index];
      parts[index] = previous && previous.players[index] === player ? previous.parts[index] : JSON.stringify(player);
    }
    if (ended) last.delete(gameId);
    else last.set(gameId, { players, parts });
    return `[${parts.join(",")}]`;
  };
}
