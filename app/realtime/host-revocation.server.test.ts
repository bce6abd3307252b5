import { resetDatabase, testPrisma } from "../../tests/setup/test-database";

import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeQuestion } from "~/live/__fixtures__/live-game";
import { insertLiveGame } from "~/live/live-games.server";
import { LiveRegistry } from "~/live/live-registry.server";
import { prismaLiveStore } from "~/live/live-store.server";
import { prisma } from "~/utils/db.server";
import { createSession, revokeUserSessions } from "~/utils/session.server";
import type { ClientToServerEvents, ServerToClientEvents } from "./events";
import { attachRealtime, type RealtimeServer } from "./io.server";

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let http: HttpServer;
let io: RealtimeServer;
let registry: LiveRegistry;
let url: string;
const clients: Client[] = [];

beforeEach(async () => {
  await resetDatabase();
  registry = new LiveRegistry({ store: prismaLiveStore(prisma), log: () => undefined });
  http = createServer();
  io = attachRealtime(http, { allowedOrigins: [], live: { registry, db: prisma } });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterEach(async () => {
  for (const socket of clients.splice(0)) socket.disconnect();
  await registry.close();
  await io.close();
});

async function hostWatching() {
  const host = await testPrisma.user.create({
    data: { username: "dai-ptth", displayName: "Người dẫn", passwordHash: "x", role: "host" },
    select: { id: true },
  });
  const cookie = (await createSession(host.id)).split(";")[0];
  const game = await insertLiveGame(
    prisma,
    {
      hostId: host.id,
      title: "Trò chơi thử",
      releaseId: "test-release",
      releaseName: "test",
      mode: "classic",
      teamsBy: null,
      countdownMs: 0,
      questions: [makeQuestion(1, { timeLimitMs: 5_000 }), makeQuestion(2, { timeLimitMs: 5_000 })],
    },
    Date.now(),
  );
  if (!game.ok) throw new Error(game.problem);
  const socket: Client = connect(url, { transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders: { Cookie: cookie } });
  clients.push(socket);
  const watched = await socket.timeout(10_000).emitWithAck("host:watch", { gameId: game.gameId });
  if (!watched.ok) throw new Error(watched.error);
  const disconnected = new Promise<string>((resolve) => socket.on("disconnect", (reason) => resolve(reason)));
  return { hostId: host.id, gameId: game.gameId, socket, disconnected, step: watched.data.controls?.step ?? 0 };
}

describe("host rights end with the session", () => {
  it("a revocation in this process drops the host's socket at once", async () => {
    const { hostId, socket, disconnected } = await hostWatching();
    await revokeUserSessions(hostId);
    expect(await disconnected).toBe("io server disconnect");
    expect(socket.connected).toBe(false);
  });

  it("a session ended elsewhere (another node) is noticed at the next host command, which is refused", async () => {
    const { hostId, gameId, socket, disconnected, step } = await hostWatching();
    const started = await socket.timeout(10_000).emitWithAck("host:command", { gameId, command: "start", step });
    // The game itself answers (nobody has joined yet): the command got past the session check.
    expect(started).toEqual({ ok: false, error: "no-players" });
    // Deleted straight in the database: no in-process hook fires.
    await testPrisma.session.deleteMany({ where: { userId: hostId } });
    const refused = await socket.timeout(10_000).emitWithAck("host:command", { gameId, command: "start", step });
    expect(refused).toEqual({ ok: false, error: "forbidden" });
    expect(await disconnected).toBe("io server disconnect");
  });

  it("a changed role is noticed the same way", async () => {
    const { hostId, gameId, socket, disconnected } = await hostWatching();
    await testPrisma.user.update({ where: { id: hostId }, data: { role: "participant" } });
    const refused = await socket.timeout(10_000).emitWithAck("host:command", { gameId, command: "start", step: 0 });
    expect(refused).toEqual({ ok: false, error: "forbidden" });
    expect(await disconnected).toBe("io server disconnect");
  });
});
