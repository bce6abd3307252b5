import { AUDIENCES, type Audience } from "~/bank/question-file";
import { ANSWER_GRACE_MS } from "~/contests/attempt";
import type { ParticipantInfo } from "~/contests/results.server";
import { isActiveAt } from "~/units/history";
import { currentMapper } from "~/units/history.server";
import { AREA_KINDS, areaLevelOf, type AreaLevel } from "~/units/unit-kinds";
import type { UnitNode } from "~/units/unit-tree";
import { listUnits } from "~/units/units.server";
import { prisma } from "~/utils/db.server";
import { statsStore, type StatsStore } from "./fact-store.server";
import {
  individualLeaderboard,
  schoolLeaderboard,
  type ParticipantProfile,
  type ParticipantResult,
  type UnitStanding,
} from "./leaderboards";
import { areaBoard, type AreaResult, type AreaStanding, type AreaView } from "./area-board";

// The public leaderboards: a closed round's or a whole contest's results, for individuals (display
// name and school only), schools and areas. Open rounds are never shown.

export type LeaderboardFilter = { roundId: string | null; contestId: string | null; audience: Audience | null; areaView?: AreaView };

export type AreaBoard = {
  view: AreaView;
  /** The level's name for the areas shown: "huyện" for a 2024 contest as it was, "xã/phường" today. */
  level: AreaLevel;
  /** The day the results are "as of" in the recorded view (the last round's closing). */
  asOf: Date | null;
  standings: AreaStanding[];
};

/**
 * By area, from the area stored on each attempt. "recorded": the areas that existed when the
 * contest closed; "current": today's areas, old results spread by the successions' shares.
 */
async function areaStandings(store: StatsStore, filter: LeaderboardFilter, results: ParticipantResult[], now: number): Promise<AreaBoard> {
  const view = filter.areaView ?? "recorded";
  const rounds = [...store.rounds.values()].filter((round) => (filter.roundId ? round.id === filter.roundId : filter.contestId ? round.contestId === filter.contestId : false));
  const lastRound = rounds.length > 0 ? rounds.reduce((last, round) => (round.closesAt > last.closesAt ? round : last)) : null;
  const areaOf = areasOfParticipants(store, rounds.map((round) => round.id));
  // A moment just before closing: a round closing at the reform belongs to the old tree.
  const asOf = lastRound ? new Date(lastRound.closesAt.getTime() - 1) : null;
  const at = view === "current" || !asOf ? new Date(now) : asOf;
  const candidates = await prisma.unit.findMany({
    where: { kind: { in: [...AREA_KINDS] } },
    select: { id: true, name: true, kind: true, validFrom: true, validTo: true, parent: { select: { kind: true } } },
  });
  const recordedIds = new Set([...areaOf.values()].filter((id): id is string => Boolean(id)));
  const areas = candidates.filter(
    (unit) => unit.parent?.kind === "province" && (isActiveAt(unit, at) || (view === "recorded" && recordedIds.has(unit.id))),
  );
  const mapper = view === "current" ? await currentMapper(prisma, at) : (id: string) => [{ unitId: id, share: 1 }];
  // Thousands of results share a few hundred areas: each is mapped once.
  const mapped = new Map<string, ReturnType<typeof mapper>>();
  const mapArea = (id: string) => mapped.get(id) ?? mapped.set(id, mapper(id)).get(id)!;
  const counted: AreaResult[] = [];
  for (const result of results) {
    if (filter.audience && result.audience !== filter.audience) continue;
    counted.push({ participantId: result.participantId, score: result.score, areaId: areaOf.get(result.participantId) ?? null });
  }
  const standings = areaBoard(
    counted,
    areas.map(({ id, name, kind }) => ({ id, name, kind })),
    mapArea,
  );
  return { view, level: areaLevelOf(areas.map((area) => area.kind)), asOf: view === "recorded" ? asOf : null, standings };
}

const areaOfMemo = new Map<string, Map<string, string | null>>();

/** Each participant counts in the area stored on their latest attempt (in these rounds) that has one; kept while the attempts stay. */
function areasOfParticipants(store: StatsStore, roundIds: string[]): Map<string, string | null> {
  const key = JSON.stringify([store.serial, roundIds.map((id) => [id, store.attemptsVersion(id)])]);
  const known = areaOfMemo.get(key);
  if (known) return known;
  const areaOf = new Map<string, string | null>();
  const areaSince = new Map<string, number>();
  for (const attempt of store.attemptsOf(roundIds)) {
    const at = attempt.startedAt;
    if (!areaOf.has(attempt.participantKey)) areaOf.set(attempt.participantKey, null);
    if (attempt.areaId !== null && at >= (areaSince.get(attempt.participantKey) ?? -Infinity)) {
      areaOf.set(attempt.participantKey, attempt.areaId);
      areaSince.set(attempt.participantKey, at);
    }
  }
  if (areaOfMemo.size >= MAX_MEMOISED) areaOfMemo.delete(areaOfMemo.keys().next().value!);
  areaOfMemo.set(key, areaOf);
  return areaOf;
}

