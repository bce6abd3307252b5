import { resetDatabase, testDatabaseUrl, testPrisma } from "../../tests/setup/test-database";

import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { nextView, onView, showReply, staffScreen, trackScreen } from "./__fixtures__/live-views";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeQuestion } from "~/live/__fixtures__/live-game";
import type { GameState } from "~/live/game-state";
import { createJoinThrottle } from "~/live/join-throttle.server";
import { insertLiveGame } from "~/live/live-games.server";
import { LiveRegistry } from "~/live/live-registry.server";
import { liveStoreFor } from "~/live/live-writer.server";
import type { PlayerView, StaffView } from "~/live/player-view";
import { recount } from "~/live/__fixtures__/recount";
import { prisma } from "~/utils/db.server";
import { createSession } from "~/utils/session.server";
import type { ClientToServerEvents, LiveView, ServerToClientEvents } from "./events";
import { attachRealtime, type RealtimeServer } from "./io.server";

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real server on a random port, as server.ts builds it, with a clock the test may move forward. */
class TestServer {
  skewMs = 0;
  readonly registry: LiveRegistry;
  private readonly store: ReturnType<typeof liveStoreFor>;
  private readonly http: HttpServer;
  private readonly io: RealtimeServer;
  url = "";

  constructor() {
    const now = () => Date.now() + this.skewMs;
    // The store server.ts uses: on SQLite, the writer thread (docs/decisions/028).
    this.store = liveStoreFor(prisma, testDatabaseUrl);
    this.registry = new LiveRegistry({ store: this.store, now, log: () => undefined });
    this.http = createServer();
    // Hundreds of players from one address: the per-address join limits (on-air.server.test.ts) are not what this file tests.
    const joinThrottle = createJoinThrottle({ lookups: { capacity: 10_000, refillPerSecond: 1_000 }, joins: { capacity: 10_000, refillPerSecond: 1_000 } });
    this.io = attachRealtime(this.http, { allowedOrigins: [], now, live: { registry: this.registry, db: prisma, joinThrottle } });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.http.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
    return this;
  }

  /** A crash: the game's memory is gone and nothing more is written. */
  async crash(): Promise<void> {
    await this.registry.abandon();
    await this.store.close?.();
    await this.io.close();
  }

  async stop(): Promise<void> {
    await this.registry.close();
    await this.io.close();
  }
}

const clients: Client[] = [];
const servers: TestServer[] = [];

function client(server: TestServer, cookie?: string): Client {
  const socket: Client = connect(server.url, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  });
  clients.push(socket);
  return trackScreen(socket);
}

async function request<E extends keyof ClientToServerEvents>(
  socket: Client,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
) {
  const emit = socket.timeout(10_000).emitWithAck as (event: string, payload: unknown) => Promise<unknown>;
  const response = await emit.call(socket, event, payload);
  showReply(socket, event, response);
  return response as Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];
}


async function newGame(options: { questions?: number; mode?: "classic" | "elimination" } = {}) {
  const host = await testPrisma.user.create({
    data: { username: `host-${Math.random()}`, displayName: "Người dẫn", passwordHash: "x", role: "host" },
    select: { id: true },
  });
  const cookie = (await createSession(host.id)).split(";")[0];
  const questions = Array.from({ length: options.questions ?? 3 }, (_, index) => makeQuestion(index + 1, { timeLimitMs: 5_000 }));
  const created = await insertLiveGame(
    prisma,
    {
      hostId: host.id,
      title: "Trò chơi thử",
      releaseId: "test-release",
      releaseName: "test",
      mode: options.mode ?? "classic",
      teamsBy: null,
      countdownMs: 0,
      questions,
    },
    Date.now(),
  );
  if (!created.ok) throw new Error(created.problem);
  return { ...created, cookie };
}

