import { resetDatabase, testDatabaseUrl, testPrisma } from "../../tests/setup/test-database";

import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withScratchPostgresDatabase } from "../../scripts/db/adapters";
import { deployMigrations } from "../../scripts/db/migrations";
import { expectPostgresOptionalHere, postgresProblem, postgresServerUrl } from "../../tests/setup/postgres";
import { createPrismaClient, type PrismaClient } from "~/utils/db.server";
import { postgresPreparedReads, sqlitePreparedReads, type PreparedReads } from "~/utils/prepared-reads.server";
import { readAnswers, readAttempt, readAttempts, readProfile, readRole, readRound, readStandingRows, readUnitAncestry, withAnswers } from "./round-reads.server";

// The round pages' prepared reads (docs/decisions/044) against real databases, the SQLite file of
// this test process and a scratch PostgreSQL database: what they return must be what Prisma reads
// back of the same rows (dates as Date, booleans as booleans, nulls as null).

const OPENS = new Date(Date.UTC(2026, 11, 1, 1, 2, 3, 456));
const CLOSES = new Date(Date.UTC(2026, 11, 31, 10, 0, 0, 250));
const STARTED = new Date(Date.UTC(2026, 11, 7, 8, 0, 0, 123));

async function seed(db: PrismaClient) {
  const suffix = Math.random().toString(36).slice(2, 8);
  const province = await db.unit.create({ data: { code: `P${suffix}`, name: "Tỉnh", kind: "province" }, select: { id: true } });
  const district = await db.unit.create({ data: { code: `D${suffix}`, name: "Xã", kind: "commune", parentId: province.id }, select: { id: true } });
  const school = await db.unit.create({ data: { code: `S${suffix}`, name: "Trường", kind: "school", parentId: district.id }, select: { id: true } });
  const organizer = await db.user.create({ data: { username: `org-${suffix}`, displayName: "Org", passwordHash: "x", role: "organizer" }, select: { id: true } });
  const pupil = await db.user.create({ data: { username: `pupil-${suffix}`, displayName: "Pupil", passwordHash: "x" }, select: { id: true } });
  await db.participantProfile.create({
    data: { userId: pupil.id, displayName: "Pupil", birthYear: 2012, audience: "secondary", unitId: school.id, className: "8A", consentVersion: "1", consentedAt: OPENS, hideNamePublicly: true },
  });
  const contest = await db.contest.create({ data: { title: "Cuộc thi", createdById: organizer.id }, select: { id: true } });
  const fields = {
    opensAt: OPENS,
    closesAt: CLOSES,
    releaseId: "release",
    releaseName: "2026.1",
    drawRule: '{"kind":"mix"}',
    questionCount: 2,
    timeLimitSeconds: 600,
    maxAttempts: 3,
    scope: "province",
    createdById: organizer.id,
  };
  const round = await db.round.create({
    data: { ...fields, title: "Vòng 1", code: `A${suffix}`, contestId: contest.id, predictionEnabled: true, predictionBasis: "all-correct", questionAudience: "secondary", audiences: '["secondary"]' },
    select: { id: true },
  });
  const bare = await db.round.create({ data: { ...fields, title: "Vòng 2", code: `B${suffix}` }, select: { id: true } });
  const attempt = (number: number, submittedAt: Date | null) =>
    db.attempt.create({
      data: { roundId: round.id, userId: pupil.id, participantKey: pupil.id, attemptNumber: number, seed: "s", questions: "[]", startedAt: STARTED, deadline: new Date(STARTED.getTime() + 600_000), submittedAt, prediction: number === 1 ? 42 : null },
      select: { id: true },
    });
  // Written out of order: the reads order them.
  const second = await attempt(2, null);
  const first = await attempt(1, new Date(STARTED.getTime() + 1_000));
  // A participant who deleted their account: the attempt stays, without a user or a name.
  await db.attempt.create({
    data: { roundId: round.id, userId: null, participantKey: "deleted-key", attemptNumber: 1, seed: "s", questions: "[]", startedAt: STARTED, deadline: new Date(STARTED.getTime() + 600_000), submittedAt: STARTED, correct: 2, audience: "secondary", unitId: school.id },
  });
  await db.attemptAnswer.create({ data: { attemptId: first.id, questionId: "q1", revisionId: "r1", options: "[1,2]", savedAt: new Date(STARTED.getTime() + 500) } });
  return { province: province.id, district: district.id, school: school.id, organizer: organizer.id, pupil: pupil.id, contest: contest.id, round: round.id, bare: bare.id, first: first.id, second: second.id };
}

