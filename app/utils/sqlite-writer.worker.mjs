// @ts-check
import { randomUUID } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

/**
 * A writer thread (group-commit.server.ts, docs/decisions/028 and 040): its own SQLite connection,
 * the prepared statements of the job modules it was given, and group commit. Every message that
 * arrived while the last commit ran is committed in one transaction, in arrival order, and each job
 * is answered after that commit. If the group fails, its jobs are tried again one transaction each,
 * so one bad job fails alone.
 *
 * A job module exports `prepare(db, tools)` returning, per job kind, a function that runs the job's
 * statements (inside the transaction) and may return a string handed back to whoever asked.
 *
 * Plain JavaScript: a worker thread does not inherit the module loader (tsx) of the process that
 * starts it, and this file needs nothing but better-sqlite3.
 *
 * @typedef {{ kind: string; [field: string]: unknown }} Job
 * @typedef {(job: any) => string | null | void} Runner
 * @typedef {{ rowId: () => string; prismaDate: (ms: number) => string }} Tools
 * @typedef {import("./group-commit.server").WriteBatch} WriteBatch
 * @typedef {import("./group-commit.server").WriteResult} WriteResult
 */
const { file, busyTimeoutMs, jobModules } = /** @type {{ file: string; busyTimeoutMs: number; jobModules: string[] }} */ (workerData);
// The settings of the app's own connection (app/utils/db.server.ts): WAL, and synchronous = NORMAL,
// the one better-sqlite3 builds with.
const db = new Database(file, { timeout: busyTimeoutMs });
db.pragma("journal_mode = WAL");

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

/** DateTime as Prisma stores it in SQLite, so that the app reads these rows like its own. @param {number} ms */
function prismaDate(ms) {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

/** @type {Record<string, Runner>} */
const runners = {};
const ready = Promise.all(
  jobModules.map(async (url) => {
    const module = await import(url);
    Object.assign(runners, module.prepare(db, /** @type {Tools} */ ({ rowId, prismaDate })));
  }),
);

/** @param {Job} job */
function run(job) {
  const runner = runners[job.kind];
  if (!runner) throw new Error(`no statements for jobs of kind ${job.kind}`);
  const value = runner(job);
  return typeof value === "string" ? value : null;
}

const commitAll = db.transaction((/** @type {Job[]} */ jobs) => jobs.map(run));
const commitOne = db.transaction((/** @type {Job} */ job) => run(job));

/** @type {WriteBatch[]} */
let queue = [];
let scheduled = false;

const decoder = new TextDecoder();

/**
 * The jobs of a message (group-commit.server.ts, WriteBatch): JSON bytes, big strings apart.
 * @param {WriteBatch} batch
 * @returns {Job[]}
 */
function jobsOf(batch) {
  /** @type {Job[]} */
  const jobs = JSON.parse(decoder.decode(batch.head));
  return jobs.map((job) => (typeof job.json === "number" ? { ...job, json: decoder.decode(batch.buffers[job.json]) } : job));
}

function commit() {
  scheduled = false;
  const batches = queue.map((batch) => ({ batch: batch.batch, jobs: jobsOf(batch) }));
  queue = [];
  const jobs = batches.flatMap((batch) => batch.jobs);
  /** @type {(string | null)[]} */
  let errors;
  /** @type {(string | null)[]} */
  let values;
  try {
    values = commitAll(jobs);
    errors = jobs.map(() => null);
  } catch {
    values = jobs.map(() => null);
    errors = jobs.map((job, index) => {
      try {
        values[index] = commitOne(job);
        return null;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    });
  }
  let offset = 0;
  for (const batch of batches) {
    const end = offset + batch.jobs.length;
    const own = values.slice(offset, end);
    /** @type {WriteResult} */
    const reply = { batch: batch.batch, errors: errors.slice(offset, end), values: own.some((value) => value !== null) ? own : null };
    offset = end;
    parentPort?.postMessage(reply);
  }
}

parentPort?.on("message", (/** @type {WriteBatch} */ batch) => {
  queue.push(batch);
  // Whatever arrives before the commit runs goes into the same transaction.
  if (!scheduled) {
    scheduled = true;
    ready.then(() => setImmediate(commit), (error) => {
      throw error;
    });
  }
});
