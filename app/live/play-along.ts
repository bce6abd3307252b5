import type { Effect, GameEvent, GameSettings, GameState, OutcomeCode, Player, StoredAnswer, TransitionResult } from "./game-state";
import { optionIdsForKeys } from "./options";
import type { AiredStep, DelayPath, HomePlayer, PathAiring, PlayAlong } from "./play-along-state";
import { findPlayerPosition, newPlayer, withPlayerAdded, withPlayerReplaced } from "./players";
import { admitNewPlayer } from "./admission";
import { lastClosedQuestion, persistAnswer } from "./answer-facts";
import { scoreQuestion } from "./question-scoring";
import { uniqueDisplayName } from "./unique-name";
import { ANSWER_GRACE_MS } from "./constants";

/**
 * TV play-along (docs/decisions/038), the pure part. The studio game runs as ever; every change of
 * its flow is also written to a timeline, and each distribution path airs that timeline `delayMs`
 * later: the runner fires `paths-aired` when the next step is due on some path, and only then does
 * that path's view show it. A home player's window is the studio's shifted by their path's delay:
 * it opens when the studio's opening airs on their path and closes when the studio's close (its
 * clock, or the host's hand) airs there, as the viewers see it on television (docs/decisions/039,
 * "Changed (second)"). Their time to answer is measured on their path. Home players are scored when
 * their path airs the reveal, on a leaderboard of their own.
 */

type HomeEvent = Extract<
  GameEvent,
  { type: "home-player-joined" | "home-path-changed" | "play-along-configured" | "paths-aired" }
>;

/** The outcome of an event that concerns the home audience, or null when it is the studio's alone. */
export function playAlongTransition(state: GameState, event: GameEvent, now: number): TransitionResult | null {
  switch (event.type) {
    case "play-along-configured":
      return configure(state, event.paths, now);
    case "home-player-joined":
      return homeJoined(state, event, now);
    case "home-path-changed":
      return pathChanged(state, event.playerId, event.pathId, now);
    case "paths-aired":
      return pathsAired(state, now);
    default:
      break;
  }
  const home = state.playAlong;
  if (!home) return null;
  const playerId =
    event.type === "answer-submitted" || event.type === "player-reconnected" || event.type === "player-left"
      ? event.playerId
      : event.type === "host-command" && event.command === "kick"
        ? event.playerId
        : null;
  if (playerId === null) return null;
  const position = homePosition(home, playerId);
  if (position === -1) return null;
  switch (event.type) {
    case "answer-submitted":
      return homeAnswer(state, home, position, event, now);
    case "player-reconnected":
      return homeConnection(state, home, position, true, now);
    case "player-left":
      return homeConnection(state, home, position, false, now);
    default:
      return homeKick(state, home, position, now);
  }
}

/**
 * After a studio event: a change of the studio's flow is written to the timeline, to air on each
 * path later, and the airing timer is armed for the first path it is due on.
 */
export function recordAiring(before: GameState, result: TransitionResult, now: number): TransitionResult {
  const state = result.state;
  const home = state.playAlong;
  if (!home || home.paths.length === 0 || state.step === before.step) return result;
  const last = home.timeline[home.timeline.length - 1];
  const step: AiredStep = { seq: (last?.seq ?? 0) + 1, at: now, phase: state.phase, paused: state.paused };
  const next: GameState = { ...state, playAlong: { ...home, timeline: [...home.timeline, step] } };
  const at = nextAiringAt(next);
  const effects: Effect[] = at === null ? result.effects : [...result.effects, { type: "schedule-airing", at }];
  return { ...result, state: next, effects };
}

/** When the next step of the timeline is due on some path, or null when every path is up to date. */
export function nextAiringAt(state: GameState): number | null {
  const home = state.playAlong;
  if (!home) return null;
  let earliest: number | null = null;
  for (const airing of home.airing) {
    const next = nextOnPath(home, airing);
    if (next && (earliest === null || next.at < earliest)) earliest = next.at;
  }
  return earliest;
}

/** The step of the studio's flow a path shows: the last one released to it. */
export function airedStep(home: PlayAlong, pathId: string): AiredStep | null {
  const airing = home.airing.find((entry) => entry.pathId === pathId);
  if (!airing) return null;
  return home.timeline.find((step) => step.seq === airing.airedSeq) ?? null;
}

