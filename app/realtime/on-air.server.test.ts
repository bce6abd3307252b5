import { resetDatabase, testPrisma } from "../../tests/setup/test-database";

import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeQuestion } from "~/live/__fixtures__/live-game";
import { LOBBY_IDLE_MS } from "~/live/constants";
import { closeIdleLobbies } from "~/live/idle-lobbies.server";
import { createJoinThrottle } from "~/live/join-throttle.server";
import { insertLiveGame, openGameByPin } from "~/live/live-games.server";
import { LiveRegistry } from "~/live/live-registry.server";
import { prismaLiveStore } from "~/live/live-store.server";
import type { StaffView } from "~/live/player-view";
import { prisma } from "~/utils/db.server";
import { createSession } from "~/utils/session.server";
import type { ClientToServerEvents, ServerToClientEvents } from "./events";
import { attachRealtime, type RealtimeServer } from "./io.server";

// A game on air, with the real Socket.IO server and real clients: joins limited per address across
// sockets, the host's lock and kick, names filtered before any screen, idle lobbies closed.

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let http: HttpServer;
let io: RealtimeServer;
let registry: LiveRegistry;
let url = "";
let skewMs = 0;
const clients: Client[] = [];

beforeEach(async () => {
  await resetDatabase();
  skewMs = 0;
  const now = () => Date.now() + skewMs;
  registry = new LiveRegistry({ store: prismaLiveStore(prisma), now, log: () => undefined });
  http = createServer();
  // A small per-game budget, so the test can reach it: 5 new players per address, then 1 a second.
  const throttle = createJoinThrottle();
  const joinThrottle = {
    allowPinLookup: throttle.allowPinLookup,
    allowJoin: (() => {
      const budget = new Map<string, number>();
      return (address: string, gameId: string) => {
        const used = budget.get(`${address}|${gameId}`) ?? 0;
        budget.set(`${address}|${gameId}`, used + 1);
        return used < 5;
      };
    })(),
  };
  io = attachRealtime(http, { allowedOrigins: [], now, live: { registry, db: prisma, joinThrottle } });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterEach(async () => {
  for (const socket of clients.splice(0)) socket.disconnect();
  await registry.close();
  await io.close();
});

function client(cookie?: string): Client {
  const socket: Client = connect(url, { transports: ["websocket"], reconnection: false, forceNew: true, ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}) });
  clients.push(socket);
  return socket;
}

async function request<E extends keyof ClientToServerEvents>(socket: Client, event: E, payload: Parameters<ClientToServerEvents[E]>[0]) {
  const emit = socket.timeout(10_000).emitWithAck as (event: string, payload: unknown) => Promise<unknown>;
  return (await emit.call(socket, event, payload)) as Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];
}

async function newGame() {
  const host = await testPrisma.user.create({
    data: { username: `host-${Math.random()}`, displayName: "Người dẫn", passwordHash: "x", role: "host" },
    select: { id: true },
  });
  const cookie = (await createSession(host.id)).split(";")[0];
  const created = await insertLiveGame(
    prisma,
    { hostId: host.id, title: "Trên sóng", releaseId: "r", releaseName: "r", mode: "classic", teamsBy: null, countdownMs: 0, questions: [makeQuestion(1)] },
    Date.now(),
  );
  if (!created.ok) throw new Error(created.problem);
  const game = await testPrisma.liveGame.findUniqueOrThrow({ where: { id: created.gameId }, select: { displayToken: true } });
  return { ...created, cookie, displayToken: game.displayToken };
}

async function display(game: { gameId: string; displayToken: string }) {
  const socket = client();
  const views: StaffView[] = [];
  socket.on("game:state", (view) => views.push(view as StaffView));
  const watched = await request(socket, "display:watch", { gameId: game.gameId, token: game.displayToken });
  if (!watched.ok) throw new Error(watched.error);
  views.push(watched.data as StaffView);
  return { views, names: () => JSON.stringify(views.map((view) => view.lobby)) };
}

