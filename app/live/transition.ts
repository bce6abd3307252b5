import { ANSWER_GRACE_MS, LOBBY_IDLE_MS } from "./constants";
import type {
  Effect,
  GameEvent,
  GameState,
  HostCommand,
  OutcomeCode,
  Phase,
  PauseReason,
  Player,
  PlayerUnit,
  TimerRef,
  TransitionResult,
} from "./game-state";
import { optionIdsForKeys } from "./options";
import { playAlongTransition, recordAiring } from "./play-along";
import { findPlayerPosition, newPlayer, withEveryPlayer, withPlayerAdded, withPlayerReplaced } from "./players";
import { admitNewPlayer } from "./admission";
import { lastClosedQuestion, persistAnswer } from "./answer-facts";
import { scoreQuestion } from "./question-scoring";
import { uniqueDisplayName } from "./unique-name";

/**
 * The live game: lobby → countdown → question → reveal → leaderboard → countdown → … → podium →
 * ended. Pure: the state in, the event, the server's time; the new state and what the runner must
 * do out. The input state is never modified; a refused or ignored event returns it unchanged.
 */
export function transition(state: GameState, event: GameEvent, now: number): TransitionResult {
  // The home audience of a play-along game has rules of its own; every change of the studio's
  // flow is also written down to air on each distribution path later (play-along.ts).
  const home = playAlongTransition(state, event, now);
  if (home) return home;
  return recordAiring(state, studioTransition(state, event, now), now);
}

function studioTransition(state: GameState, event: GameEvent, now: number): TransitionResult {
  switch (event.type) {
    case "player-joined":
      return playerJoined(state, event.playerId, event.name, event.unit, now);
    case "player-reconnected":
      return playerConnection(state, event.playerId, true, now);
    case "player-left":
      return playerConnection(state, event.playerId, false, now);
    case "answer-submitted":
      return answerSubmitted(state, event, now);
    case "host-connected":
      return outcome(change(state, { hostConnected: true }, now), [{ type: "send", to: { role: "host" } }], "ok");
    case "host-disconnected":
      return hostDisconnected(state, now);
    case "host-command":
      return hostCommand(state, event, now);
    case "timer-fired":
      return timerFired(state, event.timer, now);
    case "idle-check":
      return idleCheck(state, now);
    default:
      return refuse(state, "not-allowed-in-phase");
  }
}

// ---------------------------------------------------------------------------------------------
// Players

function playerJoined(state: GameState, playerId: string, rawName: string, unit: PlayerUnit | null, now: number): TransitionResult {
  const position = findPlayerPosition(state.players, playerId);
  if (position !== -1) {
    if (state.players[position].kicked) return refuse(state, "kicked");
    const reconnected = playerConnection(state, playerId, true, now);
    return { ...reconnected, code: "already-joined" };
  }

  const admitted = admitNewPlayer(state, rawName, state.players.length);
  if (!admitted.ok) return refuse(state, admitted.code);
  const name = admitted.name;

  // A second "Minh" shows as "Minh (2)": two players never share a name on screen.
  const player = newPlayer(playerId, uniqueDisplayName(state, name), unit, now);
  const phase = state.phase;
  const nextPhase = phase.name === "question" ? { ...phase, expectedCount: phase.expectedCount + 1 } : phase;
  const next = change(state, { players: withPlayerAdded(state.players, player), phase: nextPhase }, now);
  return outcome(
    next,
    [{ type: "persist-state", urgent: false }, { type: "send", to: { role: "player", playerId } }, { type: "refresh-staff" }],
    "joined",
  );
}

function playerConnection(state: GameState, playerId: string, connected: boolean, now: number): TransitionResult {
  const position = findPlayerPosition(state.players, playerId);
  if (position === -1) return refuse(state, "unknown-player");
  const player = state.players[position];
  if (player.kicked) return refuse(state, "kicked");

  const next =
    player.connected === connected
      ? state
      : change(state, { players: withPlayerReplaced(state.players, position, { ...player, connected }) }, now);
  const effects: Effect[] = connected
    ? [{ type: "send", to: { role: "player", playerId } }, { type: "refresh-staff" }]
    : [{ type: "refresh-staff" }];
  return outcome(next, effects, "ok");
}