const areaMemo = new Map<string, AreaBoard>();

/** The board by area names no one: it is kept until the rounds' attempts or the units change, whatever names do. */
async function cachedAreaStandings(store: StatsStore, filter: LeaderboardFilter, results: ParticipantResult[], now: number): Promise<AreaBoard> {
  const rounds = [...store.rounds.values()]
    .filter((round) => (filter.roundId ? round.id === filter.roundId : filter.contestId ? round.contestId === filter.contestId : false))
    .map((round) => [round.id, store.attemptsVersion(round.id), now > round.closesAt.getTime() + ANSWER_GRACE_MS]);
  const key = JSON.stringify([store.serial, filter.roundId, filter.contestId, filter.audience, filter.areaView, rounds, store.unitsVersion]);
  const known = areaMemo.get(key);
  if (known) return known;
  const board = await areaStandings(store, filter, results, now);
  if (areaMemo.size >= MAX_MEMOISED) areaMemo.delete(areaMemo.keys().next().value!);
  areaMemo.set(key, board);
  return board;
}

export function parseAudience(value: string | null): Audience | null {
  return value && (AUDIENCES as readonly string[]).includes(value) ? (value as Audience) : null;
}

function profileOf(info: ParticipantInfo, deletedLabel: string, hiddenLabel: string): ParticipantProfile {
  return {
    participantId: info.participantId,
    // Public boards: a participant who chose so is shown as "Thí sinh ẩn danh" (issue 8).
    displayName: info.displayName === null ? deletedLabel : info.hideName ? hiddenLabel : info.displayName,
    unitId: info.unitId,
    audience: parseAudience(info.audience),
  };
}

/** Contests with at least one closed round, and those rounds, for the filter lists. */
export async function leaderboardChoices(now: number) {
  const rounds = await prisma.round.findMany({
    where: { contestId: { not: null }, closesAt: { lt: new Date(now) } },
    select: { id: true, title: true, contestId: true, contest: { select: { title: true } } },
    orderBy: { closesAt: "desc" },
  });
  const contests = new Map<string, string>();
  for (const round of rounds) if (round.contestId && round.contest) contests.set(round.contestId, round.contest.title);
  return { rounds: rounds.map(({ id, title, contestId }) => ({ id, title, contestId })), contests: [...contests].map(([id, title]) => ({ id, title })) };
}

type Boards = Awaited<ReturnType<typeof computeLeaderboards>>;
/** Promises, so that a view asking while the same boards are being made (a round closing, prepared ahead) waits for them. */
const memo = new Map<string, Promise<Boards>>();
const MAX_MEMOISED = 200;

/**
 * The boards, from the facts in memory (./fact-store.server.ts), remembered until one of the rounds
 * they show changes (its attempts, their participants' names) or the units do, or another round's
 * answers may be shown (docs/decisions/024).
 */
export async function leaderboards(filter: LeaderboardFilter, now: number, deletedLabel: string, hiddenLabel = "Thí sinh ẩn danh"): Promise<Boards> {
  // Boards prepared ahead of a round's closing ask for a moment still to come; the database is
  // read (and scores stored) by the clock as it is.
  const store = await statsStore(prisma, Math.min(now, Date.now()));
  const shown = [...store.rounds.values()]
    .filter((round) => (filter.roundId ? round.id === filter.roundId : filter.contestId ? round.contestId === filter.contestId : false))
    .map((round) => [round.id, store.roundVersion(round.id), now > round.closesAt.getTime() + ANSWER_GRACE_MS]);
  const key = JSON.stringify([store.serial, filter.roundId, filter.contestId, filter.audience ?? null, filter.areaView ?? "recorded", deletedLabel, hiddenLabel, shown, store.unitsVersion]);
  const known = memo.get(key);
  if (known) {
    // Kept by last use.
    memo.delete(key);
    memo.set(key, known);
    return known;
  }
  const boards = computeLeaderboards(store, filter, now, deletedLabel, hiddenLabel);
  if (memo.size >= MAX_MEMOISED) memo.delete(memo.keys().next().value!);
  memo.set(key, boards);
  boards.catch(() => memo.delete(key));
  return boards;
}

type Ranking = { ranked: readonly { participantId: string; rank: number; correct: number }[]; participants: ReadonlyMap<string, ParticipantInfo> };
const EMPTY_RANKING: Ranking = { ranked: [], participants: new Map() };

