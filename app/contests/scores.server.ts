import { statsChanged } from "~/stats/stats-version";
import type { PrismaClient } from "~/utils/db.server";
import { ANSWER_GRACE_MS, scoreAttempt } from "./attempt";
import { stateOf } from "./attempts.server";
import { answerKeyFor, releasePool } from "./pool.server";

// An attempt is scored once, when it ends: at its submit, or — for one that ran out of time — the
// first time anyone reads results after its deadline (plus the grace) has passed. Rankings and
// statistics then read `Attempt.correct` and never re-score (docs/decisions/015).

const rowSelect = {
  id: true,
  participantKey: true,
  attemptNumber: true,
  questions: true,
  startedAt: true,
  deadline: true,
  submittedAt: true,
  prediction: true,
  round: { select: { releaseId: true, closesAt: true } },
  answers: { select: { questionId: true, options: true, savedAt: true } },
} as const;

/** Scores and stores the given attempts (those that have not ended yet are left alone). */
export async function storeScores(db: PrismaClient, where: { id?: { in: string[] } | string; roundId?: string }, now: number): Promise<number> {
  // Rows without a score are few (attempts still running), and found through the index on
  // `correct`; which of them have ended is decided here rather than in a query SQLite plans badly.
  const cutoff = now - ANSWER_GRACE_MS;
  const pending = await db.attempt.findMany({
    where: { ...where, correct: null },
    select: { id: true, submittedAt: true, deadline: true, round: { select: { closesAt: true } } },
  });
  const ended = pending.filter((row) => row.submittedAt !== null || row.deadline.getTime() < cutoff || row.round.closesAt.getTime() < cutoff).map((row) => row.id);
  if (ended.length === 0) return 0;
  const rows = await db.attempt.findMany({ where: { id: { in: ended } }, select: rowSelect });
  if (rows.length === 0) return 0;
  const updates = [];
  for (const row of rows) {
    const state = stateOf(row, row.round.closesAt);
    const pool = await releasePool(row.round.releaseId);
    const score = scoreAttempt(state, answerKeyFor(pool, state.questions.map((question) => question.revisionId)));
    updates.push(db.attempt.updateMany({ where: { id: row.id, correct: null }, data: { correct: score.correct } }));
  }
  // Batches keep one transaction from holding SQLite's write lock for long.
  for (let index = 0; index < updates.length; index += 500) await db.$transaction(updates.slice(index, index + 500));
  statsChanged(rows.map((row) => row.id));
  return rows.length;
}

/** Every attempt that has ended but has no stored score yet (ran out of time without a submit). */
export function storePendingScores(db: PrismaClient, now: number): Promise<number> {
  return storeScores(db, {}, now);
}
