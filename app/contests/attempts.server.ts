import { randomUUID } from "node:crypto";
import { AUDIENCES, type Audience } from "~/bank/question-file";
import type { Language } from "~/utils/i18n";
import { prisma } from "~/utils/db.server";
import { isAreaKind } from "~/units/unit-kinds";
import { staffRoles } from "~/utils/roles";
import {
  attemptStatus,
  beginAttempt,
  mayRevealAnswers,
  saveAnswer,
  savePrediction,
  scoreAttempt,
  startAttempt,
  submitAttempt,
  timeUsedMs,
  type AttemptQuestion,
  type AttemptState,
  type AttemptStatus,
  type ChangeRefusal,
  type StartRefusal,
} from "./attempt";
import { drawQuestions } from "./draw";
import { answerKeyFor, releasePool } from "./pool.server";
import { createRateLimiter } from "~/utils/rate-limit";
import { ANSWER_SAVE_RULE } from "./rate-limit";
import { rulesOf } from "./rounds.server";
import { statsChanged } from "~/stats/stats-version";
import { attemptSeed } from "./seeded-random";
import { questionsStillDrawable } from "./answer-key-guard.server";
import { readAnswers, readAttempt, readAttempts, readProfile, readRole, readRound, readUnitAncestry, withAnswers, type RoundRow } from "./round-reads.server";
import { answerStore } from "./answer-store.server";

// Attempts against the database. Every function takes `now` (epoch ms) from its caller: routes pass
// Date.now(), tests step a fake clock. The server is the referee: it draws, it keeps the deadline,
// and no response carries a correct option before the round has closed.

type AttemptRow = {
  participantKey: string;
  attemptNumber: number;
  questions: string;
  startedAt: Date;
  deadline: Date;
  submittedAt: Date | null;
  prediction: number | null;
  answers: { questionId: string; options: string; savedAt: Date }[];
};

/** The stored attempt as the pure rules see it; a round closed early ends its attempts with it. */
export function stateOf(row: AttemptRow, roundClosesAt: Date): AttemptState {
  return {
    participantId: row.participantKey,
    attemptNumber: row.attemptNumber,
    startedAt: row.startedAt.getTime(),
    deadline: Math.min(row.deadline.getTime(), roundClosesAt.getTime()),
    submittedAt: row.submittedAt?.getTime() ?? null,
    questions: JSON.parse(row.questions) as AttemptQuestion[],
    answers: Object.fromEntries(
      row.answers.map((answer) => [answer.questionId, { options: JSON.parse(answer.options) as number[], savedAt: answer.savedAt.getTime() }]),
    ),
    prediction: row.prediction,
  };
}

function asAudience(value: string): Audience | null {
  return (AUDIENCES as readonly string[]).includes(value) ? (value as Audience) : null;
}

/** Who is starting, as the audience rules see them, and the area the attempt is counted under. */
async function entrantOf(profile: { unitId: string; audience: string; className: string | null }) {
  const chain = await readUnitAncestry(profile.unitId);
  // As areaIdOf (app/units/history.server.ts): the unit when it is an area, else its parent when that is one.
  const [unit, parent] = chain;
  const areaId = unit?.kind && isAreaKind(unit.kind) ? unit.id : parent?.kind && isAreaKind(parent.kind) ? parent.id : null;
  return { entrant: { audience: asAudience(profile.audience), unitAncestry: chain.map((link) => link.id), className: profile.className }, areaId };
}

export type StartOutcome =
  | { ok: true; attemptId: string; resumed: boolean }
  | { ok: false; code: Exclude<StartRefusal, "attempt-in-progress"> | "needs-registration" | "unknown-round" | "draw-failed" | "staff-cannot-compete" };

