import { resetDatabase, testDatabaseUrl, testPrisma } from "../../tests/setup/test-database";

import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeQuestion } from "~/live/__fixtures__/live-game";
import type { GameState } from "~/live/game-state";
import { createJoinThrottle } from "~/live/join-throttle.server";
import { insertLiveGame } from "~/live/live-games.server";
import { LiveRegistry } from "~/live/live-registry.server";
import { liveStoreFor } from "~/live/live-writer.server";
import type { PlayerView, StaffView } from "~/live/player-view";
import { prisma } from "~/utils/db.server";
import { createSession } from "~/utils/session.server";
import { nextView, onView, showReply, trackScreen } from "./__fixtures__/live-views";
import type { ClientToServerEvents, ServerToClientEvents } from "./events";
import { attachRealtime, type RealtimeServer } from "./io.server";

// TV play-along over the real Socket.IO server with real clients: studio players, and viewers at
// home on two distribution paths (0.3 s and 1.5 s behind the studio). Each path gets the question
// only once it has aired there, in a room of its own; answers count in each path's window only;
// no payload to any player holds the answer before their reveal; a path cannot change mid-game.

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const PATHS = [
  { id: "near", name: "Truyền hình mặt đất", delayMs: 300 },
  { id: "far", name: "Internet", delayMs: 1_500 },
];

let http: HttpServer;
let io: RealtimeServer;
let registry: LiveRegistry;
let store: ReturnType<typeof liveStoreFor>;
let url = "";
const clients: Client[] = [];

beforeEach(async () => {
  await resetDatabase();
  store = liveStoreFor(prisma, testDatabaseUrl);
  registry = new LiveRegistry({ store, log: () => undefined });
  http = createServer();
  const joinThrottle = createJoinThrottle({ lookups: { capacity: 1_000, refillPerSecond: 100 }, joins: { capacity: 1_000, refillPerSecond: 100 } });
  io = attachRealtime(http, { allowedOrigins: [], live: { registry, db: prisma, joinThrottle } });
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
  return trackScreen(socket);
}

async function request<E extends keyof ClientToServerEvents>(socket: Client, event: E, payload: Parameters<ClientToServerEvents[E]>[0]) {
  const emit = socket.timeout(10_000).emitWithAck as (event: string, payload: unknown) => Promise<unknown>;
  const response = await emit.call(socket, event, payload);
  // A join's or resume's snapshot comes in its ack, as the phone reads it.
  showReply(socket, event, response);
  return response as Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];
}

type Player = { socket: Client; playerId: string; pathId: string | null; views: PlayerView[]; payloads: string[] };

async function join(pin: string, name: string, pathId: string | null): Promise<Player> {
  const socket = client();
  const views: PlayerView[] = [];
  const payloads: string[] = [];
  // Every message as it arrives, before the phone joins anything: what the scan below reads.
  socket.onAny((_event, payload) => payloads.push(JSON.stringify(payload)));
  onView(socket, (view) => views.push(view as PlayerView));
  const joined = await request(socket, "player:join", { pin, name, unitId: null, pathId });
  if (!joined.ok) throw new Error(joined.error);
  payloads.push(JSON.stringify(joined.data.view));
  return { socket, playerId: joined.data.playerId, pathId, views, payloads };
}

async function newGame() {
  const host = await testPrisma.user.create({
    data: { username: `host-${Math.random()}`, displayName: "Người dẫn", passwordHash: "x", role: "host" },
    select: { id: true },
  });
  const cookie = (await createSession(host.id)).split(";")[0];
  const created = await insertLiveGame(
    prisma,
    {
      hostId: host.id,
      title: "Cùng xem, cùng chơi",
      releaseId: "test-release",
      releaseName: "test",
      mode: "classic",
      teamsBy: null,
      countdownMs: 0,
      questions: [makeQuestion(1, { timeLimitMs: 5_000 })],
    },
    Date.now(),
  );
  if (!created.ok) throw new Error(created.problem);
  return { ...created, cookie };
}

