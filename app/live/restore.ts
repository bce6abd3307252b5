import { ANSWER_GRACE_MS } from "./constants";
import type { Effect, GameState, PersistedAnswer } from "./game-state";
import { nextAiringAt } from "./play-along";
import type { HomePlayer } from "./play-along-state";
import { findPlayerPosition, withEveryPlayer, withPlayerReplaced } from "./players";

/**
 * Brings a game back after the process died, from its last snapshot and the answers table
 * (decision 004). Every socket is gone, so everyone is marked disconnected until they come back.
 * The answers table is the truth: answers to the open question that the snapshot does not hold
 * are put back. A game that died while a clock was running comes back paused, so nobody loses
 * answering time to the outage; the host resumes it. The clock is taken as stopped at the last
 * moment the game is known to have been alive: its last change or its last stored answer.
 */
export function restoreAfterRestart(
  snapshot: GameState,
  now: number,
  persistedAnswers: readonly PersistedAnswer[] = [],
): { state: GameState; effects: Effect[] } {
  let players = withEveryPlayer(snapshot.players, (player) => (player.connected ? { ...player, connected: false } : player));
  let phase = snapshot.phase;
  let lastAliveAt = snapshot.updatedAt;

  if (phase.name === "question") {
    let answeredCount = phase.answeredCount;
    for (const stored of persistedAnswers) {
      if (stored.gameId !== snapshot.gameId || stored.questionIndex !== phase.questionIndex) continue;
      const position = findPlayerPosition(players, stored.playerId);
      const player = players[position];
      if (!player || player.kicked || player.eliminatedAt !== null) continue;
      lastAliveAt = Math.max(lastAliveAt, stored.receivedAt);
      if (player.answer?.questionIndex === phase.questionIndex) continue;
      const { answerId, questionIndex, optionIds, receivedAt, elapsedMs } = stored;
      players = withPlayerReplaced(players, position, { ...player, answer: { answerId, questionIndex, optionIds, receivedAt, elapsedMs } });
      answeredCount += 1;
    }
    phase = { ...phase, answeredCount };
  }

  let paused = snapshot.paused;
  let stepDelta = 0;
  if (!paused && (phase.name === "countdown" || phase.name === "question")) {
    const clockEndsAt = phase.name === "countdown" ? phase.endsAt : phase.deadline + ANSWER_GRACE_MS;
    paused = { since: Math.min(lastAliveAt, clockEndsAt, now), reason: "restart" };
    stepDelta = 1;
  }

  const state: GameState = {
    ...snapshot,
    players,
    phase,
    paused,
    hostConnected: false,
    epoch: Math.max(now, (snapshot.epoch ?? snapshot.createdAt) + 1),
    resumeOnLoad: undefined,
    version: snapshot.version + 1,
    step: snapshot.step + stepDelta,
    updatedAt: now,
  };
  // Play-along (docs/decisions/038): home answers of windows still open go back too, and each
  // path's airing resumes where it stood.
  const restored = restoreHomeAnswers(state, persistedAnswers);
  const airingAt = nextAiringAt(restored);
  const effects: Effect[] = [{ type: "persist-state", urgent: true }];
  if (airingAt !== null) effects.push({ type: "schedule-airing", at: airingAt });
  return { state: restored, effects };
}

function restoreHomeAnswers(state: GameState, persistedAnswers: readonly PersistedAnswer[]): GameState {
  const home = state.playAlong;
  if (!home) return state;
  let players = withEveryPlayer(home.players, (player) => (player.connected ? { ...player, connected: false } : player)) as HomePlayer[];
  for (const stored of persistedAnswers) {
    if (stored.gameId !== state.gameId) continue;
    const position = findPlayerPosition(players, stored.playerId);
    const player = players[position];
    if (!player || player.kicked || player.eliminatedAt !== null || player.answer?.questionIndex === stored.questionIndex) continue;
    const airing = home.airing.find((entry) => entry.pathId === player.pathId);
    if (!airing || airing.scoredThrough >= stored.questionIndex) continue;
    const { answerId, questionIndex, optionIds, receivedAt, elapsedMs } = stored;
    players = withPlayerReplaced(players, position, { ...player, answer: { answerId, questionIndex, optionIds, receivedAt, elapsedMs } } as HomePlayer) as HomePlayer[];
  }
  return { ...state, playAlong: { ...home, players } };
}
