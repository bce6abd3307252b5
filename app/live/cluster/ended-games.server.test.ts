import { describe, expect, it } from "vitest";
import { onView } from "~/realtime/__fixtures__/live-views";
import { prisma } from "~/utils/db.server";
import { createSession } from "~/utils/session.server";
import { makeQuestion } from "../__fixtures__/live-game";
import { insertLiveGame } from "../live-games.server";
import type { StaffView } from "../player-view";
import { request } from "./__fixtures__/app-processes";
import { expectServicesOptionalHere } from "./__fixtures__/cluster-services";
import { inProcessCluster } from "./__fixtures__/in-process-nodes";

// Two processes, as server.ts builds them, in this test's process (short leases): the game runs on
// A, a display watches it through B. Once the game has ended and left A's memory its lease is let
// go, nobody renews it, and B (whose socket is still bound to the game) does not take it over.

const LEASE_MS = 600;
const ENDED_LINGER_MS = 200;

const { services, startNode: startNodeWith, client } = inProcessCluster();
const startNode = () => startNodeWith({ leaseMs: LEASE_MS, renewEveryMs: 150, endedLingerMs: ENDED_LINGER_MS });

async function until(test: () => Promise<boolean> | boolean, what: string, withinMs = 5_000): Promise<void> {
  const giveUpAt = Date.now() + withinMs;
  while (!(await test())) {
    if (Date.now() > giveUpAt) throw new Error(`not within ${withinMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("an ended game's lease", () => {
  it("is renewed while the game runs, let go when the ended game leaves memory, not taken over, and taken again only by a request", async () => {
    if (services.problem) return expectServicesOptionalHere(services.problem);
    const a = await startNode();
    const b = await startNode();
    const host = await prisma.user.create({ data: { username: "host", displayName: "Người dẫn", passwordHash: "x", role: "host" }, select: { id: true } });
    const cookie = (await createSession(host.id)).split(";")[0];
    const created = await insertLiveGame(
      prisma,
      { hostId: host.id, title: "Hết giờ", releaseId: "r", releaseName: "r", mode: "classic", teamsBy: null, countdownMs: 0, questions: [makeQuestion(1)] },
      Date.now(),
    );
    if (!created.ok) throw new Error(created.problem);
    const { gameId } = created;
    const { displayToken } = await prisma.liveGame.findUniqueOrThrow({ where: { id: gameId }, select: { displayToken: true } });
    const leaseKey = `${services.keys.prefix}lease:${gameId}`;

    const hostSocket = client(a.url, cookie);
    const watched = await request(hostSocket, "host:watch", { gameId });
    expect(watched.ok).toBe(true);
    const displaySocket = client(b.url);
    const displayViews: StaffView[] = [];
    onView(displaySocket, (view) => displayViews.push(view as StaffView));
    expect((await request(displaySocket, "display:watch", { gameId, token: displayToken })).ok).toBe(true);

    // Running: A holds the lease and renews it past its first term.
    const lease = await services.redis.get(leaseKey);
    expect(lease?.split(" ")[0]).toBe(a.cluster.processId);
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS * 2));
    expect(await services.redis.get(leaseKey)).toBe(lease);
    expect(await services.redis.pttl(leaseKey)).toBeGreaterThan(0);

    // Ended: once it has left A's memory the lease is gone, not merely left to run out.
    const ended = await request(hostSocket, "host:command", { gameId, command: "end", step: (watched as { data: StaffView }).data.controls!.step });
    expect(ended.ok).toBe(true);
    await until(() => displayViews.some((view) => view.phase === "ended"), "the display shows the end");
    await until(async () => !a.registry.has(gameId) && (await services.redis.exists(leaseKey)) === 0, "the ended game left A's memory and its lease is gone", 3_000);
    expect(a.cluster.leases.holds(gameId)).toBe(false);

    // Several lease terms and watch ticks later: nobody renewed it, nobody took it over (B's display is still bound to it).
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS * 3));
    expect(await services.redis.exists(leaseKey)).toBe(0);
    expect(a.registry.has(gameId)).toBe(false);
    expect(b.registry.has(gameId)).toBe(false);
    expect(a.cluster.leases.heldGames()).toEqual([]);
    expect(b.cluster.leases.heldGames()).toEqual([]);
    const stored = await prisma.liveGame.findUniqueOrThrow({ where: { id: gameId }, select: { state: true } });
    expect(JSON.parse(stored.state).phase.name).toBe("ended");

    // A screen asking again loads it (its lease taken again), and it leaves memory again after the linger.
    const again = client(b.url, cookie);
    const rewatched = await request(again, "host:watch", { gameId });
    expect(rewatched.ok && (rewatched.data as StaffView).phase).toBe("ended");
    expect(await services.redis.exists(leaseKey)).toBe(1);
    await until(async () => !a.registry.has(gameId) && !b.registry.has(gameId) && (await services.redis.exists(leaseKey)) === 0, "let go again", 3_000);
  });
});
