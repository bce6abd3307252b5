import type { GameState, Player, QuestionOutcome, QuestionResult } from "./game-state";
import { withEveryPlayer } from "./players";
import { scoreAnswer } from "./scoring";

/**
 * A reveal's scoring of one question: the studio's (transition.ts) and each play-along path's when
 * its reveal airs (play-along.ts, docs/decisions/038). Players that `counts` leaves out, and kicked
 * ones, are returned as they were; eliminated ones only lose their last outcome.
 */
export function scoreQuestion(
  state: GameState,
  players: readonly Player[],
  questionIndex: number,
  counts: (player: Player) => boolean = () => true,
): { players: Player[]; result: QuestionResult } {
  const question = state.questions[questionIndex];
  const correctOptionIds = question.options.filter((option) => option.correct).map((option) => option.id);
  const histogram: Record<string, number> = Object.fromEntries(question.options.map((option) => [option.id, 0]));
  let answeredCount = 0;
  let correctCount = 0;
  let eliminatedCount = 0;

  const scoredPlayers = withEveryPlayer(players, (player) => {
    if (!counts(player) || player.kicked) return player;
    if (player.eliminatedAt !== null) return player.lastOutcome ? { ...player, lastOutcome: null } : player;
    const answer = player.answer?.questionIndex === questionIndex ? player.answer : null;
    if (answer) {
      answeredCount += 1;
      for (const optionId of answer.optionIds) histogram[optionId] += 1;
    }
    const scored = scoreAnswer({
      chosen: answer?.optionIds ?? null,
      correctOptionIds,
      elapsedMs: answer?.elapsedMs ?? question.timeLimitMs,
      timeLimitMs: question.timeLimitMs,
      previousStreak: player.streak,
    });
    if (scored.correct) correctCount += 1;
    const eliminatedNow = state.settings.mode === "elimination" && !scored.correct;
    if (eliminatedNow) eliminatedCount += 1;
    const lastOutcome: QuestionOutcome = {
      questionIndex,
      answered: answer !== null,
      correct: scored.correct,
      points: scored.points,
      streakBonus: scored.streakBonus,
      eliminatedNow,
      rescued: false,
    };
    return { ...player, score: player.score + scored.points, streak: scored.streak, eliminatedAt: eliminatedNow ? questionIndex : null, lastOutcome };
  });

  return {
    players: scoredPlayers,
    result: { questionIndex, correctOptionIds, histogram, answeredCount, correctCount, eliminatedCount, rescued: false },
  };
}
