import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onView, staffScreen } from "~/realtime/__fixtures__/live-views";
import type { GameState } from "../game-state";
import type { PlayerView, StaffView } from "../player-view";
import { prisma } from "~/utils/db.server";
import { connectClient, hostCommand, hostedGame, request, startApp, stopProcesses, type AppProcess, type Client } from "./__fixtures__/app-processes";
import { recount } from "../__fixtures__/recount";
import { clusterServicesProblem, expectServicesOptionalHere, redisPrefix, redisServerUrl, scratchDatabase, type ScratchDatabase } from "./__fixtures__/cluster-services";

// Three real app processes (server.ts) on one PostgreSQL database and one Redis, players joined
// through different processes, and the process running the game killed with SIGKILL mid-question.

const QUESTIONS = 3;
const PLAYERS_PER_PROCESS = 4;

let problem: string | undefined;
let database: ScratchDatabase;
let redis: Redis;
const keys = redisPrefix();
const apps: AppProcess[] = [];
const clients: Client[] = [];

const startAppHere = () => startApp({ databaseUrl: database.url, keyPrefix: keys.prefix }, apps);

const client = (app: AppProcess, cookie?: string) => connectClient(clients, app.url, cookie);

beforeAll(async () => {
  problem = await clusterServicesProblem();
  if (problem) return;
  database = await scratchDatabase();
  process.env.DATABASE_URL = database.url;
  redis = new Redis(redisServerUrl);
  // Three development servers (Vite included) start here, outside the game's own time limit: on a
  // busy 2-core machine during the whole suite they take a while.
  await Promise.all([startAppHere(), startAppHere(), startAppHere()]);
}, 150_000);

afterAll(async () => {
  if (problem) return;
  for (const socket of clients) socket.disconnect();
  if (process.env.CLUSTER_TEST_LOGS) for (const app of apps) console.log(`--- server on ${app.port} (pid ${app.child.pid}):\n${app.output.join("")}`);
  await stopProcesses(apps.map(({ child }) => child));
  await prisma.$disconnect();
  await keys.clean(redis);
  redis.disconnect();
  await database.drop();
}, 60_000);

