import type { GameMode, Player } from "./game-state";

export type RankedPlayer = { player: Player; rank: number };

/**
 * Orders the players still in the game (kicked ones left out). Classic: by score. Elimination:
 * standing players first, then those who fell later, then by score, which is how a
 * "Rung chuông vàng" final ranks the runners-up. Equal players share a rank (1, 1, 3); the
 * listing order among them is join order, which is stable and costs no string comparison.
 */
export function rankPlayers(players: readonly Player[], mode: GameMode): RankedPlayer[] {
  const compare = mode === "elimination" ? compareElimination : compareClassic;
  const sorted = players
    .map((player, position) => ({ player, position }))
    .filter(({ player }) => !player.kicked)
    .sort((a, b) => compare(a.player, b.player) || a.position - b.position);

  const ranked: RankedPlayer[] = [];
  sorted.forEach(({ player }, index) => {
    const previous = ranked[index - 1];
    const tied = previous && compare(previous.player, player) === 0;
    ranked.push({ player, rank: tied ? previous.rank : index + 1 });
  });
  return ranked;
}

function compareClassic(a: Player, b: Player): number {
  return b.score - a.score;
}

function compareElimination(a: Player, b: Player): number {
  return survivalKey(b) - survivalKey(a) || b.score - a.score;
}

/** Standing players above everyone; among the eliminated, a later question is better. */
function survivalKey(player: Player): number {
  return player.eliminatedAt === null ? Number.MAX_SAFE_INTEGER : player.eliminatedAt;
}