describe("TV play-along over Socket.IO", () => {
  it("airs the question to each path after its delay, takes answers in each path's window only, and leaks no key", async () => {
    const game = await newGame();
    const host = client(game.cookie);
    const hostViews: StaffView[] = [];
    onView(host, (view) => hostViews.push(view as StaffView));
    const watched = await request(host, "host:watch", { gameId: game.gameId });
    if (!watched.ok) throw new Error(watched.error);
    expect(await request(host, "host:play-along", { gameId: game.gameId, paths: PATHS })).toEqual({ ok: true, data: { code: "ok" } });
    expect((await testPrisma.liveGame.findUniqueOrThrow({ where: { id: game.gameId } })).playAlongPaths).toBe(JSON.stringify(PATHS));

    const studio = await Promise.all([1, 2].map((n) => join(game.pin, `Trường quay ${n}`, null)));
    const near = await Promise.all([1, 2].map((n) => join(game.pin, `Gần ${n}`, "near")));
    const far = await Promise.all([1, 2, 3].map((n) => join(game.pin, `Xa ${n}`, "far")));
    expect(await request(near[0].socket, "player:join", { pin: game.pin, name: "Lần nữa", unitId: null, pathId: "near" })).toEqual({ ok: false, error: "already-playing" });
    const stranger = client();
    expect(await request(stranger, "player:join", { pin: game.pin, name: "Lạ", unitId: null, pathId: "satellite" })).toEqual({ ok: false, error: "unknown-path" });

    // In the lobby a viewer may say they watch another way; once the game starts, never.
    const moved = await request(far[2].socket, "player:path", { gameId: game.gameId, pathId: "near" });
    expect(moved.ok).toBe(true);
    expect(await request(far[2].socket, "player:path", { gameId: game.gameId, pathId: "far" })).toMatchObject({ ok: true });
    expect(await request(studio[0].socket, "player:path", { gameId: game.gameId, pathId: "far" })).toEqual({ ok: false, error: "not-joined" });

    const everyone = [...studio, ...near, ...far];
    // Each player answers the first time the question is on their screen, except the second studio
    // player (so the studio runs to its deadline) and the third far viewer, who waits for the reveal.
    const answering = [studio[0], ...near, far[0], far[1]];
    const acks = new Map<string, string>();
    for (const player of answering) {
      onView(player.socket, (view) => {
        const shown = view as PlayerView;
        if (shown.phase !== "question" || !shown.question || acks.has(player.playerId)) return;
        acks.set(player.playerId, "pending");
        void request(player.socket, "answer:submit", { gameId: game.gameId, questionIndex: 0, optionIds: [shown.question.options[0].id], answerId: `${player.playerId}-0` }).then(
          (response) => acks.set(player.playerId, response.ok ? response.data.code : response.error),
        );
      });
    }

    const started = await request(host, "host:command", { gameId: game.gameId, command: "start", step: hostViews.at(-1)?.controls?.step ?? watched.data.controls!.step });
    expect(started.ok).toBe(true);
    expect(await request(far[0].socket, "player:path", { gameId: game.gameId, pathId: "near" })).toEqual({ ok: false, error: "path-locked" });

    const studioOpen = await seen<StaffView>(host, hostViews, (view) => view.phase === "question");
    const studioDeadline = studioOpen.question!.deadline!;
    const openedAt = studioDeadline - 5_000;
    const farOpen = await seen(far[0].socket, far[0].views, (view) => view.phase === "question");
    const nearView = near[0].views.find((view) => view.phase === "question")!;
    // Each path's deadline is the studio's moved by its delay, and nothing of it was sent before it aired.
    expect(nearView.question!.deadline).toBe(studioDeadline + 300);
    expect(farOpen.question!.deadline).toBe(studioDeadline + 1_500);
    expect(nearView.serverTime).toBeGreaterThanOrEqual(openedAt + 300);
    expect(farOpen.serverTime).toBeGreaterThanOrEqual(openedAt + 1_500);
    for (const player of far) {
      const before = player.views.filter((view) => view.serverTime < openedAt + 1_500);
      expect(before.every((view) => view.question === null)).toBe(true);
    }

    // The studio reveals at its deadline; the far path's window runs 1.5 s longer.
    await seen<StaffView>(host, hostViews, (view) => view.phase === "reveal");
    const farReveal = await seen(far[2].socket, far[2].views, (view) => view.phase === "reveal");
    expect(farReveal.result).not.toBeNull();
    expect(await request(far[2].socket, "answer:submit", { gameId: game.gameId, questionIndex: 0, optionIds: ["A"], answerId: "late" })).toEqual({ ok: false, error: "too-late" });
    await seen(far[0].socket, far[0].views, (view) => view.phase === "reveal");

    for (const player of answering) expect(acks.get(player.playerId)).toBe("accepted");
    // Each audience's reveal counts its own: the studio's one, the far path's two.
    expect(hostViews.find((view) => view.phase === "reveal")!.result!.answeredCount).toBe(1);
    expect(studioOpen.playAlong).toMatchObject({ players: 5, paths: [{ id: "near", players: 2 }, { id: "far", players: 3 }] });
    expect(farReveal.result!.answeredCount).toBe(2);
    expect(farReveal.me.playerCount).toBe(5);

    // The answer key reaches no player, studio or home, before their own reveal.
    for (const player of everyone) {
      const beforeReveal = player.payloads.filter((text) => !text.includes('"phase":"reveal"') && !text.includes('"phase":"leaderboard"'));
      expect(beforeReveal.length).toBeGreaterThan(0);
      for (const text of beforeReveal) expect(text).not.toMatch(/correct|-right|-wrong/);
    }

    // Home answers are stored like any other, their players marked with their path.
    expect(await testPrisma.liveAnswer.count({ where: { gameId: game.gameId } })).toBe(5);
    const rows = await testPrisma.livePlayer.findMany({ where: { gameId: game.gameId }, select: { homePath: true } });
    expect(rows.map((row) => row.homePath).sort()).toEqual([null, null, "far", "far", "far", "near", "near"].sort());
    const state = registryState(game.gameId);
    expect((await state).players).toHaveLength(2);
    expect((await state).playAlong!.players).toHaveLength(5);
  }, 30_000);

  it("closes each home window when the host's close airs on its path, and stores the points each home board counts", async () => {
    const game = await newGame();
    const host = client(game.cookie);
    const hostViews: StaffView[] = [];
    onView(host, (view) => hostViews.push(view as StaffView));
    const watched = await request(host, "host:watch", { gameId: game.gameId });
    if (!watched.ok) throw new Error(watched.error);
    expect(await request(host, "host:play-along", { gameId: game.gameId, paths: PATHS })).toEqual({ ok: true, data: { code: "ok" } });
    const contestant = await join(game.pin, "Thí sinh", null);
    const [near, nearLate] = await Promise.all([join(game.pin, "Gần", "near"), join(game.pin, "Gần muộn", "near")]);
    const [far, farLate] = await Promise.all([join(game.pin, "Xa", "far"), join(game.pin, "Xa muộn", "far")]);

    // The one studio contestant answers at once; on a show played along at home that does not close
    // the question: the clock runs on.
    let studioAnswered: Promise<unknown> | null = null;
    onView(contestant.socket, (view) => {
      const shown = view as PlayerView;
      if (shown.phase === "question" && shown.question && !studioAnswered) {
        studioAnswered = request(contestant.socket, "answer:submit", { gameId: game.gameId, questionIndex: 0, optionIds: [shown.question.options[0].id], answerId: "studio-0" });
      }
    });
    const started = await request(host, "host:command", { gameId: game.gameId, command: "start", step: hostViews.at(-1)?.controls?.step ?? watched.data.controls!.step });
    expect(started.ok).toBe(true);
    const studioOpen = await seen<StaffView>(host, hostViews, (view) => view.phase === "question");
    const openedAt = studioOpen.question!.deadline! - 5_000;
    const nearQuestion = await seen(near.socket, near.views, (view) => view.phase === "question");
    expect(await request(near.socket, "answer:submit", { gameId: game.gameId, questionIndex: 0, optionIds: [nearQuestion.question!.options[0].id], answerId: "near-0" })).toEqual({
      ok: true,
      data: { code: "accepted" },
    });
    await seen(far.socket, far.views, (view) => view.phase === "question");
    expect(await studioAnswered).toMatchObject({ ok: true });

    // 2.5 s into the question, still open in the studio, the host closes it by hand.
    await sleepUntil(openedAt + 2_500);
    expect(hostViews.at(-1)!.phase).toBe("question");
    const closed = await request(host, "host:command", { gameId: game.gameId, command: "next", step: hostViews.at(-1)!.controls!.step });
    expect(closed.ok).toBe(true);
    const closedAt = (await registryState(game.gameId)).playAlong!.timeline.find((step) => step.phase.name === "reveal")!.at;
    const studioReveal = await seen<StaffView>(host, hostViews, (view) => view.phase === "reveal");

    // 0.7 s after the close: the near path's television has shown the reveal (0.3 s behind), the far
    // one's not yet (1.5 s behind). The near viewer is refused, the far one still answers.
    await sleepUntil(closedAt + 700);
    const rightKey = studioReveal.result!.correctOptionIds[0];
    const [nearRefused, farAccepted] = await Promise.all([
      request(nearLate.socket, "answer:submit", { gameId: game.gameId, questionIndex: 0, optionIds: [rightKey], answerId: "near-late" }),
      request(far.socket, "answer:submit", { gameId: game.gameId, questionIndex: 0, optionIds: [rightKey], answerId: "far-0" }),
    ]);
    expect(nearRefused).toEqual({ ok: false, error: "too-late" });
    expect(farAccepted).toEqual({ ok: true, data: { code: "accepted" } });
    await sleepUntil(closedAt + 1_500 + 100);
    expect(await request(farLate.socket, "answer:submit", { gameId: game.gameId, questionIndex: 0, optionIds: [rightKey], answerId: "far-late" })).toEqual({ ok: false, error: "too-late" });

    // Each path reveals when the close airs there: not before, and without waiting for the full 5 s.
    const nearReveal = await seen(near.socket, near.views, (view) => view.phase === "reveal");
    const farReveal = await seen(far.socket, far.views, (view) => view.phase === "reveal");
    expect(nearReveal.serverTime).toBeGreaterThanOrEqual(closedAt + 300);
    expect(farReveal.serverTime).toBeGreaterThanOrEqual(closedAt + 1_500);
    expect(farReveal.serverTime).toBeLessThan(openedAt + 1_500 + 5_000);
    expect(farReveal.myOutcome).toMatchObject({ answered: true, correct: true });
    for (const [viewer, delay] of [[near, 300], [nearLate, 300], [far, 1_500], [farLate, 1_500]] as const) {
      const reveals = viewer.views.filter((view) => view.phase === "reveal");
      expect(reveals.length).toBeGreaterThan(0);
      for (const view of reveals) expect(view.serverTime).toBeGreaterThanOrEqual(closedAt + delay);
    }

    // The stored answers carry the points each home board counts.
    const state = await registryState(game.gameId);
    const scores = new Map(state.playAlong!.players.filter((player) => player.id === near.playerId || player.id === far.playerId).map((player) => [player.id, player.score]));
    expect(scores.get(far.playerId)).toBeGreaterThan(0);
    const stored = async () =>
      (await testPrisma.liveAnswer.findMany({ where: { gameId: game.gameId, playerId: { in: [near.playerId, far.playerId] } }, select: { playerId: true, points: true } }))
        .map((row) => [row.playerId, row.points] as const)
        .sort();
    const expected = [...scores.entries()].sort();
    for (let waited = 0; JSON.stringify(await stored()) !== JSON.stringify(expected) && waited < 3_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await stored()).toEqual(expected);
    const rows = await testPrisma.livePlayer.findMany({ where: { id: { in: [near.playerId, far.playerId] } }, select: { id: true, score: true } });
    expect(rows.map((row) => [row.id, row.score]).sort()).toEqual(expected);
  }, 30_000);
});

function sleepUntil(at: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
}

/** The first view already shown or still to come that passes the test. */
async function seen<V extends PlayerView | StaffView>(socket: Client, views: V[], test: (view: V) => boolean): Promise<V> {
  const waiting = nextView<V>(socket, test);
  return views.find(test) ?? (await waiting);
}

async function registryState(gameId: string): Promise<GameState> {
  return (await registry.get(gameId))!.state;
}