// ---------------------------------------------------------------------------------------------
// Answers

function answerSubmitted(
  state: GameState,
  event: Extract<GameEvent, { type: "answer-submitted" }>,
  now: number,
): TransitionResult {
  const position = findPlayerPosition(state.players, event.playerId);
  if (position === -1) return refuse(state, "unknown-player");
  const player = state.players[position];
  if (player.kicked) return refuse(state, "kicked");
  // A retry of an answer already taken is acknowledged again, whatever happened since. It asks for
  // the row once more (an idempotent write): if the first write failed, the retry repairs it.
  if (player.answer?.answerId === event.answerId && player.answer.questionIndex === event.questionIndex) {
    return outcome(state, [persistAnswer(state, player.id, player.answer)], "duplicate");
  }

  const phase = state.phase;
  if (phase.name !== "question" || phase.questionIndex !== event.questionIndex) {
    return refuse(state, event.questionIndex <= lastClosedQuestion(state) ? "too-late" : "not-in-question");
  }
  if (state.paused) return refuse(state, "paused");
  if (player.eliminatedAt !== null) return refuse(state, "eliminated");
  if (now > phase.deadline + ANSWER_GRACE_MS) return refuse(state, "too-late");
  if (player.answer?.questionIndex === phase.questionIndex) return refuse(state, "already-answered");

  const question = state.questions[phase.questionIndex];
  const optionIds = optionIdsForKeys(state, phase.questionIndex, event.optionIds);
  const allowedCount = question.type === "multiple" ? question.options.length : 1;
  if (
    !optionIds ||
    optionIds.length === 0 ||
    optionIds.length > allowedCount ||
    new Set(optionIds).size !== optionIds.length
  ) {
    return refuse(state, "invalid-option");
  }

  const elapsedMs = Math.min(Math.max(0, now - phase.openedAt), question.timeLimitMs);
  const answer = { answerId: event.answerId, questionIndex: phase.questionIndex, optionIds, receivedAt: now, elapsedMs };
  const answered = change(
    state,
    {
      players: withPlayerReplaced(state.players, position, { ...player, answer }),
      phase: { ...phase, answeredCount: phase.answeredCount + 1 },
    },
    now,
  );
  const persist = persistAnswer(state, player.id, answer);
  const closed = closeIfEveryoneAnswered(answered, now);
  if (closed) return outcome(closed.state, [persist, ...closed.effects], "accepted");
  return outcome(answered, [persist, { type: "refresh-staff" }], "accepted");
}

/**
 * Everyone who may answer has: no point in keeping a classroom waiting for the clock. Not on a
 * show played along at home (docs/decisions/039): each home window closes when the studio's close
 * airs on its path, so three fast contestants would cut every viewer's time short.
 */
function closeIfEveryoneAnswered(state: GameState, now: number): Step | null {
  const phase = state.phase;
  if (phase.name !== "question" || phase.answeredCount < phase.expectedCount) return null;
  if (state.playAlong && state.playAlong.paths.length > 0) return null;
  return closeQuestion(state, now);
}

// ---------------------------------------------------------------------------------------------
// Host

function hostDisconnected(state: GameState, now: number): TransitionResult {
  const disconnected = change(state, { hostConnected: false }, now);
  // The game waits for its host rather than running on unattended or ending.
  if (isTimedPhase(state.phase) && !state.paused) {
    const paused = pause(disconnected, "host-disconnected", now);
    return outcome(paused.state, paused.effects, "ok");
  }
  return outcome(disconnected, [{ type: "refresh-staff" }], "ok");
}

