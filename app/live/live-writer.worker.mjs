// @ts-check
import { randomUUID } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

/**
 * The live games' writer thread (docs/decisions/028): its own SQLite connection, prepared
 * statements, and group commit. Every batch that arrived while the last commit ran is committed
 * in one transaction, in arrival order, and each job is answered after that commit. If the group
 * fails, its jobs are tried again one transaction each, so one bad job fails alone.
 *
 * Plain JavaScript: a worker thread does not inherit the module loader (tsx) of the process that
 * starts it, and this file needs nothing but better-sqlite3. The message types are in
 * live-writer.server.ts.
 *
 * @typedef {import("./live-writer.server").WriteJob} WriteJob
 * @typedef {import("./live-writer.server").WriteBatch} WriteBatch
 * @typedef {import("./live-writer.server").WriteResult} WriteResult
 */
const { file, busyTimeoutMs } = /** @type {{ file: string; busyTimeoutMs: number }} */ (workerData);
const db = new Database(file, { timeout: busyTimeoutMs });
db.pragma("journal_mode = WAL");

const insertPlayer = db.prepare(
  `INSERT INTO "LivePlayer" ("id", "gameId", "displayName", "unitId", "areaId", "tokenHash", "score", "joinedAt", "homePath") VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)`,
);
const ANSWER_COLUMNS = `"id", "gameId", "playerId", "questionIndex", "revisionId", "answerId", "optionIds", "correct", "serverReceivedAt", "elapsedMs"`;
/** Rows per INSERT: one statement for many rows costs a fraction of one per row (1,000 parameters each). */
const ANSWERS_PER_STATEMENT = 100;
/** @type {Map<number, import("better-sqlite3").Statement>} */
const insertAnswers = new Map();

/** The INSERT of `count` answers, prepared once per count. @param {number} count */
function insertAnswersOf(count) {
  let statement = insertAnswers.get(count);
  if (!statement) {
    const tuples = Array.from({ length: count }, () => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ");
    statement = db.prepare(`INSERT INTO "LiveAnswer" (${ANSWER_COLUMNS}) VALUES ${tuples} ON CONFLICT ("gameId", "playerId", "questionIndex") DO NOTHING`);
    insertAnswers.set(count, statement);
  }
  return statement;
}
const updateSnapshot = db.prepare(`UPDATE "LiveGame" SET "state" = ?, "stateVersion" = ?, "status" = ? WHERE "id" = ? AND "stateVersion" <= ?`);
const updateEndedSnapshot = db.prepare(
  `UPDATE "LiveGame" SET "state" = ?, "stateVersion" = ?, "status" = ?, "openPin" = NULL, "endedAt" = ? WHERE "id" = ? AND "stateVersion" <= ?`,
);
const updateScore = db.prepare(`UPDATE "LivePlayer" SET "score" = ? WHERE "id" = ?`);
const updateHomePath = db.prepare(`UPDATE "LivePlayer" SET "homePath" = ? WHERE "id" = ? AND "gameId" = ?`);
const updatePaths = db.prepare(`UPDATE "LiveGame" SET "playAlongPaths" = ? WHERE "id" = ?`);
const updatePoints = db.prepare(`UPDATE "LiveAnswer" SET "points" = ? WHERE "gameId" = ? AND "playerId" = ? AND "questionIndex" = ?`);

/**
 * Row ids that grow: the time, then this thread's random name, then a counter. A random UUID puts
 * each new row at a random place of the primary key's B-tree; these go at its end, which made
 * inserts about a third cheaper. Unique across threads and restarts by the random name.
 */
const threadName = randomUUID().slice(0, 8);
let rowCounter = 0;
function rowId() {
  rowCounter += 1;
  return `${Date.now().toString(36)}-${threadName}-${rowCounter.toString(36).padStart(5, "0")}`;
}

/** DateTime as Prisma stores it in SQLite, so that the app reads these rows like its own. */
/** @param {number} ms */
function prismaDate(ms) {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

/** @param {WriteJob} job */
function run(job) {
  switch (job.kind) {
    case "players":
      for (const row of job.rows) insertPlayer.run(row.id, row.gameId, row.displayName, row.unitId, row.areaId, row.tokenHash, prismaDate(row.joinedAt), row.homePath ?? null);
      return;
    case "answers":
      for (let start = 0; start < job.rows.length; start += ANSWERS_PER_STATEMENT) {
        const end = Math.min(start + ANSWERS_PER_STATEMENT, job.rows.length);
        /** @type {unknown[]} */
        const values = [];
        for (let index = start; index < end; index += 1) {
          const row = job.rows[index];
          values.push(
            rowId(),
            row.gameId,
            row.playerId,
            row.questionIndex,
            row.revisionId,
            row.answerId,
            JSON.stringify(row.optionIds),
            job.correct[index] ? 1 : 0,
            prismaDate(row.receivedAt),
            row.elapsedMs,
          );
        }
        insertAnswersOf(end - start).run(values);
      }
      return;
    case "snapshot":
      if (job.endedAt === null) updateSnapshot.run(job.json, job.version, job.status, job.gameId, job.version);
      else updateEndedSnapshot.run(job.json, job.version, job.status, prismaDate(job.endedAt), job.gameId, job.version);
      return;
    case "scores":
      for (const [playerId, score] of job.scores) updateScore.run(score, playerId);
      for (const { questionIndex, rows } of job.points) for (const [playerId, points] of rows) updatePoints.run(points, job.gameId, playerId, questionIndex);
      return;
    case "home-path":
      updateHomePath.run(job.pathId, job.playerId, job.gameId);
      return;
    case "paths":
      updatePaths.run(job.json, job.gameId);
      return;
  }
}

const commitAll = db.transaction((/** @type {WriteJob[]} */ jobs) => {
  for (const job of jobs) run(job);
});
const commitOne = db.transaction((/** @type {WriteJob} */ job) => run(job));

/** @type {WriteBatch[]} */
let queue = [];
let scheduled = false;

const decoder = new TextDecoder();

/**
 * The jobs of a message (live-writer.server.ts, WriteBatch): JSON bytes, snapshots apart.
 * @param {WriteBatch} batch
 * @returns {WriteJob[]}
 */
function jobsOf(batch) {
  /** @type {(WriteJob | (Omit<Extract<WriteJob, { kind: "snapshot" }>, "json"> & { json: number }))[]} */
  const jobs = JSON.parse(decoder.decode(batch.head));
  return jobs.map((job) => (job.kind === "snapshot" ? { ...job, json: decoder.decode(batch.snapshots[/** @type {number} */ (job.json)]) } : /** @type {WriteJob} */ (job)));
}

function commit() {
  scheduled = false;
  const batches = queue.map((batch) => ({ batch: batch.batch, jobs: jobsOf(batch) }));
  queue = [];
  const jobs = batches.flatMap((batch) => batch.jobs);
  /** @type {(string | null)[]} */
  let results;
  try {
    commitAll(jobs);
    results = jobs.map(() => null);
  } catch {
    results = jobs.map((job) => {
      try {
        commitOne(job);
        return null;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    });
  }
  let offset = 0;
  for (const batch of batches) {
    /** @type {WriteResult} */
    const reply = { batch: batch.batch, errors: results.slice(offset, offset + batch.jobs.length) };
    offset += batch.jobs.length;
    parentPort?.postMessage(reply);
  }
}

parentPort?.on("message", (/** @type {WriteBatch} */ batch) => {
  queue.push(batch);
  // Whatever arrives before the commit runs goes into the same transaction.
  if (!scheduled) {
    scheduled = true;
    setImmediate(commit);
  }
});
