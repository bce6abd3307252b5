import { resetDatabase, testDatabaseUrl, testPrisma } from "../../tests/setup/test-database";

import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import express from "express";
import { io as connect, type Socket } from "socket.io-client";
import { nextView, showReply, trackScreen } from "~/realtime/__fixtures__/live-views";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeQuestion } from "~/live/__fixtures__/live-game";
import { insertLiveGame } from "~/live/live-games.server";
import { LiveRegistry } from "~/live/live-registry.server";
import { liveStoreFor } from "~/live/live-writer.server";
import type { PlayerView, StaffView } from "~/live/player-view";
import type { ClientToServerEvents, LiveView, ServerToClientEvents } from "~/realtime/events";
import { attachRealtime, type RealtimeServer } from "~/realtime/io.server";
import { prisma } from "~/utils/db.server";
import { createSession } from "~/utils/session.server";
import { createLogger, logger, requestLogging, setLogger } from "./logger.server";
import { metricsText, setMetricsSources } from "./metrics.server";
import { createShutdown, instrumentedStore, instrumentRealtime, mountProbes, observeBroadcast, trackConnections } from "./operations.server";

// The operator's instruments on a real server: Socket.IO with real clients, Express with real
// HTTP requests, the real SQLite test database. What is checked is what an operator relies on:
// metrics move when a game is played, logs carry ids and no names, and a planned restart in the
// middle of a question loses no acknowledged answer and needs no reload.

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Log lines captured as parsed JSON objects, plus the raw text to search for names. */
function captureLogs() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  setLogger(createLogger({ level: "info", destination }));
  return { text: () => lines.join("\n"), records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

class OpsServer {
  readonly registry = new LiveRegistry({ store: instrumentedStore(liveStoreFor(prisma, testDatabaseUrl)), onBroadcast: observeBroadcast, log: () => undefined });
  readonly app = express();
  readonly http: HttpServer = createServer(this.app);
  readonly dropConnections = trackConnections(this.http);
  readonly io: RealtimeServer;
  url = "";

  constructor(private readonly port = 0) {
    this.io = attachRealtime(this.http, { allowedOrigins: [], live: { registry: this.registry, db: prisma } });
    instrumentRealtime(this.io);
    setMetricsSources({ connectedSockets: () => this.io.engine.clientsCount, liveGames: () => this.registry.overview() });
    mountProbes(this.app, { readiness: async () => ({ ready: true, checks: {} }), operatorToken: "t".repeat(32) });
    this.app.use(requestLogging());
    this.app.get("/hello", (_request, response) => void response.send("xin chào"));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.http.listen(this.port, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await this.registry.close();
    await this.io.close();
  }
}

const clients: Client[] = [];
const servers: OpsServer[] = [];

async function startServer(port = 0): Promise<OpsServer> {
  const server = await new OpsServer(port).start();
  servers.push(server);
  return server;
}

function client(server: OpsServer, options: { cookie?: string; reconnect?: boolean } = {}): Client {
  const socket: Client = connect(server.url, {
    transports: ["websocket"],
    reconnection: options.reconnect ?? false,
    reconnectionDelay: 100,
    reconnectionDelayMax: 200,
    forceNew: true,
    ...(options.cookie ? { extraHeaders: { Cookie: options.cookie } } : {}),
  });
  clients.push(socket);
  return trackScreen(socket);
}

async function request(socket: Client, event: keyof ClientToServerEvents, payload: unknown) {
  const emit = socket.timeout(10_000).emitWithAck as (event: string, payload: unknown) => Promise<{ ok: boolean; data?: unknown; error?: string }>;
  const response = await emit.call(socket, event, payload);
  showReply(socket, event, response);
  return response;
}


async function newGame() {
  const host = await testPrisma.user.create({
    data: { username: `host-${Math.random()}`, displayName: "Người dẫn", passwordHash: "x", role: "host" },
    select: { id: true },
  });
  const cookie = (await createSession(host.id)).split(";")[0];
  const questions = [1, 2].map((index) => makeQuestion(index, { timeLimitMs: 20_000 }));
  const created = await insertLiveGame(
    prisma,
    { hostId: host.id, title: "Trò chơi vận hành", releaseId: "r", releaseName: "test", mode: "classic", teamsBy: null, countdownMs: 0, questions },
    Date.now(),
  );
  if (!created.ok) throw new Error(created.problem);
  return { ...created, cookie };
}

/** The host starts; the named players join; the first question opens on every phone. */
async function gameInQuestion(server: OpsServer, names: string[]) {
  const game = await newGame();
  const host = client(server, { cookie: game.cookie });
  const watched = await request(host, "host:watch", { gameId: game.gameId });
  if (!watched.ok) throw new Error(watched.error);
  const players = [];
  for (const name of names) {
    const socket = client(server, { reconnect: true });
    const joined = await request(socket, "player:join", { pin: game.pin, name, unitId: null });
    if (!joined.ok) throw new Error(joined.error);
    players.push({ socket, ...(joined.data as { playerId: string; token: string }) });
  }
  const opened = players.map((player) => nextView<PlayerView>(player.socket, (view) => view.phase === "question"));
  const started = await request(host, "host:command", { gameId: game.gameId, command: "start", step: (watched.data as StaffView).controls!.step });
  if (!started.ok) throw new Error(started.error);
  const views = await Promise.all(opened);
  return { game, host, players, question: views[0].question! };
}

function metricValue(text: string, name: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${name} `));
  return line ? Number(line.split(" ")[1]) : Number.NaN;
}

beforeEach(resetDatabase);

afterEach(async () => {
  for (const socket of clients.splice(0)) socket.disconnect();
  for (const server of servers.splice(0)) await server.stop().catch(() => undefined);
});

describe("metrics", () => {
  it("move when a game is played: answers, acks, commits, fan-out, games and players", async () => {
    const server = await startServer();
    const before = await metricsText();
    const { game, players, question } = await gameInQuestion(server, ["Lan", "Minh", "Hà"]);
    for (const player of players) {
      const acked = await request(player.socket, "answer:submit", {
        gameId: game.gameId,
        questionIndex: 0,
        optionIds: [question.options[0].id],
        answerId: `${player.playerId}-0`,
      });
      expect(acked.ok).toBe(true);
    }
    const after = await metricsText();
    expect(metricValue(after, "sanchoi_live_answers_total") - metricValue(before, "sanchoi_live_answers_total")).toBe(3);
    expect(metricValue(after, "sanchoi_live_ack_seconds_count") - metricValue(before, "sanchoi_live_ack_seconds_count")).toBe(3);
    expect(metricValue(after, "sanchoi_live_commit_batch_size_sum") - metricValue(before, "sanchoi_live_commit_batch_size_sum")).toBe(3);
    expect(metricValue(after, "sanchoi_live_fanout_seconds_count")).toBeGreaterThan(metricValue(before, "sanchoi_live_fanout_seconds_count") || 0);
    expect(metricValue(after, "sanchoi_live_games")).toBe(1);
    expect(after).toContain(`sanchoi_live_players{game="${game.gameId}",state="connected"} 3`);
    expect(metricValue(after, "sanchoi_socket_connections")).toBe(4);
  });

  it("are served on the app's port only with the operator token", async () => {
    const server = await startServer();
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const authorised = await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${"t".repeat(32)}` } });
    expect(authorised.status).toBe(200);
    expect(await authorised.text()).toContain("sanchoi_event_loop_utilisation");
  });
});