async function watchAsHost(server: TestServer, game: { gameId: string; cookie: string }) {
  const socket = client(server, game.cookie);
  const screen = staffScreen(socket);
  const watched = await request(socket, "host:watch", { gameId: game.gameId });
  if (!watched.ok) throw new Error(watched.error);
  return {
    socket,
    latest: () => screen.views.at(-1) ?? watched.data,
    /** The first snapshot since the last one waited for that passes the test (it may already be here). */
    waitFor: screen.waitFor,
    async command(command: "start" | "next" | "pause" | "resume" | "skip" | "end", step: number) {
      const response = await request(socket, "host:command", { gameId: game.gameId, command, step });
      if (!response.ok) throw new Error(`${command}: ${response.error}`);
    },
  };
}

type TestPlayer = { socket: Client; playerId: string; token: string; views: PlayerView[] };

async function joinPlayers(server: TestServer, pin: string, count: number): Promise<TestPlayer[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const socket = client(server);
      const views: PlayerView[] = [];
      onView(socket, (view) => views.push(view as PlayerView));
      const joined = await request(socket, "player:join", { pin, name: `Bạn ${index + 1}`, unitId: null });
      if (!joined.ok) throw new Error(joined.error);
      return { socket, playerId: joined.data.playerId, token: joined.data.token, views };
    }),
  );
}

function answer(player: TestPlayer, gameId: string, questionIndex: number, key: string, answerId = `${player.playerId}-${questionIndex}`) {
  return request(player.socket, "answer:submit", { gameId, questionIndex, optionIds: [key], answerId });
}


beforeEach(resetDatabase);

afterEach(async () => {
  for (const socket of clients.splice(0)) socket.disconnect();
  for (const server of servers.splice(0)) await server.stop().catch(() => undefined);
});

async function startServer(): Promise<TestServer> {
  const server = await new TestServer().start();
  servers.push(server);
  return server;
}

