import type pg from "pg";
import { sqliteFile } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { GroupCommit, SqliteWriter, type Committed } from "~/utils/group-commit.server";
import { preparedReads, type PreparedReads } from "~/utils/prepared-reads.server";
import type { AttemptRow } from "./round-reads.server";

/**
 * The hot path of a contest round off Prisma (docs/decisions/040): the read of the attempt a save
 * checks its rules against, and the save's write, with prepared statements; the writes of many
 * saves committed together (group commit, app/utils/group-commit.server.ts), each save answered
 * only after the commit holding it returned. A thousand pupils answering at once cost Prisma's
 * query interpretation and driver adapter about a third of the server's CPU
 * (docs/decisions/035); here a save costs this thread a prepared statement's read and a share of
 * one message or one transaction.
 *
 * - The read: a prepared statement (app/utils/prepared-reads.server.ts).
 * - SQLite: the writes in a writer thread like the live games' (answer-writer.jobs.mjs).
 * - PostgreSQL: the prepared reads' small pool, named (server-side prepared) statements; a group is one
 *   transaction that locks the attempts it writes to `FOR SHARE` while checking they are still
 *   open, then one statement for all its answers, one for the cleared ones and one for the moved
 *   questions.
 *
 * The rules (deadline, grace, draw, ownership) stay in attempts.server.ts and attempt.ts; the store
 * only adds, inside the commit, that the attempt is still open: a submit that committed between a
 * save's checks and its commit refuses the save rather than leaving an acknowledged answer the
 * stored score did not count.
 */

/** What a save checks its rules against: the attempt without its answers, and its round's close. */
export type AttemptForWrite = Omit<AttemptRow, "id" | "roundId"> & {
  roundClosesAt: Date;
  /** The round's release: the answer key a submit scores with. */
  releaseId: string;
};

/** An answer as stored: what a submit scores. `savedAt` as the database returned it (ISO text or Date). */
export type StoredAnswer = { questionId: string; options: string; savedAt: string | Date };

/** Hands an attempt in (docs/decisions/044), ordered with the saves of the same attempt. */
export type SubmitJob = { kind: "attempt-submit"; attemptId: string; submittedAt: number; updatedAt: number };
/** Stores the score of a handed-in attempt that has none yet. */
export type ScoreJob = { kind: "attempt-score"; attemptId: string; correct: number; updatedAt: number };
type ContestJob = AnswerJob | SubmitJob | ScoreJob;

/** One save: the answer (`options` null clears it) and, when it moved, the question a reload resumes at. */
export type AnswerJob = {
  kind: "attempt-answer";
  attemptId: string;
  questionId: string;
  revisionId: string;
  /** JSON of the written option indices, ascending; null clears the answer. */
  options: string | null;
  savedAt: number;
  currentIndex: number | null;
};

/** Null when committed; "already-submitted" when the attempt was handed in before the commit. */
export type AnswerWriteOutcome = null | "already-submitted";

export type AnswerStore = {
  loadForWrite(attemptId: string): Promise<AttemptForWrite | null>;
  write(job: Omit<AnswerJob, "kind">): Promise<AnswerWriteOutcome>;
  /**
   * Hands the attempt in if it is still open, and returns the answers stored at that moment: no save
   * is stored after it (each checks, in its commit, that the attempt is open). "already-submitted"
   * when another submit came first.
   */
  submit(attemptId: string, submittedAt: number): Promise<StoredAnswer[] | "already-submitted">;
  /**
   * Stores a handed-in attempt's score, unless one is stored already. Both writes stamp `updatedAt`
   * with the clock of the machine, as Prisma's @updatedAt does: the statistics find changed attempts
   * by it (app/stats/fact-store.server.ts).
   */
  storeScore(attemptId: string, correct: number): Promise<void>;
  close(): Promise<void>;
};

/**
 * At least this long between two groups. A message to the writer thread (or a PostgreSQL
 * transaction) costs this thread a fixed price however few saves it holds; at a thousand saves a
 * second, 5 ms groups about five of them, for at most 5 ms more before the reply (the target is a
 * p95 of 50 ms).
 */
const GROUP_INTERVAL_MS = 5;