function hostCommand(state: GameState, command: HostCommand, now: number): TransitionResult {
  if (command.command === "kick") return kick(state, command.playerId, now);
  if (command.command === "lock" || command.command === "unlock") return lockJoins(state, command.command === "lock", now);
  if (command.step !== state.step) return refuse(state, "stale-step");

  const phase = state.phase;
  switch (command.command) {
    case "start": {
      if (phase.name !== "lobby") return refuse(state, "not-allowed-in-phase");
      const anyone = (players: readonly Player[] | undefined) => players?.some((player) => !player.kicked) ?? false;
      if (!anyone(state.players) && !anyone(state.playAlong?.players)) return refuse(state, "no-players");
      return done(startCountdown(state, 0, now));
    }
    case "next":
      return next(state, now);
    case "pause": {
      if (!isTimedPhase(phase)) return refuse(state, "not-allowed-in-phase");
      if (state.paused) return refuse(state, "already-paused");
      return done(pause(state, "host", now));
    }
    case "resume":
      return resume(state, now);
    case "skip": {
      if (phase.name !== "countdown" && phase.name !== "question") return refuse(state, "not-allowed-in-phase");
      return done(skip(state, phase.questionIndex, now));
    }
    case "rescue":
      return rescue(state, now);
    case "end": {
      if (phase.name === "ended") return refuse(state, "not-allowed-in-phase");
      return done(endGame(state, phase.name === "podium" ? "finished" : "host-ended", now));
    }
  }
}

function next(state: GameState, now: number): TransitionResult {
  const phase = state.phase;
  if (state.paused) return refuse(state, "paused");
  switch (phase.name) {
    case "countdown":
      return done(openQuestion(state, phase.questionIndex, now));
    case "question":
      return done(closeQuestion(state, now));
    case "reveal":
      return done(flowTo(state, { name: "leaderboard", questionIndex: phase.questionIndex }, now));
    case "leaderboard":
      return done(afterQuestion(state, phase.questionIndex, now));
    case "podium":
      return done(endGame(state, "finished", now));
    case "lobby":
    case "ended":
      return refuse(state, "not-allowed-in-phase");
  }
}

function resume(state: GameState, now: number): TransitionResult {
  const paused = state.paused;
  if (!paused) return refuse(state, "not-paused");
  const shift = Math.max(0, now - paused.since);
  const phase = state.phase;
  const shifted: Phase =
    phase.name === "countdown"
      ? { ...phase, endsAt: phase.endsAt + shift }
      : phase.name === "question"
        ? { ...phase, openedAt: phase.openedAt + shift, deadline: phase.deadline + shift }
        : phase;
  const resumed = change(state, { paused: null, phase: shifted }, now, { flow: true });
  const timer = pendingTimer(resumed);
  const effects: Effect[] = [{ type: "persist-state", urgent: true }];
  if (timer) effects.push({ type: "schedule", timer: timer.timer, at: timer.at });
  effects.push({ type: "broadcast" });
  return outcome(resumed, effects, "ok");
}

/** A flawed question is voided: nobody scores, nobody is eliminated, streaks stay, and the game moves on. */
function skip(state: GameState, questionIndex: number, now: number): Step {
  const voided = change(
    state,
    {
      paused: null,
      voidedQuestions: [...state.voidedQuestions, questionIndex],
      players: withEveryPlayer(state.players, (player) => (player.answer ? { ...player, answer: null } : player)),
    },
    now,
  );
  return questionIndex + 1 < state.questions.length ? startCountdown(voided, questionIndex + 1, now) : enterPodium(voided, now);
}