/** The step after the one a path shows, due there `delayMs` after the studio took it. */
function nextOnPath(home: PlayAlong, airing: PathAiring): { step: AiredStep; at: number } | null {
  const next = home.timeline.find((step) => step.seq > airing.airedSeq);
  return next ? { step: next, at: next.at + delayOf(home, airing.pathId) } : null;
}

/**
 * The step a path is showing at `now` by its schedule, the studio's at `now − delayMs`: the one
 * released to it, or a later one already due whose airing timer has not fired yet (a busy event
 * loop). Answers are judged by this, so a late timer neither takes time from a home player nor
 * gives them time after the path's television has shown the reveal.
 */
function onAirAt(home: PlayAlong, airing: PathAiring, now: number): AiredStep | null {
  const studioTime = now - delayOf(home, airing.pathId);
  let current: AiredStep | null = null;
  for (const step of home.timeline) {
    if (step.seq < airing.airedSeq) continue;
    if (current && step.at > studioTime) break;
    current = step;
  }
  return current;
}

/**
 * The questions some path has aired (or is about to air) and not scored yet: where a home answer
 * given before a restart may still be waiting for its path's reveal.
 */
export function unscoredHomeQuestions(state: GameState): number[] {
  const home = state.playAlong;
  if (!home) return [];
  const questions = new Set<number>();
  const studio = state.phase;
  if ("questionIndex" in studio) questions.add(studio.questionIndex);
  for (const step of home.timeline) if ("questionIndex" in step.phase) questions.add(step.phase.questionIndex);
  const oldest = Math.min(...home.airing.map((airing) => airing.scoredThrough));
  return [...questions].filter((questionIndex) => questionIndex > oldest).sort((a, b) => a - b);
}

export function delayOf(home: PlayAlong, pathId: string): number {
  return home.paths.find((path) => path.id === pathId)?.delayMs ?? 0;
}

export function homePlayer(state: GameState, playerId: string): HomePlayer | null {
  const home = state.playAlong;
  if (!home) return null;
  const position = homePosition(home, playerId);
  return position === -1 ? null : home.players[position];
}

// ---------------------------------------------------------------------------------------------
// Setting up

function configure(state: GameState, paths: DelayPath[], now: number): TransitionResult {
  if (state.phase.name !== "lobby") return refuse(state, "path-locked");
  const ids = new Set(paths.map((path) => path.id));
  if (ids.size !== paths.length) return refuse(state, "invalid-paths");
  const before = state.playAlong;
  // Players already on a path that no longer exists are moved to the first one: nobody is dropped.
  const fallback = paths[0]?.id;
  const players = (before?.players ?? []).map((player) =>
    ids.has(player.pathId) || !fallback ? player : { ...player, pathId: fallback },
  );
  if (paths.length === 0 && players.length > 0) return refuse(state, "invalid-paths");
  const playAlong: PlayAlong | undefined =
    paths.length === 0
      ? undefined
      : {
          paths,
          players,
          timeline: [{ seq: 1, at: now, phase: state.phase, paused: state.paused }],
          airing: paths.map((path) => ({ pathId: path.id, airedSeq: 1, scoredThrough: -1, result: null })),
        };
  const next = change(state, { playAlong }, now);
  return outcome(next, [{ type: "persist-state", urgent: true }, { type: "refresh-staff" }, ...paths.map((path) => broadcastPath(path.id))], "ok");
}

// ---------------------------------------------------------------------------------------------
// Home players

function homeJoined(state: GameState, event: Extract<HomeEvent, { type: "home-player-joined" }>, now: number): TransitionResult {
  const home = state.playAlong;
  if (!home) return refuse(state, "unknown-path");
  const position = homePosition(home, event.playerId);
  if (position !== -1) {
    if (home.players[position].kicked) return refuse(state, "kicked");
    return { ...homeConnection(state, home, position, true, now), code: "already-joined" };
  }
  if (!home.paths.some((path) => path.id === event.pathId)) return refuse(state, "unknown-path");
  const admitted = admitNewPlayer(state, event.name, home.players.length);
  if (!admitted.ok) return refuse(state, admitted.code);
  const name = admitted.name;

  // Names are unique among the home audience: its own board. The paths array names its own index.
  const unique = uniqueDisplayName({ settings: home.paths as unknown as GameSettings, players: home.players }, name);
  const player: HomePlayer = { ...newPlayer(event.playerId, unique, event.unit, now), pathId: event.pathId };
  const next = withHome(state, { ...home, players: withPlayerAdded(home.players, player) as HomePlayer[] }, now);
  return outcome(
    next,
    [{ type: "persist-state", urgent: false }, { type: "send", to: { role: "player", playerId: player.id } }, { type: "refresh-staff" }],
    "joined",
  );
}

