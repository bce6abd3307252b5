import { resetDatabase, testPrisma as db } from "../../tests/setup/test-database";

import { beforeEach, describe, expect, it } from "vitest";
import { parseBankFilter } from "~/bank/bank-filter";
import { filteredQuestions } from "~/bank/browse.server";
import { seedContestWorld, type ContestWorld } from "~/contests/__fixtures__/contest-db";
import { statsStore } from "./fact-store.server";
import { clearReviewFlags, itemAnalysisFor, loadItemResponses, reviewFlagsByQuestion } from "./item-analysis.server";
import { statsChanged } from "./stats-version";

// The fixture release: asean-basics-000n and economic-000n, four options, option (n mod 4) correct.
const T0 = Date.UTC(2026, 10, 2, 1, 0);
const SECOND = 1000;

let world: ContestWorld;
let revisionOf: Map<string, string>;

beforeEach(async () => {
  await resetDatabase();
  clearReviewFlags();
  world = await seedContestWorld(db);
  const revisions = await db.questionRevision.findMany({ select: { id: true, questionId: true } });
  revisionOf = new Map(revisions.map((revision) => [revision.questionId, revision.id]));
});

async function round(createdById: string, code: string) {
  return db.round.create({
    data: {
      title: `Vòng ${code}`,
      code,
      opensAt: new Date(T0),
      closesAt: new Date(T0 + 3600 * SECOND),
      releaseId: world.releaseId,
      releaseName: "2026.1",
      drawRule: "{}",
      questionCount: 2,
      timeLimitSeconds: 600,
      maxAttempts: 2,
      scope: "province",
      createdById,
    },
    select: { id: true },
  });
}

/** An attempt shown asean-basics-0001 (key B) and economic-0002 (key C), with the given choices. */
async function attempt(roundId: string, key: string, number: number, choices: [number[] | null, number[] | null], finished = true) {
  const questions = ["asean-basics-0001", "economic-0002"];
  const created = await db.attempt.create({
    data: {
      roundId,
      participantKey: key,
      attemptNumber: number,
      unitId: world.schoolA,
      seed: "s",
      questions: JSON.stringify(questions.map((questionId) => ({ questionId, revisionId: revisionOf.get(questionId), type: "single", optionOrder: [0, 1, 2, 3] }))),
      startedAt: new Date(T0),
      deadline: new Date(finished ? T0 + 600 * SECOND : T0 + 10 * 86_400 * SECOND),
      submittedAt: finished ? new Date(T0 + 60 * SECOND) : null,
    },
    select: { id: true },
  });
  let at = T0;
  for (const [index, chosen] of choices.entries()) {
    if (!chosen) continue;
    at += (index + 1) * 10 * SECOND;
    await db.attemptAnswer.create({
      data: { attemptId: created.id, questionId: questions[index], revisionId: revisionOf.get(questions[index])!, options: JSON.stringify(chosen), savedAt: new Date(at) },
    });
  }
}