/** Brings back everyone the last question eliminated, as the "Rung chuông vàng" rescue does. */
function rescue(state: GameState, now: number): TransitionResult {
  const phase = state.phase;
  if (state.settings.mode !== "elimination") return refuse(state, "not-elimination");
  if (phase.name !== "reveal" && phase.name !== "leaderboard") return refuse(state, "not-allowed-in-phase");
  if (state.rescuesUsed >= state.settings.rescues) return refuse(state, "no-rescue-left");
  const questionIndex = phase.questionIndex;
  const result = state.lastResult;
  if (!result || result.questionIndex !== questionIndex || result.rescued) return refuse(state, "nobody-to-rescue");
  if (!state.players.some((player) => !player.kicked && player.eliminatedAt === questionIndex)) {
    return refuse(state, "nobody-to-rescue");
  }

  const players = withEveryPlayer(state.players, (player) =>
    !player.kicked && player.eliminatedAt === questionIndex
      ? {
          ...player,
          eliminatedAt: null,
          lastOutcome: player.lastOutcome && { ...player.lastOutcome, eliminatedNow: false, rescued: true },
        }
      : player,
  );
  const rescued = change(
    state,
    { players, rescuesUsed: state.rescuesUsed + 1, lastResult: { ...result, rescued: true } },
    now,
    { flow: true },
  );
  return outcome(rescued, [{ type: "persist-state", urgent: true }, { type: "broadcast" }], "ok");
}

function kick(state: GameState, playerId: string, now: number): TransitionResult {
  const position = findPlayerPosition(state.players, playerId);
  if (position === -1) return refuse(state, "unknown-player");
  const player = state.players[position];
  if (player.kicked) return outcome(state, [], "ok");

  let phase = state.phase;
  if (phase.name === "question" && player.eliminatedAt === null) {
    phase = {
      ...phase,
      expectedCount: phase.expectedCount - 1,
      answeredCount: phase.answeredCount - (player.answer?.questionIndex === phase.questionIndex ? 1 : 0),
    };
  }
  const kicked = change(
    state,
    { phase, players: withPlayerReplaced(state.players, position, { ...player, kicked: true, connected: false }) },
    now,
  );
  const effects: Effect[] = [
    { type: "persist-state", urgent: true },
    { type: "disconnect", playerId, reason: "kicked" },
  ];
  const closed = closeIfEveryoneAnswered(kicked, now);
  if (closed) return outcome(closed.state, [...effects, ...closed.effects], "ok");
  return outcome(kicked, [...effects, { type: "refresh-staff" }], "ok");
}

/** One tap on the host console: no new player may join (on air, when a troll wave starts). */
function lockJoins(state: GameState, locked: boolean, now: number): TransitionResult {
  if (state.phase.name === "ended") return refuse(state, "not-allowed-in-phase");
  if ((state.joinLocked ?? false) === locked) return outcome(state, [], "ok");
  const next = change(state, { joinLocked: locked }, now);
  return outcome(next, [{ type: "persist-state", urgent: true }, { type: "refresh-staff" }], "ok");
}

/** A forgotten lobby ends (and the store frees its PIN) once nothing happened in it for LOBBY_IDLE_MS. */
function idleCheck(state: GameState, now: number): TransitionResult {
  if (state.phase.name !== "lobby" || now - state.updatedAt < LOBBY_IDLE_MS) return refuse(state, "not-idle");
  return done(endGame(state, "idle", now));
}

// ---------------------------------------------------------------------------------------------
// Timers

function timerFired(state: GameState, timer: TimerRef, now: number): TransitionResult {
  const pending = pendingTimer(state);
  const matches =
    pending !== null && pending.timer.kind === timer.kind && pending.timer.questionIndex === timer.questionIndex;
  if (!matches) return refuse(state, "stale-timer");
  // A timer may fire a millisecond early; wait for the real moment rather than cut a player short.
  if (now < pending.at) return outcome(state, [{ type: "schedule", timer: pending.timer, at: pending.at }], "ok");

  const phase = state.phase;
  if (phase.name === "countdown") return done(openQuestion(state, phase.questionIndex, now));
  return done(closeQuestion(state, now));
}

