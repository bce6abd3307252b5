import { resetDatabase, testDatabaseUrl, testPrisma } from "../../tests/setup/test-database";

import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withScratchPostgresDatabase } from "../../scripts/db/adapters";
import { deployMigrations } from "../../scripts/db/migrations";
import { expectPostgresOptionalHere, postgresProblem, postgresServerUrl } from "../../tests/setup/postgres";
import { createPrismaClient, type PrismaClient } from "~/utils/db.server";
import { postgresPreparedReads, sqlitePreparedReads } from "~/utils/prepared-reads.server";
import { postgresAnswerStore, sqliteAnswerStore, type AnswerStore } from "./answer-store.server";

// The contest answers' store (docs/decisions/040) against real databases: the SQLite file of this
// test process through the writer thread, and a scratch PostgreSQL database. What Prisma reads back
// must be what the app wrote before through Prisma, and a write must be stored when it resolves.

const QUESTIONS = [
  { questionId: "q1", revisionId: "r1", type: "single", optionOrder: [2, 0, 1, 3] },
  { questionId: "q2", revisionId: "r2", type: "multiple", optionOrder: [0, 1, 2, 3] },
];

/** A user, an open round and `count` attempts of that user, written through Prisma. */
async function seed(db: PrismaClient, count = 1) {
  const suffix = Math.random().toString(36).slice(2, 8);
  const user = await db.user.create({ data: { username: `pupil-${suffix}`, displayName: "Pupil", passwordHash: "x", role: "participant" }, select: { id: true } });
  const closesAt = new Date(Date.UTC(2026, 11, 31, 10, 0, 0, 250));
  const round = await db.round.create({
    data: {
      title: "Round",
      code: `R${suffix}`,
      opensAt: new Date(Date.UTC(2026, 11, 1)),
      closesAt,
      releaseId: "release",
      releaseName: "2026.1",
      drawRule: "{}",
      questionCount: QUESTIONS.length,
      timeLimitSeconds: 600,
      maxAttempts: 99,
      scope: "province",
      createdById: user.id,
    },
    select: { id: true },
  });
  const startedAt = new Date(Date.UTC(2026, 11, 7, 8, 0, 0, 123));
  const attempts: string[] = [];
  for (let number = 1; number <= count; number += 1) {
    const attempt = await db.attempt.create({
      data: {
        roundId: round.id,
        userId: user.id,
        participantKey: user.id,
        attemptNumber: number,
        seed: "s",
        questions: JSON.stringify(QUESTIONS),
        startedAt,
        deadline: new Date(startedAt.getTime() + 600_000),
      },
      select: { id: true },
    });
    attempts.push(attempt.id);
  }
  return { userId: user.id, attempts, startedAt, closesAt };
}

const savedAt = Date.UTC(2026, 11, 7, 8, 1, 2, 345);

async function checkStore(db: PrismaClient, store: AnswerStore, inOrder: boolean) {
  const { userId, attempts, startedAt, closesAt } = await seed(db, 3);
  const [attemptId, second, third] = attempts;

  // The read a save checks its rules against.
  expect(await store.loadForWrite("no-such-attempt")).toBeNull();
  expect(await store.loadForWrite(attemptId)).toEqual({
    userId,
    participantKey: userId,
    attemptNumber: 1,
    questions: JSON.stringify(QUESTIONS),
    currentIndex: 0,
    startedAt,
    deadline: new Date(startedAt.getTime() + 600_000),
    submittedAt: null,
    prediction: null,
    roundClosesAt: closesAt,
    releaseId: "release",
  });

  // An answer, then the same question again with the resume index moved: one row, the last answer.
  expect(await store.write({ attemptId, questionId: "q1", revisionId: "r1", options: "[2]", savedAt, currentIndex: null })).toBeNull();
  expect(await store.write({ attemptId, questionId: "q1", revisionId: "r1", options: "[0]", savedAt: savedAt + 1_000, currentIndex: 1 })).toBeNull();
  expect(await db.attemptAnswer.findMany({ where: { attemptId }, select: { questionId: true, revisionId: true, options: true, savedAt: true } })).toEqual([
    { questionId: "q1", revisionId: "r1", options: "[0]", savedAt: new Date(savedAt + 1_000) },
  ]);
  const moved = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { currentIndex: true, updatedAt: true } });
  expect(moved).toEqual({ currentIndex: 1, updatedAt: new Date(savedAt + 1_000) });
  expect((await store.loadForWrite(attemptId))?.currentIndex).toBe(1);

  // Clearing removes the row.
  expect(await store.write({ attemptId, questionId: "q1", revisionId: "r1", options: null, savedAt, currentIndex: null })).toBeNull();
  expect(await db.attemptAnswer.count({ where: { attemptId } })).toBe(0);

  // Saves made together: each resolves once stored; within the group the last save of a question wins.
  const together = await Promise.all([
    store.write({ attemptId: second, questionId: "q1", revisionId: "r1", options: "[1]", savedAt, currentIndex: null }),
    store.write({ attemptId: second, questionId: "q2", revisionId: "r2", options: "[0,3]", savedAt, currentIndex: 1 }),
    store.write({ attemptId: third, questionId: "q1", revisionId: "r1", options: "[3]", savedAt, currentIndex: null }),
    store.write({ attemptId: third, questionId: "q1", revisionId: "r1", options: "[2]", savedAt: savedAt + 5, currentIndex: null }),
    store.write({ attemptId: third, questionId: "q2", revisionId: "r2", options: "[1]", savedAt, currentIndex: null }),
    store.write({ attemptId: third, questionId: "q2", revisionId: "r2", options: null, savedAt: savedAt + 5, currentIndex: null }),
  ]);
  expect(together).toEqual([null, null, null, null, null, null]);
  const stored = await db.attemptAnswer.findMany({ where: { attemptId: { in: [second, third] } }, select: { attemptId: true, questionId: true, options: true } });
  expect(stored.sort((a, b) => `${a.attemptId}${a.questionId}`.localeCompare(`${b.attemptId}${b.questionId}`))).toEqual(
    [
      { attemptId: second, questionId: "q1", options: "[1]" },
      { attemptId: second, questionId: "q2", options: "[0,3]" },
      { attemptId: third, questionId: "q1", options: "[2]" },
    ].sort((a, b) => `${a.attemptId}${a.questionId}`.localeCompare(`${b.attemptId}${b.questionId}`)),
  );
  expect((await db.attempt.findUniqueOrThrow({ where: { id: second }, select: { currentIndex: true } })).currentIndex).toBe(1);

  // An attempt handed in before the commit refuses the save: nothing is written, the index stays.
  await db.attempt.update({ where: { id: third }, data: { submittedAt: new Date(savedAt + 10) } });
  expect(await store.write({ attemptId: third, questionId: "q2", revisionId: "r2", options: "[1]", savedAt: savedAt + 20, currentIndex: 1 })).toBe("already-submitted");
  expect(await db.attemptAnswer.count({ where: { attemptId: third, questionId: "q2" } })).toBe(0);
  expect((await db.attempt.findUniqueOrThrow({ where: { id: third }, select: { currentIndex: true } })).currentIndex).toBe(0);
  expect((await store.loadForWrite(third))?.submittedAt).toEqual(new Date(savedAt + 10));
  await checkSubmit(db, store, second, inOrder);
}

