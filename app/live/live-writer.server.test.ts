import { resetDatabase, testDatabaseUrl, testPrisma } from "../../tests/setup/test-database";

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { makeQuestion } from "./__fixtures__/live-game";
import { insertLiveGame } from "./live-games.server";
import { sqliteLiveStore } from "./live-writer.server";

beforeEach(resetDatabase);

const stores: ReturnType<typeof sqliteLiveStore>[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

async function newGame() {
  const host = await testPrisma.user.create({ data: { username: `h-${Math.random()}`, displayName: "H", passwordHash: "x", role: "host" }, select: { id: true } });
  const created = await insertLiveGame(
    prisma,
    { hostId: host.id, title: "T", releaseId: "r", releaseName: "r", mode: "classic", teamsBy: null, countdownMs: 0, questions: [makeQuestion(1), makeQuestion(2)] },
    Date.now(),
  );
  if (!created.ok) throw new Error(created.problem);
  return created.gameId;
}

describe("the SQLite writer thread", () => {
  it("stores player rows and answers that Prisma reads back as its own", async () => {
    const store = sqliteLiveStore(prisma, testDatabaseUrl);
    stores.push(store);
    const gameId = await newGame();
    const joinedAt = Date.UTC(2026, 10, 20, 8, 30, 0, 123);
    await store.insertPlayers([{ id: "p1", gameId, displayName: "Lan", unitId: null, areaId: null, tokenHash: "t1", joinedAt }]);
    await store.writeAnswers(
      [{ gameId, playerId: "p1", answerId: "a1", questionIndex: 0, revisionId: "rev-1", optionIds: ["q1-right"], receivedAt: joinedAt + 1_000, elapsedMs: 900 }],
      [true],
    );
    const player = await testPrisma.livePlayer.findUniqueOrThrow({ where: { id: "p1" } });
    expect(player.joinedAt).toEqual(new Date(joinedAt));
    const answer = await testPrisma.liveAnswer.findFirstOrThrow({ where: { playerId: "p1" } });
    expect(answer).toMatchObject({ correct: true, optionIds: '["q1-right"]', serverReceivedAt: new Date(joinedAt + 1_000), elapsedMs: 900 });
  });

  it("commits what is asked in one turn together, in order, and fails only the job that cannot be written", async () => {
    const store = sqliteLiveStore(prisma, testDatabaseUrl);
    stores.push(store);
    const gameId = await newGame();
    const row = (playerId: string, answerId: string) => ({
      gameId,
      playerId,
      answerId,
      questionIndex: 0,
      revisionId: "rev-1",
      optionIds: ["q1-right"],
      receivedAt: Date.now(),
      elapsedMs: 10,
    });
    // The player's row and their answer in the same turn: the row is written first.
    const player = store.insertPlayers([{ id: "p1", gameId, displayName: "Lan", unitId: null, areaId: null, tokenHash: "t1", joinedAt: Date.now() }]);
    const first = store.writeAnswers([row("p1", "a1")], [true]);
    // An answer of a player who has no row breaks the foreign key: it alone fails.
    const orphan = store.writeAnswers([row("nobody", "a2")], [false]);
    // A retry of a stored answer keeps the first row (the write is idempotent).
    const retry = store.writeAnswers([{ ...row("p1", "a1"), elapsedMs: 99 }], [true]);
    await expect(player).resolves.toBeUndefined();
    await expect(first).resolves.toBeUndefined();
    await expect(orphan).rejects.toThrow(/FOREIGN KEY/);
    await expect(retry).resolves.toBeUndefined();
    expect(await testPrisma.liveAnswer.findMany({ where: { gameId }, select: { playerId: true, elapsedMs: true } })).toEqual([{ playerId: "p1", elapsedMs: 10 }]);

    // A refused join's row, removed in the same turn it was written: in order, so it is gone.
    const refused = store.insertPlayers([{ id: "p2", gameId, displayName: "Bình", unitId: null, areaId: null, tokenHash: "t2", joinedAt: Date.now() }]);
    await Promise.all([refused, store.deletePlayer(gameId, "p2")]);
    expect(await testPrisma.livePlayer.findMany({ where: { gameId }, select: { id: true } })).toEqual([{ id: "p1" }]);
  });

  it("writes a snapshot only over an older one, and frees the PIN of an ended game", async () => {
    const store = sqliteLiveStore(prisma, testDatabaseUrl);
    stores.push(store);
    const gameId = await newGame();
    const state = JSON.parse((await testPrisma.liveGame.findUniqueOrThrow({ where: { id: gameId } })).state);
    await store.writeSnapshot({ ...state, version: 5, title: "five" });
    await store.writeSnapshot({ ...state, version: 4, title: "four" });
    expect(await store.loadSnapshot(gameId)).toMatchObject({ version: 5, title: "five" });
    const endedAt = Date.UTC(2026, 10, 20, 9, 0, 0);
    await store.writeSnapshot({ ...state, version: 6, updatedAt: endedAt, phase: { name: "ended", reason: "finished" } });
    expect(await testPrisma.liveGame.findUniqueOrThrow({ where: { id: gameId }, select: { status: true, openPin: true, endedAt: true, stateVersion: true } })).toEqual({
      status: "ended",
      openPin: null,
      endedAt: new Date(endedAt),
      stateVersion: 6,
    });
  });
});