/** Starts the participant's next attempt, or hands back the one still running. */
export async function startOrResumeAttempt(roundId: string, userId: string, now: number): Promise<StartOutcome> {
  const [role, round, profile, rows] = await Promise.all([
    readRole(userId),
    readRound(roundId),
    readProfile(userId),
    readAttempts(roundId, { participantKey: userId }),
  ]);
  // As isStaffAccount (registration.server.ts): an account that is gone cannot compete either.
  if (role === null || (staffRoles as readonly string[]).includes(role)) return { ok: false, code: "staff-cannot-compete" };
  if (!round) return { ok: false, code: "unknown-round" };
  if (!profile) return { ok: false, code: "needs-registration" };
  const { entrant, areaId } = await entrantOf(profile);
  const decision = startAttempt({
    rules: rulesOf(round),
    entrant,
    // Whether an attempt still runs needs its clock, not its answers.
    attempts: rows.map((row) => stateOf({ ...row, answers: [] }, round.closesAt)),
    now,
  });
  if (!decision.ok) {
    if (decision.code === "attempt-in-progress") {
      const open = rows.find((row) => row.attemptNumber === decision.attemptNumber);
      if (open) return { ok: true, attemptId: open.id, resumed: true };
      return { ok: false, code: "draw-failed" };
    }
    return { ok: false, code: decision.code };
  }
  const seed = attemptSeed({ roundId, drawKey: randomUUID(), attemptNumber: decision.attemptNumber });
  const pool = await releasePool(round.releaseId);
  const drawn = drawQuestions({
    pool: pool.questions,
    rule: JSON.parse(round.drawRule),
    seed,
    audience: round.questionAudience ? asAudience(round.questionAudience) : null,
  });
  if (!drawn.ok) return { ok: false, code: "draw-failed" };
  const state = beginAttempt(userId, decision, drawn.questions.map(({ questionId, revisionId, type, optionOrder }) => ({ questionId, revisionId, type, optionOrder })));
  try {
    const created = await prisma.attempt.create({
      data: {
        roundId,
        userId,
        participantKey: userId,
        attemptNumber: state.attemptNumber,
        audience: profile.audience,
        unitId: profile.unitId,
        // The area as the tree has it now: later changes to the tree do not move this result.
        areaId,
        seed,
        questions: JSON.stringify(state.questions),
        startedAt: new Date(state.startedAt),
        deadline: new Date(state.deadline),
      },
      select: { id: true },
    });
    statsChanged([created.id]);
    return { ok: true, attemptId: created.id, resumed: false };
  } catch (error) {
    // A double click started the same attempt twice: the unique index kept one; resume it.
    if (typeof error === "object" && error !== null && "code" in error && error.code === "P2002") {
      const existing = await prisma.attempt.findFirst({
        where: { roundId, participantKey: userId, attemptNumber: state.attemptNumber },
        select: { id: true },
      });
      if (existing) return { ok: true, attemptId: existing.id, resumed: true };
    }
    throw error;
  }
}

/** The participant's own attempt with its answers and its round, or null (someone else's is as good as missing). */
async function loadOwnAttempt(attemptId: string, userId: string) {
  const attempt = await readAttempt(attemptId);
  if (!attempt || attempt.userId !== userId) return null;
  const [round, answers] = await Promise.all([readRound(attempt.roundId), readAnswers(attemptId)]);
  if (!round) return null;
  return { ...attempt, answers, round };
}

function localised(text: { vi: string; en?: string }, language: Language): string {
  return language === "en" && text.en ? text.en : text.vi;
}

export type AttemptView = {
  attemptId: string;
  roundId: string;
  roundTitle: string;
  attemptNumber: number;
  status: AttemptStatus;
  deadline: number;
  remainingMs: number;
  index: number;
  /** The question a reload resumes at, as stored. */
  storedIndex: number;
  total: number;
  answered: boolean[];
  question: { type: string; prompt: string; options: string[]; chosen: number[] };
  prediction: { basis: string; value: number | null } | null;
};