/** What every board of one ranking shares, whatever the audience chosen: its public profiles and results. */
type RankingBase = {
  /** The store's nameSeq these names were laid as of. */
  seq: number;
  profiles: Map<string, ParticipantProfile>;
  named: Map<string, ParticipantProfile>;
  results: ParticipantResult[];
  individuals: ReturnType<typeof individualLeaderboard>;
  /** Where each participant sits in results and in individuals (null after someone left the individuals: made again at the next mend). */
  places: { result: Map<string, number>; individual: Map<string, number> } | null;
  /** The schools' board per audience chosen ("" for all). */
  schools: Map<string, UnitStanding[]>;
  /** The individuals of one audience, with where each participant sits among them. */
  byAudience: Map<string, { individuals: ReturnType<typeof individualLeaderboard>; at: Map<string, number> }>;
};
// Rankings are kept by the facts' store while their rounds stay the same (names are mended in the
// same ranking object), so their bases are kept with them.
const bases = new WeakMap<Ranking, Map<string, RankingBase>>();

function baseOf(store: StatsStore, ranking: Ranking, units: UnitNode[], deletedLabel: string, hiddenLabel: string): RankingBase {
  const key = JSON.stringify([store.unitsVersion, deletedLabel, hiddenLabel]);
  let known = bases.get(ranking);
  if (!known) bases.set(ranking, (known = new Map()));
  const base = known.get(key);
  if (base?.seq === store.nameSeq) return base;
  const renamed = base ? store.renamedSince(base.seq) : null;
  const made = base && renamed ? mendBase(base, ranking, renamed, units, deletedLabel, hiddenLabel) : freshBase(ranking, units, deletedLabel, hiddenLabel);
  made.seq = store.nameSeq;
  known.set(key, made);
  return made;
}

function freshBase(ranking: Ranking, units: UnitNode[], deletedLabel: string, hiddenLabel: string): RankingBase {
  // Individuals: only people who still have a profile; deleted data stays in the unit figures.
  // One profile per participant: a year's contest ranks tens of thousands.
  const named = new Map<string, ParticipantProfile>();
  const profiles = new Map<string, ParticipantProfile>();
  for (const info of ranking.participants.values()) {
    const profile = profileOf(info, deletedLabel, hiddenLabel);
    profiles.set(info.participantId, profile);
    if (info.displayName !== null) named.set(info.participantId, profile);
  }
  const results: ParticipantResult[] = [];
  for (const entry of ranking.ranked) {
    const profile = profiles.get(entry.participantId);
    if (profile) results.push({ participantId: profile.participantId, displayName: profile.displayName, unitId: profile.unitId, audience: profile.audience, score: entry.correct });
  }
  const base: RankingBase = { seq: -1, profiles, named, results, individuals: individualLeaderboard(ranking.ranked, named, units), places: null, schools: new Map(), byAudience: new Map() };
  base.places = placesOf(base, ranking);
  return base;
}

/**
 * The base with the names of the participants whose profile changed laid again (a participant
 * renamed, or hiding their name): the ranking is the same, so only their entries change. New
 * arrays, so boards already handed out keep what they showed.
 */
function mendBase(base: RankingBase, ranking: Ranking, renamed: readonly string[], units: UnitNode[], deletedLabel: string, hiddenLabel: string): RankingBase {
  const places = base.places ?? placesOf(base, ranking);
  const results = base.results.slice();
  let individuals = base.individuals.slice();
  let shownChanged = false;
  for (const id of new Set(renamed)) {
    const info = ranking.participants.get(id);
    if (!info) continue;
    const profile = profileOf(info, deletedLabel, hiddenLabel);
    base.profiles.set(id, profile);
    const wasShown = base.named.has(id);
    if (info.displayName !== null) base.named.set(id, profile);
    else base.named.delete(id);
    if (wasShown !== base.named.has(id)) shownChanged = true;
    const result = places.result.get(id);
    if (result !== undefined) results[result] = { ...results[result], displayName: profile.displayName };
    const shown = places.individual.get(id);
    if (shown !== undefined && base.named.has(id)) individuals[shown] = { ...individuals[shown], displayName: profile.displayName };
  }
  const schools = new Map(base.schools);
  for (const [audience, board] of schools) if (!schoolsKeep(board, renamed, results, places, audience, units)) schools.delete(audience);
  const byAudience = new Map<string, { individuals: ReturnType<typeof individualLeaderboard>; at: Map<string, number> }>();
  let mendedPlaces: RankingBase["places"] = places;
  if (shownChanged) {
    // Someone left the list of individuals (or came back): the ranks below them move up.
    individuals = individualLeaderboard(ranking.ranked, base.named, units);
    mendedPlaces = null;
  } else {
    for (const [audience, list] of base.byAudience) {
      const mended = list.individuals.slice();
      for (const id of renamed) {
        const shown = list.at.get(id);
        if (shown !== undefined) mended[shown] = { ...mended[shown], displayName: base.named.get(id)!.displayName };
      }
      byAudience.set(audience, { individuals: mended, at: list.at });
    }
  }
  return { seq: base.seq, profiles: base.profiles, named: base.named, results, individuals, places: mendedPlaces, schools, byAudience };
}

