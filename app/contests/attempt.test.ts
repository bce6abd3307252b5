import { describe, expect, it } from "vitest";
import {
  ANSWER_GRACE_MS,
  attemptResult,
  attemptStatus,
  beginAttempt,
  finishedAt,
  mayRevealAnswers,
  saveAnswer,
  savePrediction,
  scoreAttempt,
  startAttempt,
  submitAttempt,
  timeUsedMs,
  type AnswerKey,
  type AttemptQuestion,
  type AttemptState,
  type ChangeResult,
  type Entrant,
  type RoundRules,
} from "./attempt";

const MINUTE = 60_000;
const OPENS = Date.UTC(2026, 10, 2, 1, 0); // 08:00 in Hà Nội
const CLOSES = OPENS + 120 * MINUTE;

const rules: RoundRules = {
  opensAt: OPENS,
  closesAt: CLOSES,
  timeLimitMs: 20 * MINUTE,
  maxAttempts: 2,
  audiences: ["lower-secondary", "upper-secondary"],
  unitIds: null,
};
const pupil: Entrant = { audience: "lower-secondary", unitAncestry: ["school-a", "district-1", "province"] };

// Options as shown: q1 shows written options 2, 0, 3, 1; q2 is a multiple-choice question; q3 true/false.
const questions: AttemptQuestion[] = [
  { questionId: "q1", revisionId: "q1@3", type: "single", optionOrder: [2, 0, 3, 1] },
  { questionId: "q2", revisionId: "q2@1", type: "multiple", optionOrder: [1, 2, 0] },
  { questionId: "q3", revisionId: "q3@2", type: "true-false", optionOrder: [0, 1] },
];
const answerKey: AnswerKey = { "q1@3": [2], "q2@1": [0, 2], "q3@2": [1] };

function started(now: number, previous: readonly AttemptState[] = []): AttemptState {
  const decision = startAttempt({ rules, entrant: pupil, attempts: previous, now });
  if (!decision.ok) throw new Error(`could not start: ${decision.code}`);
  return beginAttempt("user-1", decision, questions);
}

function applied(result: ChangeResult): AttemptState {
  if (!result.ok) throw new Error(`refused: ${result.code}`);
  return result.state;
}

describe("starting an attempt", () => {
  it("only while the round's window is open", () => {
    const start = (now: number) => startAttempt({ rules, entrant: pupil, attempts: [], now });
    expect(start(OPENS - 1)).toEqual({ ok: false, code: "not-open-yet" });
    expect(start(OPENS)).toEqual({ ok: true, attemptNumber: 1, startedAt: OPENS, deadline: OPENS + 20 * MINUTE });
    expect(start(CLOSES - 1).ok).toBe(true);
    expect(start(CLOSES)).toEqual({ ok: false, code: "round-closed" });
  });

  it("ends at the round's close when less than the time limit is left", () => {
    const now = CLOSES - 5 * MINUTE;
    expect(startAttempt({ rules, entrant: pupil, attempts: [], now })).toEqual({ ok: true, attemptNumber: 1, startedAt: now, deadline: CLOSES });
  });

  it("only for the round's audience and units", () => {
    const now = OPENS + MINUTE;
    expect(startAttempt({ rules, entrant: { ...pupil, audience: "university" }, attempts: [], now })).toEqual({ ok: false, code: "not-in-audience" });
    expect(startAttempt({ rules, entrant: { ...pupil, audience: null }, attempts: [], now })).toEqual({ ok: false, code: "not-in-audience" });

    const districtRound: RoundRules = { ...rules, audiences: null, unitIds: ["district-1"] };
    expect(startAttempt({ rules: districtRound, entrant: pupil, attempts: [], now }).ok).toBe(true);
    expect(
      startAttempt({ rules: districtRound, entrant: { audience: null, unitAncestry: ["school-z", "district-2", "province"] }, attempts: [], now }),
    ).toEqual({ ok: false, code: "not-in-audience" });
    expect(startAttempt({ rules: districtRound, entrant: { audience: null, unitAncestry: [] }, attempts: [], now })).toEqual({
      ok: false,
      code: "not-in-audience",
    });
  });

  it("sends a participant back to the attempt still running, then counts the budget", () => {
    const first = started(OPENS + MINUTE);
    expect(startAttempt({ rules, entrant: pupil, attempts: [first], now: OPENS + 2 * MINUTE })).toEqual({
      ok: false,
      code: "attempt-in-progress",
      attemptNumber: 1,
    });

    const firstDone = applied(submitAttempt(first, OPENS + 5 * MINUTE));
    const second = started(OPENS + 6 * MINUTE, [firstDone]);
    expect(second.attemptNumber).toBe(2);

    // The second ran out instead of being submitted: it is finished all the same, and the budget is spent.
    const afterSecond = second.deadline + ANSWER_GRACE_MS + 1;
    expect(startAttempt({ rules, entrant: pupil, attempts: [firstDone, second], now: afterSecond })).toEqual({ ok: false, code: "no-attempts-left" });
  });
});

