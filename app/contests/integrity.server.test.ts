import { resetDatabase, testPrisma as db } from "../../tests/setup/test-database";

import { beforeEach, describe, expect, it } from "vitest";
import { participantAttempts, startOrResumeAttempt, submitOwnAttempt } from "./attempts.server";
import { registerParticipant, setHideNamePublicly } from "./registration.server";
import { roundExportRows } from "./results.server";
import { leaderboards } from "~/stats/leaderboards.server";
import { createRound, type RoundInput } from "./rounds.server";
import { makePupil, seedContestWorld, type ContestWorld } from "./__fixtures__/contest-db";

// Issue 8, contest integrity (decision 010): a closed round shows the key of a question only
// when no round that has not closed can still draw it; staff never compete.

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 2, 1, 0);

let world: ContestWorld;
beforeEach(async () => {
  await resetDatabase();
  world = await seedContestWorld(db);
});

async function round(overrides: Partial<RoundInput>): Promise<string> {
  const created = await createRound({
    contestId: null,
    title: "Vòng",
    opensAt: T0,
    closesAt: T0 + 30 * MINUTE,
    releaseId: world.releaseId,
    drawRule: { kind: "mix", buckets: [{ topic: "asean-basics", count: 3 }, { topic: "economic", count: 3 }] },
    questionAudience: null,
    timeLimitSeconds: 600,
    maxAttempts: 10,
    audiences: null,
    predictionBasis: null,
    scope: "province",
    scopeUnitId: null,
    scopeClass: null,
    createdById: world.organizerId,
    ...overrides,
  });
  if (!created.ok) throw new Error(JSON.stringify(created.problem));
  return created.roundId;
}

async function reviewAfterPractice(now: number) {
  const review = await participantAttempts(practice, pupil, now, "vi");
  return review!.attempts[0].score!.questions;
}

let practice: string;
let pupil: string;

async function playPractice() {
  practice = await round({ title: "Luyện tập", scope: "school", scopeUnitId: world.schoolA, createdById: world.teacherId });
  pupil = await makePupil(db, world);
  const started = await startOrResumeAttempt(practice, pupil, T0 + MINUTE);
  if (!started.ok) throw new Error(started.code);
  await submitOwnAttempt(started.attemptId, pupil, T0 + 2 * MINUTE);
}

describe("answer keys after a round closes", () => {
  it("are withheld for questions a still-open province round can draw, and shown once it closes", async () => {
    // The province round draws only economic questions and stays open a day longer.
    await round({ title: "Vòng tỉnh", closesAt: T0 + 24 * 60 * MINUTE, drawRule: { kind: "mix", buckets: [{ topic: "economic", count: 3 }] } });
    await playPractice();

    const afterPractice = await reviewAfterPractice(T0 + 31 * MINUTE);
    expect(afterPractice).toHaveLength(6);
    for (const question of afterPractice) {
      // Exactly the economic questions, which the open province round can draw, are held back.
      expect(question.withheld).toBe(question.prompt.includes("economic-"));
      if (question.withheld) {
        expect(question.options.every((option) => option.correct === null)).toBe(true);
        expect(question.explanation).toBeNull();
        expect(question.correct).toBeNull();
      } else {
        expect(question.options.some((option) => option.correct === true)).toBe(true);
        expect(question.explanation).not.toBeNull();
      }
    }
    expect(afterPractice.filter((question) => question.withheld)).toHaveLength(3);

    const afterProvince = await reviewAfterPractice(T0 + 24 * 60 * MINUTE + MINUTE);
    expect(afterProvince.every((question) => !question.withheld && question.options.some((option) => option.correct === true))).toBe(true);
  });

  it("counts a round that opens later as one that can still draw", async () => {
    // Opens tomorrow: it can still draw everything, so everything is held back.
    await round({ title: "Vòng sau", opensAt: T0 + 24 * 60 * MINUTE, closesAt: T0 + 48 * 60 * MINUTE });
    await playPractice();
    expect((await reviewAfterPractice(T0 + 31 * MINUTE)).every((question) => question.withheld)).toBe(true);
  });

  it("shows everything when no other round is open", async () => {
    await playPractice();
    expect((await reviewAfterPractice(T0 + 31 * MINUTE)).some((question) => question.withheld)).toBe(false);
  });
});

describe("staff do not compete", () => {
  it("refuses registration and attempts for every staff role, with a clear message", async () => {
    const roundId = await round({});
    for (const role of ["admin", "organizer", "host", "teacher"]) {
      const staff = await db.user.create({ data: { username: `staff-${role}`, displayName: role, passwordHash: "x", role }, select: { id: true } });
      const registered = await registerParticipant(
        staff.id,
        { displayName: "X", birthYear: 1990, audience: "public", areaId: world.areaId, unitId: world.schoolA, className: "", consent: true } as never,
        new Date(T0),
      );
      expect(registered).toEqual({ ok: false, field: "form", key: "contest.staffCannotCompete" });
      expect(await startOrResumeAttempt(roundId, staff.id, T0 + MINUTE)).toEqual({ ok: false, code: "staff-cannot-compete" });
    }
    expect(await db.participantProfile.count({ where: { user: { role: { not: "participant" } } } })).toBe(0);
    expect(await db.attempt.count()).toBe(0);
  });
});

describe("names on public boards", () => {
  it("shows a participant who chose so as 'Thí sinh ẩn danh' publicly, and by name to staff", async () => {
    const roundId = await round({});
    const shy = await makePupil(db, world, { name: "Hoa" });
    const open = await makePupil(db, world, { name: "Minh" });
    await setHideNamePublicly(shy, true);
    for (const userId of [shy, open]) {
      const started = await startOrResumeAttempt(roundId, userId, T0 + MINUTE);
      if (!started.ok) throw new Error(started.code);
      await submitOwnAttempt(started.attemptId, userId, T0 + 2 * MINUTE);
    }
    const after = T0 + 31 * MINUTE;
    const boards = await leaderboards({ roundId, contestId: null, audience: null }, after, "(đã xóa)", "Thí sinh ẩn danh");
    expect(boards.individuals.map((row) => row.displayName).sort()).toEqual(["Minh", "Thí sinh ẩn danh"]);
    const staffView = await roundExportRows(roundId, after, "(đã xóa)");
    expect(staffView!.map((row) => row.displayName).sort()).toEqual(["Hoa", "Minh"]);
  });
});
