import {
  FULL_POINTS_WITHIN_MS,
  MAX_POINTS,
  MAX_STREAK_BONUS,
  POINTS_AT_DEADLINE,
  STREAK_BONUS_STEP,
} from "./constants";

/**
 * Points for a correct answer by speed (Kahoot's published rule): the full 1000 within the first
 * half second, then falling linearly to 500 at the deadline. The line starts at 0.5 s rather than
 * at 0 so that the score never jumps down at the 0.5 s mark. An answer in the grace window after
 * the deadline scores as if given at the deadline.
 */
export function speedPoints(elapsedMs: number, timeLimitMs: number): number {
  if (elapsedMs <= FULL_POINTS_WITHIN_MS) return MAX_POINTS;
  const share = Math.min(1, (elapsedMs - FULL_POINTS_WITHIN_MS) / (timeLimitMs - FULL_POINTS_WITHIN_MS));
  return Math.round(MAX_POINTS - share * (MAX_POINTS - POINTS_AT_DEADLINE));
}

/**
 * The bonus for a run of correct answers, `streak` counting the answer being scored: nothing for
 * the first, +100 for the second in a row, +200 for the third, … never more than +500.
 */
export function streakBonus(streak: number): number {
  return Math.min(MAX_STREAK_BONUS, Math.max(0, streak - 1) * STREAK_BONUS_STEP);
}

/** Right only when the chosen options are exactly the correct ones (a multiple-answer question has no partial credit). */
export function isCorrectSelection(chosen: readonly string[], correct: readonly string[]): boolean {
  return chosen.length === correct.length && correct.every((id) => chosen.includes(id));
}

export type ScoredAnswer = { correct: boolean; points: number; streakBonus: number; streak: number };

/** Scores one player's answer (or its absence) to a question. Wrong or missing earns 0 and ends the streak. */
export function scoreAnswer(input: {
  chosen: readonly string[] | null;
  correctOptionIds: readonly string[];
  elapsedMs: number;
  timeLimitMs: number;
  previousStreak: number;
}): ScoredAnswer {
  if (!input.chosen || !isCorrectSelection(input.chosen, input.correctOptionIds)) {
    return { correct: false, points: 0, streakBonus: 0, streak: 0 };
  }
  const streak = input.previousStreak + 1;
  const bonus = streakBonus(streak);
  return { correct: true, points: speedPoints(input.elapsedMs, input.timeLimitMs) + bonus, streakBonus: bonus, streak };
}
