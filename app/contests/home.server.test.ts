import { resetDatabase, testPrisma as db } from "../../tests/setup/test-database";

import { beforeEach, describe, expect, it } from "vitest";
import { forgetStatsCache } from "~/stats/figures.server";
import { leaderboards } from "~/stats/leaderboards.server";
import { prepareClosingRounds } from "~/stats/warm-up.server";
import { ANSWER_GRACE_MS } from "./attempt";
import { saveAttemptAnswer, startOrResumeAttempt, submitOwnAttempt } from "./attempts.server";
import { participantHome, publicHome } from "./home.server";
import { setHideNamePublicly } from "./registration.server";
import { createRound, type RoundInput } from "./rounds.server";
import { makePupil, seedContestWorld, type ContestWorld } from "./__fixtures__/contest-db";

// The home pages and the public boards rank from the same facts in memory
// (app/stats/fact-store.server.ts, docs/decisions/033): after a new attempt, a hidden name or a
// round closing, each shows what a fresh ranking from the database would.

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 2, 1, 0);
const DELETED = "(đã xóa)";
const HIDDEN = "Thí sinh ẩn danh";

let world: ContestWorld;
beforeEach(async () => {
  await resetDatabase();
  forgetStatsCache();
  world = await seedContestWorld(db);
});

async function newRound(overrides: Partial<RoundInput>) {
  const created = await createRound({
    contestId: null,
    title: "Vòng",
    opensAt: T0,
    closesAt: T0 + 120 * MINUTE,
    releaseId: world.releaseId,
    drawRule: { kind: "mix", buckets: [{ topic: "asean-basics", count: 2 }, { topic: "economic", count: 2 }] },
    questionAudience: null,
    timeLimitSeconds: 10 * 60,
    maxAttempts: 2,
    audiences: null,
    predictionBasis: "all-correct",
    scope: "province",
    scopeUnitId: null,
    scopeClass: null,
    createdById: world.organizerId,
    ...overrides,
  });
  if (!created.ok) throw new Error(JSON.stringify(created.problem));
  return created.roundId;
}

/** A submitted attempt with `right` of its four questions answered correctly. */
async function play(roundId: string, userId: string, right: number, start: number) {
  const outcome = await startOrResumeAttempt(roundId, userId, start);
  if (!outcome.ok) throw new Error(outcome.code);
  const row = await db.attempt.findUniqueOrThrow({ where: { id: outcome.attemptId }, select: { questions: true } });
  const questions = JSON.parse(row.questions) as { questionId: string; optionOrder: number[] }[];
  for (const [index, question] of questions.entries()) {
    const position = question.optionOrder.indexOf(Number(question.questionId.slice(-1)) % 4);
    await saveAttemptAnswer(outcome.attemptId, userId, { index, positions: [index < right ? position : (position + 1) % 4] }, start + MINUTE + index * 1000);
  }
  await submitOwnAttempt(outcome.attemptId, userId, start + 2 * MINUTE);
}

const rows = (boards: Awaited<ReturnType<typeof leaderboards>>) => boards.individuals.map((row) => [row.rank, row.displayName, row.score]);

/** The boards counted afresh, with nothing kept in memory. */
async function freshBoards(filter: Parameters<typeof leaderboards>[0], now: number) {
  forgetStatsCache();
  return leaderboards(filter, now, DELETED, HIDDEN);
}

describe("home pages rank as the public boards do", () => {
  it("the public home and a participant's home show the board's ranking, after a new attempt and a hidden name too", async () => {
    const first = await newRound({ title: "Vòng 1" });
    const an = await makePupil(db, world, { name: "An" });
    const binh = await makePupil(db, world, { name: "Bình" });
    const chi = await makePupil(db, world, { name: "Chi" });
    await play(first, an, 3, T0);
    await play(first, binh, 4, T0);
    const afterFirst = T0 + 121 * MINUTE;
    const board = await leaderboards({ roundId: first, contestId: null, audience: null }, afterFirst, DELETED, HIDDEN);
    expect(rows(board)).toEqual([
      [1, "Bình", 4],
      [2, "An", 3],
    ]);
    const home = await publicHome(afterFirst);
    expect(home.latest?.top.map((entry) => [entry.rank, entry.name, entry.correct])).toEqual(rows(board));
    expect((await participantHome(an, afterFirst)).rounds.find((round) => round.id === first)?.result).toEqual({ correct: 3, questionCount: 4, rank: 2, of: 2 });

    // A second round: a new attempt ranks first there; once it has closed, both pages follow.
    const second = await newRound({ title: "Vòng 2", opensAt: T0 + 200 * MINUTE, closesAt: T0 + 300 * MINUTE });
    await play(second, an, 2, T0 + 210 * MINUTE);
    await play(second, chi, 4, T0 + 211 * MINUTE);
    const afterSecond = T0 + 301 * MINUTE;
    const secondBoard = await leaderboards({ roundId: second, contestId: null, audience: null }, afterSecond, DELETED, HIDDEN);
    expect(rows(secondBoard)).toEqual([
      [1, "Chi", 4],
      [2, "An", 2],
    ]);
    expect((await publicHome(afterSecond)).latest?.top.map((entry) => [entry.rank, entry.name, entry.correct])).toEqual(rows(secondBoard));
    const anHome = await participantHome(an, afterSecond);
    expect(anHome.rounds.find((round) => round.id === second)?.result).toEqual({ correct: 2, questionCount: 4, rank: 2, of: 2 });
    expect(anHome.rounds.find((round) => round.id === first)?.result).toEqual({ correct: 3, questionCount: 4, rank: 2, of: 2 });

    // Chi hides her name: the board says so, the home page names no one in her place.
    await setHideNamePublicly(chi, true);
    const hidden = await leaderboards({ roundId: second, contestId: null, audience: null }, afterSecond, DELETED, HIDDEN);
    expect(rows(hidden)).toEqual([
      [1, HIDDEN, 4],
      [2, "An", 2],
    ]);
    expect((await publicHome(afterSecond)).latest?.top.map((entry) => entry.name)).toEqual([null, "An"]);
    expect(hidden).toEqual(await freshBoards({ roundId: second, contestId: null, audience: null }, afterSecond));
  });
});