/** The timer the current phase runs on, if any; none while paused. */
export function pendingTimer(state: GameState): { timer: TimerRef; at: number } | null {
  const phase = state.phase;
  if (state.paused) return null;
  if (phase.name === "countdown") {
    return { timer: { kind: "countdown-ended", questionIndex: phase.questionIndex }, at: phase.endsAt };
  }
  if (phase.name === "question") {
    return { timer: { kind: "question-closed", questionIndex: phase.questionIndex }, at: phase.deadline + ANSWER_GRACE_MS };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Phase changes

type Step = { state: GameState; effects: Effect[] };

function startCountdown(state: GameState, questionIndex: number, now: number): Step {
  return flowTo(state, { name: "countdown", questionIndex, endsAt: now + state.settings.countdownMs }, now);
}

/**
 * Players keep their last answer (it names its question): clearing them all here would make a new
 * object of every player who answered, and the snapshot before the question must then encode all
 * of them again.
 */
function openQuestion(state: GameState, questionIndex: number, now: number): Step {
  const expectedCount = state.players.filter((player) => !player.kicked && player.eliminatedAt === null).length;
  return flowTo(
    state,
    {
      name: "question",
      questionIndex,
      openedAt: now,
      deadline: now + state.questions[questionIndex].timeLimitMs,
      answeredCount: 0,
      expectedCount,
    },
    now,
  );
}

/** Scores the question and shows the answer: histogram, correct options, eliminations. */
function closeQuestion(state: GameState, now: number): Step {
  const phase = state.phase;
  if (phase.name !== "question") throw new Error(`closeQuestion in phase ${phase.name}`);
  const questionIndex = phase.questionIndex;
  const { players, result } = scoreQuestion(state, state.players, questionIndex);
  const scored: GameState = { ...state, players, lastResult: result };
  return flowTo(scored, { name: "reveal", questionIndex }, now);
}

/**
 * After a question's leaderboard: the next question, or the podium when the questions are out or,
 * in elimination, when at most one player still stands (the host may rescue before this).
 */
function afterQuestion(state: GameState, questionIndex: number, now: number): Step {
  const hasMoreQuestions = questionIndex + 1 < state.questions.length;
  const standing = state.players.filter((player) => !player.kicked && player.eliminatedAt === null).length;
  const contestOver = state.settings.mode === "elimination" && standing <= 1;
  return hasMoreQuestions && !contestOver ? startCountdown(state, questionIndex + 1, now) : enterPodium(state, now);
}

function enterPodium(state: GameState, now: number): Step {
  return flowTo(state, { name: "podium" }, now);
}

function endGame(state: GameState, reason: "finished" | "host-ended" | "idle", now: number): Step {
  return flowTo({ ...state, paused: null }, { name: "ended", reason }, now);
}

function pause(state: GameState, reason: PauseReason, now: number): Step {
  const paused = change(state, { paused: { since: now, reason } }, now, { flow: true });
  return {
    state: paused,
    effects: [{ type: "persist-state", urgent: true }, { type: "cancel-timer" }, { type: "broadcast" }],
  };
}

/** Enters a phase: snapshot first, then arm its timer (or disarm the last one), then tell everyone. */
function flowTo(state: GameState, phase: Phase, now: number): Step {
  const next = change(state, { phase }, now, { flow: true });
  const timer = pendingTimer(next);
  return {
    state: next,
    effects: [
      { type: "persist-state", urgent: true },
      timer ? { type: "schedule", timer: timer.timer, at: timer.at } : { type: "cancel-timer" },
      { type: "broadcast" },
    ],
  };
}

function isTimedPhase(phase: Phase): boolean {
  return phase.name === "countdown" || phase.name === "question";
}

// ---------------------------------------------------------------------------------------------
// Results

function change(state: GameState, patch: Partial<GameState>, now: number, options: { flow?: boolean } = {}): GameState {
  return {
    ...state,
    ...patch,
    version: state.version + 1,
    step: options.flow ? state.step + 1 : state.step,
    updatedAt: now,
  };
}

function outcome(state: GameState, effects: Effect[], code: OutcomeCode): TransitionResult {
  return { state, effects, ok: true, code };
}

function done(step: Step): TransitionResult {
  return outcome(step.state, step.effects, "ok");
}

function refuse(state: GameState, code: OutcomeCode): TransitionResult {
  return { state, effects: [], ok: false, code };
}
