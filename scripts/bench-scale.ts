/**
 * The multi-process benchmark (docs/benchmarks-scale.md): one live game on PostgreSQL and Redis,
 * its players spread over 1 process and then over 3 (or --processes), in the same run, on one
 * fresh database (a game each). Prints, for each: question fan-out (host's command sent → each player shows
 * the question), answer ack latency (sent → acknowledged after the commit), reveal fan-out (the
 * question's last answer sent → each player shows the reveal), p50/p95/p99/max, the multi-process figures
 * as ratios to the single-process ones, and the Redis publishes between processes (channel
 * `<prefix>proc:<process>`, decision 036) that carry reveal snapshots, per reveal.
 *
 *   npm run bench:scale -- --players 600 --questions 3 --processes 3
 *
 * Needs PostgreSQL (TEST_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/postgres),
 * Redis (REDIS_URL, default redis://127.0.0.1:6379) and a build (npm run build). The generator is
 * socket.io-client in this process: past a few thousand players it measures itself (STACK.md).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { io as connect, type Socket } from "socket.io-client";
import { createPostgresDatabase, dropPostgresDatabase, postgresUrlForDatabase } from "./db/adapters";
import { deployMigrations } from "./db/migrations";

const { values: options } = parseArgs({
  options: {
    players: { type: "string", default: "600" },
    questions: { type: "string", default: "3" },
    processes: { type: "string", default: "3" },
  },
});
const playerCount = Number(options.players);
const questionCount = Number(options.questions);
const processCount = Number(options.processes);
const postgresServer = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

type Client = Socket;
type Reply = { ok: true; data: any } | { ok: false; error: string };

function request(socket: Client, event: string, payload: unknown): Promise<Reply> {
  return socket.timeout(30_000).emitWithAck(event, payload) as Promise<Reply>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startApp(databaseUrl: string, prefix: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", COOKIE_SECURE: "false", TRUST_PROXY: "true", PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix, LOG_LEVEL: "warn" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 200) {
    if (await fetch(`${url}/healthz`).then((response) => response.ok, () => false)) return { child, url };
    if (waited > 60_000 || child.exitCode !== null) throw new Error(`server on ${port} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (share: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0);
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: Math.round(sorted.at(-1) ?? 0) };
}

async function run(processes: number, databaseUrl: string) {
  const prefix = `scale-bench:${randomUUID().slice(0, 8)}:`;
  const apps: { child: ChildProcess; url: string }[] = [];
  const sockets: Client[] = [];
  const listeners: Redis[] = [];
  try {
    const { prisma } = await import("~/utils/db.server");
    const { createSession } = await import("~/utils/session.server");
    const { insertLiveGame } = await import("~/live/live-games.server");
    const { makeQuestion } = await import("~/live/__fixtures__/live-game");
    apps.push(...(await Promise.all(Array.from({ length: processes }, () => startApp(databaseUrl, prefix)))));
    // Every publish to a process's channel, counted by a subscriber of its own (not MONITOR, which slows Redis).
    const listener = new Redis(redisUrl);
    listeners.push(listener);
    const publishes = { all: 0, reveal: 0 };
    listener.on("pmessage", (_pattern: string, _channel: string, text: string) => {
      publishes.all += 1;
      if (carriesReveal(JSON.parse(text))) publishes.reveal += 1;
    });
    await listener.psubscribe(`${prefix}proc:*`);
    const host = await prisma.user.create({ data: { username: `bench-host-${processes}`, displayName: "Host", passwordHash: "x", role: "host" } });
    const cookie = (await createSession(host.id)).split(";")[0];
    const created = await insertLiveGame(
      prisma,
      { hostId: host.id, title: "Bench", releaseId: "r", releaseName: "r", mode: "classic", teamsBy: null, countdownMs: 0, questions: Array.from({ length: questionCount }, (_, index) => makeQuestion(index + 1, { timeLimitMs: 60_000 })) },
      Date.now(),
    );
    if (!created.ok) throw new Error(created.problem);
    const { gameId, pin } = created;

    const hostSocket = connect(apps[0].url, { transports: ["websocket"], forceNew: true, extraHeaders: { Cookie: cookie } });
    sockets.push(hostSocket);
    const staff: any[] = [];
    hostSocket.on("game:state", (view: any) => view.audience === "host" && staff.push(view));
    const watched = await request(hostSocket, "host:watch", { gameId });
    if (!watched.ok) throw new Error(watched.error);
    staff.push(watched.data);
    let cursor = 0;
    const waitStaff = async (test: (view: any) => boolean) => {
      for (;;) {
        const found = staff.findIndex((view, index) => index >= cursor && test(view));
        if (found !== -1) {
          cursor = found + 1;
          return staff[found];
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };

    // Players: round robin over the processes, joined 50 at a time.
    const questionShown: number[] = [];
    const acks: number[] = [];
    const revealSeen: { question: number; at: number }[] = [];
    // The last answer of a question closes it: the reveal follows once it is stored.
    const lastAnswerSentAt = new Map<number, number>();
    const failures: string[] = [];
    let commandSentAt = 0;
    const players: Client[] = [];
    for (let start = 0; start < playerCount; start += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, playerCount - start) }, async (_, offset) => {
          const index = start + offset;
          // One address per player, as on a province's network: the per-address join limits stay as they are.
          const address = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
          const socket = connect(apps[index % processes].url, { transports: ["websocket"], forceNew: true, extraHeaders: { "X-Forwarded-For": address } });
          sockets.push(socket);
          let seenQuestion = -1;
          let seenReveal = -1;
          const onView = (view: any) => {
            if (view.phase === "reveal" && view.question && view.question.index > seenReveal) {
              seenReveal = view.question.index;
              revealSeen.push({ question: view.question.index, at: performance.now() });
            }
            if (view.phase === "question" && view.question && view.question.index > seenQuestion) {
              seenQuestion = view.question.index;
              questionShown.push(performance.now() - commandSentAt);
              const sentAt = performance.now();
              lastAnswerSentAt.set(view.question.index, sentAt);
              const optionIds = [view.question.options[index % view.question.options.length].id];
              void request(socket, "answer:submit", { gameId, questionIndex: view.question.index, optionIds, answerId: `${index}-${view.question.index}` }).then((reply) => {
                if (reply.ok) acks.push(performance.now() - sentAt);
                else failures.push(reply.error);
              }, (error: Error) => failures.push(error.message));
            }
          };
          socket.on("game:state", onView);
          socket.on("game:common", onView);
          // The name filter refuses a few numbers ("Bạn 69"): another name then.
          let joined = await request(socket, "player:join", { pin, name: `Bạn ${index}`, unitId: null });
          if (!joined.ok && joined.error === "name-not-allowed") joined = await request(socket, "player:join", { pin, name: `Học sinh ${index + 1}`, unitId: null });
          if (!joined.ok) throw new Error(`join: ${joined.error}`);
          players.push(socket);
        }),
      );
    }

    const command = async (name: string, step: number) => {
      commandSentAt = performance.now();
      let reply = await request(hostSocket, "host:command", { gameId, command: name, step });
      // A view that was not the newest when read: the newest step the host has seen (by epoch and
      // version: an ack and a broadcast may arrive in either order), a few times while views come in.
      for (let attempt = 0; !reply.ok && reply.error === "stale-step" && attempt < 5; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const newest = staff.reduce((best, view) => (view.epoch > best.epoch || (view.epoch === best.epoch && view.version > best.version) ? view : best));
        commandSentAt = performance.now();
        reply = await request(hostSocket, "host:command", { gameId, command: name, step: newest.controls.step });
      }
      if (!reply.ok) throw new Error(`${name}: ${reply.error}`);
    };
    await command("start", watched.data.controls.step);
    for (let question = 0; question < questionCount; question += 1) {
      const reveal = await waitStaff((view) => view.phase === "reveal" && view.result && view.result.answeredCount === playerCount);
      await command("next", reveal.controls.step);
      const board = await waitStaff((view) => view.phase === "leaderboard" || view.phase === "podium");
      if (board.phase === "podium") break;
      await command("next", board.controls.step);
    }
    const revealFanOut = revealSeen.map(({ question, at }) => at - lastAnswerSentAt.get(question)!);
    return {
      processes,
      players: playerCount,
      refusedAnswers: failures.length,
      questionFanOutMs: percentiles(questionShown),
      answerAckMs: percentiles(acks),
      revealFanOutMs: percentiles(revealFanOut),
      publishesBetweenProcesses: publishes.all,
      revealPublishesPerReveal: Math.round((publishes.reveal / questionCount) * 10) / 10,
    };
  } finally {
    for (const socket of sockets) socket.disconnect();
    for (const listener of listeners) listener.disconnect();
    await Promise.all(apps.map(({ child }) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", () => resolve()), child.kill("SIGTERM"))))));
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
}

// One fresh database for both runs (a game each).
const database = `scale_bench_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
await createPostgresDatabase(postgresServer, database);
const databaseUrl = postgresUrlForDatabase(postgresServer, database);
process.env.DATABASE_URL = databaseUrl;
let single: Awaited<ReturnType<typeof run>>;
let several: Awaited<ReturnType<typeof run>>;
try {
  await deployMigrations({ databaseUrl });
  single = await run(1, databaseUrl);
  console.log(JSON.stringify(single));
  several = await run(processCount, databaseUrl);
  console.log(JSON.stringify(several));
} finally {
  const { prisma } = await import("~/utils/db.server");
  await prisma.$disconnect();
  await dropPostgresDatabase(postgresServer, database);
}
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);
console.log(
  `\n${playerCount} players, ${questionCount} questions, PostgreSQL + Redis on this machine\n` +
    `figure                 1 process p50/p99     ${processCount} processes p50/p99    ratio p99\n` +
    `question fan-out (ms)  ${single.questionFanOutMs.p50} / ${single.questionFanOutMs.p99}`.padEnd(46) +
    `${several.questionFanOutMs.p50} / ${several.questionFanOutMs.p99}`.padEnd(22) +
    `${ratio(several.questionFanOutMs.p99, single.questionFanOutMs.p99)}\n` +
    `answer ack (ms)        ${single.answerAckMs.p50} / ${single.answerAckMs.p99}`.padEnd(46) +
    `${several.answerAckMs.p50} / ${several.answerAckMs.p99}`.padEnd(22) +
    `${ratio(several.answerAckMs.p99, single.answerAckMs.p99)}\n` +
    `reveal fan-out (ms)    ${single.revealFanOutMs.p50} / ${single.revealFanOutMs.p99}`.padEnd(46) +
    `${several.revealFanOutMs.p50} / ${several.revealFanOutMs.p99}`.padEnd(22) +
    `${ratio(several.revealFanOutMs.p99, single.revealFanOutMs.p99)}\n` +
    `Redis publishes between processes: ${several.publishesBetweenProcesses} in all, ${several.revealPublishesPerReveal} per reveal carrying reveal snapshots`,
);

/** Whether a message between processes carries a player's reveal snapshot (alone, or in a batch). */
function carriesReveal(message: any): boolean {
  if (message.kind === "batch") return message.messages.some((inner: any) => carriesReveal(inner.kind === "packet" ? { ...inner, packet: message.prefix + inner.packet } : inner));
  if (message.kind === "packet") return message.packet.includes('"phase":"reveal"');
  if (message.kind === "emit") return message.event === "game:state" && message.args[0]?.phase === "reveal";
  return false;
}
process.exit(0);
