import { resetDatabase, testPrisma as db } from "../../tests/setup/test-database";

import { beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "~/utils/auth.server";
import { startOrResumeAttempt, attemptView } from "./attempts.server";
import { shiftContestRounds, updateContest } from "./contest-edit.server";
import { createRoundFromForm, updateRoundFromForm } from "./round-action.server";
import { toVietnamLocal } from "./round-form";
import { makePupil, seedContestWorld, type ContestWorld } from "./__fixtures__/contest-db";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let world: ContestWorld;
let teacher: SessionUser;
let organizer: SessionUser;

beforeEach(async () => {
  await resetDatabase();
  world = await seedContestWorld(db);
  teacher = { id: world.teacherId, username: "gv", displayName: "Cô giáo", role: "teacher", unitId: world.schoolA };
  organizer = { id: world.organizerId, username: "btc", displayName: "BTC", role: "organizer", unitId: null };
});

/** The round form as a teacher fills it in: a window from `opensIn` for a week, class 8A. */
function form(opensIn: number, extra: Record<string, string> = {}): Record<string, string> {
  const now = Date.now();
  return {
    title: "Ôn tập lớp 8A",
    opensAt: toVietnamLocal(now + opensIn),
    closesAt: toVietnamLocal(now + opensIn + 7 * DAY),
    releaseId: world.releaseId,
    questionAudience: "",
    timeLimitMinutes: "10",
    maxAttempts: "2",
    scope: "class",
    scopeClass: "8A",
    ...extra,
  };
}

async function roundRow(roundId: string) {
  return db.round.findUniqueOrThrow({ where: { id: roundId } });
}

describe("hand-picking questions for a round", () => {
  it("searches the release without writing anything, and keeps what was ticked", async () => {
    const result = await createRoundFromForm(
      teacher,
      form(DAY, { intent: "pick-search", pickQuery: "cau hoi economic", pickDifficulty: "hard", "pick.asean-basics-0002": "on" }),
      null,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.picker.picked.map((question) => question.id)).toEqual(["asean-basics-0002"]);
    expect(result.picker.results?.map((question) => question.id)).toEqual(["economic-0004", "economic-0005", "economic-0006"]);
    expect(result.errors).toEqual({});
    expect(result.problem).toBeUndefined();
    expect(await db.round.count()).toBe(0);
  });

  it("puts exactly the picked questions, and the grid's, in every pupil's attempt", async () => {
    const created = await createRoundFromForm(
      teacher,
      form(-HOUR, { "pick.economic-0005": "on", "pick.asean-basics-0002": "on", "mix.economic.easy": "1" }),
      null,
    );
    if (!created.ok) throw new Error(JSON.stringify(created));
    const round = await roundRow(created.roundId);
    expect(round.questionCount).toBe(3);
    expect(JSON.parse(round.drawRule)).toEqual({
      kind: "mix",
      buckets: [{ topic: "economic", difficulty: "easy", count: 1 }, { questionIds: ["economic-0005", "asean-basics-0002"], count: 2 }],
    });
    for (const name of ["An", "Bình", "Chi"]) {
      const pupil = await makePupil(db, world, { name });
      const started = await startOrResumeAttempt(round.id, pupil, Date.now());
      if (!started.ok) throw new Error(started.code);
      const attempt = await db.attempt.findUniqueOrThrow({ where: { id: started.attemptId }, select: { questions: true } });
      const ids = (JSON.parse(attempt.questions) as { questionId: string }[]).map((question) => question.questionId);
      expect(ids).toContain("economic-0005");
      expect(ids).toContain("asean-basics-0002");
      expect(ids.filter((id) => ["economic-0001", "economic-0002", "economic-0003"].includes(id))).toHaveLength(1);
      expect(await attemptView(started.attemptId, pupil, Date.now(), "vi", null)).not.toBeNull();
    }
  });

  it("refuses a picked id the release does not hold, and writes nothing", async () => {
    const result = await createRoundFromForm(teacher, form(DAY, { "pick.economic-0005": "on", "pick.economic-0099": "on" }), null);
    expect(result).toMatchObject({ ok: false, problem: { key: "roundPick.notInRelease", params: { ids: "economic-0099" } } });
    expect(await db.round.count()).toBe(0);
  });
});

describe("editing a round before it opens", () => {
  it("changes every setting but keeps the join code, and says who did it", async () => {
    const created = await createRoundFromForm(teacher, form(DAY, { "mix.asean-basics.any": "3" }), null);
    if (!created.ok) throw new Error(JSON.stringify(created));
    const before = await roundRow(created.roundId);
    const edited = await updateRoundFromForm(teacher, before, form(2 * DAY, { title: "Ôn tập lớp 8A (dời)", "pick.economic-0004": "on", maxAttempts: "1" }));
    expect(edited).toEqual({ ok: true, roundId: before.id });
    const after = await roundRow(before.id);
    expect(after.code).toBe(before.code);
    expect(after.title).toBe("Ôn tập lớp 8A (dời)");
    expect(after.opensAt.getTime() - before.opensAt.getTime()).toBeGreaterThan(DAY - 2 * 60_000);
    expect(after.maxAttempts).toBe(1);
    expect(after.questionCount).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "round.edited", subject: before.id, actorId: teacher.id } })).toBe(1);
  });

  it("refuses once the round has opened, says since when, and changes nothing", async () => {
    const created = await createRoundFromForm(teacher, form(-HOUR, { "mix.asean-basics.any": "3" }), null);
    if (!created.ok) throw new Error(JSON.stringify(created));
    const before = await roundRow(created.roundId);
    const edited = await updateRoundFromForm(teacher, before, form(DAY, { title: "Quá muộn", "mix.asean-basics.any": "3" }));
    expect(edited).toMatchObject({ ok: false, problem: { key: "roundEdit.alreadyOpen", params: { when: expect.stringMatching(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/) } } });
    expect(await roundRow(before.id)).toEqual(before);
  });

  it("keeps a stored mix the grid cannot show when asked to", async () => {
    const created = await createRoundFromForm(organizer, form(DAY, { scope: "province", "mix.any": "2" }), null);
    if (!created.ok) throw new Error(JSON.stringify(created));
    const oddRule = { kind: "mix", buckets: [{ difficulty: "hard", count: 2 }] };
    await db.round.update({ where: { id: created.roundId }, data: { drawRule: JSON.stringify(oddRule), questionCount: 2 } });
    const before = await roundRow(created.roundId);
    const edited = await updateRoundFromForm(organizer, before, form(DAY, { scope: "province", title: "Đổi tên thôi", keepRule: "on" }));
    expect(edited.ok).toBe(true);
    const after = await roundRow(before.id);
    expect(JSON.parse(after.drawRule)).toEqual(oddRule);
    expect(after.title).toBe("Đổi tên thôi");
  });
});

