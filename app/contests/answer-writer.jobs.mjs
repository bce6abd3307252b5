// @ts-check
/**
 * The contest answers' statements for the writer thread (app/utils/sqlite-writer.worker.mjs,
 * docs/decisions/040). One job is one save: the answer written (or cleared), and the question a
 * reload resumes at when it moved, in the group's transaction. The attempt must still be open when
 * the transaction runs: a submit that committed between the save's checks and this commit refuses
 * the save ("already-submitted"), so an acknowledged answer is never one the stored score missed.
 *
 * A submit (docs/decisions/044) is a job too, so that it is ordered with the saves: it hands the
 * attempt in when it is still open and hands back the answers stored at that moment, which no later
 * save can change; the score computed from them is the next job, "attempt-score".
 *
 * @typedef {import("./answer-store.server").AnswerJob} AnswerJob
 * @typedef {import("./answer-store.server").SubmitJob} SubmitJob
 * @typedef {import("./answer-store.server").ScoreJob} ScoreJob
 * @typedef {{ rowId: () => string; prismaDate: (ms: number) => string }} Tools
 */

/**
 * @param {import("better-sqlite3").Database} db
 * @param {Tools} tools
 */
export function prepare(db, { rowId, prismaDate }) {
  const isOpen = db.prepare(`SELECT 1 FROM "Attempt" WHERE "id" = ? AND "submittedAt" IS NULL`).pluck();
  const upsert = db.prepare(
    `INSERT INTO "AttemptAnswer" ("id", "attemptId", "questionId", "revisionId", "options", "savedAt") VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT ("attemptId", "questionId") DO UPDATE SET "revisionId" = excluded."revisionId", "options" = excluded."options", "savedAt" = excluded."savedAt"`,
  );
  const clear = db.prepare(`DELETE FROM "AttemptAnswer" WHERE "attemptId" = ? AND "questionId" = ?`);
  const move = db.prepare(`UPDATE "Attempt" SET "currentIndex" = ?, "updatedAt" = ? WHERE "id" = ?`);
  const handIn = db.prepare(`UPDATE "Attempt" SET "submittedAt" = ?, "updatedAt" = ? WHERE "id" = ? AND "submittedAt" IS NULL`);
  const answersOf = db.prepare(`SELECT "questionId", "options", "savedAt" FROM "AttemptAnswer" WHERE "attemptId" = ?`);
  const score = db.prepare(`UPDATE "Attempt" SET "correct" = ?, "updatedAt" = ? WHERE "id" = ? AND "correct" IS NULL`);
  return {
    /** @param {AnswerJob} job */
    "attempt-answer"(job) {
      if (isOpen.get(job.attemptId) === undefined) return "already-submitted";
      const savedAt = prismaDate(job.savedAt);
      if (job.options === null) clear.run(job.attemptId, job.questionId);
      else upsert.run(rowId(), job.attemptId, job.questionId, job.revisionId, job.options, savedAt);
      if (job.currentIndex !== null) move.run(job.currentIndex, savedAt, job.attemptId);
      return null;
    },
    /** @param {SubmitJob} job */
    "attempt-submit"(job) {
      if (handIn.run(prismaDate(job.submittedAt), prismaDate(job.updatedAt), job.attemptId).changes !== 1) return "already-submitted";
      return JSON.stringify(answersOf.all(job.attemptId));
    },
    /** @param {ScoreJob} job */
    "attempt-score"(job) {
      score.run(job.correct, prismaDate(job.updatedAt), job.attemptId);
      return null;
    },
  };
}
