import { resetDatabase, testPrisma as db } from "../../tests/setup/test-database";

import { beforeEach, describe, expect, it } from "vitest";
import { ANSWER_GRACE_MS } from "./attempt";
import { attemptView, participantAttempts, saveAttemptAnswer, saveAttemptPrediction, startOrResumeAttempt, submitOwnAttempt } from "./attempts.server";
import { drawQuestions, type DrawRule } from "./draw";
import { resultsCsv, resultsXlsx } from "./export.server";
import { releasePool } from "./pool.server";
import { deleteParticipantData } from "./registration.server";
import { roundExportRows, roundStanding } from "./results.server";
import { closeRoundNow, createRound, type RoundInput } from "./rounds.server";
import { attemptSeed } from "./seeded-random";
import { makePupil, seedContestWorld, type ContestWorld } from "./__fixtures__/contest-db";
import ExcelJS from "exceljs";
import { translator } from "~/utils/i18n";
import { leaderboards } from "~/stats/leaderboards.server";
import { statsStore } from "~/stats/fact-store.server";
import { keptRoundExportRows, keptRoundStanding } from "~/stats/round-standing.server";
import { prisma } from "~/utils/db.server";

/** The ranking the results pages, files and a pupil's place read (kept by the statistics) equals the one read from the database. */
async function expectKeptStandingAsRead(roundId: string, now: number) {
  const read = await roundStanding(roundId, now);
  // The facts know the round: what is compared is their ranking, not the fallback to the database.
  expect(await (await statsStore(prisma, now)).roundStanding(roundId, now)).not.toBeNull();
  expect(await keptRoundStanding(roundId, now)).toEqual(read);
  expect(await keptRoundExportRows(roundId, now, "(đã xóa)")).toEqual(await roundExportRows(roundId, now, "(đã xóa)"));
}

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 2, 1, 0);
const rule: DrawRule = { kind: "mix", buckets: [{ topic: "asean-basics", difficulty: "easy", count: 2 }, { topic: "economic", count: 3 }] };

let world: ContestWorld;
beforeEach(async () => {
  await resetDatabase();
  world = await seedContestWorld(db);
});

function roundInput(overrides: Partial<RoundInput> = {}): RoundInput {
  return {
    contestId: null,
    title: "Vòng thử",
    opensAt: T0,
    closesAt: T0 + 120 * MINUTE,
    releaseId: world.releaseId,
    drawRule: rule,
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
  };
}

async function newRound(overrides: Partial<RoundInput> = {}) {
  const created = await createRound(roundInput(overrides));
  if (!created.ok) throw new Error(JSON.stringify(created.problem));
  return created.roundId;
}

async function started(roundId: string, userId: string, now: number) {
  const outcome = await startOrResumeAttempt(roundId, userId, now);
  if (!outcome.ok) throw new Error(outcome.code);
  return outcome.attemptId;
}

/** The position on screen of the correct option of question `index` (fixture: written option n mod 4). */
async function correctPosition(attemptId: string, index: number) {
  const row = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { questions: true } });
  const question = (JSON.parse(row.questions) as { questionId: string; optionOrder: number[] }[])[index];
  const n = Number(question.questionId.slice(-1));
  return question.optionOrder.indexOf(n % 4);
}

describe("rounds", () => {
  it("refuses a rule the release cannot fill, naming the bucket", async () => {
    const result = await createRound(roundInput({ drawRule: { kind: "mix", buckets: [{ topic: "economic", difficulty: "hard", count: 4 }] } }));
    expect(result).toEqual({
      ok: false,
      problem: { key: "rounds.error.bucketShort", params: { topic: "economic", difficulty: "hard", needed: 4, available: 3 } },
    });
    expect(await db.round.count()).toBe(0);
  });
});