describe("editing a contest before it opens", () => {
  async function contestWithRounds(firstOpensIn: number) {
    const contest = await db.contest.create({ data: { title: "Cuộc thi 2027", createdById: world.organizerId }, select: { id: true } });
    for (const [index, offset] of [firstOpensIn, firstOpensIn + 7 * DAY].entries()) {
      const created = await createRoundFromForm(organizer, form(offset, { scope: "province", title: `Tuần ${index + 1}`, "mix.any": "2" }), contest.id);
      if (!created.ok) throw new Error(JSON.stringify(created));
    }
    return contest.id;
  }

  it("moves every round by whole days, keeping their lengths and gaps", async () => {
    const contestId = await contestWithRounds(3 * DAY);
    const before = await db.round.findMany({ where: { contestId }, orderBy: { opensAt: "asc" } });
    expect(await shiftContestRounds(db, contestId, -2, Date.now())).toEqual({ ok: true });
    const after = await db.round.findMany({ where: { contestId }, orderBy: { opensAt: "asc" } });
    after.forEach((round, index) => {
      expect(before[index].opensAt.getTime() - round.opensAt.getTime()).toBe(2 * DAY);
      expect(before[index].closesAt.getTime() - round.closesAt.getTime()).toBe(2 * DAY);
    });
    expect(await updateContest(db, contestId, { title: "Cuộc thi 2027 (sửa)", description: "Thể lệ mới" }, Date.now())).toEqual({ ok: true });
  });

  it("refuses a move that would open a round in the past, moving nothing", async () => {
    const contestId = await contestWithRounds(DAY);
    const before = await db.round.findMany({ where: { contestId }, orderBy: { opensAt: "asc" } });
    expect(await shiftContestRounds(db, contestId, -2, Date.now())).toMatchObject({ ok: false, key: "contestEdit.intoPast" });
    expect(await db.round.findMany({ where: { contestId }, orderBy: { opensAt: "asc" } })).toEqual(before);
  });

  it("refuses both once the first round has opened", async () => {
    const contestId = await contestWithRounds(-HOUR);
    const before = await db.round.findMany({ where: { contestId }, orderBy: { opensAt: "asc" } });
    expect(await shiftContestRounds(db, contestId, 1, Date.now())).toMatchObject({ ok: false, key: "contestEdit.alreadyOpen" });
    expect(await updateContest(db, contestId, { title: "Đổi tên", description: null }, Date.now())).toMatchObject({ ok: false, key: "contestEdit.alreadyOpen" });
    expect(await db.round.findMany({ where: { contestId }, orderBy: { opensAt: "asc" } })).toEqual(before);
    expect((await db.contest.findUniqueOrThrow({ where: { id: contestId } })).title).toBe("Cuộc thi 2027");
  });
});
