import { ANSWER_GRACE_MS } from "./constants";
import type { Effect, GameState, PersistedAnswer } from "./game-state";
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
  return { state, effects: [{ type: "persist-state", urgent: true }] };
}
