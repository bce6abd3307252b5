import type { Audience } from "~/bank/question-file";
import { assignRanks } from "~/contests/ranking";
import { AREA_KINDS } from "~/units/unit-kinds";
import type { UnitKind, UnitNode } from "~/units/unit-tree";

// School and area leaderboards (the level under the province, whatever its kind), and the public list of individuals. Everything that leaves this
// module for a public page carries a display name and a school name only: no ids, no contact data.

export type ParticipantProfile = {
  participantId: string;
  displayName: string;
  unitId: string | null;
  audience: Audience | null;
};

/** One participant's result on whatever is being ranked (a round's best correct, a contest total). */
export type ParticipantResult = ParticipantProfile & { score: number };

export type PublicParticipant = { displayName: string; schoolName: string | null; score: number };

export type UnitStanding = {
  /** Null for a unit nobody from took part in; such units are listed last. */
  rank: number | null;
  tied: boolean;
  unitId: string;
  unitName: string;
  participants: number;
  enrolment: number | null;
  /**
   * participants ÷ enrolment, unrounded; null without an enrolment figure (or with a zero one).
   * Not capped at 1: a rate above 1 means the figure is stale, which the organizer should see.
   */
  participationRate: number | null;
  averageScore: number | null;
  bestScore: number | null;
  bestScorers: PublicParticipant[];
};

export type LeaderboardOptions = {
  /** Count only participants of this audience group; null or missing counts everyone. */
  audience?: Audience | null;
  /** How many top scorers each unit shows. */
  bestScorerLimit?: number;
};

export type PublicRankedParticipant = PublicParticipant & { rank: number; tied: boolean };

const DEFAULT_BEST_SCORER_LIMIT = 3;
// Young workers belong to a workplace the way pupils belong to a school; both are "the school" on a public list.
const SCHOOL_LIKE_KINDS: readonly UnitKind[] = ["school", "workplace"];

/** The same order as localeCompare(…, "vi"), without building a collator for every comparison. */
const byVietnameseName = new Intl.Collator("vi").compare;

