import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachRealtime, type RealtimeServer } from "~/realtime/io.server";
import { trackScreen } from "~/realtime/__fixtures__/live-views";
import { prisma } from "~/utils/db.server";
import type { GameState } from "../game-state";
import { LiveRegistry } from "../live-registry.server";
import type { StaffView } from "../player-view";
import { hostedGame, request, type Client } from "./__fixtures__/app-processes";
import { clusterServicesProblem, expectServicesOptionalHere, redisPrefix, redisServerUrl, scratchDatabase, type ScratchDatabase } from "./__fixtures__/cluster-services";
import { startCluster, type Cluster } from "./cluster.server";

// Two processes, as server.ts builds them, in this test's process. The game runs on A, which is
// slow to answer what B forwards it (as a process of a busy machine is): B's call times out and
// B asks again. A host's command forwarded that way runs once, and the host gets its result, not
// "the game has moved on" from the second run of their own "start".

const CALL_TIMEOUT_MS = 150;
const SLOW_OWNER_MS = 400;

let problem: string | undefined;
let database: ScratchDatabase;
let redis: Redis;
const keys = redisPrefix();
const nodes: { cluster: Cluster; registry: LiveRegistry; http: HttpServer; io: RealtimeServer; url: string }[] = [];
const clients: Client[] = [];

/** A process whose forwarded requests each take `slowMs` longer; `forwarded` lists the events it ran for others. */
async function startNode(slowMs = 0) {
  const cluster = startCluster({ redisUrl: redisServerUrl, databaseUrl: database.url, db: prisma, keyPrefix: keys.prefix, callTimeoutMs: CALL_TIMEOUT_MS, log: () => undefined });
  const registry = new LiveRegistry({ store: cluster.store, claim: cluster.claim, onRetired: cluster.retired, log: () => undefined });
  const forwarded: string[] = [];
  const http = createServer();
  const io = attachRealtime(http, {
    allowedOrigins: [],
    live: {
      registry,
      db: prisma,
      cluster: (transport, server, liveRegistry) => {
        const runForwarded = transport.runForwarded.bind(transport);
        transport.runForwarded = async (socket, event, payload) => {
          forwarded.push(event);
          await new Promise((resolve) => setTimeout(resolve, slowMs));
          return runForwarded(socket, event, payload);
        };
        return cluster.routing(transport, server, liveRegistry);
      },
    },
    adapter: cluster.adapter,
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const node = { cluster, registry, http, io, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, forwarded };
  nodes.push(node);
  return node;
}

function client(url: string, cookie: string): Client {
  const socket: Client = connect(url, { transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders: { Cookie: cookie } });
  clients.push(socket);
  return trackScreen(socket);
}

beforeAll(async () => {
  problem = await clusterServicesProblem();
  if (problem) return;
  database = await scratchDatabase();
  process.env.DATABASE_URL = database.url;
  redis = new Redis(redisServerUrl);
});

afterAll(async () => {
  if (problem) return;
  for (const socket of clients) socket.disconnect();
  for (const node of nodes) {
    await node.registry.close();
    await node.io.close();
    await node.cluster.close();
  }
  await prisma.$disconnect();
  await keys.clean(redis);
  redis.disconnect();
  await database.drop();
});

describe("a request forwarded to a slow owner", () => {
  it("is asked again after the call timed out, runs once there, and answers with that run's result", async () => {
    if (problem) return expectServicesOptionalHere(problem);
    const a = await startNode(SLOW_OWNER_MS);
    const b = await startNode();
    const { cookie, gameId, pin } = await hostedGame(prisma, "Chậm", 2);

    // The host's console on A: A runs the game.
    const onA = client(a.url, cookie);
    expect((await request(onA, "host:watch", { gameId })).ok).toBe(true);
    expect((await redis.get(`${keys.prefix}lease:${gameId}`))?.split(" ")[0]).toBe(a.cluster.processId);
    const player = connect(a.url, { transports: ["websocket"], reconnection: false, forceNew: true }) as Client;
    clients.push(player);
    expect((await request(player, "player:join", { pin, name: "Lan", unitId: null })).ok).toBe(true);

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
