import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeQuestion } from "../__fixtures__/live-game";
import type { GameState, PersistedAnswer } from "../game-state";
import { insertLiveGame } from "../live-games.server";
import { clusterServicesProblem, expectServicesOptionalHere, redisPrefix, redisServerUrl, scratchDatabase, type ScratchDatabase } from "./__fixtures__/cluster-services";
import { fencedLiveStore, StaleLeaseError } from "./fenced-store.server";
import { GameLeases } from "./game-leases.server";

// Two processes, A and B, as two pairs of leases and stores on one PostgreSQL database and one
// Redis: the lease lets one of them run the game, the token refuses the other's late writes.

let problem: string | undefined;
let database: ScratchDatabase;
let redis: Redis;
const keys = redisPrefix();
let gameId = "";
let snapshot: GameState;

beforeAll(async () => {
  problem = await clusterServicesProblem();
  if (problem) return;
  database = await scratchDatabase();
  // The store's raw SQL numbers its parameters for the database DATABASE_URL names.
  process.env.DATABASE_URL = database.url;
  redis = new Redis(redisServerUrl);
  const host = await database.db.user.create({ data: { username: "host", displayName: "Host", passwordHash: "x", role: "host" } });
  const created = await insertLiveGame(
    database.db,
    { hostId: host.id, title: "Fencing", releaseId: "r", releaseName: "r", mode: "classic", teamsBy: null, questions: [makeQuestion(1), makeQuestion(2)] },
    Date.now(),
  );
  if (!created.ok) throw new Error(created.problem);
  gameId = created.gameId;
  snapshot = (await fencedLiveStore(database.db, () => undefined).loadSnapshot(gameId))!;
  await database.db.livePlayer.create({ data: { id: "p1", gameId, displayName: "Lan", tokenHash: "h1", joinedAt: new Date() } });
});

afterAll(async () => {
  if (problem) return;
  await keys.clean(redis);
  redis.disconnect();
  await database.drop();
});

function answer(questionIndex: number): PersistedAnswer {
  return { gameId, playerId: "p1", answerId: `a${questionIndex}`, questionIndex, revisionId: "rev-1", optionIds: ["q1-right"], receivedAt: Date.now(), elapsedMs: 900 };
}

function appProcess(processId: string, lost: string[]) {
  const leases = new GameLeases({ redis, processId, keyPrefix: keys.prefix, leaseMs: 400, renewEveryMs: 100, onLost: (id) => lost.push(id) });
  return { leases, store: fencedLiveStore(database.db, (id) => leases.tokenOf(id)) };
}