/** The attempt and its round's close, in one prepared read (prepared-reads.server.ts). */
const ATTEMPT_FOR_WRITE = `SELECT a."userId", a."participantKey", a."attemptNumber", a."questions", a."currentIndex", a."startedAt", a."deadline", a."submittedAt", a."prediction", r."closesAt" AS "roundClosesAt", r."releaseId"
  FROM "Attempt" a JOIN "Round" r ON r."id" = a."roundId" WHERE a."id" = ?`;
const ATTEMPT_DATES = ["startedAt", "deadline", "submittedAt", "roundClosesAt"] as const;

export function sqliteAnswerStore(databaseUrl: string, reads: PreparedReads): AnswerStore {
  const writer = new SqliteWriter<ContestJob>(sqliteFile(databaseUrl), ["app/contests/answer-writer.jobs.mjs"], GROUP_INTERVAL_MS);
  return {
    loadForWrite: (attemptId) => reads.one<AttemptForWrite>(ATTEMPT_FOR_WRITE, [attemptId], ATTEMPT_DATES),
    async write(job) {
      return (await writer.write({ kind: "attempt-answer", ...job })) as AnswerWriteOutcome;
    },
    async submit(attemptId, submittedAt) {
      const outcome = await writer.write({ kind: "attempt-submit", attemptId, submittedAt, updatedAt: Date.now() });
      if (outcome === "already-submitted") return outcome;
      return JSON.parse(outcome ?? "[]") as StoredAnswer[];
    },
    async storeScore(attemptId, correct) {
      await writer.write({ kind: "attempt-score", attemptId, correct, updatedAt: Date.now() });
    },
    close: () => writer.close(),
  };
}

/** Locks the group's attempts (in one order, so that two processes' groups never wait on each other in a circle) and says which are open. */
const OPEN_ATTEMPTS_PG = `SELECT "id" FROM "Attempt" WHERE "id" = ANY($1::text[]) AND "submittedAt" IS NULL ORDER BY "id" FOR SHARE`;
const UPSERT_ANSWERS_PG = `INSERT INTO "AttemptAnswer" ("id", "attemptId", "questionId", "revisionId", "options", "savedAt")
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamp(3)[])
  ON CONFLICT ("attemptId", "questionId") DO UPDATE SET "revisionId" = excluded."revisionId", "options" = excluded."options", "savedAt" = excluded."savedAt"`;
const CLEAR_ANSWERS_PG = `DELETE FROM "AttemptAnswer" a USING unnest($1::text[], $2::text[]) AS c("attemptId", "questionId")
  WHERE a."attemptId" = c."attemptId" AND a."questionId" = c."questionId"`;
const HAND_IN_PG = `UPDATE "Attempt" SET "submittedAt" = $2::timestamp(3), "updatedAt" = $3::timestamp(3) WHERE "id" = $1 AND "submittedAt" IS NULL`;
const ANSWERS_OF_PG = `SELECT "questionId", "options", "savedAt" FROM "AttemptAnswer" WHERE "attemptId" = $1`;
const SCORE_PG = `UPDATE "Attempt" SET "correct" = $2, "updatedAt" = $3::timestamp(3) WHERE "id" = $1 AND "correct" IS NULL`;
const MOVE_PG = `UPDATE "Attempt" a SET "currentIndex" = m."index", "updatedAt" = m."at" FROM unnest($1::text[], $2::int[], $3::timestamp(3)[]) AS m("id", "index", "at") WHERE a."id" = m."id"`;

/** Row ids for answers written here: the time, this process's random name and a counter (as the SQLite writer thread makes them). */
function idMaker(): () => string {
  const name = Math.random().toString(36).slice(2, 10);
  let counter = 0;
  return () => `${Date.now().toString(36)}-${name}-${(counter += 1).toString(36).padStart(5, "0")}`;
}