/** What the participant sees of a running attempt: one question in its shuffled order, no answer key. */
export async function attemptView(
  attemptId: string,
  userId: string,
  now: number,
  language: Language,
  requestedIndex: number | null,
): Promise<AttemptView | null> {
  const row = await loadOwnAttempt(attemptId, userId);
  if (!row) return null;
  const state = stateOf(row, row.round.closesAt);
  const pool = await releasePool(row.round.releaseId);
  const total = state.questions.length;
  const index = Math.min(Math.max(requestedIndex ?? row.currentIndex, 0), total - 1);
  const shown = state.questions[index];
  const content = pool.content.get(shown.revisionId);
  if (!content) throw new Error(`Revision ${shown.revisionId} missing from release`);
  const chosenWritten = state.answers[shown.questionId]?.options ?? [];
  return {
    attemptId: row.id,
    roundId: row.roundId,
    roundTitle: row.round.title,
    attemptNumber: row.attemptNumber,
    status: attemptStatus(state, now),
    deadline: state.deadline,
    remainingMs: Math.max(0, state.deadline - now),
    index,
    storedIndex: row.currentIndex,
    total,
    answered: state.questions.map((question) => question.questionId in state.answers),
    question: {
      type: shown.type,
      prompt: localised(content.prompt, language),
      options: shown.optionOrder.map((written) => localised(content.options[written], language)),
      chosen: shown.optionOrder.flatMap((written, position) => (chosenWritten.includes(written) ? [position] : [])),
    },
    prediction: row.round.predictionEnabled ? { basis: row.round.predictionBasis ?? "all-correct", value: state.prediction } : null,
  };
}

export type WriteOutcome = { ok: true } | { ok: false; code: ChangeRefusal | "not-found" | "rate-limited" };

const answerLimiter = createRateLimiter(ANSWER_SAVE_RULE);

/**
 * Saves one answer as given (positions as shown on screen) and remembers where the participant is.
 * The hot path of a round (a thousand pupils answering at once, docs/decisions/035 and 040): one
 * read of the attempt without its answers (the rules only need the draw and the clock) and one
 * write of the answer, both prepared statements outside Prisma (answer-store.server.ts); the write
 * goes in a group commit with the saves of the same few milliseconds and this resolves only after
 * that commit, so an accepted answer is stored. The question a reload resumes at is written in the
 * same commit, only when it moved.
 */
export async function saveAttemptAnswer(
  attemptId: string,
  userId: string,
  input: { index: number; positions: number[]; nextIndex?: number },
  now: number,
): Promise<WriteOutcome> {
  if (!answerLimiter(userId, now)) return { ok: false, code: "rate-limited" };
  const store = answerStore();
  const row = await store.loadForWrite(attemptId);
  if (!row || row.userId !== userId) return { ok: false, code: "not-found" };
  const state = stateOf({ ...row, answers: [] }, row.roundClosesAt);
  const question = state.questions[input.index];
  if (!question) return { ok: false, code: "unknown-question" };
  const saved = saveAnswer(state, { questionId: question.questionId, positions: input.positions }, now);
  if (!saved.ok) return saved;
  const answer = saved.state.answers[question.questionId];
  const nextIndex = Math.min(Math.max(input.nextIndex ?? input.index, 0), state.questions.length - 1);
  const refused = await store.write({
    attemptId,
    questionId: question.questionId,
    revisionId: question.revisionId,
    options: answer ? JSON.stringify(answer.options) : null,
    savedAt: now,
    // Where a reload resumes: a convenience of the page, written only when it moves.
    currentIndex: nextIndex !== row.currentIndex ? nextIndex : null,
  });
  if (refused) return { ok: false, code: refused };
  return { ok: true };
}

/** Remembers the question on screen, so a reload resumes there; nothing to write when it is the stored one. */
export async function moveToQuestion(attemptId: string, userId: string, index: number, storedIndex: number | null = null): Promise<void> {
  if (storedIndex === index) return;
  await prisma.attempt.updateMany({ where: { id: attemptId, userId }, data: { currentIndex: Math.max(0, index) } });
}

export async function saveAttemptPrediction(attemptId: string, userId: string, prediction: number, now: number): Promise<WriteOutcome> {
  const row = await loadOwnAttempt(attemptId, userId);
  if (!row || !row.round.predictionEnabled) return { ok: false, code: "not-found" };
  const saved = savePrediction(stateOf(row, row.round.closesAt), prediction, now);
  if (!saved.ok) return saved;
  await prisma.attempt.update({ where: { id: attemptId }, data: { prediction } });
  return { ok: true };
}