/** A home player may switch paths in the lobby; once the game has started their clock is their path's. */
function pathChanged(state: GameState, playerId: string, pathId: string, now: number): TransitionResult {
  const home = state.playAlong;
  if (!home) return refuse(state, "unknown-path");
  const position = homePosition(home, playerId);
  if (position === -1) return refuse(state, "unknown-player");
  const player = home.players[position];
  if (player.kicked) return refuse(state, "kicked");
  if (!home.paths.some((path) => path.id === pathId)) return refuse(state, "unknown-path");
  if (player.pathId === pathId) return outcome(state, [], "ok");
  if (state.phase.name !== "lobby") return refuse(state, "path-locked");
  const next = withHome(state, { ...home, players: withPlayerReplaced(home.players, position, { ...player, pathId } as Player) as HomePlayer[] }, now);
  return outcome(next, [{ type: "persist-state", urgent: false }, { type: "send", to: { role: "player", playerId } }], "ok");
}

function homeConnection(state: GameState, home: PlayAlong, position: number, connected: boolean, now: number): TransitionResult {
  const player = home.players[position];
  if (player.kicked) return refuse(state, "kicked");
  const next =
    player.connected === connected
      ? state
      : withHome(state, { ...home, players: withPlayerReplaced(home.players, position, { ...player, connected }) as HomePlayer[] }, now);
  const effects: Effect[] = connected
    ? [{ type: "send", to: { role: "player", playerId: player.id } }, { type: "refresh-staff" }]
    : [{ type: "refresh-staff" }];
  return outcome(next, effects, "ok");
}

function homeKick(state: GameState, home: PlayAlong, position: number, now: number): TransitionResult {
  const player = home.players[position];
  if (player.kicked) return outcome(state, [], "ok");
  const next = withHome(
    state,
    { ...home, players: withPlayerReplaced(home.players, position, { ...player, kicked: true, connected: false }) as HomePlayer[] },
    now,
  );
  return outcome(next, [{ type: "persist-state", urgent: true }, { type: "disconnect", playerId: player.id, reason: "kicked" }, { type: "refresh-staff" }], "ok");
}

// ---------------------------------------------------------------------------------------------
// Answers

/**
 * A home answer counts only inside the player's window: the step their path shows at this moment
 * (by its schedule) must be the question, open as the studio's was `delayMs` earlier (its deadline
 * and grace not passed), and the path not scored on it yet. Time to answer is measured from the
 * opening as it aired on their screen.
 */
function homeAnswer(
  state: GameState,
  home: PlayAlong,
  position: number,
  event: Extract<GameEvent, { type: "answer-submitted" }>,
  now: number,
): TransitionResult {
  const player = home.players[position];
  if (player.kicked) return refuse(state, "kicked");
  if (player.answer?.answerId === event.answerId && player.answer.questionIndex === event.questionIndex) {
    return outcome(state, [persistAnswer(state, player.id, player.answer)], "duplicate");
  }
  const airing = home.airing.find((entry) => entry.pathId === player.pathId)!;
  const onAir = onAirAt(home, airing, now);
  const phase = onAir?.phase;
  if (!onAir || !phase || phase.name !== "question" || phase.questionIndex !== event.questionIndex) {
    const closed = Math.max(airing.scoredThrough, phase ? lastClosedQuestion(state, phase) : -1);
    return refuse(state, event.questionIndex <= closed ? "too-late" : "not-in-question");
  }
  // The studio's rules, `delayMs` later.
  const studioTime = now - delayOf(home, player.pathId);
  if (airing.scoredThrough >= phase.questionIndex) return refuse(state, "too-late");
  if (onAir.paused) return refuse(state, "paused");
  if (player.eliminatedAt !== null) return refuse(state, "eliminated");
  if (studioTime > phase.deadline + ANSWER_GRACE_MS) return refuse(state, "too-late");
  if (player.answer?.questionIndex === phase.questionIndex) return refuse(state, "already-answered");

  const question = state.questions[phase.questionIndex];
  const optionIds = optionIdsForKeys(state, phase.questionIndex, event.optionIds);
  const allowedCount = question.type === "multiple" ? question.options.length : 1;
  if (!optionIds || optionIds.length === 0 || optionIds.length > allowedCount || new Set(optionIds).size !== optionIds.length) {
    return refuse(state, "invalid-option");
  }
  const elapsedMs = Math.min(Math.max(0, studioTime - phase.openedAt), question.timeLimitMs);
  const answer: StoredAnswer = { answerId: event.answerId, questionIndex: phase.questionIndex, optionIds, receivedAt: now, elapsedMs };
  const next = withHome(state, { ...home, players: withPlayerReplaced(home.players, position, { ...player, answer }) as HomePlayer[] }, now);
  return outcome(next, [persistAnswer(state, player.id, answer), { type: "refresh-staff" }], "accepted");
}

