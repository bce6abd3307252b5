import type { Player, TeamGrouping } from "./game-state";

export type TeamStanding = {
  teamId: string;
  name: string;
  memberCount: number;
  totalScore: number;
  /** The team's score: the mean of its members' scores, to one decimal, so a big school has no head start. */
  averageScore: number;
  rank: number;
};

/**
 * Groups the players by school or area and ranks the groups by average score. Players without
 * that unit (a young worker with no school) are in no team; kicked players count for nobody.
 * Ties share a rank and are listed by name.
 */
export function teamStandings(players: readonly Player[], by: TeamGrouping): TeamStanding[] {
  const teams = new Map<string, { name: string; memberCount: number; totalScore: number }>();
  for (const player of players) {
    const team = teamOf(player, by);
    if (player.kicked || !team) continue;
    const entry = teams.get(team.id) ?? { name: team.name, memberCount: 0, totalScore: 0 };
    entry.memberCount += 1;
    entry.totalScore += player.score;
    teams.set(team.id, entry);
  }

  const unranked = [...teams].map(([teamId, team]) => ({
    teamId,
    name: team.name,
    memberCount: team.memberCount,
    totalScore: team.totalScore,
    averageScore: Math.round((team.totalScore / team.memberCount) * 10) / 10,
  }));
  unranked.sort((a, b) => b.averageScore - a.averageScore || a.name.localeCompare(b.name, "vi"));

  const standings: TeamStanding[] = [];
  unranked.forEach((team, index) => {
    const previous = standings[index - 1];
    const tied = previous && previous.averageScore === team.averageScore;
    standings.push({ ...team, rank: tied ? previous.rank : index + 1 });
  });
  return standings;
}

export function teamOf(player: Player, by: TeamGrouping): { id: string; name: string } | null {
  const unit = player.unit;
  if (!unit) return null;
  const id = by === "school" ? unit.schoolId : unit.areaId;
  const name = by === "school" ? unit.schoolName : unit.areaName;
  return id ? { id, name: name ?? id } : null;
}
