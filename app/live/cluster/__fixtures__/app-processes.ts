// Real app processes (server.ts) for the cluster's tests, and what those tests read from them:
// requests with their acks, what a staff screen shows (the recount of the scores: ../../__fixtures__/recount.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "~/realtime/events";
import { showReply, trackScreen, type staffScreen } from "~/realtime/__fixtures__/live-views";
import type { PrismaClient } from "~/utils/db.server";
import { makeQuestion } from "../../__fixtures__/live-game";
import { insertLiveGame } from "../../live-games.server";
import { createSession } from "~/utils/session.server";
import { redisServerUrl } from "./cluster-services";

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
export type AppProcess = { child: ChildProcess; port: number; url: string; output: string[] };
export type Reply = { ok: true; data: any } | { ok: false; error: string };

/** A WebSocket client of one app server (with a session cookie: a signed-in host), added to `clients` to close after the suite. */
export function connectClient(clients: Client[], url: string, cookie?: string): Client {
  const socket: Client = connect(url, { transports: ["websocket"], reconnection: false, forceNew: true, ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}) });
  clients.push(socket);
  return trackScreen(socket);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A development server (Vite included) on PostgreSQL and Redis, once it is steadily ready; put in
 * `started` at once, to be stopped whatever happens.
 */
export async function startApp(options: { databaseUrl: string; keyPrefix: string; env?: Record<string, string> }, started: AppProcess[]): Promise<AppProcess> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    // An operator's environment, not the test runner's (its variables change how modules load).
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "development",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: redisServerUrl,
      REDIS_KEY_PREFIX: options.keyPrefix,
      LOG_LEVEL: "warn",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (data) => output.push(String(data)));
  child.stderr!.on("data", (data) => output.push(String(data)));
  const app = { child, port, url: `http://127.0.0.1:${port}`, output };
  started.push(app);
  const startedAt = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output.join("")}`);
    const healthy = await fetch(`${app.url}/healthz`).then((response) => response.ok, () => false);
    if (healthy) {
      await steadilyReady(app);
      return app;
    }
    if (Date.now() - startedAt > 110_000) throw new Error(`server did not start:\n${output.join("")}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * After it listens, a development server compiles the app (warmUp in server.ts) and its event loop
 * stalls for seconds on a busy machine: a request forwarded meanwhile times out and is sent again,
 * and a load balancer's health check (/readyz, which watches the event loop) takes it out of the
 * rotation. Ready three times in a row, 200 ms apart, it is past that.
 */
async function steadilyReady(app: { url: string; output: string[] }): Promise<void> {
  for (let ready = 0, waited = 0; ready < 3; waited += 200) {
    if (waited > 60_000) throw new Error(`${app.url}/readyz did not stay ready:\n${app.output.join("")}`);
    ready = (await fetch(`${app.url}/readyz`).then((response) => response.ok, () => false)) ? ready + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** SIGTERM (a clean shutdown), SIGKILL after 10 s. */
export async function stopProcesses(children: readonly ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
          setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
        }),
    ),
  );
}

export async function request(socket: Client, event: keyof ClientToServerEvents, payload: unknown): Promise<Reply> {
  const emit = socket.timeout(15_000).emitWithAck as (event: string, payload: unknown) => Promise<unknown>;
  const response = await emit.call(socket, event, payload).catch((error: Error) => {
    throw new Error(`${event} from socket ${socket.id} (${socket.io.engine?.transport.name ?? "closed"}): ${error.message}`);
  });
  // A join's or resume's snapshot comes in its ack, as the phone reads it.
  showReply(socket, event, response);
  return response as Reply;
}

/**
 * A host's command with the step of the view it was decided on; refused as stale when a newer view
 * was on its way (the game moved on), sent once more with the newest step, as the host's console does.
 */
export async function hostCommand(socket: Client, screen: ReturnType<typeof staffScreen>, gameId: string, command: string, step: number): Promise<void> {
  let reply = await request(socket, "host:command", { gameId, command, step });
  const newest = screen.newestStep();
  if (!reply.ok && reply.error === "stale-step" && newest !== undefined && newest !== step) reply = await request(socket, "host:command", { gameId, command, step: newest });
  if (!reply.ok) throw new Error(`${command}: ${reply.error}`);
}

/**
 * A host (and their session cookie) and a classic game of `questions` questions, each 30 s long:
 * a question closes as soon as everyone has answered, so the limit only has to outlast a failover
 * or a busy machine.
 */
export async function hostedGame(db: PrismaClient, title: string, questions: number) {
  const host = await db.user.create({ data: { username: "host", displayName: "Người dẫn", passwordHash: "x", role: "host" }, select: { id: true } });
  const cookie = (await createSession(host.id)).split(";")[0];
  const created = await insertLiveGame(
    db,
    {
      hostId: host.id,
      title,
      releaseId: "r",
      releaseName: "r",
      mode: "classic",
      teamsBy: null,
      countdownMs: 0,
      questions: Array.from({ length: questions }, (_, index) => makeQuestion(index + 1, { timeLimitMs: 30_000 })),
    },
    Date.now(),
  );
  if (!created.ok) throw new Error(created.problem);
  const game = await db.liveGame.findUniqueOrThrow({ where: { id: created.gameId }, select: { displayToken: true } });
  return { cookie, gameId: created.gameId, pin: created.pin, displayToken: game.displayToken };
}
