import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onView, staffScreen, trackScreen } from "~/realtime/__fixtures__/live-views";
import { prisma } from "~/utils/db.server";
import type { GameState } from "../game-state";
import type { PlayerView, StaffView } from "../player-view";
import { freePort, hostCommand, hostedGame, request, startApp, stopProcesses, type AppProcess, type Client } from "./__fixtures__/app-processes";
import { recount } from "../__fixtures__/recount";
import { clusterServicesProblem, expectServicesOptionalHere, redisPrefix, redisServerUrl, scratchDatabase, type ScratchDatabase } from "./__fixtures__/cluster-services";

// A whole game played through the load balancer, as a province runs it (README "Several processes /
// several machines"): two real app processes behind HAProxy with the configuration
// `npm run scale:demo` uses (scripts/haproxy-config.sh), every client connected to HAProxy's port
// only — the host, the display and players over WebSocket, two players over HTTP long-polling,
// which works only because HAProxy's sticky cookie sends each of their requests to the process
// that opened their session.

const QUESTIONS = 2;
const WEBSOCKET_PLAYERS = 5;
const POLLING_PLAYERS = 2;

let haproxyProblem: string | undefined;
let problem: string | undefined;
let database: ScratchDatabase;
let redis: Redis;
let listener: Redis;
let haproxy: ChildProcess | undefined;
let balancerUrl = "";
const haproxyOutput: string[] = [];
const workdir = mkdtempSync(path.join(tmpdir(), "sanchoi-lb-"));
const keys = redisPrefix();
const apps: AppProcess[] = [];
const clients: Client[] = [];
/** Every publish to a process's channel (decision 036), in order. */
const published: any[] = [];

/** Debian puts haproxy in /usr/sbin, outside a normal user's PATH. */
let haproxyBinary = "haproxy";

function findHaproxy(): string | undefined {
  for (const candidate of ["haproxy", "/usr/sbin/haproxy"]) {
    const found = spawnSync(candidate, ["-v"], { encoding: "utf8" });
    if (!found.error && found.status === 0) {
      haproxyBinary = candidate;
      return undefined;
    }
  }
  return "HAProxy is not installed (Debian: sudo apt-get install -y haproxy; npm run test:all installs it). This test plays a game through it.";
}