/** Looks up units and climbs the tree; a broken parent link (or a loop) simply ends the climb. */
function unitIndex(units: readonly UnitNode[]) {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  // Thousands of participants share a few hundred units: each climb is made once.
  const climbs = new Map<string, Map<string | null, UnitNode | null>>();
  const nearest = (unitId: string | null, kinds: readonly UnitKind[]): UnitNode | null => {
    const kindsKey = kinds.join();
    let known = climbs.get(kindsKey);
    if (!known) climbs.set(kindsKey, (known = new Map()));
    const cached = known.get(unitId);
    if (cached !== undefined) return cached;
    const seen = new Set<string>();
    let found: UnitNode | null = null;
    let current = unitId ? byId.get(unitId) : undefined;
    while (current && !seen.has(current.id)) {
      if (kinds.includes(current.kind)) {
        found = current;
        break;
      }
      seen.add(current.id);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
    known.set(unitId, found);
    return found;
  };
  return { nearest };
}

function inAudience(profile: ParticipantProfile, audience: Audience | null | undefined): boolean {
  return audience === null || audience === undefined || profile.audience === audience;
}

/** The highest scores first, then by name; only the first `limit` are kept, so a large school costs one pass. */
function bestScorers(
  members: readonly ParticipantResult[],
  limit: number,
  schoolName: (result: ParticipantResult) => string | null,
): PublicParticipant[] {
  const before = (a: ParticipantResult, b: ParticipantResult) => b.score - a.score || byVietnameseName(a.displayName, b.displayName);
  const best: ParticipantResult[] = [];
  for (const member of members) {
    if (best.length === limit && before(member, best[limit - 1]) >= 0) continue;
    let at = best.length;
    while (at > 0 && before(member, best[at - 1]) < 0) at--;
    best.splice(at, 0, member);
    if (best.length > limit) best.pop();
  }
  return best.map((member) => ({ displayName: member.displayName, schoolName: schoolName(member), score: member.score }));
}

/**
 * Ranks every unit of one kind by the results of the participants under it (a participant belongs
 * to the nearest unit of that kind at or above their own unit). Ranked by average score, then by
 * more participants; equal on both is a tie. A unit's enrolment is its own figure or, without one,
 * the sum of its children's known figures; the rate then counts only the participants of those
 * children, so a partial sum never overstates it (the rule of app/stats/figures.ts).
 */
export function unitLeaderboard(
  results: readonly ParticipantResult[],
  units: readonly UnitNode[],
  kind: UnitKind | readonly UnitKind[],
  options: LeaderboardOptions = {},
): UnitStanding[] {
  const { nearest } = unitIndex(units);
  const kinds: readonly UnitKind[] = typeof kind === "string" ? [kind] : kind;
  const limit = options.bestScorerLimit ?? DEFAULT_BEST_SCORER_LIMIT;
  const schoolName = (result: ParticipantResult) => nearest(result.unitId, SCHOOL_LIKE_KINDS)?.name ?? null;

  const members = new Map<string, ParticipantResult[]>();
  for (const result of results) {
    if (!inAudience(result, options.audience)) continue;
    const unit = nearest(result.unitId, kinds);
    if (!unit) continue;
    const list = members.get(unit.id);
    if (list) list.push(result);
    else members.set(unit.id, [result]);
  }

  const children = new Map<string, UnitNode[]>();
  for (const unit of units) if (unit.parentId) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
  // The units at or below `unit` whose enrolment is known, nearest first on each branch.
  const enrolled = (unit: UnitNode, seen = new Set<string>()): UnitNode[] => {
    if (seen.has(unit.id)) return [];
    seen.add(unit.id);
    return unit.enrolment !== null ? [unit] : (children.get(unit.id) ?? []).flatMap((child) => enrolled(child, seen));
  };
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  const within = (unitId: string | null, ids: Set<string>) => {
    const seen = new Set<string>();
    let current = unitId ? unitById.get(unitId) : undefined;
    while (current && !seen.has(current.id)) {
      if (ids.has(current.id)) return true;
      seen.add(current.id);
      current = current.parentId ? unitById.get(current.parentId) : undefined;
    }
    return false;
  };

  const standings = units
    .filter((unit) => kinds.includes(unit.kind))
    .map((unit) => {
      const list = members.get(unit.id) ?? [];
      const total = list.reduce((sum, member) => sum + member.score, 0);
      const part = enrolled(unit);
      const enrolment = part.length > 0 ? part.reduce((sum, member) => sum + (member.enrolment ?? 0), 0) : null;
      const partIds = new Set(part.map((member) => member.id));
      const counted = unit.enrolment !== null ? list.length : list.filter((member) => within(member.unitId, partIds)).length;
      return {
        unitId: unit.id,
        unitName: unit.name,
        participants: list.length,
        enrolment,
        participationRate: enrolment ? counted / enrolment : null,
        averageScore: list.length > 0 ? total / list.length : null,
        bestScore: list.length > 0 ? list.reduce((best, member) => Math.max(best, member.score), -Infinity) : null,
        bestScorers: bestScorers(list, limit, schoolName),
      };
    });

  const byName = (a: { unitName: string }, b: { unitName: string }) => byVietnameseName(a.unitName, b.unitName);
  const ranked = assignRanks(
    standings.filter((standing) => standing.participants > 0),
    (a, b) => (b.averageScore ?? 0) - (a.averageScore ?? 0) || b.participants - a.participants,
    byName,
  );
  const absent = standings
    .filter((standing) => standing.participants === 0)
    .sort(byName)
    .map((standing) => ({ ...standing, rank: null, tied: false }));
  return [...ranked, ...absent];
}

export function schoolLeaderboard(results: readonly ParticipantResult[], units: readonly UnitNode[], options?: LeaderboardOptions) {
  return unitLeaderboard(results, units, "school", options);
}

/** By area: the unit of an area kind (district… or commune, ward…) a participant's unit sits in. */
export function areaLeaderboard(results: readonly ParticipantResult[], units: readonly UnitNode[], options?: LeaderboardOptions) {
  return unitLeaderboard(results, units, AREA_KINDS, options);
}

/**
 * The public list of individuals from a ranking already made (a round's or a contest's). Filtered to
 * one audience group, ranks are renumbered within the group, and entries tied in the full ranking
 * stay tied. Entries without a known profile are left out.
 */
export function individualLeaderboard(
  ranked: readonly { participantId: string; rank: number; correct: number }[],
  profiles: readonly ParticipantProfile[] | ReadonlyMap<string, ParticipantProfile>,
  units: readonly UnitNode[],
  options: Pick<LeaderboardOptions, "audience"> = {},
): PublicRankedParticipant[] {
  const { nearest } = unitIndex(units);
  // A caller that keeps the profiles by participant (the public boards) passes them so.
  const profileById = "get" in profiles ? profiles : new Map(profiles.map((profile) => [profile.participantId, profile]));
  const shown: { entry: (typeof ranked)[number]; profile: ParticipantProfile }[] = [];
  for (const entry of [...ranked].sort((a, b) => a.rank - b.rank)) {
    const profile = profileById.get(entry.participantId);
    if (profile && inAudience(profile, options.audience)) shown.push({ entry, profile });
  }

  const ranks: number[] = [];
  shown.forEach(({ entry }, index) => {
    ranks.push(index > 0 && shown[index - 1].entry.rank === entry.rank ? ranks[index - 1] : index + 1);
  });
  return shown.map(({ entry, profile }, index) => ({
    rank: ranks[index],
    tied: ranks[index] === ranks[index - 1] || ranks[index] === ranks[index + 1],
    displayName: profile.displayName,
    schoolName: nearest(profile.unitId, SCHOOL_LIKE_KINDS)?.name ?? null,
    score: entry.correct,
  }));
}