/**
 * Whether a schools' board still holds after some participants' names changed: the names it shows
 * are each school's best scorers, and a participant scoring below the last of those shown (with
 * the list full) can neither appear there nor move anyone, whatever their name.
 */
function schoolsKeep(board: UnitStanding[], renamed: readonly string[], results: ParticipantResult[], places: NonNullable<RankingBase["places"]>, audience: string, units: UnitNode[]): boolean {
  const schoolOf = schoolFinder(units);
  for (const id of renamed) {
    const at = places.result.get(id);
    if (at === undefined) continue;
    const result = results[at];
    if (audience && result.audience !== audience) continue;
    const school = schoolOf(result.unitId);
    if (school === null) continue;
    const standing = board.find((entry) => entry.unitId === school);
    if (!standing) return false;
    const shown = standing.bestScorers;
    if (shown.length < BEST_SCORERS_SHOWN || result.score >= shown[shown.length - 1].score) return false;
  }
  return true;
}

const BEST_SCORERS_SHOWN = 3;
const schoolFinders = new WeakMap<UnitNode[], (unitId: string | null) => string | null>();
/** The school a unit sits at or under (as schoolLeaderboard places a participant). */
function schoolFinder(units: UnitNode[]): (unitId: string | null) => string | null {
  let finder = schoolFinders.get(units);
  if (finder) return finder;
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const known = new Map<string | null, string | null>();
  finder = (unitId) => {
    const cached = known.get(unitId);
    if (cached !== undefined) return cached;
    const seen = new Set<string>();
    let found: string | null = null;
    for (let unit = unitId ? byId.get(unitId) : undefined; unit && !seen.has(unit.id); unit = unit.parentId ? byId.get(unit.parentId) : undefined) {
      if (unit.kind === "school") {
        found = unit.id;
        break;
      }
      seen.add(unit.id);
    }
    known.set(unitId, found);
    return found;
  };
  schoolFinders.set(units, finder);
  return finder;
}

/** Where each participant sits in a base's results and individuals (both in ranking order). */
function placesOf(base: RankingBase, ranking: Ranking): NonNullable<RankingBase["places"]> {
  const result = new Map<string, number>();
  const individual = new Map<string, number>();
  for (const entry of ranking.ranked) {
    if (base.profiles.has(entry.participantId)) result.set(entry.participantId, result.size);
    if (base.named.has(entry.participantId)) individual.set(entry.participantId, individual.size);
  }
  return { result, individual };
}

/** The individuals of one audience, ranked within it; kept with the base and mended with it. */
function individualsOf(base: RankingBase, ranking: Ranking, units: UnitNode[], audience: Audience) {
  let list = base.byAudience.get(audience);
  if (!list) {
    const at = new Map<string, number>();
    // In ranking order, as individualLeaderboard lists them.
    for (const entry of ranking.ranked) if (base.named.get(entry.participantId)?.audience === audience) at.set(entry.participantId, at.size);
    list = { individuals: individualLeaderboard(ranking.ranked, base.named, units, { audience }), at };
    base.byAudience.set(audience, list);
  }
  return list.individuals;
}

function schoolsOf(base: RankingBase, units: UnitNode[], audience: Audience | null): UnitStanding[] {
  const key = audience ?? "";
  let board = base.schools.get(key);
  if (!board) base.schools.set(key, (board = schoolLeaderboard(base.results, units, { audience })));
  return board;
}

let unitList: { store: StatsStore; version: number; units: Promise<UnitNode[]> } | null = null;

async function computeLeaderboards(store: StatsStore, filter: LeaderboardFilter, now: number, deletedLabel: string, hiddenLabel: string) {
  let ranking = EMPTY_RANKING;
  if (filter.roundId) {
    const standing = await store.roundStanding(filter.roundId, now);
    if (standing?.revealed) ranking = standing;
  } else if (filter.contestId) {
    ranking = await store.contestStanding(filter.contestId, now);
  }
  if (unitList?.store !== store || unitList.version !== store.unitsVersion) unitList = { store, version: store.unitsVersion, units: listUnits() };
  const units = await unitList.units;
  const base = baseOf(store, ranking, units, deletedLabel, hiddenLabel);
  const options = { audience: filter.audience };
  return {
    individuals: filter.audience ? individualsOf(base, ranking, units, filter.audience) : base.individuals,
    schools: schoolsOf(base, units, filter.audience),
    areas: await cachedAreaStandings(store, filter, base.results, now),
  };
}
