import { resetDatabase, testPrisma as db } from "../../tests/setup/test-database";

import { beforeEach, describe, expect, it } from "vitest";
import { fieldErrors } from "~/utils/forms";
import { startOrResumeAttempt } from "./attempts.server";
import { birthYearFits, profileEditSchema } from "./profile-edit";
import { updateParticipantProfile } from "./profile-edit.server";
import { createRound } from "./rounds.server";
import { makePupil, seedContestWorld, type ContestWorld } from "./__fixtures__/contest-db";

const NOW = new Date(Date.UTC(2026, 11, 7, 3, 0));
const YEAR = NOW.getFullYear();

let world: ContestWorld;
beforeEach(async () => {
  await resetDatabase();
  world = await seedContestWorld(db);
});

function edit(values: Record<string, string>) {
  const parsed = profileEditSchema(YEAR).safeParse({
    displayName: "Lê Thu Hà",
    birthYear: "2012",
    audience: "lower-secondary",
    areaId: world.areaId,
    unitId: world.schoolB,
    className: "9a",
    ...values,
  });
  if (!parsed.success) throw new Error(JSON.stringify(fieldErrors(parsed.error)));
  return parsed.data;
}

describe("whether a birth year fits the group", () => {
  it("accepts the usual ages with a year to spare, and anyone for the general public", () => {
    expect(birthYearFits("lower-secondary", 2012, 2026)).toBe(true);
    expect(birthYearFits("lower-secondary", 2016, 2026)).toBe(true);
    expect(birthYearFits("lower-secondary", 2005, 2026)).toBe(false);
    expect(birthYearFits("upper-secondary", 2009, 2026)).toBe(true);
    expect(birthYearFits("upper-secondary", 2015, 2026)).toBe(false);
    expect(birthYearFits("public", 1950, 2026)).toBe(true);
  });

  it("questions a birth year that does not fit, and takes it once confirmed", () => {
    const questioned = profileEditSchema(2026).safeParse({
      displayName: "An",
      birthYear: "1990",
      audience: "lower-secondary",
      areaId: "a",
      unitId: "u",
    });
    expect(questioned.success).toBe(false);
    if (!questioned.success) expect(fieldErrors(questioned.error)).toEqual({ birthYear: "profile.error.ageQuestioned" });
    const confirmed = profileEditSchema(2026).safeParse({
      displayName: "An",
      birthYear: "1990",
      audience: "lower-secondary",
      areaId: "a",
      unitId: "u",
      confirmAge: "on",
    });
    expect(confirmed.success).toBe(true);
  });
});

describe("correcting a profile", () => {
  it("moves the pupil to another school of the area and class, and keeps past attempts where they were made", async () => {
    const pupil = await makePupil(db, world, { name: "Le Thu Ha" });
    const round = await createRound({
      contestId: null,
      title: "Vòng 1",
      opensAt: Date.now() - 3_600_000,
      closesAt: Date.now() + 3_600_000,
      releaseId: world.releaseId,
      drawRule: { kind: "mix", buckets: [{ count: 2 }] },
      questionAudience: null,
      timeLimitSeconds: 600,
      maxAttempts: 1,
      audiences: null,
      predictionBasis: null,
      scope: "province",
      scopeUnitId: null,
      scopeClass: null,
      createdById: world.organizerId,
    });
    if (!round.ok) throw new Error(JSON.stringify(round.problem));
    const started = await startOrResumeAttempt(round.roundId, pupil, Date.now());
    if (!started.ok) throw new Error(started.code);

    expect(await updateParticipantProfile(db, pupil, edit({}), NOW)).toEqual({ ok: true });
    const profile = await db.participantProfile.findUniqueOrThrow({ where: { userId: pupil } });
    expect(profile).toMatchObject({ displayName: "Lê Thu Hà", unitId: world.schoolB, areaId: world.areaId, className: "9A" });
    const attempt = await db.attempt.findUniqueOrThrow({ where: { id: started.attemptId } });
    expect(attempt.unitId).toBe(world.schoolA);
    expect(await db.auditEntry.count({ where: { action: "profile.edited", subject: pupil } })).toBe(1);
  });

  it("refuses a school outside the chosen area, or one that no longer exists, and writes nothing", async () => {
    const pupil = await makePupil(db, world);
    const otherArea = await db.unit.create({ data: { code: "xa-khac", name: "Xã khác", kind: "commune", parentId: world.provinceId }, select: { id: true } });
    const closedSchool = await db.unit.create({
      data: { code: "truong-cu", name: "Trường cũ", kind: "school", parentId: world.areaId, validTo: new Date(Date.UTC(2025, 6, 1)) },
      select: { id: true },
    });
    const formerDistrict = await db.unit.create({
      data: { code: "huyen-cu", name: "Huyện cũ", kind: "district", parentId: world.provinceId, validTo: new Date(Date.UTC(2025, 6, 1)) },
      select: { id: true },
    });
    const before = await db.participantProfile.findUniqueOrThrow({ where: { userId: pupil } });
    expect(await updateParticipantProfile(db, pupil, edit({ areaId: otherArea.id }), NOW)).toEqual({ ok: false, field: "unitId", key: "register.error.unitNotInArea" });
    expect(await updateParticipantProfile(db, pupil, edit({ unitId: closedSchool.id }), NOW)).toEqual({ ok: false, field: "unitId", key: "register.error.unit" });
    expect(await updateParticipantProfile(db, pupil, edit({ areaId: formerDistrict.id }), NOW)).toEqual({ ok: false, field: "areaId", key: "profile.error.areaGone" });
    expect(await db.participantProfile.findUniqueOrThrow({ where: { userId: pupil } })).toEqual(before);
  });

  it("asks for a guardian's consent the profile never had when the corrected birth year needs one", async () => {
    const pupil = await makePupil(db, world);
    await db.participantProfile.update({ where: { userId: pupil }, data: { birthYear: 2000, audience: "young-workers", guardianName: null, guardianDeclaredAt: null, childConsent: false } });
    expect(await updateParticipantProfile(db, pupil, edit({}), NOW)).toEqual({ ok: false, field: "childConsent", key: "register.error.childConsent" });
    expect(await updateParticipantProfile(db, pupil, edit({ childConsent: "on", guardianConsent: "on", guardianName: "Lê Văn Bố" }), NOW)).toEqual({ ok: true });
    expect(await db.participantProfile.findUniqueOrThrow({ where: { userId: pupil } })).toMatchObject({
      birthYear: 2012,
      childConsent: true,
      guardianName: "Lê Văn Bố",
      guardianDeclaredAt: NOW,
    });
  });
});
