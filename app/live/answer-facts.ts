import type { Effect, GameState, Phase, StoredAnswer } from "./game-state";

// What the studio (transition.ts) and each play-along path (play-along.ts) say alike about answers.

/** The effect that stores an accepted answer, with the revision it answered. */
export function persistAnswer(state: GameState, playerId: string, answer: StoredAnswer): Effect {
  const revisionId = state.questions[answer.questionIndex].revisionId;
  return { type: "persist-answer", answer: { gameId: state.gameId, playerId, revisionId, ...answer } };
}

/** The highest question index whose answering time is over in `phase` (-1 before the first question). */
export function lastClosedQuestion(state: GameState, phase: Phase = state.phase): number {
  switch (phase.name) {
    case "lobby":
      return -1;
    case "countdown":
    case "question":
      return phase.questionIndex - 1;
    case "reveal":
    case "leaderboard":
      return phase.questionIndex;
    case "podium":
    case "ended":
      return state.questions.length - 1;
  }
}
