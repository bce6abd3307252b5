import { resetDatabase, testPrisma as db } from "../../tests/setup/test-database";

import { beforeEach, describe, expect, it } from "vitest";
import { createSession } from "~/utils/session.server";
import { requireManageableRound } from "./manageable-round.server";
import { createRound } from "./rounds.server";
import { seedContestWorld, type ContestWorld } from "./__fixtures__/contest-db";

// Who may open a round's edit, results and export pages: the teacher who made it, any organizer or
// admin; another teacher is refused, and a round that does not exist is a 404.

let world: ContestWorld;
let roundId: string;

beforeEach(async () => {
  await resetDatabase();
  world = await seedContestWorld(db);
  const created = await createRound({
    contestId: null,
    title: "Vòng của cô giáo",
    opensAt: Date.UTC(2026, 11, 1),
    closesAt: Date.UTC(2026, 11, 2),
    releaseId: world.releaseId,
    drawRule: { kind: "mix", buckets: [{ topic: "asean-basics", count: 2 }] },
    questionAudience: null,
    timeLimitSeconds: 600,
    maxAttempts: 1,
    audiences: null,
    predictionBasis: "all-correct",
    scope: "province",
    scopeUnitId: null,
    scopeClass: null,
    createdById: world.teacherId,
  });
  if (!created.ok) throw new Error(JSON.stringify(created.problem));
  roundId = created.roundId;
});

async function requestAs(userId: string): Promise<Request> {
  const cookie = (await createSession(userId)).split(";")[0];
  return new Request(`http://localhost/rounds/${roundId}/results`, { headers: { Cookie: cookie } });
}

async function statusOf(call: Promise<unknown>): Promise<number> {
  try {
    await call;
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

describe("requireManageableRound", () => {
  it("gives the round's chosen fields to the teacher who made it and to an organizer", async () => {
    for (const userId of [world.teacherId, world.organizerId]) {
      const { round } = await requireManageableRound(await requestAs(userId), roundId, { title: true, createdById: true });
      expect(round).toEqual({ title: "Vòng của cô giáo", createdById: world.teacherId });
    }
  });

  it("refuses another teacher with 403 and answers 404 for a round that does not exist", async () => {
    const other = await db.user.create({ data: { username: "gv2", displayName: "Thầy khác", passwordHash: "x", role: "teacher" }, select: { id: true } });
    expect(await statusOf(requireManageableRound(await requestAs(other.id), roundId, { createdById: true }))).toBe(403);
    expect(await statusOf(requireManageableRound(await requestAs(world.teacherId), "no-such-round", { createdById: true }))).toBe(404);
  });
});