describe("live games over Socket.IO", () => {
  it("200 players finish a game; every score equals a recount from the stored answers, and nothing leaks before the reveal", async () => {
    const server = await startServer();
    const game = await newGame({ questions: 3 });
    const host = await watchAsHost(server, game);
    // Viewers at home on two broadcast paths play along (docs/decisions/038): the scan below covers them too.
    const paths = [
      { id: "tv", name: "Truyền hình", delayMs: 100 },
      { id: "web", name: "Internet", delayMs: 400 },
    ];
    expect((await request(host.socket, "host:play-along", { gameId: game.gameId, paths })).ok).toBe(true);
    const players = await joinPlayers(server, game.pin, 200);
    const homePlayers = await Promise.all(
      Array.from({ length: 6 }, async (_, index) => {
        const socket = client(server);
        const views: PlayerView[] = [];
        onView(socket, (view) => views.push(view as PlayerView));
        const joined = await request(socket, "player:join", { pin: game.pin, name: `Tại nhà ${index + 1}`, unitId: null, pathId: paths[index % 2].id });
        if (!joined.ok) throw new Error(joined.error);
        return { socket, views };
      }),
    );

    // Every player answers each question as soon as it is on screen, with an option of its own choosing.
    const acks: string[] = [];
    for (const [index, player] of players.entries()) {
      onView(player.socket, (view) => {
        const playerView = view as PlayerView;
        if (playerView.phase !== "question" || !playerView.question || playerView.myAnswer) return;
        const options = playerView.question.options;
        const key = options[(index + playerView.question.index) % options.length].id;
        answer(player, game.gameId, playerView.question.index, key).then((response) => acks.push(response.ok ? response.data.code : response.error));
      });
    }

    await host.command("start", host.latest().controls!.step);
    for (let questionIndex = 0; questionIndex < 3; questionIndex += 1) {
      const reveal = await host.waitFor((view) => view.phase === "reveal" && view.result !== null);
      expect(reveal.result!.answeredCount).toBe(200);
      await host.command("next", reveal.controls!.step);
      const board = await host.waitFor((view) => view.phase === "leaderboard");
      await host.command("next", board.controls!.step);
    }
    const podium = await host.waitFor((view) => view.phase === "podium");
    expect(podium.podium).toHaveLength(3);
    await host.command("end", podium.controls!.step);
    // A show played along at home does not close a question when its 200 studio players have
    // answered: each runs its 5 s (docs/decisions/039), and every step airs on each path with the
    // path's delay, so the end airs there about 3 × 5.5 s after the start.
    for (let waited = 0; !homePlayers.every((player) => player.views.some((view) => view.phase === "ended")); waited += 20) {
      if (waited > 25_000) throw new Error("the end of the game never aired on every home path");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    expect(acks).toHaveLength(600);
    expect(new Set(acks)).toEqual(new Set(["accepted"]));
    await server.registry.close();

    expect(await testPrisma.liveAnswer.count({ where: { gameId: game.gameId } })).toBe(600);
    const expected = await recount(testPrisma, game.gameId);
    const stored = await testPrisma.livePlayer.findMany({ where: { gameId: game.gameId, homePath: null }, select: { id: true, score: true } });
    const state = JSON.parse((await testPrisma.liveGame.findUniqueOrThrow({ where: { id: game.gameId } })).state) as GameState;
    expect(stored).toHaveLength(200);
    for (const row of stored) {
      expect(row.score).toBe(expected.get(row.id));
      expect(state.players.find((player) => player.id === row.id)!.score).toBe(expected.get(row.id));
    }
    // Speed scoring gave different scores; the recount is not trivially zero.
    expect(new Set(stored.map((row) => row.score)).size).toBeGreaterThan(1);

    expect(homePlayers.every((player) => player.views.some((view) => view.phase === "question"))).toBe(true);
    for (const player of [...players, ...homePlayers]) {
      for (const view of player.views) {
        if (view.phase === "reveal" || view.phase === "leaderboard" || view.phase === "podium" || view.phase === "ended") continue;
        const text = JSON.stringify(view);
        expect(text).not.toMatch(/correct|-right|-wrong/);
      }
    }
    const game_ = await testPrisma.liveGame.findUniqueOrThrow({ where: { id: game.gameId }, select: { status: true, openPin: true } });
    expect(game_).toEqual({ status: "ended", openPin: null });
  }, 60_000);

  it("a player who reconnects mid-question keeps the score and gets the question with its time left", async () => {
    const server = await startServer();
    const game = await newGame({ questions: 2 });
    const host = await watchAsHost(server, game);
    const [ann, bao] = await joinPlayers(server, game.pin, 2);

    const opened = nextView<PlayerView>(ann.socket, (view) => view.phase === "question");
    await host.command("start", host.latest().controls!.step);
    const first = await opened;
    expect((await answer(ann, game.gameId, 0, first.question!.options[0].id)).ok).toBe(true);
    const revealed = nextView<PlayerView>(ann.socket, (view) => view.phase === "reveal");
    expect((await answer(bao, game.gameId, 0, first.question!.options[1].id)).ok).toBe(true);
    const scoredView = await revealed;
    await host.command("next", (await host.waitFor((view) => view.phase === "reveal")).controls!.step);
    const board = await host.waitFor((view) => view.phase === "leaderboard");
    const second = nextView<PlayerView>(ann.socket, (view) => view.phase === "question");
    await host.command("next", board.controls!.step);
    const question = await second;

    ann.socket.disconnect();
    const again = client(server);
    const resumed = await request(again, "player:resume", { gameId: game.gameId, token: ann.token });
    if (!resumed.ok) throw new Error(resumed.error);
    expect(resumed.data.playerId).toBe(ann.playerId);
    expect(resumed.data.view.me.score).toBe(scoredView.me.score);
    expect(resumed.data.view.phase).toBe("question");
    expect(resumed.data.view.question!.index).toBe(1);
    expect(resumed.data.view.question!.deadline).toBe(question.question!.deadline);
    expect(resumed.data.view.question!.remainingMs).toBeGreaterThan(0);
    expect(resumed.data.view.question!.remainingMs).toBeLessThanOrEqual(5_000);

    const response = await request(again, "answer:submit", {
      gameId: game.gameId,
      questionIndex: 1,
      optionIds: [question.question!.options[0].id],
      answerId: "ann-after-reconnect",
    });
    expect(response).toEqual({ ok: true, data: { code: "accepted" } });
    expect(await testPrisma.liveAnswer.count({ where: { gameId: game.gameId, playerId: ann.playerId } })).toBe(2);

    // A made-up token gets nobody.
    const stranger = await request(client(server), "player:resume", { gameId: game.gameId, token: "x".repeat(32) });
    expect(stranger).toEqual({ ok: false, error: "unknown-player" });
  });

  it("refuses a late answer and counts a duplicate once", async () => {
    const server = await startServer();
    const game = await newGame({ questions: 1 });
    const host = await watchAsHost(server, game);
    const [ann, bao, chi] = await joinPlayers(server, game.pin, 3);

    const opened = nextView<PlayerView>(ann.socket, (view) => view.phase === "question");
    await host.command("start", host.latest().controls!.step);
    const key = (await opened).question!.options[0].id;

    const first = await answer(ann, game.gameId, 0, key, "ann-1");
    const retry = await answer(ann, game.gameId, 0, key, "ann-1");
    const another = await answer(ann, game.gameId, 0, "B", "ann-2");
    expect([first, retry, another]).toEqual([
      { ok: true, data: { code: "accepted" } },
      { ok: true, data: { code: "duplicate" } },
      { ok: false, error: "already-answered" },
    ]);
    expect(await testPrisma.liveAnswer.count({ where: { gameId: game.gameId, playerId: ann.playerId } })).toBe(1);

    expect((await answer(bao, game.gameId, 0, key)).ok).toBe(true);
    // Past the deadline and its grace window, on the server's clock.
    server.skewMs = 5_000 + 600;
    expect(await answer(chi, game.gameId, 0, key)).toEqual({ ok: false, error: "too-late" });
    expect(await testPrisma.liveAnswer.count({ where: { gameId: game.gameId, playerId: chi.playerId } })).toBe(0);

    // Bad payloads and strangers are refused with a code, not a crash.
    expect(await request(ann.socket, "answer:submit", { gameId: game.gameId, questionIndex: 0, optionIds: ["Z"], answerId: "x" })).toEqual({
      ok: false,
      error: "invalid-payload",
    });
    expect(await request(client(server), "host:watch", { gameId: game.gameId })).toEqual({ ok: false, error: "forbidden" });
  });

  it("a game restored after a crash keeps every acknowledged answer and comes back paused", async () => {
    const first = await startServer();
    const game = await newGame({ questions: 2 });
    const host = await watchAsHost(first, game);
    const players = await joinPlayers(first, game.pin, 5);

    const opened = nextView<PlayerView>(players[0].socket, (view) => view.phase === "question");
    await host.command("start", host.latest().controls!.step);
    const key = (await opened).question!.options[0].id;
    const acknowledged = await Promise.all(players.slice(0, 3).map((player) => answer(player, game.gameId, 0, key)));
    expect(acknowledged.every((response) => response.ok)).toBe(true);

    await first.crash();
    servers.splice(servers.indexOf(first), 1);
    for (const socket of clients.splice(0)) socket.disconnect();

    const second = await startServer();
    const hostAgain = await watchAsHost(second, game);
    expect(hostAgain.latest()).toMatchObject({ phase: "question", paused: "restart", counts: { answered: 3 } });

    const back = client(second);
    const resumed = await request(back, "player:resume", { gameId: game.gameId, token: players[0].token });
    if (!resumed.ok) throw new Error(resumed.error);
    expect(resumed.data.view.myAnswer).toEqual({ optionIds: [key], elapsedMs: expect.any(Number) });
    // The answer retried across the restart is the same answer.
    const retried = await request(back, "answer:submit", {
      gameId: game.gameId,
      questionIndex: 0,
      optionIds: [key],
      answerId: `${players[0].playerId}-0`,
    });
    expect(retried).toEqual({ ok: true, data: { code: "duplicate" } });

    await hostAgain.command("resume", hostAgain.latest().controls!.step);
    const running = await hostAgain.waitFor((view) => view.phase === "question" && view.paused === null);
    await hostAgain.command("next", running.controls!.step);
    expect((await hostAgain.waitFor((view) => view.phase === "reveal")).result!.answeredCount).toBe(3);
    expect(await testPrisma.liveAnswer.count({ where: { gameId: game.gameId } })).toBe(3);
  });
});
