/**
 * Live game benchmark (npm run bench:live -- --players 500): one game, N players on loopback.
 *
 * The server runs as a separate process (this file with --serve: the same Socket.IO layer and game
 * runner as server.ts, on a throwaway SQLite file), pinned to CPU 0 when `taskset` exists; the
 * players run here, pinned to CPU 1, as real socket.io-client connections. Measures:
 *  - question fan-out: from the moment the server opened a question to each player receiving it;
 *  - answer-to-ack: from a player's emit to its ack, which the server sends only after the answer's
 *    group commit.
 * Bounded: at most 3,000 players, and the whole run is stopped after --timeout seconds.
 * Options: --players N (500) --questions Q (3) --spread MS (2000: answers spread over this long)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const MAX_PLAYERS = 3_000;

const { values: options } = parseArgs({
  options: {
    serve: { type: "boolean", default: false },
    players: { type: "string", default: "500" },
    questions: { type: "string", default: "3" },
    spread: { type: "string", default: "2000" },
    timeout: { type: "string", default: "180" },
  },
});

if (options.serve) await serve();
else await bench();

/** The server side: Socket.IO + the live game runner on DATABASE_URL, port printed on stdout. */
async function serve() {
  const { LiveRegistry } = await import("../app/live/live-registry.server");
  const { prismaLiveStore } = await import("../app/live/live-store.server");
  const { attachRealtime } = await import("../app/realtime/io.server");
  const { prisma } = await import("../app/utils/db.server");
  const registry = new LiveRegistry({ store: prismaLiveStore(prisma) });
  // GET /cpu: this process's CPU time, for the report (tsx runs the server in a child of the spawned process).
  const http = createServer((request, response) => {
    const usage = process.cpuUsage();
    response.end(JSON.stringify({ cpuMs: (usage.user + usage.system) / 1000 }));
  });
  attachRealtime(http, { allowedOrigins: [], live: { registry, db: prisma } });
  http.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: (http.address() as AddressInfo).port })));
  process.on("SIGTERM", () => void registry.close().finally(() => process.exit(0)));
}

type Percentiles = { n: number; p50: number; p95: number; p99: number; max: number };

function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? NaN;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? NaN };
}

async function serverCpuMs(url: string): Promise<number> {
  const response = await fetch(`${url}/cpu`);
  return ((await response.json()) as { cpuMs: number }).cpuMs;
}

