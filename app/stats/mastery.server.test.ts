import { resetDatabase, testPrisma as db } from "../../tests/setup/test-database";

import { beforeEach, describe, expect, it } from "vitest";
import { seedContestWorld, type ContestWorld } from "~/contests/__fixtures__/contest-db";
import { masteryTable } from "./mastery.server";

const T0 = Date.UTC(2026, 10, 2, 1, 0);
let world: ContestWorld;

beforeEach(async () => {
  await resetDatabase();
  world = await seedContestWorld(db);
});

describe("masteryTable", () => {
  it("gives the share correct per topic by school and by area, listing areas with nobody", async () => {
    const revisions = new Map((await db.questionRevision.findMany({ select: { id: true, questionId: true } })).map((r) => [r.questionId, r.id]));
    const emptyArea = await db.unit.create({ data: { code: "huyen-2", name: "Huyện trống", kind: "district", parentId: world.provinceId }, select: { id: true } });
    const round = await db.round.create({
      data: { title: "V", code: "MMMMMM", opensAt: new Date(T0), closesAt: new Date(T0 + 3_600_000), releaseId: world.releaseId, releaseName: "2026.1", drawRule: "{}", questionCount: 2, timeLimitSeconds: 600, maxAttempts: 1, scope: "province", createdById: world.organizerId },
      select: { id: true },
    });
    // Keys: asean-basics-0001 → option 1; economic-0002 → option 2.
    const sit = async (key: string, unitId: string, basics: number, economic: number) => {
      const attempt = await db.attempt.create({
        data: {
          roundId: round.id, participantKey: key, attemptNumber: 1, unitId, seed: "s", startedAt: new Date(T0), deadline: new Date(T0 + 600_000), submittedAt: new Date(T0 + 60_000),
          questions: JSON.stringify([{ questionId: "asean-basics-0001", revisionId: revisions.get("asean-basics-0001") }, { questionId: "economic-0002", revisionId: revisions.get("economic-0002") }]),
        },
        select: { id: true },
      });
      await db.attemptAnswer.create({ data: { attemptId: attempt.id, questionId: "asean-basics-0001", revisionId: revisions.get("asean-basics-0001")!, options: `[${basics}]`, savedAt: new Date(T0 + 1000) } });
      await db.attemptAnswer.create({ data: { attemptId: attempt.id, questionId: "economic-0002", revisionId: revisions.get("economic-0002")!, options: `[${economic}]`, savedAt: new Date(T0 + 2000) } });
    };
    await sit("a1", world.schoolA, 1, 2); // ✓ ✓
    await sit("a2", world.schoolA, 0, 2); // ✗ ✓
    await sit("b1", world.schoolB, 1, 0); // ✓ ✗
    const now = T0 + 86_400_000;

    const bySchool = await masteryTable(db, "school", {}, now);
    expect(bySchool.topics).toEqual(["asean-basics", "economic"]);
    expect(bySchool.rows.map((row) => [row.name, row.cells.map((cell) => cell && [cell.correct, cell.responses])])).toEqual([
      ["Trường A", [[1, 2], [2, 2]]],
      ["Trường B", [[1, 1], [0, 1]]],
    ]);

    const byArea = await masteryTable(db, "area", {}, now);
    expect(byArea.rows.map((row) => [row.name, row.cells.map((cell) => cell && cell.mastery)])).toEqual([
      ["Huyện mẫu", [2 / 3, 2 / 3]],
      ["Huyện trống", [null, null]],
    ]);
    expect(byArea.rows[1].unitId).toBe(emptyArea.id);
  });
});
