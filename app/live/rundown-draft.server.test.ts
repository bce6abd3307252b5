import { resetDatabase, testPrisma } from "../../tests/setup/test-database";

import { beforeEach, describe, expect, it } from "vitest";
import { seedContestWorld, type ContestWorld } from "~/contests/__fixtures__/contest-db";
import { createLiveGame } from "./live-games.server";
import type { GameState } from "./game-state";
import { moveQuestion, swapQuestion, draftRundown, type DraftSettings } from "./rundown-draft.server";
import { rundownOf } from "./rundown";

// The rundown before a game exists, against a real SQLite database with a real bank release.

let world: ContestWorld;
let settings: DraftSettings;

beforeEach(async () => {
  await resetDatabase();
  world = await seedContestWorld(testPrisma);
  settings = { releaseId: world.releaseId, mode: "classic", teamsBy: null, timeLimitMs: 20_000, seed: "rundown-seed" };
});

describe("the rundown of a game before it is created", () => {
  it("draws the questions a filter gives, and the game created from the same list and seed shows each as previewed", async () => {
    const draft = await draftRundown(testPrisma, settings, { kind: "filter", topics: ["economic"], difficulty: null, count: 4 });
    if (!draft.ok) throw new Error(draft.problem);
    expect(draft.questionIds).toHaveLength(4);
    expect(draft.entries.every((entry) => entry.topic === "economic")).toBe(true);

    const reordered = moveQuestion(draft.questionIds, 0, 1);
    const again = await draftRundown(testPrisma, settings, { kind: "pick", questionIds: reordered });
    if (!again.ok) throw new Error(again.problem);
    expect(again.entries.map((entry) => entry.questionId)).toEqual(reordered);

    const host = await testPrisma.user.create({ data: { username: "dai", displayName: "Đài", passwordHash: "x", role: "host" }, select: { id: true } });
    const created = await createLiveGame(
      testPrisma,
      { hostId: host.id, title: "Trên sóng", releaseId: world.releaseId, mode: "classic", teamsBy: null, timeLimitMs: 20_000, seed: settings.seed, selection: { kind: "pick", questionIds: reordered } },
      Date.now(),
    );
    if (!created.ok) throw new Error(created.problem);
    const row = await testPrisma.liveGame.findUniqueOrThrow({ where: { id: created.gameId }, select: { state: true } });
    const onAir = rundownOf(JSON.parse(row.state) as GameState);
    expect(onAir.map(({ prompt, options, correctKeys, explanation }) => ({ prompt, options, correctKeys, explanation }))).toEqual(
      again.entries.map(({ prompt, options, correctKeys, explanation }) => ({ prompt, options, correctKeys, explanation })),
    );
  });

  it("swaps a question for another of the same topic and difficulty that is not in the list yet", async () => {
    const ids = ["economic-0004", "asean-basics-0001"];
    const swapped = await swapQuestion(testPrisma, world.releaseId, ids, 0);
    expect(swapped).not.toBeNull();
    expect(swapped![1]).toBe("asean-basics-0001");
    expect(["economic-0005", "economic-0006"]).toContain(swapped![0]);
  });

  it("falls back to the same topic, then says when nothing is left to swap in", async () => {
    const hard = ["economic-0004", "economic-0005", "economic-0006"];
    const swapped = await swapQuestion(testPrisma, world.releaseId, hard, 1);
    expect(["economic-0001", "economic-0002", "economic-0003"]).toContain(swapped![1]);
    const everything = (await testPrisma.bankReleaseItem.findMany({ where: { releaseId: world.releaseId }, select: { questionId: true } })).map((item) => item.questionId);
    expect(await swapQuestion(testPrisma, world.releaseId, everything, 0)).toBeNull();
  });

  it("moves a question up or down and leaves the list alone at either end", () => {
    expect(moveQuestion(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveQuestion(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveQuestion(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });

  it("names the ids a pasted list has that the release does not", async () => {
    const draft = await draftRundown(testPrisma, settings, { kind: "pick", questionIds: ["economic-0001", "no-such-question"] });
    expect(draft).toEqual({ ok: false, problem: "unknown-questions", detail: "no-such-question" });
  });
});
