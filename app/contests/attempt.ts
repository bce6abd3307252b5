import type { Audience } from "~/bank/question-file";
import type { DrawnQuestion } from "./draw";
import type { AttemptResult } from "./ranking";

// The life of one self-paced attempt, as pure functions. Every time is epoch milliseconds and `now`
// always comes from the caller: the server owns the clock, and tests step it by hand.

/**
 * How long after the deadline an answer, a prediction or a submit still counts. It covers the trip
 * from a participant's phone to the server for a click made just before the deadline; the screen
 * shows the deadline itself and never the grace. Time used is capped at the deadline, so the grace
 * buys no advantage in the ranking.
 */
export const ANSWER_GRACE_MS = 2_000;

export type RoundRules = {
  opensAt: number;
  closesAt: number;
  timeLimitMs: number;
  /** Attempts each participant may start; the best one counts. */
  maxAttempts: number;
  /** Audience groups that may take part; null lets everyone in. */
  audiences: readonly Audience[] | null;
  /** Units whose participants (including everyone in units below them) may take part; null lets everyone in. */
  unitIds: readonly string[] | null;
  /** A class round: only this class (of the school in `unitIds`); null or missing lets every class in. */
  className?: string | null;
};

export type Entrant = {
  audience: Audience | null;
  /** The participant's unit and its ancestors up to the province, nearest first; empty without a unit. */
  unitAncestry: readonly string[];
  className?: string | null;
};

/** Class names compare without case or spaces: "8a", "8 A" and "8A" are one class. */
export function normaliseClassName(name: string): string {
  return name.normalize("NFC").replace(/\s+/g, "").toUpperCase();
}

export type AttemptQuestion = Pick<DrawnQuestion, "questionId" | "revisionId" | "type" | "optionOrder">;

export type SavedAnswer = {
  /** Indices of the chosen options as the question is written (not as shuffled on screen), ascending. */
  options: number[];
  savedAt: number;
};

export type AttemptState = {
  participantId: string;
  attemptNumber: number;
  startedAt: number;
  deadline: number;
  submittedAt: number | null;
  questions: readonly AttemptQuestion[];
  /** Keyed by question id. */
  answers: Readonly<Record<string, SavedAnswer>>;
  /** The tie-break guess, e.g. how many participants will answer everything right. */
  prediction: number | null;
};

export type AttemptStatus = "in-progress" | "submitted" | "timed-out";

export type StartRefusal = "not-open-yet" | "round-closed" | "not-in-audience" | "attempt-in-progress" | "no-attempts-left";
export type StartDecision =
  | { ok: true; attemptNumber: number; startedAt: number; deadline: number }
  | { ok: false; code: Exclude<StartRefusal, "attempt-in-progress"> }
  /** The participant already has an open attempt: resume it rather than start another. */
  | { ok: false; code: "attempt-in-progress"; attemptNumber: number };

export type ChangeRefusal = "already-submitted" | "deadline-passed" | "unknown-question" | "invalid-choice" | "invalid-prediction";
export type ChangeResult = { ok: true; state: AttemptState } | { ok: false; code: ChangeRefusal };

/** The last moment a write to this attempt is accepted. */
function acceptsUntil(state: AttemptState): number {
  return state.deadline + ANSWER_GRACE_MS;
}

export function attemptStatus(state: AttemptState, now: number): AttemptStatus {
  if (state.submittedAt !== null) return "submitted";
  return now <= acceptsUntil(state) ? "in-progress" : "timed-out";
}

export function isEntrantAdmitted(rules: RoundRules, entrant: Entrant): boolean {
  if (rules.audiences !== null && (entrant.audience === null || !rules.audiences.includes(entrant.audience))) return false;
  if (rules.unitIds !== null && !entrant.unitAncestry.some((unitId) => rules.unitIds?.includes(unitId))) return false;
  if (rules.className) {
    if (!entrant.className || normaliseClassName(entrant.className) !== normaliseClassName(rules.className)) return false;
  }
  return true;
}

/**
 * Decides whether a participant may start an attempt now. `attempts` are this participant's earlier
 * attempts in this round. On success the caller draws the questions with `attemptSeed(...)` for the
 * returned attempt number and stores `beginAttempt(...)`.
 */
export function startAttempt(input: {
  rules: RoundRules;
  entrant: Entrant;
  attempts: readonly AttemptState[];
  now: number;
}): StartDecision {
  const { rules, entrant, attempts, now } = input;
  if (now < rules.opensAt) return { ok: false, code: "not-open-yet" };
  if (now >= rules.closesAt) return { ok: false, code: "round-closed" };
  if (!isEntrantAdmitted(rules, entrant)) return { ok: false, code: "not-in-audience" };
  const open = attempts.find((attempt) => attemptStatus(attempt, now) === "in-progress");
  if (open) return { ok: false, code: "attempt-in-progress", attemptNumber: open.attemptNumber };
  if (attempts.length >= rules.maxAttempts) return { ok: false, code: "no-attempts-left" };
  return {
    ok: true,
    attemptNumber: attempts.length + 1,
    startedAt: now,
    // The round's close binds too: an attempt started late gets the time that is left, no more.
    deadline: Math.min(now + rules.timeLimitMs, rules.closesAt),
  };
}