describe("three app processes on PostgreSQL and Redis", () => {
  it("players joined through different processes finish; the owner killed mid-question is replaced within 5 s; scores equal a recount", async () => {
    if (problem) return expectServicesOptionalHere(problem);
    const [first, second, third] = apps;

    const { cookie, gameId, pin, displayToken } = await hostedGame(prisma, "Ba tiến trình", QUESTIONS);

    // The host watches through the first process, which therefore runs the game.
    const hostSocket = client(first, cookie);
    const hostScreen = staffScreen(hostSocket);
    let hostAgainScreen = hostScreen;
    const watched = await request(hostSocket, "host:watch", { gameId });
    expect(watched.ok).toBe(true);
    const lease = await redis.get(`${keys.prefix}lease:${gameId}`);
    expect(lease?.split(" ")[0]).toContain(`-${first.child.pid}-`);

    // The display through the second; players through the second and the third.
    const displaySocket = client(second);
    const displayScreen = staffScreen(displaySocket);
    expect((await request(displaySocket, "display:watch", { gameId, token: displayToken })).ok).toBe(true);

    type Player = { socket: Client; playerId: string; via: AppProcess; views: PlayerView[]; holdQuestion: number | null };
    const players: Player[] = [];
    for (const via of [second, third]) {
      for (let index = 0; index < PLAYERS_PER_PROCESS; index += 1) {
        const socket = client(via);
        const views: PlayerView[] = [];
        onView(socket, (view) => views.push(view as PlayerView));
        const joined = await request(socket, "player:join", { pin, name: `Bạn ${players.length + 1}`, unitId: null });
        if (!joined.ok) throw new Error(`join through ${via.port}: ${joined.error}`);
        players.push({ socket, playerId: joined.data.playerId, via, views, holdQuestion: null });
      }
    }

    // Players answer what is on their screen; the third process's players hold back on question 2 until the failover.
    const acks: { playerId: string; questionIndex: number; result: string }[] = [];
    const answered = new Set<string>();
    const answerNow = (player: Player, view: PlayerView, index: number) => {
      if (view.phase !== "question" || !view.question || view.myAnswer || view.paused) return;
      if (player.holdQuestion === view.question.index) return;
      const key = `${player.playerId}:${view.question.index}`;
      if (answered.has(key)) return;
      answered.add(key);
      const options = view.question.options;
      const questionIndex = view.question.index;
      void request(player.socket, "answer:submit", { gameId, questionIndex, optionIds: [options[(index + questionIndex) % options.length].id], answerId: key }).then(
        (response) => acks.push({ playerId: player.playerId, questionIndex, result: response.ok ? response.data.code : response.error }),
      );
    };
    for (const [index, player] of players.entries()) {
      if (player.via === third) player.holdQuestion = 1;
      onView(player.socket, (view) => answerNow(player, view as PlayerView, index));
    }

    const command = (socket: Client, name: string, step: number) => hostCommand(socket, socket === hostSocket ? hostScreen : hostAgainScreen, gameId, name, step);

    await command(hostSocket, "start", (watched as { data: StaffView }).data.controls!.step);
    let reveal = await hostScreen.waitFor((view) => view.phase === "reveal" && view.result !== null);
    expect(reveal.result!.answeredCount).toBe(players.length);
    await command(hostSocket, "next", reveal.controls!.step);
    const board = await hostScreen.waitFor((view) => view.phase === "leaderboard");
    await command(hostSocket, "next", board.controls!.step);

    // Question 2: the second process's players answer and are acknowledged; then the owner dies.
    const acked = () => acks.filter((ack) => ack.questionIndex === 1 && ack.result === "accepted").length;
    for (let waited = 0; acked() < PLAYERS_PER_PROCESS; waited += 50) {
      if (waited > 20_000) throw new Error(`answers to question 2 not acknowledged: ${JSON.stringify(acks)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const epochBefore = players[0].views.at(-1)!.epoch;
    const killedAt = Date.now();
    first.child.kill("SIGKILL");

    // Every player's screen, on the processes that live on, gets the resumed game without reconnecting.
    const resumedAt = await Promise.all(
      players.map(
        (player) =>
          new Promise<number>((resolve) => {
            const seen = () => player.views.some((view) => view.epoch > epochBefore && view.phase === "question" && !view.paused);
            if (seen()) return resolve(Date.now());
            const stop = onView(player.socket, () => {
              if (!seen()) return;
              stop();
              resolve(Date.now());
            });
          }),
      ),
    );
    // The game resumed when the first screen showed it; every screen follows through its own process.
    const resumedMs = Math.min(...resumedAt) - killedAt;
    const everyScreenMs = Math.max(...resumedAt) - killedAt;
    const newOwner = (await redis.get(`${keys.prefix}lease:${gameId}`))!.split(" ")[0];
    console.log(`failover: game resumed by ${newOwner} ${resumedMs} ms after the owner's SIGKILL; every player's screen showed it after ${everyScreenMs} ms`);
    expect(resumedMs).toBeLessThan(5_000);
    expect(newOwner).not.toContain(`-${first.child.pid}-`);
    // The display on the second process continues too.
    await displayScreen.waitFor((view) => view.epoch > epochBefore);

    // The third process's players answer question 2 now; the host comes back through the third process.
    for (const player of players) player.holdQuestion = null;
    for (const [index, player] of players.entries()) answerNow(player, player.views.at(-1)!, index);
    const hostAgain = client(third, cookie);
    hostAgainScreen = staffScreen(hostAgain);
    const rewatched = await request(hostAgain, "host:watch", { gameId });
    expect(rewatched.ok).toBe(true);
    if (rewatched.ok) hostAgainScreen.views.push(rewatched.data as StaffView);

    for (let questionIndex = 1; questionIndex < QUESTIONS; questionIndex += 1) {
      reveal = await hostAgainScreen.waitFor((view) => view.phase === "reveal" && view.result !== null);
      expect(reveal.result!.answeredCount, JSON.stringify(acks)).toBe(players.length);
      await command(hostAgain, "next", reveal.controls!.step);
      const leaderboard = await hostAgainScreen.waitFor((view) => view.phase === "leaderboard" || view.phase === "podium");
      if (leaderboard.phase === "podium") break;
      await command(hostAgain, "next", leaderboard.controls!.step);
    }
    const podium = await hostAgainScreen.waitFor((view) => view.phase === "podium");
    await command(hostAgain, "end", podium.controls!.step);
    await hostAgainScreen.waitFor((view) => view.phase === "ended");

    // Every answer acknowledged once, stored once; the scores equal a recount from the stored rows.
    expect(acks.filter((ack) => ack.result === "accepted")).toHaveLength(players.length * QUESTIONS);
    expect(acks.every((ack) => ack.result === "accepted")).toBe(true);
    expect(await prisma.liveAnswer.count({ where: { gameId } })).toBe(players.length * QUESTIONS);
    const expected = await recount(prisma, gameId);
    const stored = JSON.parse((await prisma.liveGame.findUniqueOrThrow({ where: { id: gameId }, select: { state: true } })).state) as GameState;
    expect(stored.phase.name).toBe("ended");
    for (const player of players) {
      expect(stored.players.find((candidate) => candidate.id === player.playerId)!.score).toBe(expected.get(player.playerId));
      const last = player.views.at(-1)!;
      expect(last.phase).toBe("ended");
    }
    expect(new Set([...expected.values()]).size).toBeGreaterThan(1);
  }, 90_000);
});
