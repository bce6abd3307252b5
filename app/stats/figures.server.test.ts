import { resetDatabase, testPrisma as db } from "../../tests/setup/test-database";

import { beforeEach, describe, expect, it } from "vitest";
import { saveAttemptAnswer, startOrResumeAttempt, submitOwnAttempt } from "~/contests/attempts.server";
import { deleteParticipantData } from "~/contests/registration.server";
import { createRound } from "~/contests/rounds.server";
import { makePupil, seedContestWorld, type ContestWorld } from "~/contests/__fixtures__/contest-db";
import { statsStore } from "./fact-store.server";
import { computeFigures, forgetStatsCache } from "./figures.server";
import type { StatsFilter } from "./figures";

// computeFigures against a real database: scores stored at the submit (and for an attempt that
// ran out of time, at the next look), and the cache that follows every new attempt.

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 2, 1, 0);
const year: StatsFilter = { from: new Date(Date.UTC(2025, 11, 31, 17)), to: new Date(Date.UTC(2026, 11, 31, 17)), view: "as-it-was" };

let world: ContestWorld;
beforeEach(async () => {
  await resetDatabase();
  forgetStatsCache();
  world = await seedContestWorld(db);
});

async function round() {
  const created = await createRound({
    contestId: null,
    title: "Vòng thống kê",
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
  });
  if (!created.ok) throw new Error(JSON.stringify(created.problem));
  return created.roundId;
}

async function attempt(roundId: string, userId: string, now: number, rightAnswers: number, submit: boolean) {
  const outcome = await startOrResumeAttempt(roundId, userId, now);
  if (!outcome.ok) throw new Error(outcome.code);
  const row = await db.attempt.findUniqueOrThrow({ where: { id: outcome.attemptId }, select: { questions: true } });
  const questions = JSON.parse(row.questions) as { questionId: string; optionOrder: number[] }[];
  for (const [index, question] of questions.entries()) {
    const right = question.optionOrder.indexOf(Number(question.questionId.slice(-1)) % 4);
    const position = index < rightAnswers ? right : (right + 1) % 4;
    const saved = await saveAttemptAnswer(outcome.attemptId, userId, { index, positions: [position] }, now + MINUTE + index * 10_000);
    if (!saved.ok) throw new Error(saved.code);
  }
  if (submit) await submitOwnAttempt(outcome.attemptId, userId, now + 2 * MINUTE);
  return outcome.attemptId;
}

describe("computeFigures", () => {
  it("stores scores, counts a deleted participant once, lists the school nobody came from, and follows new attempts", async () => {
    const roundId = await round();
    const an = await makePupil(db, world, { name: "An" });
    const binh = await makePupil(db, world, { name: "Bình" });
    const first = await attempt(roundId, an, T0, 3, true);
    expect((await db.attempt.findUniqueOrThrow({ where: { id: first }, select: { correct: true } })).correct).toBe(3);
    // Bình runs out of time with 1 right of 4: scored at the next look after the deadline.
    await attempt(roundId, binh, T0, 1, false);

    const before = await computeFigures(db, year, T0 + 30 * MINUTE);
    expect(before.totals).toEqual({ participants: 2, attempts: 2, completed: 1, completionRate: 0.5, scored: 2, averageScore: 0.5, averageCorrect: 2 });
    expect(before.bySchool.map((row) => [row.name, row.participants, row.enrolment, row.participationRate])).toEqual([
      ["Trường A", 2, 10, 0.2],
      ["Trường B", 0, null, null],
    ]);
    // The district has no enrolment: Trường A's 10 stands for it.
    expect(before.byArea.map((row) => [row.name, row.participants, row.enrolment, row.participationRate])).toEqual([["Huyện mẫu", 2, 10, 0.2]]);

    // A second attempt arrives: the next view counts it (the cache follows the database).
    await attempt(roundId, an, T0 + 40 * MINUTE, 4, true);
    const after = await computeFigures(db, year, T0 + 45 * MINUTE);
    expect(after.totals).toMatchObject({ participants: 2, attempts: 3, completed: 2, scored: 3, averageCorrect: 2.666666667 });

    // This process's own new attempt is read alone (the attempt and its participant), not with a look at every table.
    const store = await statsStore(db, T0 + 45 * MINUTE);
    const third = await attempt(roundId, binh, T0 + 46 * MINUTE, 2, true);
    expect(store.attempts.has(third)).toBe(false);
    expect(await store.lookAtOwnAttempts(db, [third])).toBe(true);
    expect(store.attempts.get(third)).toMatchObject({ correct: 2, userId: binh });
    expect((await computeFigures(db, year, T0 + 47 * MINUTE)).totals).toMatchObject({ participants: 2, attempts: 4, completed: 3, scored: 4 });

    // An deletes their data: their two attempts stay, as one anonymous participant.
    await deleteParticipantData(an);
    const anonymised = await computeFigures(db, year, T0 + 50 * MINUTE);
    expect(anonymised.totals).toMatchObject({ participants: 2, attempts: 4 });
    expect(anonymised.byBirthBand.map((row) => [row.key, row.participants, row.attempts])).toEqual([
      ["2010–2014", 1, 2],
      ["unknown", 1, 2],
    ]);
  });
});