describe("answering", () => {
  const start = OPENS + 10 * MINUTE;

  it("stores the options as written, whatever order they were shown in", () => {
    let state = started(start);
    state = applied(saveAnswer(state, { questionId: "q1", positions: [0] }, start + 1_000));
    expect(state.answers.q1).toEqual({ options: [2], savedAt: start + 1_000 });
    state = applied(saveAnswer(state, { questionId: "q2", positions: [2, 1] }, start + 2_000));
    expect(state.answers.q2).toEqual({ options: [0, 2], savedAt: start + 2_000 });
  });

  it("replaces an answer, and clears it with an empty choice", () => {
    let state = started(start);
    state = applied(saveAnswer(state, { questionId: "q1", positions: [0] }, start + 1_000));
    state = applied(saveAnswer(state, { questionId: "q1", positions: [3] }, start + 2_000));
    expect(state.answers.q1).toEqual({ options: [1], savedAt: start + 2_000 });
    state = applied(saveAnswer(state, { questionId: "q1", positions: [] }, start + 3_000));
    expect(state.answers).toEqual({});
  });

  it("refuses a question not in the attempt and a choice that cannot be", () => {
    const state = started(start);
    const save = (questionId: string, positions: number[]) => saveAnswer(state, { questionId, positions }, start + 1_000);
    expect(save("q9", [0])).toEqual({ ok: false, code: "unknown-question" });
    expect(save("q1", [4])).toEqual({ ok: false, code: "invalid-choice" });
    expect(save("q1", [-1])).toEqual({ ok: false, code: "invalid-choice" });
    expect(save("q1", [0.5])).toEqual({ ok: false, code: "invalid-choice" });
    expect(save("q1", [0, 1])).toEqual({ ok: false, code: "invalid-choice" });
    expect(save("q2", [1, 1])).toEqual({ ok: false, code: "invalid-choice" });
    expect(save("q3", [0, 1])).toEqual({ ok: false, code: "invalid-choice" });
  });

  it("accepts writes up to the deadline plus the grace, and not one millisecond later", () => {
    const state = started(start);
    expect(state.deadline).toBe(start + 20 * MINUTE);
    const lastMoment = state.deadline + ANSWER_GRACE_MS;
    expect(saveAnswer(state, { questionId: "q1", positions: [0] }, lastMoment).ok).toBe(true);
    expect(savePrediction(state, 12, lastMoment).ok).toBe(true);
    expect(saveAnswer(state, { questionId: "q1", positions: [0] }, lastMoment + 1)).toEqual({ ok: false, code: "deadline-passed" });
    expect(savePrediction(state, 12, lastMoment + 1)).toEqual({ ok: false, code: "deadline-passed" });
    expect(submitAttempt(state, lastMoment + 1)).toEqual({ ok: false, code: "deadline-passed" });
  });

  it("keeps a prediction only if it is a whole number of people", () => {
    const state = started(start);
    expect(applied(savePrediction(state, 40, start + 1_000)).prediction).toBe(40);
    expect(savePrediction(state, -1, start + 1_000)).toEqual({ ok: false, code: "invalid-prediction" });
    expect(savePrediction(state, 2.5, start + 1_000)).toEqual({ ok: false, code: "invalid-prediction" });
  });
});

