import { assignRanks } from "~/contests/ranking";
import type { Mapped } from "~/units/history";

// Leaderboards by area with history kept (docs/decisions/013). Results carry the area stored when
// the attempt started; "recorded" ranks those areas as they were, "current" spreads each result over
// today's successors with the shares of a split, so totals are kept and a split district's results
// count partly in each commune. The page says which view it shows.

export type AreaView = "recorded" | "current";
export type AreaInfo = { id: string; name: string; kind: string };
export type AreaResult = { participantId: string; score: number; areaId: string | null };

export type AreaStanding = {
  rank: number | null;
  tied: boolean;
  unitId: string;
  unitName: string;
  kind: string;
  /** Participants counted here; fractional in the current view when a unit was split. */
  participants: number;
  averageScore: number | null;
};

/**
 * Ranks `areas` by the average score of the results mapped onto them (by `mapArea`: the identity
 * for the recorded view, the succession mapping for the current view). Ties on average are broken
 * by more participants, then listed by name; areas without results come last, unranked.
 */
export function areaBoard(results: readonly AreaResult[], areas: readonly AreaInfo[], mapArea: (areaId: string) => Mapped[]): AreaStanding[] {
  const weight = new Map<string, number>();
  const total = new Map<string, number>();
  for (const result of results) {
    if (!result.areaId) continue;
    for (const { unitId, share } of mapArea(result.areaId)) {
      weight.set(unitId, (weight.get(unitId) ?? 0) + share);
      total.set(unitId, (total.get(unitId) ?? 0) + share * result.score);
    }
  }
  const standings = areas.map((area) => {
    const participants = weight.get(area.id) ?? 0;
    return {
      unitId: area.id,
      unitName: area.name,
      kind: area.kind,
      participants,
      averageScore: participants > 0 ? (total.get(area.id) ?? 0) / participants : null,
    };
  });
  const byName = (a: { unitName: string }, b: { unitName: string }) => byVietnameseName(a.unitName, b.unitName);
  // Averages are compared to a millionth so that shares like 0.3333 do not split a real tie.
  const close = (a: number | null, b: number | null) => Math.round(((a ?? 0) - (b ?? 0)) * 1e6);
  const ranked = assignRanks(
    standings.filter((standing) => standing.participants > 1e-9),
    (a, b) => close(b.averageScore, a.averageScore) || Math.round((b.participants - a.participants) * 1e6),
    byName,
  );
  const absent = standings
    .filter((standing) => standing.participants <= 1e-9)
    .sort(byName)
    .map((standing) => ({ ...standing, rank: null, tied: false }));
  return [...ranked, ...absent];
}

/** The same order as localeCompare(…, "vi"), without building a collator for every comparison. */
const byVietnameseName = new Intl.Collator("vi").compare;