/**
 * Hands the attempt in, once: a second submit (another tab) is refused by the row's own state. The
 * score is computed once, here, from the answers stored at the moment of the submit (the store
 * hands them back, and no save is stored after it), and stored at once (decision 015): one read,
 * two writes in the group commits of the saves (docs/decisions/044).
 */
export async function submitOwnAttempt(attemptId: string, userId: string, now: number): Promise<WriteOutcome> {
  const store = answerStore();
  const row = await store.loadForWrite(attemptId);
  if (!row || row.userId !== userId) return { ok: false, code: "not-found" };
  const state = stateOf({ ...row, answers: [] }, row.roundClosesAt);
  const submitted = submitAttempt(state, now);
  if (!submitted.ok) return submitted;
  const answers = await store.submit(attemptId, now);
  if (answers === "already-submitted") return { ok: false, code: "already-submitted" };
  const pool = await releasePool(row.releaseId);
  const stored = stateOf({ ...row, answers: answers.map((answer) => ({ ...answer, savedAt: new Date(answer.savedAt) })) }, row.roundClosesAt);
  const score = scoreAttempt(stored, answerKeyFor(pool, stored.questions.map((question) => question.revisionId)));
  // Should the process stop before this, the attempt is scored where results are read (scores.server.ts).
  await store.storeScore(attemptId, score.correct);
  statsChanged([attemptId]);
  return { ok: true };
}

export type ReviewedQuestion = {
  prompt: string;
  /** `correct` is null while another open round may still draw the question (decision 010). */
  options: { text: string; chosen: boolean; correct: boolean | null }[];
  correct: boolean | null;
  explanation: string | null;
  /** The key is held back: a round that has not closed yet may still draw this question. */
  withheld: boolean;
};

export type ParticipantAttemptSummary = {
  attemptId: string;
  attemptNumber: number;
  status: AttemptStatus;
  startedAt: number;
  timeUsedMs: number;
  answeredCount: number;
  prediction: number | null;
  /** Only once the round has closed. */
  score: { correct: number; questionCount: number; questions: ReviewedQuestion[] } | null;
};

/** A participant's attempts in a round; scores, correct options and explanations only after the close. */
export async function participantAttempts(roundId: string, userId: string, now: number, language: Language, known?: RoundRow) {
  const round = known ?? (await readRound(roundId));
  if (!round) return null;
  const revealed = mayRevealAnswers(rulesOf(round), now);
  const rows = await withAnswers(await readAttempts(roundId, { userId }));
  const pool = revealed && rows.length > 0 ? await releasePool(round.releaseId) : null;
  const drawnIds = rows.flatMap((row) => stateOf(row, round.closesAt).questions.map((question) => question.questionId));
  const withheld = pool ? await questionsStillDrawable(drawnIds, roundId, now) : new Set<string>();
  const attempts = rows.map((row): ParticipantAttemptSummary => {
    const state = stateOf(row, round.closesAt);
    let score: ParticipantAttemptSummary["score"] = null;
    if (pool) {
      const scored = scoreAttempt(state, answerKeyFor(pool, state.questions.map((question) => question.revisionId)));
      score = {
        correct: scored.correct,
        questionCount: scored.questionCount,
        questions: state.questions.map((question, index) => {
          const content = pool.content.get(question.revisionId)!;
          const chosen = state.answers[question.questionId]?.options ?? [];
          const held = withheld.has(question.questionId);
          return {
            prompt: localised(content.prompt, language),
            // The order the participant saw.
            options: question.optionOrder.map((written) => ({
              text: localised(content.options[written], language),
              chosen: chosen.includes(written),
              correct: held ? null : content.options[written].correct,
            })),
            correct: held ? null : scored.questions[index].correct,
            explanation: held ? null : localised(content.explanation, language),
            withheld: held,
          };
        }),
      };
    }
    return {
      attemptId: row.id,
      attemptNumber: row.attemptNumber,
      status: attemptStatus(state, now),
      startedAt: state.startedAt,
      timeUsedMs: timeUsedMs(state, now),
      answeredCount: Object.keys(state.answers).length,
      prediction: state.prediction,
      score,
    };
  });
  return { revealed, attempts };
}