describe("loadItemResponses", () => {
  it("reads first finished attempts and live answers, scoring each by the revision shown", async () => {
    const own = await round(world.teacherId, "AAAAAA");
    const other = await round(world.organizerId, "BBBBBB");
    await attempt(own.id, "p1", 1, [[1], [2]]); // right, right
    await attempt(own.id, "p2", 1, [[0], null]); // wrong, blank
    await attempt(own.id, "p2", 2, [[1], [2]]); // a second attempt: not counted
    await attempt(own.id, "p3", 1, [[1], [2]], false); // still running: not counted
    await attempt(other.id, "p4", 1, [[3], [2]]);

    const game = await db.liveGame.create({
      data: { pin: "123456", title: "Trực tiếp", hostId: world.teacherId, releaseId: world.releaseId, releaseName: "2026.1", mode: "classic", state: "{}", stateVersion: 1, displayToken: "d" },
      select: { id: true },
    });
    await db.livePlayer.create({ data: { id: "lp1", gameId: game.id, displayName: "An", unitId: world.schoolB, tokenHash: "h1" } });
    await db.liveAnswer.create({
      data: { gameId: game.id, playerId: "lp1", questionIndex: 0, revisionId: revisionOf.get("asean-basics-0001")!, answerId: "x", optionIds: '["o2"]', correct: true, serverReceivedAt: new Date(T0), elapsedMs: 4200 },
    });

    const all = await loadItemResponses(db, {}, T0 + 86_400 * SECOND);
    expect(all.responses).toHaveLength(2 + 2 + 2 + 1);
    const byParticipant = (prefix: string) => all.responses.filter((response) => response.participantId.startsWith(prefix));
    expect(byParticipant("l:")).toEqual([
      { participantId: "l:lp1", questionId: "asean-basics-0001", revisionId: revisionOf.get("asean-basics-0001"), topic: "asean-basics", chosen: [1], correct: true, elapsedMs: 4200 },
    ]);
    expect(all.sittings.get("l:lp1")).toEqual({ source: "live", unitId: world.schoolB, areaId: null });

    const items = Object.fromEntries((await itemAnalysisFor(db, {}, T0 + 86_400 * SECOND)).map((item) => [item.questionId, item]));
    // asean-basics-0001: p1 B ✓, p2 A ✗, p4 D ✗, live B ✓; times 10 s, 10 s, 10 s (first save after
    // the start), 4.2 s → median 10 s.
    expect(items["asean-basics-0001"]).toMatchObject({ responses: 4, answered: 4, correct: 2, revisionNumber: 1, medianMs: 10_000 });
    expect(items["asean-basics-0001"].options.map((option) => option.chosen)).toEqual([1, 2, 0, 1]);
    // economic-0002: p1 C ✓, p2 blank, p4 C ✓ (times: 20 s after the previous save).
    expect(items["economic-0002"]).toMatchObject({ responses: 3, answered: 2, correct: 2, medianMs: 20_000 });

    // A teacher's own: their round and their game, not the organizer's round.
    const mine = await loadItemResponses(db, { ownerId: world.teacherId }, T0 + 86_400 * SECOND);
    expect(new Set(mine.responses.map((response) => response.participantId))).toEqual(new Set(["a:" + (await firstAttemptId(own.id, "p1")), "a:" + (await firstAttemptId(own.id, "p2")), "l:lp1"]));
    const roundsOnly = await loadItemResponses(db, { ownerId: world.teacherId, live: false }, T0 + 86_400 * SECOND);
    expect(roundsOnly.responses).toHaveLength(4);
  });

  it("brings the responses up to date when the analysis reads them again, not only when they are first loaded", async () => {
    const own = await round(world.teacherId, "DDDDDD");
    await attempt(own.id, "p1", 1, [[1], [2]]);
    const later = T0 + 86_400 * SECOND;
    const before = Object.fromEntries((await itemAnalysisFor(db, {}, later)).map((item) => [item.questionId, item]));
    expect(before["asean-basics-0001"]).toMatchObject({ responses: 1, correct: 1 });

    // A participant hands in another first attempt; the statistics hear of it as from any writer.
    await attempt(own.id, "p2", 1, [[0], null]);
    statsChanged();
    const after = Object.fromEntries((await itemAnalysisFor(db, {}, later)).map((item) => [item.questionId, item]));
    expect(after["asean-basics-0001"]).toMatchObject({ responses: 2, answered: 2, correct: 1 });
    expect(after["asean-basics-0001"].options.map((option) => option.chosen)).toEqual([1, 1, 0, 0]);
    expect(after["economic-0002"]).toMatchObject({ responses: 2, answered: 1, correct: 1 });

    // A dashboard's look at the facts alone leaves the responses for the next reader, who sees them.
    await attempt(own.id, "p3", 1, [[3], [2]]);
    statsChanged();
    await statsStore(db, later);
    const last = Object.fromEntries((await itemAnalysisFor(db, {}, later)).map((item) => [item.questionId, item]));
    expect(last["asean-basics-0001"]).toMatchObject({ responses: 3, correct: 1 });
    expect(last["asean-basics-0001"].options.map((option) => option.chosen)).toEqual([1, 1, 0, 1]);
  });

  it("gives the bank the flagged questions", async () => {
    const own = await round(world.teacherId, "CCCCCC");
    // 20 sittings: asean-basics-0001 answered D by 12, B (the key) by 8 → a wrong option beats the key.
    for (let index = 0; index < 20; index++) await attempt(own.id, `p${index}`, 1, [[index < 12 ? 3 : 1], [2]]);
    const flags = await reviewFlagsByQuestion(db, T0 + 86_400 * SECOND);
    expect([...flags.keys()]).toEqual(["asean-basics-0001"]);
    expect(flags.get("asean-basics-0001")![0].flags).toEqual([{ kind: "distractor-beats-key", option: 3 }]);
    // The bank browser's filter keeps exactly the flagged questions.
    const flagged = await filteredQuestions(db, parseBankFilter(new URLSearchParams("flagged=review")));
    expect(flagged.map((entry) => entry.id)).toEqual(["asean-basics-0001"]);
    expect(await filteredQuestions(db, parseBankFilter(new URLSearchParams("flagged=nonsense")))).toHaveLength(12);
  });
});

async function firstAttemptId(roundId: string, key: string) {
  return (await db.attempt.findFirstOrThrow({ where: { roundId, participantKey: key, attemptNumber: 1 }, select: { id: true } })).id;
}
