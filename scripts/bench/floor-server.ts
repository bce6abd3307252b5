/**
 * The floor of the live benchmark: a bare Socket.IO 4.8 server doing the least a quiz must do,
 * with the same events and message shapes as the game, so that one generator drives both. One
 * room broadcast per countdown, question and leaderboard; answers checked by hand and
 * acknowledged at once (nothing stored); at the reveal one personal message per player, the same
 * view a player of the game gets (the question, the result, their score and rank, ranked once by
 * one sort, the common part built once); the host's counters a few times a second. No database, no snapshots, no
 * rate limits, no session check: whatever the game costs above these figures is its own.
 *
 * Usage: node --import tsx scripts/bench/floor-server.ts <questions.json> <pin> <countdownMs>
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server, type Socket } from "socket.io";
import type { LiveQuestion } from "~/live/game-state";
import { optionKey } from "~/live/options";
import { scoreAnswer } from "~/live/scoring";
import { serverStats } from "./server-stats";

const [questionsFile, pin, countdownArg] = process.argv.slice(2);
const questions = JSON.parse(readFileSync(questionsFile, "utf8")) as LiveQuestion[];
const countdownMs = Number(countdownArg);
const GAME_ID = "floor";
const GRACE_MS = 500;
const STAFF_INTERVAL_MS = 300;

type FloorPlayer = {
  id: string;
  name: string;
  score: number;
  streak: number;
  answer: { questionIndex: number; answerId: string; key: string; elapsedMs: number } | null;
  outcome: { answered: boolean; correct: boolean; points: number } | null;
  rank: number;
  socket: Socket | null;
};

const players = new Map<string, FloorPlayer>();
const byToken = new Map<string, FloorPlayer>();
let phase: "lobby" | "countdown" | "question" | "reveal" | "leaderboard" | "podium" | "ended" = "lobby";
let step = 0;
let version = 0;
let questionIndex = -1;
let openedAt = 0;
let deadline = 0;
let answered = 0;
let timer: ReturnType<typeof setTimeout> | null = null;
let staffTimer: ReturnType<typeof setTimeout> | null = null;
let leaderboard: { name: string; score: number; rank: number }[] = [];
let result: { correctOptionIds: string[]; histogram: Record<string, number>; answeredCount: number; correctCount: number } | null = null;

const stats = serverStats();
const http = createServer((request, response) => {
  if (!stats(request, response)) response.writeHead(404).end();
});
const io = new Server(http, { maxHttpBufferSize: 16 * 1024 });

function common() {
  const question = questions[questionIndex];
  return {
    gameId: GAME_ID,
    epoch: 1,
    version,
    serverTime: Date.now(),
    phase,
    paused: null,
    questionCount: questions.length,
    countdown: phase === "countdown" ? { questionIndex: questionIndex + 1 } : null,
    question:
      (phase === "question" || phase === "reveal") && question
        ? {
            index: questionIndex,
            type: question.type,
            prompt: question.prompt,
            options: question.options.map((option, position) => ({ id: optionKey(position), text: option.text })),
            timeLimitMs: question.timeLimitMs,
            deadline: phase === "question" ? deadline : null,
            remainingMs: phase === "question" ? Math.max(0, deadline - Date.now()) : 0,
          }
        : null,
    result: phase === "reveal" && result ? { ...result, explanation: question.explanation } : null,
    leaderboard: phase === "leaderboard" || phase === "podium" ? leaderboard : null,
  };
}

function personal(player: FloorPlayer, shared: ReturnType<typeof common> = common()) {
  return {
    audience: "player",
    ...shared,
    me: { id: player.id, name: player.name, score: player.score, streak: player.streak, rank: player.rank, playerCount: players.size },
    myAnswer: phase === "question" && player.answer?.questionIndex === questionIndex ? { optionIds: [player.answer.key] } : null,
    myOutcome: phase === "reveal" ? player.outcome : null,
  };
}

function staff() {
  return { audience: "host", ...common(), counts: { players: players.size, answered }, controls: { step } };
}

function broadcast(): void {
  version += 1;
  io.to("players").emit("game:state", { audience: "player", ...common() });
  sendStaff();
}

function sendStaff(): void {
  if (staffTimer) clearTimeout(staffTimer);
  staffTimer = null;
  io.to("staff").emit("game:state", staff());
}

function refreshStaff(): void {
  staffTimer ??= setTimeout(sendStaff, STAFF_INTERVAL_MS);
}

function openQuestion(): void {
  phase = "question";
  step += 1;
  openedAt = Date.now();
  deadline = openedAt + questions[questionIndex].timeLimitMs;
  answered = 0;
  for (const player of players.values()) player.answer = null;
  timer = setTimeout(closeQuestion, deadline + GRACE_MS - Date.now());
  broadcast();
}

function closeQuestion(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  const question = questions[questionIndex];
  const correctKeys = question.options.flatMap((option, position) => (option.correct ? [optionKey(position)] : []));
  const histogram: Record<string, number> = Object.fromEntries(question.options.map((_, position) => [optionKey(position), 0]));
  let correctCount = 0;
  for (const player of players.values()) {
    const answer = player.answer;
    if (answer) histogram[answer.key] += 1;
    const scored = scoreAnswer({
      chosen: answer ? [answer.key] : null,
      correctOptionIds: correctKeys,
      elapsedMs: answer?.elapsedMs ?? question.timeLimitMs,
      timeLimitMs: question.timeLimitMs,
      previousStreak: player.streak,
    });
    if (scored.correct) correctCount += 1;
    player.score += scored.points;
    player.streak = scored.streak;
    player.outcome = { answered: answer !== null, correct: scored.correct, points: scored.points };
  }
  const ranked = [...players.values()].sort((a, b) => b.score - a.score);
  ranked.forEach((player, index) => {
    player.rank = index > 0 && ranked[index - 1].score === player.score ? ranked[index - 1].rank : index + 1;
  });
  leaderboard = ranked.slice(0, 10).map((player) => ({ name: player.name, score: player.score, rank: player.rank }));
  result = { correctOptionIds: correctKeys, histogram, answeredCount: answered, correctCount };
  phase = "reveal";
  step += 1;
  version += 1;
  const shared = common();
  for (const player of players.values()) player.socket?.emit("game:state", personal(player, shared));
  sendStaff();
}

function command(name: string): boolean {
  switch (phase) {
    case "lobby":
    case "leaderboard":
      if (name !== "start" && name !== "next") return false;
      if (questionIndex + 1 >= questions.length) {
        phase = "podium";
        step += 1;
        broadcast();
        return true;
      }
      phase = "countdown";
      step += 1;
      broadcast();
      timer = setTimeout(() => {
        questionIndex += 1;
        openQuestion();
      }, countdownMs);
      return true;
    case "question":
      closeQuestion();
      return true;
    case "reveal":
      phase = "leaderboard";
      step += 1;
      broadcast();
      return true;
    case "podium":
      phase = "ended";
      step += 1;
      broadcast();
      return true;
    default:
      return false;
  }
}

const isText = (value: unknown, max: number): value is string => typeof value === "string" && value.length > 0 && value.length <= max;

io.on("connection", (socket) => {
  let me: FloorPlayer | null = null;

  socket.on("host:watch", (_payload, ack) => {
    if (typeof ack !== "function") return;
    void socket.join("staff");
    ack({ ok: true, data: staff() });
  });

  socket.on("host:command", (payload, ack) => {
    if (typeof ack !== "function") return;
    if (!payload || payload.step !== step) return ack({ ok: false, error: "stale-step" });
    ack(command(String(payload.command)) ? { ok: true, data: { code: "ok" } } : { ok: false, error: "not-allowed-in-phase" });
  });

  socket.on("player:join", (payload, ack) => {
    if (typeof ack !== "function") return;
    if (!payload || payload.pin !== pin || !isText(payload.name, 40)) return ack({ ok: false, error: "invalid-payload" });
    const token = randomBytes(24).toString("base64url");
    const player: FloorPlayer = {
      id: `p_${randomBytes(9).toString("base64url")}`,
      name: payload.name,
      score: 0,
      streak: 0,
      answer: null,
      outcome: null,
      rank: 1,
      socket,
    };
    players.set(player.id, player);
    byToken.set(token, player);
    me = player;
    void socket.join("players");
    refreshStaff();
    ack({ ok: true, data: { gameId: GAME_ID, playerId: player.id, token, view: personal(player) } });
  });

  socket.on("player:resume", (payload, ack) => {
    if (typeof ack !== "function") return;
    const player = payload && isText(payload.token, 128) ? byToken.get(payload.token) : undefined;
    if (!player) return ack({ ok: false, error: "unknown-player" });
    player.socket = socket;
    me = player;
    void socket.join("players");
    ack({ ok: true, data: { playerId: player.id, view: personal(player) } });
  });

  socket.on("answer:submit", (payload, ack) => {
    if (typeof ack !== "function") return;
    const key = Array.isArray(payload?.optionIds) && payload.optionIds.length === 1 ? payload.optionIds[0] : null;
    if (!me || payload.gameId !== GAME_ID || !isText(payload.answerId, 64) || typeof key !== "string" || !/^[A-F]$/.test(key)) {
      return ack({ ok: false, error: "invalid-payload" });
    }
    if (me.answer?.answerId === payload.answerId) return ack({ ok: true, data: { code: "duplicate" } });
    const now = Date.now();
    if (phase !== "question" || payload.questionIndex !== questionIndex || now > deadline + GRACE_MS) return ack({ ok: false, error: "too-late" });
    if (me.answer) return ack({ ok: false, error: "already-answered" });
    if (key.charCodeAt(0) - 65 >= questions[questionIndex].options.length) return ack({ ok: false, error: "invalid-option" });
    me.answer = { questionIndex, answerId: payload.answerId, key, elapsedMs: Math.min(now - openedAt, questions[questionIndex].timeLimitMs) };
    answered += 1;
    refreshStaff();
    ack({ ok: true, data: { code: "accepted" } });
  });

  socket.on("disconnect", () => {
    if (me?.socket === socket) me.socket = null;
  });
});

http.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: (http.address() as AddressInfo).port })));
process.on("SIGTERM", () => process.exit(0));
