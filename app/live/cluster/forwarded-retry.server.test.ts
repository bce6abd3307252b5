import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import type { GameState } from "../game-state";
import type { StaffView } from "../player-view";
import { hostedGame, request } from "./__fixtures__/app-processes";
import { expectServicesOptionalHere } from "./__fixtures__/cluster-services";
import { inProcessCluster } from "./__fixtures__/in-process-nodes";

// Two processes, as server.ts builds them, in this test's process. The game runs on A, which is
// slow to answer what B forwards it (as a process of a busy machine is): B's call times out and
// B asks again. A host's command forwarded that way runs once, and the host gets its result, not
// "the game has moved on" from the second run of their own "start".

const CALL_TIMEOUT_MS = 150;
const SLOW_OWNER_MS = 400;

const { services, startNode, client } = inProcessCluster();

describe("a request forwarded to a slow owner", () => {
  it("is asked again after the call timed out, runs once there, and answers with that run's result", async () => {
    if (services.problem) return expectServicesOptionalHere(services.problem);
    const a = await startNode({ callTimeoutMs: CALL_TIMEOUT_MS, slowForwardedMs: SLOW_OWNER_MS });
    const b = await startNode({ callTimeoutMs: CALL_TIMEOUT_MS });
    const { cookie, gameId, pin } = await hostedGame(prisma, "Chậm", 2);

    // The host's console on A: A runs the game.
    const onA = client(a.url, cookie);
    expect((await request(onA, "host:watch", { gameId })).ok).toBe(true);
    expect((await services.redis.get(`${services.keys.prefix}lease:${gameId}`))?.split(" ")[0]).toBe(a.cluster.processId);
    expect((await request(client(a.url), "player:join", { pin, name: "Lan", unitId: null })).ok).toBe(true);

    // The same host's second screen through B: each request reaches A after B has given up once.
    const onB = client(b.url, cookie);
    const watched = await request(onB, "host:watch", { gameId });
    expect(watched.ok).toBe(true);
    const step = (watched as { data: StaffView }).data.controls!.step;
    const started = await request(onB, "host:command", { gameId, command: "start", step });
    expect(started.ok, JSON.stringify(started)).toBe(true);

    // Each forwarded request ran on A once, though B sent each at least twice.
    expect(a.forwarded).toEqual(["host:watch", "host:command"]);
    expect(b.forwarded).toEqual([]);
    const state = JSON.parse((await prisma.liveGame.findUniqueOrThrow({ where: { id: gameId }, select: { state: true } })).state) as GameState;
    expect(state.phase.name).not.toBe("lobby");
  }, 30_000);
});
