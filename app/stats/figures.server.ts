import { storePendingScores } from "~/contests/scores.server";
import type { PrismaClient } from "~/utils/db.server";
import { aggregateFigures, type Figures, type MapUnit, type StatsFacts, type StatsFilter } from "./figures";

// The facts the counting module needs, read from the database, and kept in memory between
// requests (docs/decisions/015). Every request first reads a fingerprint of the tables the facts
// come from — a handful of aggregates over indexed columns — and reloads only when it changed, so
// a new attempt, a submit, a deleted participant or an edited unit shows on the next view.
// Results of one filter are memoised per fingerprint as well.

export type { Figures, StatsFilter } from "./figures";

type Loaded = { fingerprint: string; facts: StatsFacts; mapUnit: MapUnit; results: Map<string, Figures> };

let cache: Loaded | null = null;
let loading: Promise<Loaded> | null = null;
const MAX_MEMOISED_RESULTS = 200;

/** Changes whenever a stored fact the figures depend on changes (or attempts are added or removed). */
export async function statsFingerprint(db: PrismaClient): Promise<string> {
  const [attempts, games, units, profiles, rounds] = await Promise.all([
    db.attempt.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    db.liveGame.aggregate({ _count: { _all: true }, _sum: { stateVersion: true }, _max: { endedAt: true } }),
    db.unit.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    db.participantProfile.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    db.round.aggregate({ _count: { _all: true }, _max: { createdAt: true } }),
  ]);
  return [
    attempts._count._all,
    attempts._max.updatedAt?.getTime(),
    games._count._all,
    games._sum.stateVersion,
    games._max.endedAt?.getTime(),
    units._count._all,
    units._max.updatedAt?.getTime(),
    profiles._count._all,
    profiles._max.updatedAt?.getTime(),
    rounds._count._all,
    rounds._max.createdAt?.getTime(),
  ].join(":");
}

export async function loadFacts(db: PrismaClient): Promise<{ facts: StatsFacts; mapUnit: MapUnit }> {
  const [units, rounds, contests, attempts, profiles, liveGames, livePlayers, answerCounts, correctCounts] = await Promise.all([
    db.unit.findMany({ select: { id: true, name: true, kind: true, parentId: true, enrolment: true } }),
    db.round.findMany({ select: { id: true, title: true, contestId: true, opensAt: true, closesAt: true, questionCount: true } }),
    db.contest.findMany({ select: { id: true, title: true }, orderBy: { createdAt: "asc" } }),
    db.attempt.findMany({
      select: { participantKey: true, userId: true, roundId: true, audience: true, unitId: true, startedAt: true, submittedAt: true, correct: true },
    }),
    db.participantProfile.findMany({ select: { userId: true, birthYear: true } }),
    db.liveGame.findMany({ select: { id: true, title: true, hostId: true, createdAt: true, status: true } }),
    db.livePlayer.findMany({ select: { id: true, gameId: true, unitId: true } }),
    db.liveAnswer.groupBy({ by: ["playerId"], _count: { _all: true } }),
    db.liveAnswer.groupBy({ by: ["playerId"], where: { correct: true }, _count: { _all: true } }),
  ]);
  const roundById = new Map(rounds.map((round) => [round.id, round]));
  const birthYear = new Map(profiles.map((profile) => [profile.userId, profile.birthYear]));
  const answers = new Map(answerCounts.map((row) => [row.playerId, row._count._all]));
  const correct = new Map(correctCounts.map((row) => [row.playerId, row._count._all]));
  const facts: StatsFacts = {
    units: units.map((unit) => ({ ...unit, validFrom: null, validTo: null })),
    rounds: rounds.map((round) => ({ id: round.id, title: round.title, contestId: round.contestId, opensAt: round.opensAt.getTime(), closesAt: round.closesAt.getTime() })),
    contests,
    attempts: attempts.map((attempt) => {
      const round = roundById.get(attempt.roundId);
      return {
        participantKey: attempt.participantKey,
        roundId: attempt.roundId,
        contestId: round?.contestId ?? null,
        audience: attempt.audience,
        unitId: attempt.unitId,
        areaId: null,
        birthYear: attempt.userId ? (birthYear.get(attempt.userId) ?? null) : null,
        startedAt: attempt.startedAt.getTime(),
        submitted: attempt.submittedAt !== null,
        correct: attempt.correct,
        questionCount: round?.questionCount ?? 0,
      };
    }),
    liveGames: liveGames.map((game) => ({ id: game.id, title: game.title, hostId: game.hostId, startedAt: game.createdAt.getTime(), status: game.status })),
    livePlayers: livePlayers.map((player) => ({
      gameId: player.gameId,
      unitId: player.unitId,
      areaId: null,
      answers: answers.get(player.id) ?? 0,
      correctAnswers: correct.get(player.id) ?? 0,
    })),
  };
  return { facts, mapUnit: (unitId) => [{ unitId, share: 1 }] };
}

async function current(db: PrismaClient, now: number): Promise<Loaded> {
  // Attempts that ran out of time since the last look get their score stored first; that write
  // changes the fingerprint, so the facts below include it.
  await storePendingScores(db, now);
  const fingerprint = await statsFingerprint(db);
  if (cache?.fingerprint === fingerprint) return cache;
  loading ??= loadFacts(db)
    .then(({ facts, mapUnit }) => {
      cache = { fingerprint, facts, mapUnit, results: new Map() };
      return cache;
    })
    .finally(() => {
      loading = null;
    });
  const loaded = await loading;
  // A load that began before a newer change is still right for its own fingerprint; read again.
  return loaded.fingerprint === fingerprint ? loaded : current(db, now);
}

/** Every figure for one filter (see app/stats/figures.ts for what each one counts). */
export async function computeFigures(db: PrismaClient, filter: StatsFilter, now = Date.now()): Promise<Figures> {
  const loaded = await current(db, now);
  const key = JSON.stringify(filter);
  const memo = loaded.results.get(key);
  if (memo) return memo;
  const figures = aggregateFigures(loaded.facts, filter, loaded.mapUnit, now);
  if (loaded.results.size >= MAX_MEMOISED_RESULTS) loaded.results.delete(loaded.results.keys().next().value!);
  loaded.results.set(key, figures);
  return figures;
}

/** Forgets the facts in memory (tests, and after a bulk load such as the synthetic year). */
export function forgetStatsCache(): void {
  cache = null;
}