describe("attempts against the database", () => {
  it("stores the draw the rule and the seed give, and the same draw comes out again", async () => {
    const roundId = await newRound();
    const pupil = await makePupil(db, world);
    const attemptId = await started(roundId, pupil, T0 + MINUTE);
    const row = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { seed: true, questions: true } });
    const stored = JSON.parse(row.questions) as { questionId: string; revisionId: string; optionOrder: number[] }[];

    // The seed is stored and carries no account id (issue 8): the stored seed reproduces the draw.
    expect(row.seed).not.toContain(pupil);
    expect(JSON.parse(row.seed)).toEqual([roundId, expect.any(String), 1]);
    const pool = await releasePool(world.releaseId);
    const again = drawQuestions({ pool: pool.questions, rule, seed: row.seed, audience: null });
    if (!again.ok) throw new Error("draw failed");
    expect(again.questions.map(({ questionId, revisionId, optionOrder }) => ({ questionId, revisionId, optionOrder }))).toEqual(
      stored.map(({ questionId, revisionId, optionOrder }) => ({ questionId, revisionId, optionOrder })),
    );
    expect(stored.filter((question) => /^asean-basics-000[123]$/.test(question.questionId))).toHaveLength(2);
    expect(stored.filter((question) => question.questionId.startsWith("economic-"))).toHaveLength(3);
    const revisions = await db.questionRevision.findMany({ where: { id: { in: stored.map((question) => question.revisionId) } }, select: { questionId: true } });
    expect(revisions.map((revision) => revision.questionId).sort()).toEqual(stored.map((question) => question.questionId).sort());
  });

  it("keeps the deadline by the server clock: a reload resumes with the time left, later answers are refused", async () => {
    const roundId = await newRound();
    const pupil = await makePupil(db, world);
    const attemptId = await started(roundId, pupil, T0);

    expect(await saveAttemptAnswer(attemptId, pupil, { index: 2, positions: [1], nextIndex: 2 }, T0 + 3 * MINUTE)).toEqual({ ok: true });
    // The browser was closed; it comes back 4 minutes in: same attempt, same question, 6 minutes left.
    expect(await startOrResumeAttempt(roundId, pupil, T0 + 4 * MINUTE)).toEqual({ ok: true, attemptId, resumed: true });
    const view = await attemptView(attemptId, pupil, T0 + 4 * MINUTE, "vi", null);
    expect(view).toMatchObject({ status: "in-progress", index: 2, remainingMs: 6 * MINUTE });
    expect(view?.question.chosen).toEqual([1]);

    const lateNow = T0 + 10 * MINUTE + ANSWER_GRACE_MS + 1;
    expect(await saveAttemptAnswer(attemptId, pupil, { index: 0, positions: [0] }, lateNow)).toEqual({ ok: false, code: "deadline-passed" });
    expect(await submitOwnAttempt(attemptId, pupil, lateNow)).toEqual({ ok: false, code: "deadline-passed" });
    expect((await attemptView(attemptId, pupil, lateNow, "vi", null))?.status).toBe("timed-out");
    expect(await db.attemptAnswer.count({ where: { attemptId } })).toBe(1);
  });

  it("never sends a correct option before the close; shows answers and explanations after it", async () => {
    const roundId = await newRound();
    const pupil = await makePupil(db, world);
    const attemptId = await started(roundId, pupil, T0);
    const view = await attemptView(attemptId, pupil, T0 + MINUTE, "vi", 0);
    expect(JSON.stringify(view)).not.toMatch(/"correct"|Giải thích/);
    expect(await submitOwnAttempt(attemptId, pupil, T0 + 2 * MINUTE)).toEqual({ ok: true });
    expect(await submitOwnAttempt(attemptId, pupil, T0 + 2 * MINUTE)).toEqual({ ok: false, code: "already-submitted" });

    const before = await participantAttempts(roundId, pupil, T0 + 119 * MINUTE, "vi");
    expect(before?.revealed).toBe(false);
    expect(before?.attempts[0].score).toBeNull();

    const after = await participantAttempts(roundId, pupil, T0 + 120 * MINUTE + ANSWER_GRACE_MS + 1, "vi");
    expect(after?.revealed).toBe(true);
    const review = after?.attempts[0].score;
    expect(review?.questionCount).toBe(5);
    expect(review?.questions[0].explanation).toMatch(/^Giải thích /);
    expect(review?.questions[0].options.filter((option) => option.correct)).toHaveLength(1);
  });

  it("allows the attempts budget and no more; an early close ends a running attempt", async () => {
    const roundId = await newRound();
    const pupil = await makePupil(db, world);
    const first = await started(roundId, pupil, T0);
    await submitOwnAttempt(first, pupil, T0 + MINUTE);
    const second = await started(roundId, pupil, T0 + 2 * MINUTE);
    expect(second).not.toBe(first);
    await submitOwnAttempt(second, pupil, T0 + 3 * MINUTE);
    expect(await startOrResumeAttempt(roundId, pupil, T0 + 4 * MINUTE)).toEqual({ ok: false, code: "no-attempts-left" });

    const other = await makePupil(db, world);
    const running = await started(roundId, other, T0 + 5 * MINUTE);
    await closeRoundNow(roundId, T0 + 6 * MINUTE);
    expect(await saveAttemptAnswer(running, other, { index: 0, positions: [0] }, T0 + 6 * MINUTE + ANSWER_GRACE_MS + 1)).toEqual({
      ok: false,
      code: "deadline-passed",
    });
  });

  it("admits only the class a class round is for", async () => {
    const roundId = await newRound({ scope: "class", scopeUnitId: world.schoolA, scopeClass: "8A", createdById: world.teacherId });
    const inClass = await makePupil(db, world, { className: "8a" });
    const otherClass = await makePupil(db, world, { className: "8B" });
    const otherSchool = await makePupil(db, world, { unitId: world.schoolB });
    expect((await startOrResumeAttempt(roundId, inClass, T0)).ok).toBe(true);
    expect(await startOrResumeAttempt(roundId, otherClass, T0)).toEqual({ ok: false, code: "not-in-audience" });
    expect(await startOrResumeAttempt(roundId, otherSchool, T0)).toEqual({ ok: false, code: "not-in-audience" });
  });

  it("refuses a participant without a profile, and staff whatever their profile", async () => {
    const roundId = await newRound();
    const noProfile = await db.user.create({ data: { username: "moi", displayName: "Mới", passwordHash: "x", role: "participant" }, select: { id: true } });
    expect(await startOrResumeAttempt(roundId, noProfile.id, T0)).toEqual({ ok: false, code: "needs-registration" });
    expect(await startOrResumeAttempt(roundId, world.teacherId, T0)).toEqual({ ok: false, code: "staff-cannot-compete" });
  });
});