export function beginAttempt(
  participantId: string,
  start: Extract<StartDecision, { ok: true }>,
  questions: readonly AttemptQuestion[],
): AttemptState {
  return {
    participantId,
    attemptNumber: start.attemptNumber,
    startedAt: start.startedAt,
    deadline: start.deadline,
    submittedAt: null,
    questions,
    answers: {},
    prediction: null,
  };
}

function writeRefusal(state: AttemptState, now: number): ChangeRefusal | null {
  if (state.submittedAt !== null) return "already-submitted";
  if (now > acceptsUntil(state)) return "deadline-passed";
  return null;
}

/**
 * Saves (or replaces) the answer to one question. `positions` are what the participant picked on
 * screen, in the shuffled order; they are stored as the written option indices. An empty list
 * clears the answer.
 */
export function saveAnswer(state: AttemptState, answer: { questionId: string; positions: readonly number[] }, now: number): ChangeResult {
  const refusal = writeRefusal(state, now);
  if (refusal) return { ok: false, code: refusal };
  const question = state.questions.find((candidate) => candidate.questionId === answer.questionId);
  if (!question) return { ok: false, code: "unknown-question" };

  const { positions } = answer;
  const inRange = positions.every((position) => Number.isInteger(position) && position >= 0 && position < question.optionOrder.length);
  const distinct = new Set(positions).size === positions.length;
  const countAllowed = question.type === "multiple" || positions.length <= 1;
  if (!inRange || !distinct || !countAllowed) return { ok: false, code: "invalid-choice" };

  const others = { ...state.answers };
  delete others[answer.questionId];
  if (positions.length === 0) return { ok: true, state: { ...state, answers: others } };
  const options = positions.map((position) => question.optionOrder[position]).sort((a, b) => a - b);
  return { ok: true, state: { ...state, answers: { ...others, [answer.questionId]: { options, savedAt: now } } } };
}

export function savePrediction(state: AttemptState, prediction: number, now: number): ChangeResult {
  const refusal = writeRefusal(state, now);
  if (refusal) return { ok: false, code: refusal };
  if (!Number.isSafeInteger(prediction) || prediction < 0) return { ok: false, code: "invalid-prediction" };
  return { ok: true, state: { ...state, prediction } };
}

/** Hands the attempt in; it can happen once, and no later than the deadline plus the grace. */
export function submitAttempt(state: AttemptState, now: number): ChangeResult {
  const refusal = writeRefusal(state, now);
  if (refusal) return { ok: false, code: refusal };
  return { ok: true, state: { ...state, submittedAt: now } };
}

/**
 * When the attempt ended for ranking purposes: its submit, or its deadline if it ran out. A submit
 * inside the grace counts as made at the deadline.
 */
export function finishedAt(state: AttemptState, now: number): number | null {
  const status = attemptStatus(state, now);
  if (status === "in-progress") return null;
  return Math.min(state.submittedAt ?? state.deadline, state.deadline);
}

/** Time spent so far, or in total once the attempt has ended; never more than the time allowed. */
export function timeUsedMs(state: AttemptState, now: number): number {
  const end = finishedAt(state, now) ?? Math.min(now, state.deadline);
  return Math.max(0, end - state.startedAt);
}

/**
 * Correct answers stay hidden until no attempt in the round can still change: the round's close
 * plus the grace, because an attempt ending at the close still accepts answers during the grace.
 */
export function mayRevealAnswers(rules: RoundRules, now: number): boolean {
  return now > rules.closesAt + ANSWER_GRACE_MS;
}

/** The written indices of the correct options, keyed by revision id (a corrected question scores by the revision shown). */
export type AnswerKey = Readonly<Record<string, readonly number[]>>;

export type QuestionOutcome = { questionId: string; revisionId: string; answered: boolean; correct: boolean };
export type AttemptScore = { correct: number; answered: number; questionCount: number; questions: QuestionOutcome[] };

/** A question counts as correct only when the chosen options are exactly the correct ones. */
export function scoreAttempt(state: AttemptState, answerKey: AnswerKey): AttemptScore {
  const questions = state.questions.map((question): QuestionOutcome => {
    const key = answerKey[question.revisionId];
    if (!key) throw new Error(`No answer key for revision ${question.revisionId}`);
    const chosen = state.answers[question.questionId]?.options ?? [];
    const expected = [...key].sort((a, b) => a - b);
    const correct = chosen.length === expected.length && chosen.every((option, index) => option === expected[index]);
    return { questionId: question.questionId, revisionId: question.revisionId, answered: chosen.length > 0, correct };
  });
  return {
    correct: questions.filter((question) => question.correct).length,
    answered: questions.filter((question) => question.answered).length,
    questionCount: questions.length,
    questions,
  };
}

/** What ranking needs from a finished attempt; null while the attempt is still running. */
export function attemptResult(state: AttemptState, answerKey: AnswerKey, now: number): AttemptResult | null {
  const ended = finishedAt(state, now);
  if (ended === null) return null;
  const score = scoreAttempt(state, answerKey);
  return {
    participantId: state.participantId,
    attemptNumber: state.attemptNumber,
    correct: score.correct,
    questionCount: score.questionCount,
    prediction: state.prediction,
    timeUsedMs: timeUsedMs(state, now),
    finishedAt: ended,
  };
}