const join = (socket: Client, pin: string, name: string) => request(socket, "player:join", { pin, name, unitId: null });
const until = async (test: () => boolean) => {
  for (let i = 0; i < 100 && !test(); i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe("joining a game on air", () => {
  it("limits new players per address across sockets, and one socket is one player", async () => {
    const game = await newGame();
    const results = [];
    for (let i = 0; i < 7; i += 1) results.push(await join(client(), game.pin, `Bạn số ${i}`));
    expect(results.filter((result) => result.ok)).toHaveLength(5);
    expect(results.slice(5)).toEqual([
      { ok: false, error: "too-many-joins" },
      { ok: false, error: "too-many-joins" },
    ]);
    expect(await testPrisma.livePlayer.count({ where: { gameId: game.gameId } })).toBe(5);

    const other = await newGame();
    const socket = client();
    expect((await join(socket, other.pin, "Một")).ok).toBe(true);
    expect(await join(socket, other.pin, "Hai")).toEqual({ ok: false, error: "already-playing" });
    expect(await testPrisma.livePlayer.count({ where: { gameId: other.gameId } })).toBe(1);
  });

  it("refuses an offensive name before the display sees it, and the display drops a name the host removes", async () => {
    const game = await newGame();
    const screen = await display(game);
    const host = client(game.cookie);
    expect((await request(host, "host:watch", { gameId: game.gameId })).ok).toBe(true);

    expect(await join(client(), game.pin, "Địt mẹ")).toEqual({ ok: false, error: "name-not-allowed" });
    expect(await testPrisma.livePlayer.count({ where: { gameId: game.gameId } })).toBe(0);

    const troll = await join(client(), game.pin, "Kẻ phá đám");
    const pupil = await join(client(), game.pin, "Ngọc Bích");
    if (!troll.ok || !pupil.ok) throw new Error("join failed");
    await until(() => screen.names().includes("Kẻ phá đám") && screen.names().includes("Ngọc Bích"));
    expect(screen.names()).toContain("Kẻ phá đám");

    const kicked = await request(host, "host:command", { gameId: game.gameId, command: "kick", playerId: troll.data.playerId });
    expect(kicked.ok).toBe(true);
    await until(() => !JSON.stringify(screen.views.at(-1)?.lobby).includes("Kẻ phá đám"));
    expect(JSON.stringify(screen.views.at(-1)?.lobby)).not.toContain("Kẻ phá đám");
    expect(JSON.stringify(screen.views.at(-1)?.lobby)).toContain("Ngọc Bích");
    expect(screen.names()).not.toContain("Địt");
  });

  it("lets the host lock the game with one command, and nobody new gets in", async () => {
    const game = await newGame();
    const host = client(game.cookie);
    expect((await request(host, "host:watch", { gameId: game.gameId })).ok).toBe(true);
    expect((await join(client(), game.pin, "An")).ok).toBe(true);
    expect(await request(host, "host:command", { gameId: game.gameId, command: "lock" })).toEqual({ ok: true, data: { code: "ok" } });
    expect(await join(client(), game.pin, "Bình")).toEqual({ ok: false, error: "game-locked" });
    // The refused join's row, written before the game decided, is gone again.
    expect(await testPrisma.livePlayer.findMany({ where: { gameId: game.gameId }, select: { displayName: true } })).toEqual([{ displayName: "An" }]);
    // A player may not lock a game.
    const player = client();
    expect(await request(player, "host:command", { gameId: game.gameId, command: "unlock" })).toEqual({ ok: false, error: "not-watching" });
  });
});

describe("idle lobbies", () => {
  it("closes a lobby left for hours and frees its PIN; a fresh lobby stays", async () => {
    const old = await newGame();
    const fresh = await newGame();
    // The old game was created and last touched more than LOBBY_IDLE_MS ago.
    await testPrisma.liveGame.update({ where: { id: old.gameId }, data: { createdAt: new Date(Date.now() - LOBBY_IDLE_MS - 60_000) } });
    await registry.get(old.gameId);
    skewMs = LOBBY_IDLE_MS + 60_000;
    // The fresh one was touched just now (by the clock the server now reads).
    expect((await join(client(), fresh.pin, "An")).ok).toBe(true);

    expect(await closeIdleLobbies(prisma, registry, Date.now() + skewMs)).toBe(1);
    expect(await openGameByPin(prisma, old.pin)).toBeNull();
    expect(await testPrisma.liveGame.findUniqueOrThrow({ where: { id: old.gameId }, select: { status: true } })).toEqual({ status: "ended" });
    expect(await openGameByPin(prisma, fresh.pin)).not.toBeNull();
    expect(await join(client(), old.pin, "Bình")).toEqual({ ok: false, error: "unknown-pin" });
  });
});