describe("one owner per game, fenced writes", () => {
  it("refuses every write of a process that lost its lease, and keeps the new owner's", async () => {
    if (problem) return expectServicesOptionalHere(problem);
    const lostByA: string[] = [];
    const a = appProcess("A", lostByA);
    const b = appProcess("B", []);

    const tokenA = await a.leases.acquire(gameId);
    expect(tokenA).not.toBeNull();
    expect(await a.store.claimGame(gameId, tokenA!)).toBe(true);
    // While A holds the lease, B cannot take it.
    expect(await b.leases.acquire(gameId)).toBeNull();
    expect((await b.leases.holder(gameId))?.processId).toBe("A");

    await a.store.writeAnswers([answer(0)], [true]);
    await a.store.writeSnapshot({ ...snapshot, version: snapshot.version + 1, title: "A" } as GameState);

    // A stalls (a long pause, a partition): it stops renewing, the lease runs out, B takes the game.
    a.leases.stop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const tokenB = await b.leases.acquire(gameId);
    expect(tokenB).toBeGreaterThan(tokenA!);
    expect(await b.store.claimGame(gameId, tokenB!)).toBe(true);
    await b.store.writeSnapshot({ ...snapshot, version: snapshot.version + 2, title: "B" } as GameState);

    // A comes back still believing it runs the game: each of its writes is refused.
    expect(a.leases.tokenOf(gameId)).toBe(tokenA);
    await expect(a.store.writeSnapshot({ ...snapshot, version: snapshot.version + 9, title: "A late" } as GameState)).rejects.toBeInstanceOf(StaleLeaseError);
    await expect(a.store.writeAnswers([answer(1)], [true])).rejects.toBeInstanceOf(StaleLeaseError);
    await expect(a.store.writeScores({ ...snapshot, title: "A late" } as GameState)).rejects.toBeInstanceOf(StaleLeaseError);
    await expect(
      a.store.insertPlayers([{ id: "p2", gameId, displayName: "Late", unitId: null, areaId: null, tokenHash: "h2", joinedAt: Date.now() }]),
    ).rejects.toBeInstanceOf(StaleLeaseError);
    // The play-along rows too (docs/decisions/038): a home player's path, the game's paths.
    const paths = [{ id: "tv", name: "Truyền hình", delayMs: 2_000 }];
    await expect(a.store.setHomePath(gameId, "p1", "tv")).rejects.toBeInstanceOf(StaleLeaseError);
    await expect(a.store.setPlayAlongPaths(gameId, paths)).rejects.toBeInstanceOf(StaleLeaseError);
    // Nor may A remove a player's row (a join it refused): p1 stays.
    await expect(a.store.deletePlayer(gameId, "p1")).rejects.toBeInstanceOf(StaleLeaseError);
    // B's are stored, a home player's row with its path.
    await b.store.setPlayAlongPaths(gameId, [...paths, { id: "web", name: "Internet", delayMs: 20_000 }]);
    await b.store.insertPlayers([{ id: "h1", gameId, displayName: "Nhà", unitId: null, areaId: null, tokenHash: "hh1", joinedAt: Date.now(), homePath: "tv" }]);
    await b.store.setHomePath(gameId, "h1", "web");
    // B removes the row of a join it refused.
    await b.store.insertPlayers([{ id: "r1", gameId, displayName: "Từ chối", unitId: null, areaId: null, tokenHash: "hr1", joinedAt: Date.now() }]);
    await b.store.deletePlayer(gameId, "r1");
    // An older token cannot claim the game back either.
    expect(await a.store.claimGame(gameId, tokenA!)).toBe(false);

    const stored = await database.db.liveGame.findUniqueOrThrow({ where: { id: gameId }, select: { state: true, stateVersion: true, fenceToken: true } });
    expect(JSON.parse(stored.state).title).toBe("B");
    expect(stored.stateVersion).toBe(snapshot.version + 2);
    expect(stored.fenceToken).toBe(tokenB);
    const answers = await database.db.liveAnswer.findMany({ where: { gameId }, select: { questionIndex: true } });
    expect(answers.map((row) => row.questionIndex)).toEqual([0]);
    expect(await database.db.livePlayer.count({ where: { id: "p2" } })).toBe(0);
    const game = await database.db.liveGame.findUniqueOrThrow({ where: { id: gameId }, select: { playAlongPaths: true } });
    expect(JSON.parse(game.playAlongPaths!).map((path: { id: string }) => path.id)).toEqual(["tv", "web"]);
    const homeRows = await database.db.livePlayer.findMany({ where: { gameId }, select: { id: true, homePath: true }, orderBy: { id: "asc" } });
    expect(homeRows).toEqual([
      { id: "h1", homePath: "web" },
      { id: "p1", homePath: null },
    ]);

    // A's next renewal finds the lease taken and tells A it lost the game.
    await a.leases.renew();
    expect(lostByA).toEqual([gameId]);
    expect(a.leases.tokenOf(gameId)).toBeUndefined();
    await expect(a.store.writeAnswers([answer(1)], [true])).rejects.toBeInstanceOf(StaleLeaseError);

    // A clean release lets the next process take the game at once.
    await b.leases.release(gameId);
    expect(await b.leases.holder(gameId)).toBeNull();
    b.leases.stop();
  });

  it("a write begun under the old token either commits before the new owner's claim or is refused", async () => {
    if (problem) return expectServicesOptionalHere(problem);
    const a = appProcess("A2", []);
    const b = appProcess("B2", []);
    await redis.del(`${keys.prefix}lease:${gameId}`);
    const tokenA = (await a.leases.acquire(gameId))!;
    expect(await a.store.claimGame(gameId, tokenA)).toBe(true);
    a.leases.stop();
    await redis.del(`${keys.prefix}lease:${gameId}`);
    const tokenB = (await b.leases.acquire(gameId))!;
    // Both at once: A's answer and B's claim. Whichever order the database picks, B then loads
    // every answer that A's write committed, and nothing A writes after the claim is stored.
    const [written, claimed] = await Promise.allSettled([a.store.writeAnswers([answer(1)], [true]), b.store.claimGame(gameId, tokenB)]);
    expect(claimed).toEqual({ status: "fulfilled", value: true });
    const loaded = await b.store.loadAnswers(gameId, 1);
    expect(loaded.length).toBe(written.status === "fulfilled" ? 1 : 0);
    await expect(a.store.writeAnswers([answer(2)], [true])).rejects.toBeInstanceOf(StaleLeaseError);
    b.leases.stop();
  });
});