describe("a contest's boards", () => {
  it("take in a round when it closes, prepared ahead or not, as a fresh ranking would; a hidden name is mended on them", async () => {
    const contest = await db.contest.create({ data: { title: "Cuộc thi", createdById: world.organizerId }, select: { id: true } });
    const first = await newRound({ contestId: contest.id, title: "Vòng 1" });
    const closesAt = T0 + 300 * MINUTE;
    const second = await newRound({ contestId: contest.id, title: "Vòng 2", opensAt: T0 + 200 * MINUTE, closesAt });
    const an = await makePupil(db, world, { name: "An" });
    const binh = await makePupil(db, world, { name: "Bình", unitId: world.schoolB });
    const chi = await makePupil(db, world, { name: "Chi" });
    await play(first, an, 3, T0);
    await play(first, binh, 4, T0);
    await play(second, an, 4, T0 + 210 * MINUTE);
    await play(second, chi, 2, T0 + 211 * MINUTE);
    const filter = { roundId: null, contestId: contest.id, audience: null };

    // While the second round is open, the contest counts the first only.
    const open = await leaderboards(filter, T0 + 250 * MINUTE, DELETED, HIDDEN);
    expect(rows(open)).toEqual([
      [1, "Bình", 4],
      [2, "An", 3],
    ]);

    // Shortly before the close the boards are made as they will be; once the answers may be shown they are the fresh ones.
    await prepareClosingRounds(closesAt - 10_000);
    const shownAt = closesAt + ANSWER_GRACE_MS + 1_000;
    const closed = await leaderboards(filter, shownAt, DELETED, HIDDEN);
    expect(rows(closed)).toEqual([
      [1, "An", 7],
      [2, "Bình", 4],
      [3, "Chi", 2],
    ]);
    expect(closed.schools.find((row) => row.unitName === "Trường A")).toMatchObject({ participants: 2, averageScore: 4.5, bestScore: 7 });
    expect(closed).toEqual(await freshBoards(filter, shownAt));

    // Without the preparation (the store forgotten above), the board made at the first view is the same.
    expect(await leaderboards(filter, shownAt, DELETED, HIDDEN)).toEqual(closed);

    const audienceFilter = { ...filter, audience: "lower-secondary" as const };
    expect(rows(await leaderboards(audienceFilter, shownAt, DELETED, HIDDEN))).toEqual([
      [1, "An", 7],
      [2, "Bình", 4],
      [3, "Chi", 2],
    ]);

    // An, the best, hides his name: the names are mended on the contest's boards, the ranking stays.
    await setHideNamePublicly(an, true);
    const mendedAudience = await leaderboards(audienceFilter, shownAt, DELETED, HIDDEN);
    expect(rows(mendedAudience)[0]).toEqual([1, HIDDEN, 7]);
    const mended = await leaderboards(filter, shownAt, DELETED, HIDDEN);
    expect(rows(mended)).toEqual([
      [1, HIDDEN, 7],
      [2, "Bình", 4],
      [3, "Chi", 2],
    ]);
    expect(mended.schools.find((row) => row.unitName === "Trường A")?.bestScorers.map((entry) => entry.displayName)).toEqual([HIDDEN, "Chi"]);
    expect(mended).toEqual(await freshBoards(filter, shownAt));
    expect(mendedAudience).toEqual(await freshBoards(audienceFilter, shownAt));
  });
});