/**
 * A submit (docs/decisions/044): hands the attempt in and returns the answers stored at that moment.
 * Saves sent beside it are each either acknowledged and among those answers, or refused and not
 * stored; through the SQLite writer thread, which keeps the order jobs came in, the one sent before
 * the submit is stored and the one after it refused. A second submit is refused; the score is stored
 * once, with updatedAt on the machine's clock (the statistics find changed attempts by it).
 */
async function checkSubmit(db: PrismaClient, store: AnswerStore, attemptId: string, inOrder: boolean) {
  const submittedAt = savedAt + 60_000;
  const before = Date.now();
  const [early, handedIn, late] = await Promise.all([
    store.write({ attemptId, questionId: "q1", revisionId: "r1", options: "[3]", savedAt: savedAt + 50_000, currentIndex: null }),
    store.submit(attemptId, submittedAt),
    store.write({ attemptId, questionId: "q2", revisionId: "r2", options: "[2]", savedAt: savedAt + 61_000, currentIndex: null }),
  ]);
  if (inOrder) expect([early, late]).toEqual([null, "already-submitted"]);
  for (const outcome of [early, late]) expect([null, "already-submitted"]).toContain(outcome);
  if (handedIn === "already-submitted") throw new Error("the first submit was refused");
  const expected = [
    { questionId: "q1", options: early === null ? "[3]" : "[1]" },
    { questionId: "q2", options: late === null ? "[2]" : "[0,3]" },
  ];
  expect(handedIn.map((answer) => ({ questionId: answer.questionId, options: answer.options })).sort((a, b) => a.questionId.localeCompare(b.questionId))).toEqual(expected);
  expect(new Date(handedIn.find((answer) => answer.questionId === "q1")!.savedAt).getTime()).toBe(early === null ? savedAt + 50_000 : savedAt);
  expect(await db.attemptAnswer.findMany({ where: { attemptId }, select: { questionId: true, options: true }, orderBy: { questionId: "asc" } })).toEqual(expected);

  expect(await store.submit(attemptId, submittedAt + 1)).toBe("already-submitted");
  expect(await store.write({ attemptId, questionId: "q1", revisionId: "r1", options: "[0]", savedAt: submittedAt + 2, currentIndex: null })).toBe("already-submitted");
  await store.storeScore(attemptId, 1);
  await store.storeScore(attemptId, 2);
  const row = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { submittedAt: true, correct: true, updatedAt: true } });
  expect(row.submittedAt).toEqual(new Date(submittedAt));
  expect(row.correct).toBe(1);
  expect(row.updatedAt.getTime()).toBeGreaterThanOrEqual(before);
}

describe("the contest answers' store", () => {
  beforeEach(resetDatabase);

  it("on SQLite: reads the attempt, writes, replaces, clears and moves in group commits, refuses a handed-in attempt", async () => {
    const reads = sqlitePreparedReads(testDatabaseUrl);
    const store = sqliteAnswerStore(testDatabaseUrl, reads);
    try {
      await checkStore(testPrisma, store, true);
    } finally {
      await store.close();
      await reads.close();
    }
  });

  let postgresUnreachable: string | undefined;
  beforeAll(async () => {
    postgresUnreachable = await postgresProblem();
  });

  it("on PostgreSQL: the same, in one transaction per group", async () => {
    if (postgresUnreachable) return expectPostgresOptionalHere(postgresUnreachable);
    await withScratchPostgresDatabase(postgresServerUrl, "answer_store", async (url) => {
      await deployMigrations({ databaseUrl: url });
      const db = createPrismaClient(url);
      const reads = postgresPreparedReads(url);
      const store = postgresAnswerStore(reads);
      try {
        await checkStore(db, store, false);
      } finally {
        await store.close();
        await reads.close();
        await db.$disconnect();
      }
    });
  }, 120_000);
});