async function bench() {
  const playerCount = Math.min(MAX_PLAYERS, Number(options.players));
  const questionCount = Number(options.questions);
  const spreadMs = Number(options.spread);
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-live-"));
  const databaseUrl = `file:${path.join(dir, "bench.db")}`;
  process.env.DATABASE_URL = databaseUrl;
  let server: ChildProcess | null = null;
  // tsx runs the server in a child process of its own: signal the whole process group.
  const stopServer = (signal: NodeJS.Signals) => {
    if (server?.pid) {
      try {
        process.kill(-server.pid, signal);
      } catch {
        // Already gone.
      }
    }
  };
  const stop = setTimeout(() => {
    console.error(`Stopped after ${options.timeout} s.`);
    stopServer("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
    process.exit(2);
  }, Number(options.timeout) * 1000);

  try {
    const { deployMigrations } = await import("./db/migrations");
    await deployMigrations({ databaseUrl, root });
    const { prisma } = await import("../app/utils/db.server");
    const { createSession } = await import("../app/utils/session.server");
    const { insertLiveGame } = await import("../app/live/live-games.server");
    const { makeQuestion } = await import("../app/live/__fixtures__/live-game");
    const host = await prisma.user.create({ data: { username: "bench-host", displayName: "Bench", passwordHash: "x", role: "host" } });
    const cookie = (await createSession(host.id)).split(";")[0];
    const created = await insertLiveGame(
      prisma,
      {
        hostId: host.id,
        title: "Bench",
        releaseId: "bench",
        releaseName: "bench",
        mode: "classic",
        teamsBy: null,
        countdownMs: 0,
        questions: Array.from({ length: questionCount }, (_, index) => makeQuestion(index + 1, { timeLimitMs: 30_000 })),
      },
      Date.now(),
    );
    if (!created.ok) throw new Error(created.problem);
    await prisma.$disconnect();

    const pin = (cpu: number) => (existsSync("/usr/bin/taskset") ? ["taskset", "-c", String(cpu)] : []);
    const [program, ...args] = [...pin(0), path.join(root, "node_modules/.bin/tsx"), fileURLToPath(import.meta.url), "--serve"];
    server = spawn(program, args, {
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "inherit"],
      detached: true,
    });
    if (existsSync("/usr/bin/taskset")) spawn("taskset", ["-p", "-c", "1", String(process.pid)], { stdio: "ignore" });
    const port = await new Promise<number>((resolve, reject) => {
      server!.stdout!.once("data", (data: Buffer) => resolve(JSON.parse(data.toString()).port));
      server!.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    });
    const url = `http://127.0.0.1:${port}`;
    const { io } = await import("socket.io-client");
    const connect = (extra: Record<string, unknown> = {}) => io(url, { transports: ["websocket"], reconnection: false, forceNew: true, ...extra });

    const hostSocket = connect({ extraHeaders: { Cookie: cookie } });
    let hostView: { phase: string; controls: { step: number } | null } | null = null;
    const hostWaiters: (() => void)[] = [];
    hostSocket.on("game:state", (view) => {
      hostView = view;
      for (const wake of hostWaiters.splice(0)) wake();
    });
    const watched = await hostSocket.timeout(10_000).emitWithAck("host:watch", { gameId: created.gameId });
    if (!watched.ok) throw new Error(watched.error);
    hostView = watched.data;
    const untilPhase = async (phase: string) => {
      while (hostView?.phase !== phase) await new Promise<void>((resolve) => hostWaiters.push(resolve));
      return hostView;
    };
    const command = async (name: string) => {
      const response = await hostSocket.timeout(10_000).emitWithAck("host:command", { gameId: created.gameId, command: name, step: hostView!.controls!.step });
      if (!response.ok) throw new Error(`${name}: ${response.error}`);
    };

    // Players join in waves, as a studio audience does after the PIN goes on screen.
    const fanOut: number[][] = Array.from({ length: questionCount }, () => []);
    const acks: number[] = [];
    const refused: string[] = [];
    const joinStarted = performance.now();
    const sockets = [];
    for (let start = 0; start < playerCount; start += 100) {
      const wave = Array.from({ length: Math.min(100, playerCount - start) }, async (_, offset) => {
        const socket = connect();
        await new Promise<void>((resolve, reject) => {
          socket.once("connect", resolve);
          socket.once("connect_error", reject);
        });
        const joined = await socket.timeout(30_000).emitWithAck("player:join", { pin: created.pin, name: `Bench ${start + offset}`, unitId: null });
        if (!joined.ok) throw new Error(joined.error);
        const answered = new Set<number>();
        socket.on("game:state", (view) => {
          if (view.phase !== "question" || !view.question || answered.has(view.question.index)) return;
          const question = view.question;
          answered.add(question.index);
          fanOut[question.index].push(Date.now() - (question.deadline - question.timeLimitMs));
          const key = question.options[(start + offset) % question.options.length].id;
          setTimeout(async () => {
            const sentAt = performance.now();
            const response = await socket
              .timeout(30_000)
              .emitWithAck("answer:submit", { gameId: created.gameId, questionIndex: question.index, optionIds: [key], answerId: `${start + offset}-${question.index}` })
              .catch(() => ({ ok: false as const, error: "ack-timeout" }));
            if (response.ok) acks.push(performance.now() - sentAt);
            else refused.push(response.error);
          }, Math.random() * spreadMs);
        });
        return socket;
      });
      sockets.push(...(await Promise.all(wave)));
      if (sockets.length % 500 === 0) console.error(`${sockets.length} players joined after ${Math.round(performance.now() - joinStarted)} ms`);
    }
    const joinMs = performance.now() - joinStarted;

    const serverCpuBefore = await serverCpuMs(url);
    const clientCpuBefore = process.cpuUsage();
    const playStarted = performance.now();
    await command("start");
    for (let index = 0; index < questionCount; index += 1) {
      await untilPhase("reveal");
      console.error(`question ${index + 1} revealed after ${Math.round(performance.now() - playStarted)} ms`);
      await command("next");
      await untilPhase("leaderboard");
      await command("next");
    }
    await untilPhase("podium");
    const playSeconds = (performance.now() - playStarted) / 1000;
    const serverCpu = ((await serverCpuMs(url)) - serverCpuBefore) / 1000 / playSeconds;
    const clientUsage = process.cpuUsage(clientCpuBefore);
    const clientCpu = (clientUsage.user + clientUsage.system) / 1e6 / playSeconds;

    const round = (value: Percentiles) => Object.fromEntries(Object.entries(value).map(([key, number]) => [key, Math.round(number * 10) / 10]));
    console.log(
      JSON.stringify(
        {
          players: playerCount,
          questions: questionCount,
          answerSpreadMs: spreadMs,
          joinAllMs: Math.round(joinMs),
          fanOutMs: fanOut.map((samples) => round(percentiles(samples))),
          answerAckMs: round(percentiles(acks)),
          refused: refused.length,
          playSeconds: Math.round(playSeconds * 10) / 10,
          serverCpuShare: Math.round(serverCpu * 100) / 100,
          generatorCpuShare: Math.round(clientCpu * 100) / 100,
        },
        null,
        2,
      ),
    );
    if (clientCpu > 0.8) console.log("Note: the generator sat above 80% CPU; its own delays are in these numbers (STACK.md).");
    for (const socket of sockets) socket.disconnect();
    hostSocket.disconnect();
  } finally {
    clearTimeout(stop);
    stopServer("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}
