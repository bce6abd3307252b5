import type { PhaseName } from "~/live/game-state";

/**
 * Which sound cues the display plays as the game moves: a chime when a question opens, a tick
 * for each of the last five seconds, a fanfare on the reveal. Decided from two successive moments
 * (what the screen showed, what it shows now), so a snapshot that repeats a moment, a reconnect
 * or a resume plays nothing twice, and the first snapshot a display receives plays nothing.
 */
export type SoundCue = "question-start" | "tick" | "last-tick" | "reveal";

export type CueMoment = {
  phase: PhaseName;
  /** The question on screen (question and reveal phases), else null. */
  questionIndex: number | null;
  /** Whole seconds left on the question's clock, as the display shows them. */
  secondsLeft: number | null;
  paused: boolean;
};

export const TICK_SECONDS = 5;

export function cuesBetween(before: CueMoment | null, after: CueMoment): SoundCue[] {
  if (!before) return [];
  const sameQuestion = before.questionIndex === after.questionIndex;
  if (after.phase === "question") {
    if (before.phase !== "question" || !sameQuestion) return ["question-start"];
    if (after.paused || after.secondsLeft === null || after.secondsLeft === before.secondsLeft) return [];
    if (after.secondsLeft >= 1 && after.secondsLeft <= TICK_SECONDS && (before.secondsLeft === null || after.secondsLeft < before.secondsLeft)) {
      return [after.secondsLeft === 1 ? "last-tick" : "tick"];
    }
    return [];
  }
  if (after.phase === "reveal" && (before.phase !== "reveal" || !sameQuestion)) return ["reveal"];
  return [];
}
