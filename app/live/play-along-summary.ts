import { LEADERBOARD_SIZE } from "./constants";
import type { GameState, Player } from "./game-state";
import { displayedOptions } from "./options";
import type { HomePlayer } from "./play-along-state";
import { standingsOf } from "./players";
import { rankPlayers } from "./ranking";

/**
 * The home audience on the host's and the display's screens (docs/decisions/038): how many play
 * on each path, the histogram of the last question every path has been scored on so far, and the
 * home top ten. Separate from the studio's board: the two never mix.
 */
export type PlayAlongSummary = {
  players: number;
  connected: number;
  paths: { id: string; name: string; delayMs: number; players: number }[];
  /** The latest question scored on some path, summed over the paths scored on it. */
  result: {
    questionIndex: number;
    histogram: Record<string, number>;
    answeredCount: number;
    correctCount: number;
    pathsScored: number;
  } | null;
  /** The home top ten, when the studio shows its standings. */
  leaderboard: { playerId: string; name: string; pathName: string; score: number; rank: number; eliminated: boolean }[] | null;
};

const boards = new WeakMap<readonly Player[], PlayAlongSummary["leaderboard"]>();

export function playAlongSummary(state: GameState, showStandings: boolean): PlayAlongSummary | null {
  const home = state.playAlong;
  if (!home) return null;
  const perPath = new Map(home.paths.map((path) => [path.id, 0]));
  let players = 0;
  let connected = 0;
  for (const player of home.players) {
    if (player.kicked) continue;
    players += 1;
    if (player.connected) connected += 1;
    perPath.set(player.pathId, (perPath.get(player.pathId) ?? 0) + 1);
  }
  return {
    players,
    connected,
    paths: home.paths.map((path) => ({ id: path.id, name: path.name, delayMs: path.delayMs, players: perPath.get(path.id) ?? 0 })),
    result: homeResult(state),
    leaderboard: showStandings ? homeBoard(state) : null,
  };
}

function homeResult(state: GameState): PlayAlongSummary["result"] {
  const home = state.playAlong!;
  const latest = Math.max(-1, ...home.airing.map((entry) => entry.result?.questionIndex ?? -1));
  if (latest === -1) return null;
  const histogram: Record<string, number> = Object.fromEntries(displayedOptions(state, latest).map(({ key }) => [key, 0]));
  const keyOf = new Map(displayedOptions(state, latest).map(({ key, option }) => [option.id, key]));
  let answeredCount = 0;
  let correctCount = 0;
  let pathsScored = 0;
  for (const { result } of home.airing) {
    if (result?.questionIndex !== latest) continue;
    pathsScored += 1;
    answeredCount += result.answeredCount;
    correctCount += result.correctCount;
    for (const [optionId, count] of Object.entries(result.histogram)) histogram[keyOf.get(optionId)!] += count;
  }
  return { questionIndex: latest, histogram, answeredCount, correctCount, pathsScored };
}

function homeBoard(state: GameState): PlayAlongSummary["leaderboard"] {
  const home = state.playAlong!;
  const key = standingsOf(home.players);
  const cached = boards.get(key);
  if (cached) return cached;
  const names = new Map(home.paths.map((path) => [path.id, path.name]));
  const rows = rankPlayers(home.players, state.settings.mode)
    .slice(0, LEADERBOARD_SIZE)
    .map(({ player, rank }) => ({
      playerId: player.id,
      name: player.name,
      pathName: names.get((player as HomePlayer).pathId) ?? "",
      score: player.score,
      rank,
      eliminated: player.eliminatedAt !== null,
    }));
  boards.set(key, rows);
  return rows;
}