/** A group of saves in one PostgreSQL transaction. Within a group the last save of a question wins, as it would one after the other. */
async function commitPg(pool: pg.Pool, jobs: AnswerJob[], rowId: () => string): Promise<Committed> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const attemptIds = [...new Set(jobs.map((job) => job.attemptId))].sort();
    const open = await client.query<{ id: string }>({ name: "contest-open-attempts", text: OPEN_ATTEMPTS_PG, values: [attemptIds] });
    const openIds = new Set(open.rows.map((row) => row.id));
    const answers = new Map<string, AnswerJob>();
    const moves = new Map<string, AnswerJob>();
    for (const job of jobs) {
      if (!openIds.has(job.attemptId)) continue;
      answers.set(`${job.attemptId}\u0000${job.questionId}`, job);
      if (job.currentIndex !== null) moves.set(job.attemptId, job);
    }
    const written = [...answers.values()].filter((job) => job.options !== null);
    const cleared = [...answers.values()].filter((job) => job.options === null);
    if (written.length > 0) {
      await client.query({
        name: "contest-upsert-answers",
        text: UPSERT_ANSWERS_PG,
        values: [
          written.map(() => rowId()),
          written.map((job) => job.attemptId),
          written.map((job) => job.questionId),
          written.map((job) => job.revisionId),
          written.map((job) => job.options),
          written.map((job) => new Date(job.savedAt).toISOString()),
        ],
      });
    }
    if (cleared.length > 0) {
      await client.query({ name: "contest-clear-answers", text: CLEAR_ANSWERS_PG, values: [cleared.map((job) => job.attemptId), cleared.map((job) => job.questionId)] });
    }
    if (moves.size > 0) {
      const moved = [...moves.values()];
      await client.query({
        name: "contest-move",
        text: MOVE_PG,
        values: [moved.map((job) => job.attemptId), moved.map((job) => job.currentIndex), moved.map((job) => new Date(job.savedAt).toISOString())],
      });
    }
    await client.query("COMMIT");
    return { errors: jobs.map(() => null), values: jobs.map((job) => (openIds.has(job.attemptId) ? null : "already-submitted")) };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export function postgresAnswerStore(reads: PreparedReads): AnswerStore {
  const pool = reads.pool;
  if (!pool) throw new Error("postgresAnswerStore needs the PostgreSQL reads' pool");
  const rowId = idMaker();
  const group = new GroupCommit<AnswerJob>(async (jobs) => {
    try {
      return await commitPg(pool, jobs, rowId);
    } catch {
      // One bad save fails alone: each is tried again in a transaction of its own.
      const errors: (string | null)[] = [];
      const values: (string | null)[] = [];
      for (const job of jobs) {
        try {
          const alone = await commitPg(pool, [job], rowId);
          errors.push(null);
          values.push(alone.values?.[0] ?? null);
        } catch (error) {
          errors.push(error instanceof Error ? error.message : String(error));
          values.push(null);
        }
      }
      return { errors, values };
    }
  }, GROUP_INTERVAL_MS);
  return {
    loadForWrite: (attemptId) => reads.one<AttemptForWrite>(ATTEMPT_FOR_WRITE, [attemptId], ATTEMPT_DATES),
    async write(job) {
      return (await group.write({ kind: "attempt-answer", ...job })) as AnswerWriteOutcome;
    },
    async submit(attemptId, submittedAt) {
      // The update locks the attempt's row: a group of saves holding it FOR SHARE commits first
      // (and its answers are read below); one that comes after finds it handed in and is refused.
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const handedIn = await client.query({ name: "contest-hand-in", text: HAND_IN_PG, values: [attemptId, new Date(submittedAt).toISOString(), new Date().toISOString()] });
        if (handedIn.rowCount !== 1) {
          await client.query("ROLLBACK");
          return "already-submitted";
        }
        const answers = await client.query<StoredAnswer>({ name: "contest-answers-of", text: ANSWERS_OF_PG, values: [attemptId] });
        await client.query("COMMIT");
        return answers.rows;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async storeScore(attemptId, correct) {
      await pool.query({ name: "contest-score", text: SCORE_PG, values: [attemptId, correct, new Date().toISOString()] });
    },
    close: () => group.drain(),
  };
}

export function answerStoreFor(databaseUrl: string, reads: PreparedReads): AnswerStore {
  return databaseUrl.startsWith("file:") ? sqliteAnswerStore(databaseUrl, reads) : postgresAnswerStore(reads);
}

// Kept on globalThis so that Vite's module reloads in development reuse one store and its thread.
const globalForStore = globalThis as typeof globalThis & { __answerStore?: { url: string; store: AnswerStore } };

/** The process's store for DATABASE_URL, made on first use (a test points DATABASE_URL at its own file first). */
export function answerStore(): AnswerStore {
  const url = env().DATABASE_URL;
  if (globalForStore.__answerStore?.url !== url) globalForStore.__answerStore = { url, store: answerStoreFor(url, preparedReads()) };
  return globalForStore.__answerStore.store;
}