describe("results", () => {
  async function play(roundId: string, userId: string, correctCount: number, start: number, seconds: number, prediction: number | null) {
    const attemptId = await started(roundId, userId, start);
    for (let index = 0; index < 5; index++) {
      const right = await correctPosition(attemptId, index);
      await saveAttemptAnswer(attemptId, userId, { index, positions: [index < correctCount ? right : (right + 1) % 4] }, start + 1000);
    }
    if (prediction !== null) await saveAttemptPrediction(attemptId, userId, prediction, start + 1000);
    await submitOwnAttempt(attemptId, userId, start + seconds * 1000);
  }

  it("ranks the round with ties, stores the prediction's truth at the close, and exports the table", async () => {
    const roundId = await newRound({ scope: "school", scopeUnitId: world.schoolA });
    const an = await makePupil(db, world, { name: "An" });
    const binh = await makePupil(db, world, { name: "Bình" });
    const chi = await makePupil(db, world, { name: "Chi" });
    const dung = await makePupil(db, world, { name: "=Dũng" });
    await play(roundId, an, 5, T0, 100, 2); // all right, prediction exact (2 get all right)
    await play(roundId, binh, 5, T0, 100, 2); // the same in every respect: a tie
    await play(roundId, chi, 5, T0, 60, 7); // all right, further prediction
    await play(roundId, dung, 3, T0, 30, 2);

    const closedAt = T0 + 121 * MINUTE;
    const standing = await roundStanding(roundId, closedAt);
    expect(standing?.truth).toBe(3);
    expect(standing?.ranked.map((entry) => [standing.participants.get(entry.participantId)?.displayName, entry.rank, entry.tied])).toEqual([
      ["An", 1, true],
      ["Bình", 1, true],
      ["Chi", 3, false],
      ["=Dũng", 4, false],
    ]);
    expect((await db.round.findUniqueOrThrow({ where: { id: roundId }, select: { predictionTruth: true } })).predictionTruth).toBe(3);
    await expectKeptStandingAsRead(roundId, closedAt);

    const t = translator("vi");
    const rows = (await roundExportRows(roundId, closedAt, "(đã xóa)"))!;
    const csv = resultsCsv(rows, t);
    // Every field quoted (app/utils/spreadsheet-cell.ts).
    expect(csv.startsWith('\uFEFF"Hạng","Họ tên","Lớp","Trường / đơn vị","Số câu đúng"')).toBe(true);
    expect(csv).toContain('"1=","An","8A","Trường A","5","5","1","2","100",');
    // A name starting with "=" would run as a formula in a spreadsheet.
    expect(csv).toContain(`"4","'=Dũng","8A","Trường A","3","5","1","2","30",`);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await resultsXlsx(rows, t, "Vòng thử")) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(2).value).toBe("Họ tên");
    expect(sheet.getRow(4).getCell(2).value).toBe("Chi");
    expect(sheet.getRow(4).getCell(5).value).toBe(5);
  });

  it("keeps deleted participants only as anonymous figures: out of the names, still in the school's numbers", async () => {
    const roundId = await newRound();
    const an = await makePupil(db, world, { name: "An" });
    const binh = await makePupil(db, world, { name: "Bình", unitId: world.schoolB });
    const chi = await makePupil(db, world, { name: "Chi" });
    await play(roundId, an, 4, T0, 100, null);
    await play(roundId, binh, 2, T0, 100, null);
    await play(roundId, chi, 2, T0, 100, null);
    await deleteParticipantData(chi);

    expect(await db.user.findUnique({ where: { id: chi } })).toBeNull();
    expect(await db.participantProfile.count({ where: { userId: chi } })).toBe(0);
    const anonymous = await db.attempt.findMany({ where: { participantKey: { startsWith: "anon-" } }, select: { userId: true, unitId: true } });
    expect(anonymous).toEqual([{ userId: null, unitId: world.schoolA }]);

    const boards = await leaderboards({ roundId, contestId: null, audience: null }, T0 + 121 * MINUTE, "(đã xóa)");
    expect(boards.individuals.map((row) => [row.rank, row.displayName, row.schoolName, row.score])).toEqual([
      [1, "An", "Trường A", 4],
      [2, "Bình", "Trường B", 2],
    ]);
    const schoolA = boards.schools.find((row) => row.unitName === "Trường A");
    expect(schoolA).toMatchObject({ rank: 1, participants: 2, enrolment: 10, participationRate: 0.2, averageScore: 3, bestScore: 4 });
    expect(boards.schools.find((row) => row.unitName === "Trường B")).toMatchObject({ rank: 2, participants: 1, participationRate: null, averageScore: 2 });
    expect(boards.areas.standings[0]).toMatchObject({ unitName: "Huyện mẫu", participants: 3 });
    await expectKeptStandingAsRead(roundId, T0 + 121 * MINUTE);
  });

  it("shows nothing on the public boards while the round is open", async () => {
    const roundId = await newRound();
    const an = await makePupil(db, world, { name: "An" });
    await play(roundId, an, 4, T0, 100, null);
    const boards = await leaderboards({ roundId, contestId: null, audience: null }, T0 + 60 * MINUTE, "(đã xóa)");
    expect(boards.individuals).toEqual([]);
  });
});