/** HAProxy in front of the apps (steadily ready: startApp), once it has sent requests to each of them (each answered with its own sticky cookie). */
async function startBalancer(): Promise<void> {
  const port = await freePort();
  const config = spawnSync("bash", ["scripts/haproxy-config.sh", `127.0.0.1:${port}`, "1000", ...apps.map((app) => `127.0.0.1:${app.port}`)], { encoding: "utf8" });
  if (config.status !== 0) throw new Error(`scripts/haproxy-config.sh failed: ${config.stderr}`);
  const file = path.join(workdir, "haproxy.cfg");
  writeFileSync(file, config.stdout);
  haproxy = spawn(haproxyBinary, ["-f", file, "-db"], { stdio: ["ignore", "pipe", "pipe"] });
  haproxy.stdout!.on("data", (data) => haproxyOutput.push(String(data)));
  haproxy.stderr!.on("data", (data) => haproxyOutput.push(String(data)));
  balancerUrl = `http://127.0.0.1:${port}`;
  const seen = new Set<string>();
  const startedAt = Date.now();
  while (seen.size < apps.length) {
    if (haproxy.exitCode !== null) throw new Error(`haproxy exited:\n${haproxyOutput.join("")}`);
    if (Date.now() - startedAt > 30_000) throw new Error(`HAProxy did not reach every app (saw ${[...seen].join(", ")}):\n${haproxyOutput.join("")}`);
    const response = await fetch(`${balancerUrl}/healthz`).catch(() => null);
    const cookie = response?.ok ? /SANCHOI_NODE=(\w+)/.exec(response.headers.get("set-cookie") ?? "")?.[1] : undefined;
    if (cookie) seen.add(cookie);
    else await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function client(options: { cookie?: string; polling?: boolean } = {}): Client {
  const socket: Client = connect(balancerUrl, {
    transports: options.polling ? ["polling"] : ["websocket"],
    // In Node, socket.io-client keeps cookies (HAProxy's sticky one) only when asked to, as a browser does.
    withCredentials: options.polling ?? false,
    reconnection: false,
    forceNew: true,
    ...(options.cookie ? { extraHeaders: { Cookie: options.cookie } } : {}),
  });
  clients.push(socket);
  return trackScreen(socket);
}

beforeAll(async () => {
  haproxyProblem = findHaproxy();
  if (haproxyProblem) return;
  problem = await clusterServicesProblem();
  if (problem) return;
  database = await scratchDatabase();
  process.env.DATABASE_URL = database.url;
  redis = new Redis(redisServerUrl);
  listener = new Redis(redisServerUrl);
  listener.on("pmessage", (_pattern: string, _channel: string, text: string) => published.push(JSON.parse(text)));
  await listener.psubscribe(`${keys.prefix}proc:*`);
  // Behind a proxy, as scale:demo runs them: the client's address comes from X-Forwarded-For.
  const env = { TRUST_PROXY: "true" };
  await Promise.all([startApp({ databaseUrl: database.url, keyPrefix: keys.prefix, env }, apps), startApp({ databaseUrl: database.url, keyPrefix: keys.prefix, env }, apps)]);
  await startBalancer();
}, 150_000);

afterAll(async () => {
  for (const socket of clients) socket.disconnect();
  if (process.env.CLUSTER_TEST_LOGS) for (const app of apps) console.log(`--- server on ${app.port}:\n${app.output.join("")}\n--- haproxy:\n${haproxyOutput.join("")}`);
  await stopProcesses([...(haproxy ? [haproxy] : []), ...apps.map(({ child }) => child)]);
  rmSync(workdir, { recursive: true, force: true });
  if (haproxyProblem || problem) return;
  await prisma.$disconnect();
  listener.disconnect();
  await keys.clean(redis);
  redis.disconnect();
  await database.drop();
}, 60_000);

/** A player's reveal snapshot in a message between processes (alone, or in a batch): the socket it goes to. */
function revealSnapshotsIn(message: any, prefix = ""): string[] {
  if (message.kind === "batch") return message.messages.flatMap((inner: any) => revealSnapshotsIn(inner, message.prefix));
  if (message.kind === "packet") return /"audience":"player".*"phase":"reveal"/.test(prefix + message.packet) ? [message.socketId] : [];
  if (message.kind === "emit") return message.args[0]?.audience === "player" && message.args[0]?.phase === "reveal" ? [message.socketId] : [];
  return [];
}

describe("a game played through HAProxy in front of two processes", () => {
  it("WebSocket and long-polling clients play to the end; each answer acknowledged once; scores equal a recount; a reveal is one publish per process", async () => {
    expect(haproxyProblem, haproxyProblem).toBeUndefined();
    if (problem) return expectServicesOptionalHere(problem);

    const { cookie, gameId, pin, displayToken } = await hostedGame(prisma, "Qua cân bằng tải", QUESTIONS);

    const hostSocket = client({ cookie });
    const hostScreen = staffScreen(hostSocket);
    const watched = await request(hostSocket, "host:watch", { gameId });
    if (!watched.ok) throw new Error(`host:watch: ${watched.error}`);
    const displaySocket = client();
    const displayScreen = staffScreen(displaySocket);
    expect((await request(displaySocket, "display:watch", { gameId, token: displayToken })).ok).toBe(true);

    type Player = { socket: Client; playerId: string; polling: boolean; views: PlayerView[] };
    const players: Player[] = [];
    const dropped: string[] = [];
    for (let index = 0; index < WEBSOCKET_PLAYERS + POLLING_PLAYERS; index += 1) {
      const polling = index >= WEBSOCKET_PLAYERS;
      const socket = client({ polling });
      socket.on("disconnect", (reason) => dropped.push(`player ${index}: ${reason}`));
      socket.on("connect_error", (error) => dropped.push(`player ${index}: ${error.message}`));
      const views: PlayerView[] = [];
      onView(socket, (view) => views.push(view as PlayerView));
      const joined = await request(socket, "player:join", { pin, name: `Bạn ${index + 1}`, unitId: null });
      if (!joined.ok) throw new Error(`join ${index}: ${joined.error}`);
      players.push({ socket, playerId: joined.data.playerId, polling, views });
    }
    for (const player of players.filter(({ polling }) => polling)) {
      expect(player.socket.io.engine.transport.name).toBe("polling");
    }

    // Players answer what their screen shows; each answer once, acknowledged once.
    const acks: { playerId: string; questionIndex: number; result: string }[] = [];
    const answered = new Set<string>();
    for (const [index, player] of players.entries()) {
      onView(player.socket, (view) => {
        const shown = view as PlayerView;
        if (shown.phase !== "question" || !shown.question || shown.myAnswer || shown.paused) return;
        const questionIndex = shown.question.index;
        const answerId = `${player.playerId}:${questionIndex}`;
        if (answered.has(answerId)) return;
        answered.add(answerId);
        const options = shown.question.options;
        void request(player.socket, "answer:submit", { gameId, questionIndex, optionIds: [options[(index + questionIndex) % options.length].id], answerId }).then((reply) =>
          acks.push({ playerId: player.playerId, questionIndex, result: reply.ok ? reply.data.code : reply.error }),
        );
      });
    }

    const command = (name: string, step: number) => hostCommand(hostSocket, hostScreen, gameId, name, step);
    await command("start", (watched.data as StaffView).controls!.step);
    for (let question = 0; question < QUESTIONS; question += 1) {
      const reveal = await hostScreen.waitFor((view) => view.phase === "reveal" && view.result !== null);
      expect(reveal.result!.answeredCount, JSON.stringify(acks)).toBe(players.length);
      await command("next", reveal.controls!.step);
      const board = await hostScreen.waitFor((view) => view.phase === "leaderboard" || view.phase === "podium");
      if (board.phase === "podium") break;
      await command("next", board.controls!.step);
    }
    const podium = await hostScreen.waitFor((view) => view.phase === "podium");
    await command("end", podium.controls!.step);
    await hostScreen.waitFor((view) => view.phase === "ended");
    await displayScreen.waitFor((view) => view.phase === "ended");
    for (let waited = 0; players.some((player) => player.views.at(-1)?.phase !== "ended"); waited += 50) {
      if (waited > 10_000) throw new Error("not every player's screen shows the end");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    // Nobody was dropped; the long-polling players stayed on long-polling (their session on one process).
    expect(dropped).toEqual([]);
    for (const player of players.filter(({ polling }) => polling)) expect(player.socket.io.engine.transport.name).toBe("polling");

    // Every answer acknowledged once and stored once; the scores equal a recount from the stored rows.
    expect(acks).toHaveLength(players.length * QUESTIONS);
    expect(acks.every((ack) => ack.result === "accepted"), JSON.stringify(acks)).toBe(true);
    expect(new Set(acks.map((ack) => `${ack.playerId}:${ack.questionIndex}`)).size).toBe(players.length * QUESTIONS);
    expect(await prisma.liveAnswer.count({ where: { gameId } })).toBe(players.length * QUESTIONS);
    const expected = await recount(prisma, gameId);
    const stored = JSON.parse((await prisma.liveGame.findUniqueOrThrow({ where: { id: gameId }, select: { state: true } })).state) as GameState;
    expect(stored.phase.name).toBe("ended");
    for (const player of players) expect(stored.players.find((candidate) => candidate.id === player.playerId)!.score).toBe(expected.get(player.playerId));
    expect(new Set([...expected.values()]).size).toBeGreaterThan(1);

    // The players on the process that does not run the game got each reveal in one publish to that process.
    const remote = new Set(
      published.flatMap((message) => (message.kind === "batch" ? message.messages : [message])).flatMap((message) => (message.kind === "call" ? [message.socket.id as string] : [])),
    );
    const remotePlayers = players.filter((player) => remote.has(player.socket.id!));
    expect(remotePlayers.length, `HAProxy spread the players over both processes; its notices:\n${haproxyOutput.join("")}`).toBeGreaterThanOrEqual(2);
    const revealPublishes = published.map((message) => revealSnapshotsIn(message)).filter((sockets) => sockets.length > 0);
    expect(revealPublishes).toHaveLength(QUESTIONS);
    for (const sockets of revealPublishes) expect(new Set(sockets)).toEqual(new Set(remotePlayers.map((player) => player.socket.id)));
  }, 90_000);
});