async function checkReads(db: PrismaClient, reads: PreparedReads) {
  const ids = await seed(db);
  expect(await readRound(ids.round, reads)).toEqual({
    id: ids.round,
    title: "Vòng 1",
    opensAt: OPENS,
    closesAt: CLOSES,
    questionCount: 2,
    timeLimitSeconds: 600,
    maxAttempts: 3,
    predictionEnabled: true,
    predictionBasis: "all-correct",
    audiences: '["secondary"]',
    scope: "province",
    scopeUnitId: null,
    scopeClass: null,
    releaseId: "release",
    drawRule: '{"kind":"mix"}',
    questionAudience: "secondary",
    contestTitle: "Cuộc thi",
  });
  expect(await readRound(ids.bare, reads)).toMatchObject({ predictionEnabled: false, contestTitle: null, predictionBasis: null, audiences: null });
  expect(await readRound("no-such-round", reads)).toBeNull();

  const prismaAttempts = await db.attempt.findMany({
    where: { roundId: ids.round, userId: ids.pupil },
    orderBy: { attemptNumber: "asc" },
    select: { id: true, roundId: true, userId: true, participantKey: true, attemptNumber: true, questions: true, currentIndex: true, startedAt: true, deadline: true, submittedAt: true, prediction: true },
  });
  expect(await readAttempts(ids.round, { userId: ids.pupil }, reads)).toEqual(prismaAttempts);
  expect(await readAttempts(ids.round, { participantKey: ids.pupil }, reads)).toEqual(prismaAttempts);
  expect(await readAttempts(ids.bare, { userId: ids.pupil }, reads)).toEqual([]);
  expect(await readAttempt(ids.first, reads)).toEqual(prismaAttempts[0]);
  expect(await readAttempt("no-such-attempt", reads)).toBeNull();
  expect(await readAnswers(ids.first, reads)).toEqual([{ questionId: "q1", options: "[1,2]", savedAt: new Date(STARTED.getTime() + 500) }]);
  expect((await withAnswers(prismaAttempts, reads)).map((row) => row.answers.length)).toEqual([1, 0]);

  // What ranking reads of every attempt of a round, as Prisma's nested read of the same rows gives it.
  const nested = await db.attempt.findMany({
    where: { roundId: ids.round },
    select: {
      participantKey: true,
      attemptNumber: true,
      startedAt: true,
      deadline: true,
      submittedAt: true,
      prediction: true,
      correct: true,
      audience: true,
      unitId: true,
      user: { select: { participantProfile: { select: { displayName: true, className: true, hideNamePublicly: true } } } },
    },
  });
  const byKey = (a: { participantKey: string; attemptNumber: number }, b: { participantKey: string; attemptNumber: number }) =>
    a.participantKey.localeCompare(b.participantKey) || a.attemptNumber - b.attemptNumber;
  const expected = nested
    .map(({ user, startedAt, deadline, submittedAt, ...row }) => ({
      ...row,
      startedAt: startedAt.getTime(),
      deadline: deadline.getTime(),
      submittedAt: submittedAt?.getTime() ?? null,
      profile: user?.participantProfile ?? null,
    }))
    .sort(byKey);
  expect(expected).toHaveLength(3);
  expect(expected.map((row) => row.profile)).toContainEqual({ displayName: "Pupil", className: "8A", hideNamePublicly: true });
  expect(expected.map((row) => row.profile)).toContainEqual(null);
  expect((await readStandingRows(ids.round, reads)).sort(byKey)).toEqual(expected);
  expect(await readStandingRows(ids.bare, reads)).toEqual([]);

  expect(await readProfile(ids.pupil, reads)).toEqual({ unitId: ids.school, audience: "secondary", className: "8A" });
  expect(await readProfile(ids.organizer, reads)).toBeNull();
  expect(await readRole(ids.organizer, reads)).toBe("organizer");
  expect(await readRole(ids.pupil, reads)).toBe("participant");
  expect(await readRole("no-such-user", reads)).toBeNull();
  expect(await readUnitAncestry(ids.school, reads)).toEqual([
    { id: ids.school, kind: "school" },
    { id: ids.district, kind: "commune" },
    { id: ids.province, kind: "province" },
  ]);
  // As the walk through Prisma did: a unit that is missing is in the ancestry, and ends it.
  expect(await readUnitAncestry("gone", reads)).toEqual([{ id: "gone", kind: null }]);
}

describe("the round pages' prepared reads", () => {
  beforeEach(resetDatabase);

  it("on SQLite read what Prisma reads", async () => {
    const reads = sqlitePreparedReads(testDatabaseUrl);
    try {
      await checkReads(testPrisma, reads);
    } finally {
      await reads.close();
    }
  });

  let postgresUnreachable: string | undefined;
  beforeAll(async () => {
    postgresUnreachable = await postgresProblem();
  });

  it("on PostgreSQL read what Prisma reads", async () => {
    if (postgresUnreachable) return expectPostgresOptionalHere(postgresUnreachable);
    await withScratchPostgresDatabase(postgresServerUrl, "round_reads", async (url) => {
      await deployMigrations({ databaseUrl: url });
      const db = createPrismaClient(url);
      const reads = postgresPreparedReads(url);
      try {
        await checkReads(db, reads);
      } finally {
        await reads.close();
        await db.$disconnect();
      }
    });
  }, 120_000);
});
