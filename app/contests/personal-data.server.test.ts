import { resetDatabase, testPrisma as db } from "../../tests/setup/test-database";

import { beforeEach, describe, expect, it } from "vitest";
import { auditPersonalDataExport } from "~/utils/personal-data-export.server";
import { startOrResumeAttempt } from "./attempts.server";
import { drawQuestions, type DrawRule } from "./draw";
import { releasePool } from "./pool.server";
import { deleteParticipantData } from "./registration.server";
import { createRound } from "./rounds.server";
import { makePupil, seedContestWorld, type ContestWorld } from "./__fixtures__/contest-db";

// Issue 8, personal data: deleting one's data leaves the account id nowhere; staff cannot delete
// themselves; audit entries keep the actor's name; exports of results are audited.

const T0 = Date.UTC(2026, 10, 2, 1, 0);
const rule: DrawRule = { kind: "mix", buckets: [{ topic: "economic", count: 3 }] };

let world: ContestWorld;
beforeEach(async () => {
  await resetDatabase();
  world = await seedContestWorld(db);
});

async function everythingStored(): Promise<string> {
  const [attempts, answers, audit] = await Promise.all([db.attempt.findMany(), db.attemptAnswer.findMany(), db.auditEntry.findMany()]);
  return JSON.stringify({ attempts, answers, audit });
}

describe("deleting one's data", () => {
  it("leaves the account id nowhere, keeps an old attempt's draw reproducible and the actor's name in the audit", async () => {
    const created = await createRound({
      contestId: null, title: "Vòng", opensAt: T0, closesAt: T0 + 3_600_000, releaseId: world.releaseId, drawRule: rule,
      questionAudience: null, timeLimitSeconds: 600, maxAttempts: 3, audiences: null, predictionBasis: null,
      scope: "province", scopeUnitId: null, scopeClass: null, createdById: world.organizerId,
    });
    if (!created.ok) throw new Error("round");
    const pupil = await makePupil(db, world, { name: "Lan" });
    const fresh = await startOrResumeAttempt(created.roundId, pupil, T0 + 1000);
    if (!fresh.ok) throw new Error(fresh.code);
    // An attempt from before this change: its seed was [round, account id, attempt number].
    const legacySeed = JSON.stringify([created.roundId, pupil, 2]);
    const pool = await releasePool(world.releaseId);
    const legacyDraw = drawQuestions({ pool: pool.questions, rule, seed: legacySeed, audience: null });
    if (!legacyDraw.ok) throw new Error("draw");
    await db.attempt.create({
      data: {
        roundId: created.roundId, userId: pupil, participantKey: pupil, attemptNumber: 2, audience: "lower-secondary", unitId: world.schoolA,
        seed: legacySeed, questions: JSON.stringify(legacyDraw.questions), startedAt: new Date(T0), deadline: new Date(T0 + 600_000),
      },
    });
    const username = (await db.user.findUniqueOrThrow({ where: { id: pupil }, select: { username: true } })).username;
    await db.auditEntry.createMany({
      data: [
        { actorId: world.organizerId, action: "user.created", subject: username, detail: `participant ${pupil}` },
        { actorId: pupil, action: "unit.requested", subject: "Trường mới", detail: null },
      ],
    });
    expect(await everythingStored()).toContain(pupil);

    expect(await deleteParticipantData(pupil)).toEqual({ ok: true });

    const stored = await everythingStored();
    expect(stored).not.toContain(pupil);
    expect(stored).not.toContain(`"${username}"`);
    expect(await db.attempt.count()).toBe(2);
    const old = await db.attempt.findFirstOrThrow({ where: { attemptNumber: 2 }, select: { seed: true, questions: true } });
    const replay = drawQuestions({ pool: pool.questions, rule, seed: old.seed, audience: null });
    expect(replay.ok && JSON.stringify(replay.questions)).toBe(old.questions);
    expect(await db.auditEntry.findFirst({ where: { action: "unit.requested" }, select: { actorId: true, actorName: true } })).toEqual({
      actorId: null,
      actorName: "Lan",
    });
  });

  it("refuses for staff, an admin above all, and deletes nothing", async () => {
    const admin = await db.user.create({ data: { username: "qt", displayName: "Quản trị", passwordHash: "x", role: "admin" }, select: { id: true } });
    expect(await deleteParticipantData(admin.id)).toEqual({ ok: false, key: "myData.staffCannotDelete" });
    expect(await deleteParticipantData(world.teacherId)).toEqual({ ok: false, key: "myData.staffCannotDelete" });
    expect(await db.user.count({ where: { id: { in: [admin.id, world.teacherId] } } })).toBe(2);
  });
});

describe("exports of personal data", () => {
  it("are written to the audit log with who, what and how many rows", async () => {
    await auditPersonalDataExport(db, { actorId: world.teacherId, kind: "round-results", subject: "round-1", format: "xlsx", rows: 12 });
    expect(await db.auditEntry.findMany({ select: { actorId: true, action: true, subject: true, detail: true } })).toEqual([
      { actorId: world.teacherId, action: "export.round-results", subject: "round-1", detail: "xlsx, 12 rows" },
    ]);
  });
});
