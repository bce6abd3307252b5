import { resetDatabase, testPrisma } from "../../tests/setup/test-database";

import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeQuestion } from "~/live/__fixtures__/live-game";
import { insertLiveGame } from "~/live/live-games.server";
import { LiveRegistry } from "~/live/live-registry.server";
import { prismaLiveStore } from "~/live/live-store.server";
import { prisma } from "~/utils/db.server";
import { createSession } from "~/utils/session.server";
import type { ClientToServerEvents } from "./events";
import { attachRealtime, type RealtimeServer } from "./io.server";

// Random and hostile payloads to every Socket.IO event, from an anonymous client and from the
// game's own host and player: no server error, no half-written row, the process still answering.

const EVENTS = ["system:ping", "host:watch", "host:command", "host:play-along", "display:watch", "player:join", "player:resume", "player:path", "answer:submit"] as const;
// A new event must be added above, or this line stops compiling.
const everyEvent: Exclude<keyof ClientToServerEvents, (typeof EVENTS)[number]> extends never ? true : false = true;

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const HOSTILE: unknown[] = [
  null,
  undefined,
  0,
  -1,
  1e308,
  Number.NaN,
  "",
  "x".repeat(10_000),
  "'; DROP TABLE \"LivePlayer\"; --",
  "<script>alert(1)</script>",
  "\u0000\u202e\ud800",
  [],
  [[[[[[]]]]]],
  {},
  { __proto__: { polluted: true } },
  { constructor: { prototype: { polluted: true } } },
  true,
];

function hostileValue(next: () => number, depth = 0): unknown {
  const pick = next();
  if (pick < 0.5 || depth > 2) return HOSTILE[Math.floor(next() * HOSTILE.length)];
  if (pick < 0.75) return Array.from({ length: Math.floor(next() * 4) }, () => hostileValue(next, depth + 1));
  const keys = ["gameId", "token", "pin", "name", "unitId", "pathId", "paths", "command", "step", "playerId", "questionIndex", "optionIds", "answerId", "clientSentAt"];
  return Object.fromEntries(keys.filter(() => next() < 0.5).map((key) => [key, hostileValue(next, depth + 1)]));
}

type Client = Socket;
let http: HttpServer;
let io: RealtimeServer;
let registry: LiveRegistry;
let url = "";
const errors: string[] = [];
const clients: Client[] = [];

beforeAll(async () => {
  await resetDatabase();
  registry = new LiveRegistry({ store: prismaLiveStore(prisma), log: (message) => errors.push(message) });
  http = createServer();
  io = attachRealtime(http, { allowedOrigins: [], live: { registry, db: prisma } });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of clients) socket.disconnect();
  await registry.close();
  await io.close();
});

function client(cookie?: string): Client {
  const socket = connect(url, { transports: ["websocket"], reconnection: false, forceNew: true, ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}) });
  clients.push(socket);
  return socket;
}

const ask = (socket: Client, event: string, payload: unknown) =>
  socket.timeout(10_000).emitWithAck(event, payload) as Promise<{ ok: boolean; error?: string }>;

describe("hostile Socket.IO payloads", () => {
  it("answers every event with a clean refusal, writes nothing half-way and keeps answering", async () => {
    expect(everyEvent).toBe(true);
    const host = await testPrisma.user.create({ data: { username: "fuzz-host", displayName: "Host", passwordHash: "x", role: "host" }, select: { id: true } });
    const cookie = (await createSession(host.id)).split(";")[0];
    const created = await insertLiveGame(
      prisma,
      { hostId: host.id, title: "Fuzz", releaseId: "r", releaseName: "r", mode: "classic", teamsBy: null, countdownMs: 0, questions: [makeQuestion(1)] },
      Date.now(),
    );
    if (!created.ok) throw new Error(created.problem);

    const hostSocket = client(cookie);
    expect((await ask(hostSocket, "host:watch", { gameId: created.gameId })).ok).toBe(true);
    const playerSocket = client();
    expect((await ask(playerSocket, "player:join", { pin: created.pin, name: "Người chơi", unitId: null })).ok).toBe(true);
    const stranger = client();

    const next = random(20261207);
    const codes = new Map<string, number>();
    for (let round = 0; round < 300; round += 1) {
      const socket = [hostSocket, playerSocket, stranger][round % 3];
      const event = EVENTS[Math.floor(next() * EVENTS.length)];
      // Past 16 KB Socket.IO itself drops the connection (maxHttpBufferSize): keep each payload under it.
      const generated = hostileValue(next);
      const payload = (JSON.stringify(generated) ?? "").length > 12_000 ? "x".repeat(10_000) : generated;
      const reply = await ask(socket, event, payload);
      expect(typeof reply).toBe("object");
      if (!reply.ok) codes.set(reply.error ?? "?", (codes.get(reply.error ?? "?") ?? 0) + 1);
      // The per-socket bucket refills at 10 a second: pace the fuzzer so most payloads reach the schema.
      if (round % 30 === 29) await new Promise((resolve) => setTimeout(resolve, 1_000));
    }

    expect(codes.get("server-error") ?? 0).toBe(0);
    expect(errors).toEqual([]);
    expect(codes.get("invalid-payload") ?? 0).toBeGreaterThan(100);
    // Nothing half-written: still one player, no answer, the game in its lobby with its PIN.
    expect(await testPrisma.livePlayer.count()).toBe(1);
    expect(await testPrisma.liveAnswer.count()).toBe(0);
    expect(await testPrisma.liveGame.findUniqueOrThrow({ where: { id: created.gameId }, select: { status: true, openPin: true } })).toEqual({
      status: "lobby",
      openPin: created.pin,
    });
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    // Still answering.
    const ping = await ask(client(), "system:ping", { clientSentAt: 1 });
    expect(ping.ok).toBe(true);
  }, 60_000);
});