// ---------------------------------------------------------------------------------------------
// Airing

/**
 * Releases to every path the next step due on it: one step per path and per firing, so that each
 * step reaches the path's screens in order, however late the timer fired (the next one is then
 * due at once). A path that airs a reveal scores its own home players on that question first, so
 * the reveal it is sent shows their result, and their points are written (`persist-scores`).
 */
function pathsAired(state: GameState, now: number): TransitionResult {
  const home = state.playAlong;
  if (!home) return refuse(state, "stale-timer");
  let players = home.players;
  const airing: PathAiring[] = [];
  const released: string[] = [];
  const scoredPaths: string[] = [];
  for (const entry of home.airing) {
    const next = nextOnPath(home, entry);
    if (!next || next.at > now) {
      airing.push(entry);
      continue;
    }
    let current: PathAiring = { ...entry, airedSeq: next.step.seq };
    const phase = next.step.phase;
    if (phase.name === "reveal" && phase.questionIndex > current.scoredThrough) {
      const result = scorePath(state, players, entry.pathId, phase.questionIndex);
      players = result.players;
      current = { ...current, scoredThrough: phase.questionIndex, result: result.result };
      scoredPaths.push(entry.pathId);
    } else if ((phase.name === "countdown" || phase.name === "question") && phase.questionIndex - 1 > current.scoredThrough) {
      // A voided question never reveals: nothing to score, and the next one may be answered.
      current = { ...current, scoredThrough: phase.questionIndex - 1 };
    }
    released.push(entry.pathId);
    airing.push(current);
  }
  if (released.length === 0) {
    const at = nextAiringAt(state);
    return { state, effects: at === null ? [] : [{ type: "schedule-airing", at }], ok: false, code: "stale-timer" };
  }
  // Steps every path has aired are no longer needed, except the one each path shows.
  const oldestShown = Math.min(...airing.map((entry) => entry.airedSeq));
  const timeline = home.timeline.filter((step) => step.seq >= oldestShown);
  const next = withHome(state, { ...home, players, airing, timeline }, now);
  const scored = scoredPaths.length > 0;
  const effects: Effect[] = [{ type: "persist-state", urgent: scored }];
  const at = nextAiringAt(next);
  if (at !== null) effects.push({ type: "schedule-airing", at });
  for (const pathId of released) effects.push(broadcastPath(pathId));
  if (scored) effects.push({ type: "persist-scores", pathIds: scoredPaths }, { type: "refresh-staff" });
  return outcome(next, effects, "ok");
}

/** Scores one path's home players on a question, as the studio's reveal scores the studio. */
function scorePath(
  state: GameState,
  players: HomePlayer[],
  pathId: string,
  questionIndex: number,
): { players: HomePlayer[]; result: NonNullable<PathAiring["result"]> } {
  const scored = scoreQuestion(state, players, questionIndex, (player) => (player as HomePlayer).pathId === pathId);
  return { players: scored.players as HomePlayer[], result: scored.result };
}

// ---------------------------------------------------------------------------------------------
// Helpers

function homePosition(home: PlayAlong, playerId: string): number {
  return findPlayerPosition(home.players, playerId);
}

function broadcastPath(pathId: string): Effect {
  return { type: "broadcast-path", pathId };
}

function withHome(state: GameState, playAlong: PlayAlong, now: number): GameState {
  return change(state, { playAlong }, now);
}

function change(state: GameState, patch: Partial<GameState>, now: number): GameState {
  return { ...state, ...patch, version: state.version + 1, updatedAt: now };
}

function outcome(state: GameState, effects: Effect[], code: OutcomeCode): TransitionResult {
  return { state, effects, ok: true, code };
}

function refuse(state: GameState, code: OutcomeCode): TransitionResult {
  return { state, effects: [], ok: false, code };
}