describe("logs", () => {
  it("hold ids and no personal data: one line per request and per host command", async () => {
    const logs = captureLogs();
    const server = await startServer();
    const { game } = await gameInQuestion(server, ["Nguyễn Thị Bích Ngọc"]);
    await fetch(`${server.url}/hello?username=tran.van.an&token=secret-token`);

    const records = logs.records();
    const command = records.find((record) => record.msg === "host command");
    expect(command).toMatchObject({ gameId: game.gameId, command: "start", level: "info" });
    const requestLine = records.find((record) => record.msg === "request" && record.route === "/hello");
    expect(requestLine).toMatchObject({ method: "GET", status: 200 });
    expect(typeof requestLine?.requestId).toBe("string");
    expect(logs.text()).not.toMatch(/Bích Ngọc|tran\.van\.an|secret-token/);
  });

  it("censor a personal field that slips into a line", () => {
    const logs = captureLogs();
    logger().info({ gameId: "g1", player: { displayName: "Lê Văn Tám", birthYear: 2010, guardianName: "Lê Văn Một" } }, "joined");
    expect(logs.records()[0]).toMatchObject({ gameId: "g1", player: { displayName: "[hidden]" } });
    expect(logs.text()).not.toMatch(/Tám|2010|Một/);
  });
});

describe("a planned restart in the middle of a question", () => {
  it("keeps every acknowledged answer, and players carry on in the same question without a reload", async () => {
    const first = await startServer();
    const { game, players, question } = await gameInQuestion(first, ["An", "Bình"]);
    const [an, binh] = players;
    const acked = await request(an.socket, "answer:submit", { gameId: game.gameId, questionIndex: 0, optionIds: [question.options[0].id], answerId: "an-0" });
    expect(acked.ok).toBe(true);

    // SIGTERM: sockets are dropped, games written, the process would exit.
    const exits: number[] = [];
    const port = Number(new URL(first.url).port);
    const shutdown = createShutdown({
      httpServer: first.http,
      io: first.io,
      dropConnections: first.dropConnections,
      drainGames: () => first.registry.drain(),
      closeGames: () => first.registry.close({ resumeOnLoad: true }),
      closeDatabase: async () => undefined,
      timeoutMs: 5_000,
      exit: (code) => void exits.push(code),
    });
    const dropped = Promise.all(players.map((player) => new Promise((resolve) => player.socket.once("disconnect", resolve))));
    await shutdown("SIGTERM");
    expect(exits).toEqual([0]);
    await dropped;
    servers.splice(servers.indexOf(first), 1);

    // The next process on the same port: the phones reconnect by themselves and resume.
    const second = await startServer(port);

    const back = await Promise.all(
      players.map(async (player) => {
        await new Promise<void>((resolve) => player.socket.once("connect", () => resolve()));
        const resumed = await request(player.socket, "player:resume", { gameId: game.gameId, token: player.token });
        expect(resumed.ok).toBe(true);
        return (resumed.data as { view: PlayerView }).view;
      }),
    );
    for (const view of back) {
      expect(view.phase).toBe("question");
      expect(view.paused).toBeNull();
      expect(view.question?.index).toBe(0);
    }
    // An's answer from before the restart is still there: a retry counts once.
    const retry = await request(an.socket, "answer:submit", { gameId: game.gameId, questionIndex: 0, optionIds: [question.options[0].id], answerId: "an-0" });
    expect(retry).toMatchObject({ ok: true });
    const stored = await testPrisma.liveAnswer.findMany({ where: { gameId: game.gameId }, select: { playerId: true } });
    expect(stored.map((row) => row.playerId)).toEqual([an.playerId]);
    // Bình answers after the restart, within the time left.
    const late = await request(binh.socket, "answer:submit", { gameId: game.gameId, questionIndex: 0, optionIds: [question.options[1].id], answerId: "binh-0" });
    expect(late.ok).toBe(true);
    expect(await testPrisma.liveAnswer.count({ where: { gameId: game.gameId } })).toBe(2);
    expect(second.url).toBe(first.url);
  });
});

