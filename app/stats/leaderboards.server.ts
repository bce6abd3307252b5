import { AUDIENCES, type Audience } from "~/bank/question-file";
import { ANSWER_GRACE_MS } from "~/contests/attempt";
import type { ParticipantInfo } from "~/contests/results.server";
import { isActiveAt } from "~/units/history";
import { currentMapper } from "~/units/history.server";
import { AREA_KINDS, areaLevelOf, type AreaLevel } from "~/units/unit-kinds";
import { listUnits } from "~/units/units.server";
import { prisma } from "~/utils/db.server";
import { statsStore, type StatsStore } from "./fact-store.server";
import {
  individualLeaderboard,
  schoolLeaderboard,
  type ParticipantProfile,
  type ParticipantResult,
} from "./leaderboards";
import { areaBoard, type AreaStanding, type AreaView } from "./area-board";

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
  // Each participant counts in the area stored on their latest attempt that has one.
  const areaOf = new Map<string, string | null>();
  const areaSince = new Map<string, number>();
  for (const attempt of store.attemptsOf(rounds.map((round) => round.id))) {
    const at = attempt.startedAt;
    if (!areaOf.has(attempt.participantKey)) areaOf.set(attempt.participantKey, null);
    if (attempt.areaId !== null && at >= (areaSince.get(attempt.participantKey) ?? -Infinity)) {
      areaOf.set(attempt.participantKey, attempt.areaId);
      areaSince.set(attempt.participantKey, at);
    }
  }
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
  const mapArea = view === "current" ? await currentMapper(prisma, at) : (id: string) => [{ unitId: id, share: 1 }];
  const standings = areaBoard(
    results.filter((result) => filter.audience === null || filter.audience === undefined || result.audience === filter.audience).map((result) => ({
      participantId: result.participantId,
      score: result.score,
      areaId: areaOf.get(result.participantId) ?? null,
    })),
    areas.map(({ id, name, kind }) => ({ id, name, kind })),
    mapArea,
  );
  return { view, level: areaLevelOf(areas.map((area) => area.kind)), asOf: view === "recorded" ? asOf : null, standings };
}

const areaMemo = new Map<string, AreaBoard>();

/** The board by area names no one: it is kept until the rounds' attempts or the units change, whatever names do. */
async function cachedAreaStandings(store: StatsStore, filter: LeaderboardFilter, results: ParticipantResult[], now: number): Promise<AreaBoard> {
  const rounds = [...store.rounds.values()]
    .filter((round) => (filter.roundId ? round.id === filter.roundId : filter.contestId ? round.contestId === filter.contestId : false))
    .map((round) => [round.id, store.attemptsVersion(round.id), now > round.closesAt.getTime() + ANSWER_GRACE_MS]);
  const key = JSON.stringify([filter.roundId, filter.contestId, filter.audience, filter.areaView, rounds, store.unitsVersion]);
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
const memo = new Map<string, Boards>();
const MAX_MEMOISED = 100;

/**
 * The boards, from the facts in memory (./fact-store.server.ts), remembered until one of the rounds
 * they show changes (its attempts, their participants' names) or the units do, or another round's
 * answers may be shown (docs/decisions/024).
 */
export async function leaderboards(filter: LeaderboardFilter, now: number, deletedLabel: string, hiddenLabel = "Thí sinh ẩn danh"): Promise<Boards> {
  const store = await statsStore(prisma, now);
  const shown = [...store.rounds.values()]
    .filter((round) => (filter.roundId ? round.id === filter.roundId : filter.contestId ? round.contestId === filter.contestId : false))
    .map((round) => [round.id, store.roundVersion(round.id), now > round.closesAt.getTime() + ANSWER_GRACE_MS]);
  const key = JSON.stringify([filter, deletedLabel, hiddenLabel, shown, store.unitsVersion]);
  const known = memo.get(key);
  if (known) return known;
  const boards = await computeLeaderboards(store, filter, now, deletedLabel, hiddenLabel);
  if (memo.size >= MAX_MEMOISED) memo.delete(memo.keys().next().value!);
  memo.set(key, boards);
  return boards;
}

async function computeLeaderboards(store: StatsStore, filter: LeaderboardFilter, now: number, deletedLabel: string, hiddenLabel: string) {
  let ranked: { participantId: string; rank: number; correct: number }[] = [];
  let participants = new Map<string, ParticipantInfo>();
  if (filter.roundId) {
    const standing = await store.roundStanding(filter.roundId, now);
    if (standing?.revealed) {
      ranked = standing.ranked;
      participants = standing.participants;
    }
  } else if (filter.contestId) {
    const standing = await store.contestStanding(filter.contestId, now);
    ranked = standing.ranked;
    participants = standing.participants;
  }
  const units = await listUnits();
  // Individuals: only people who still have a profile; deleted data stays in the unit figures.
  const named = [...participants.values()].filter((info) => info.displayName !== null).map((info) => profileOf(info, deletedLabel, hiddenLabel));
  const results: ParticipantResult[] = ranked.flatMap((entry) => {
    const info = participants.get(entry.participantId);
    return info ? [{ ...profileOf(info, deletedLabel, hiddenLabel), score: entry.correct }] : [];
  });
  const options = { audience: filter.audience };
  return {
    individuals: individualLeaderboard(ranked, named, units, options),
    schools: schoolLeaderboard(results, units, options),
    areas: await cachedAreaStandings(store, filter, results, now),
  };
}