describe("finishing", () => {
  const start = OPENS + 10 * MINUTE;

  it("submits once; nothing changes afterwards", () => {
    const state = applied(submitAttempt(started(start), start + 7 * MINUTE));
    expect(attemptStatus(state, start + 7 * MINUTE)).toBe("submitted");
    expect(submitAttempt(state, start + 8 * MINUTE)).toEqual({ ok: false, code: "already-submitted" });
    expect(saveAnswer(state, { questionId: "q1", positions: [0] }, start + 8 * MINUTE)).toEqual({ ok: false, code: "already-submitted" });
    expect(timeUsedMs(state, start + 60 * MINUTE)).toBe(7 * MINUTE);
    expect(finishedAt(state, start + 60 * MINUTE)).toBe(start + 7 * MINUTE);
  });

  it("counts time as it runs, capped at the limit", () => {
    const state = started(start);
    expect(attemptStatus(state, start + 3 * MINUTE)).toBe("in-progress");
    expect(timeUsedMs(state, start + 3 * MINUTE)).toBe(3 * MINUTE);
    expect(finishedAt(state, start + 3 * MINUTE)).toBeNull();
    // Inside the grace the attempt is still open, but the clock already stopped at the deadline.
    expect(attemptStatus(state, state.deadline + 1)).toBe("in-progress");
    expect(timeUsedMs(state, state.deadline + 1)).toBe(20 * MINUTE);
  });

  it("treats a submit inside the grace as made at the deadline", () => {
    const state = started(start);
    const submitted = applied(submitAttempt(state, state.deadline + 1_500));
    expect(finishedAt(submitted, state.deadline + 1_500)).toBe(state.deadline);
    expect(timeUsedMs(submitted, state.deadline + 1_500)).toBe(20 * MINUTE);
  });

  it("finishes by itself after the deadline with the answers saved so far", () => {
    let state = started(start);
    state = applied(saveAnswer(state, { questionId: "q1", positions: [0] }, start + MINUTE)); // written 2: right
    state = applied(saveAnswer(state, { questionId: "q2", positions: [1] }, start + 2 * MINUTE)); // written 2 only: wrong
    state = applied(savePrediction(state, 15, start + 3 * MINUTE));

    expect(attemptResult(state, answerKey, state.deadline)).toBeNull();
    const later = state.deadline + ANSWER_GRACE_MS + 1;
    expect(attemptStatus(state, later)).toBe("timed-out");
    expect(attemptResult(state, answerKey, later)).toEqual({
      participantId: "user-1",
      attemptNumber: 1,
      correct: 1,
      questionCount: 3,
      prediction: 15,
      timeUsedMs: 20 * MINUTE,
      finishedAt: state.deadline,
    });
  });

  it("reveals correct answers only once no attempt can change any more", () => {
    expect(mayRevealAnswers(rules, CLOSES - 1)).toBe(false);
    expect(mayRevealAnswers(rules, CLOSES)).toBe(false);
    expect(mayRevealAnswers(rules, CLOSES + ANSWER_GRACE_MS)).toBe(false);
    expect(mayRevealAnswers(rules, CLOSES + ANSWER_GRACE_MS + 1)).toBe(true);
  });
});

describe("scoring", () => {
  it("counts a multiple-choice question only when exactly the right options are chosen", () => {
    const now = OPENS + MINUTE;
    let state = started(now);
    state = applied(saveAnswer(state, { questionId: "q1", positions: [1] }, now)); // written 0: wrong
    state = applied(saveAnswer(state, { questionId: "q2", positions: [1, 2] }, now)); // written 2, 0: right
    state = applied(saveAnswer(state, { questionId: "q3", positions: [1] }, now)); // right
    expect(scoreAttempt(state, answerKey)).toEqual({
      correct: 2,
      answered: 3,
      questionCount: 3,
      questions: [
        { questionId: "q1", revisionId: "q1@3", answered: true, correct: false },
        { questionId: "q2", revisionId: "q2@1", answered: true, correct: true },
        { questionId: "q3", revisionId: "q3@2", answered: true, correct: true },
      ],
    });
    state = applied(saveAnswer(state, { questionId: "q2", positions: [0, 1, 2] }, now));
    expect(scoreAttempt(state, answerKey).correct).toBe(1);
  });

  it("scores by the revision shown, and fails loudly without its key", () => {
    const state = started(OPENS + MINUTE);
    expect(() => scoreAttempt(state, { "q1@2": [2], "q2@1": [0, 2], "q3@2": [1] })).toThrow(/q1@3/);
  });
});