/** The README's backup command as the operator runs it, against this process's database. */
function runBackupCommand(args: string[], databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/db-backup.ts", ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    let output = "";
    child.stdout.on("data", (data) => (output += data));
    child.stderr.on("data", (data) => (output += data));
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("an online backup in the middle of a game", () => {
  it("does not pause the game, and its restore holds every answer acknowledged before it began", async () => {
    const server = await startServer();
    const names = Array.from({ length: 12 }, (_, index) => `Người chơi ${index + 1}`);
    const { game, players, question } = await gameInQuestion(server, names);
    const answer = (player: (typeof players)[number]) =>
      request(player.socket, "answer:submit", { gameId: game.gameId, questionIndex: 0, optionIds: [question.options[0].id], answerId: `${player.playerId}-0` });

    const before = players.slice(0, 6);
    for (const player of before) expect(await answer(player)).toMatchObject({ ok: true });

    // The backup command runs while the other half answer and new players keep joining.
    const folder = mkdtempSync(path.join(tmpdir(), "san-choi-backup-"));
    try {
      let backupDone = false;
      const backingUp = runBackupCommand(["backup", "--to", folder], testDatabaseUrl).finally(() => (backupDone = true));
      for (const player of players.slice(6)) expect(await answer(player)).toMatchObject({ ok: true });
      let joinedWhileBackingUp = 0;
      // A handful is enough to show writes go on; more would meet the join throttle.
      while (!backupDone && joinedWhileBackingUp < 15) {
        const late = client(server);
        const joined = await request(late, "player:join", { pin: game.pin, name: `Người đến muộn ${joinedWhileBackingUp + 1}`, unitId: null });
        expect(joined.ok).toBe(true);
        late.disconnect();
        joinedWhileBackingUp += 1;
      }
      const backup = await backingUp;
      expect(backup.code, backup.output).toBe(0);
      expect(joinedWhileBackingUp).toBeGreaterThan(0);

      const [file] = readdirSync(folder);
      expect(file).toMatch(/^san-choi-\d{8}-\d{6}\.db$/);
      const restoredUrl = `file:${path.join(folder, "restored.db")}`;
      const restore = await runBackupCommand(["restore", path.join(folder, file), "--yes"], restoredUrl);
      expect(restore.code, restore.output).toBe(0);

      const restored = new Database(path.join(folder, "restored.db"), { readonly: true });
      try {
        const stored = restored.prepare("SELECT playerId FROM LiveAnswer WHERE gameId = ?").pluck().all(game.gameId) as string[];
        for (const player of before) expect(stored).toContain(player.playerId);
        // A consistent copy: no answer without its player.
        const orphans = restored.prepare("SELECT COUNT(*) FROM LiveAnswer a LEFT JOIN LivePlayer p ON p.id = a.playerId WHERE p.id IS NULL").pluck().get();
        expect(orphans).toBe(0);
        expect(restored.prepare("SELECT pin FROM LiveGame WHERE id = ?").pluck().get(game.gameId)).toBe(game.pin);
      } finally {
        restored.close();
      }
      // The game went on: every answer is in the live database.
      expect(await testPrisma.liveAnswer.count({ where: { gameId: game.gameId } })).toBe(players.length);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);

  it("refuses to restore over a database unless told --yes, and says so", async () => {
    const result = await runBackupCommand(["restore", "no-such-file.db", "--yes"], testDatabaseUrl);
    expect(result.code).toBe(1);
    expect(result.output).toContain("No backup file");
    const unconfirmed = await runBackupCommand(["restore", "package.json"], testDatabaseUrl);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.output).toContain("--yes");
  }, 30_000);
});
