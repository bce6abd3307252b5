import { resetDatabase, testPrisma as db } from "../../tests/setup/test-database";

import { beforeEach, describe, expect, it } from "vitest";
import { saveAttemptAnswer, startOrResumeAttempt, submitOwnAttempt } from "~/contests/attempts.server";
import { roundStanding } from "~/contests/results.server";
import { createRound } from "~/contests/rounds.server";
import { makePupil, seedContestWorld, type ContestWorld } from "~/contests/__fixtures__/contest-db";
import { createSession } from "~/utils/session.server";
import { mergeAccounts, previewMerge } from "./merge-accounts.server";

const HOUR = 3_600_000;

let world: ContestWorld;
let admin: string;
beforeEach(async () => {
  await resetDatabase();
  world = await seedContestWorld(db);
  admin = (await db.user.create({ data: { username: "quantri", displayName: "Quản trị", passwordHash: "x", role: "admin" }, select: { id: true } })).id;
});

async function round(title: string, maxAttempts = 2) {
  const created = await createRound({
    contestId: null,
    title,
    opensAt: Date.now() - 2 * HOUR,
    closesAt: Date.now() + 2 * HOUR,
    releaseId: world.releaseId,
    drawRule: { kind: "mix", buckets: [{ count: 2 }] },
    questionAudience: null,
    timeLimitSeconds: 600,
    maxAttempts,
    audiences: null,
    predictionBasis: null,
    scope: "province",
    scopeUnitId: null,
    scopeClass: null,
    createdById: world.organizerId,
  });
  if (!created.ok) throw new Error(JSON.stringify(created.problem));
  return created.roundId;
}

/** One finished attempt: started, one answer saved, handed in. */
async function attemptIn(roundId: string, userId: string, startedAt: number) {
  const started = await startOrResumeAttempt(roundId, userId, startedAt);
  if (!started.ok) throw new Error(started.code);
  expect(await saveAttemptAnswer(started.attemptId, userId, { index: 0, positions: [0] }, startedAt + 1_000)).toMatchObject({ ok: true });
  const submitted = await submitOwnAttempt(started.attemptId, userId, startedAt + 2_000);
  expect(submitted).toMatchObject({ ok: true });
  return started.attemptId;
}

async function username(userId: string) {
  return (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { username: true } })).username;
}

describe("merging a duplicate account", () => {
  it("moves every attempt to the kept account, renumbers a round both took, and counts the person once", async () => {
    const keep = await makePupil(db, world, { name: "Lê Thu Hà" });
    const duplicate = await makePupil(db, world, { name: "Le Thu Ha" });
    const both = await round("Tuần 1");
    const onlyDuplicate = await round("Tuần 2");
    const now = Date.now();
    const kept1 = await attemptIn(both, keep, now - 90 * 60_000);
    const moved1 = await attemptIn(both, duplicate, now - 60 * 60_000);
    const moved2 = await attemptIn(onlyDuplicate, duplicate, now - 30 * 60_000);
    await createSession(duplicate);
    expect((await roundStanding(both, now))?.attemptCounts.size).toBe(2);

    const preview = await previewMerge(db, keep, await username(duplicate), now);
    expect(preview).toMatchObject({ ok: true, keep: { attempts: 1 }, duplicate: { attempts: 2 }, sharedRounds: 1 });

    const result = await mergeAccounts(db, { keepId: keep, duplicateUsername: await username(duplicate), adminId: admin, now });
    expect(result).toEqual({ ok: true, movedAttempts: 2, renumberedRounds: 1, profileMoved: false });
    const attempts = await db.attempt.findMany({ where: { userId: keep }, select: { id: true, roundId: true, attemptNumber: true, participantKey: true }, orderBy: { startedAt: "asc" } });
    expect(attempts).toEqual([
      { id: kept1, roundId: both, attemptNumber: 1, participantKey: keep },
      { id: moved1, roundId: both, attemptNumber: 2, participantKey: keep },
      { id: moved2, roundId: onlyDuplicate, attemptNumber: 1, participantKey: keep },
    ]);
    expect((await roundStanding(both, now))?.attemptCounts.size).toBe(1);
    expect(await db.user.findUnique({ where: { id: duplicate } })).toBeNull();
    expect(await db.session.count({ where: { userId: duplicate } })).toBe(0);
    expect(await db.participantProfile.count({ where: { userId: duplicate } })).toBe(0);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "user.merged" } });
    expect(entry).toMatchObject({ actorId: admin, subject: await username(keep) });
    expect(entry.detail).toContain("2 attempts moved");
  });

  it("moves the profile when only the duplicate had one", async () => {
    const keep = (await db.user.create({ data: { username: "hs-moi", displayName: "Hà", passwordHash: "x", role: "participant" }, select: { id: true } })).id;
    const duplicate = await makePupil(db, world, { name: "Lê Thu Hà", className: "8B" });
    const result = await mergeAccounts(db, { keepId: keep, duplicateUsername: await username(duplicate), adminId: admin, now: Date.now() });
    expect(result).toMatchObject({ ok: true, profileMoved: true });
    expect(await db.participantProfile.findUniqueOrThrow({ where: { userId: keep } })).toMatchObject({ displayName: "Lê Thu Hà", className: "8B" });
  });

  it("refuses staff accounts, the same account, an unknown name and a duplicate in the middle of a round, changing nothing", async () => {
    const keep = await makePupil(db, world);
    const duplicate = await makePupil(db, world);
    const open = await round("Đang mở");
    const running = await startOrResumeAttempt(open, duplicate, Date.now());
    expect(running.ok).toBe(true);
    const now = Date.now();
    const refusals = [
      await mergeAccounts(db, { keepId: keep, duplicateUsername: "gv", adminId: admin, now }),
      await mergeAccounts(db, { keepId: keep, duplicateUsername: await username(keep), adminId: admin, now }),
      await mergeAccounts(db, { keepId: keep, duplicateUsername: "khong-co-ai", adminId: admin, now }),
      await mergeAccounts(db, { keepId: keep, duplicateUsername: await username(duplicate), adminId: admin, now }),
    ];
    expect(refusals.map((result) => (result.ok ? "ok" : result.key))).toEqual([
      "merge.error.staff",
      "merge.error.same",
      "merge.error.noSuchAccount",
      "merge.error.running",
    ]);
    expect(await db.user.count({ where: { id: duplicate } })).toBe(1);
    expect(await db.attempt.count({ where: { userId: duplicate } })).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "user.merged" } })).toBe(0);
  });

  it("leaves nothing half-written when a step fails", async () => {
    const keep = await makePupil(db, world);
    const duplicate = await makePupil(db, world);
    await attemptIn(await round("Tuần 1"), duplicate, Date.now() - HOUR);
    // A contest the duplicate somehow created can never lose its creator (onDelete: Restrict): the delete fails last.
    await db.contest.create({ data: { title: "Không xóa được", createdById: duplicate } });
    await expect(mergeAccounts(db, { keepId: keep, duplicateUsername: await username(duplicate), adminId: admin, now: Date.now() })).rejects.toThrow();
    expect(await db.attempt.count({ where: { userId: duplicate } })).toBe(1);
    expect(await db.attempt.count({ where: { userId: keep } })).toBe(0);
    expect(await db.participantProfile.count({ where: { userId: duplicate } })).toBe(1);
    expect(await db.user.count({ where: { id: duplicate } })).toBe(1);
  });
});
