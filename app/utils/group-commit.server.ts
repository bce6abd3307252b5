import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * Group commit, shared by the live games' writer (docs/decisions/028) and the contest rounds'
 * answers (docs/decisions/040). Jobs asked for while a commit runs wait and go together in the next
 * one; a job's promise settles only after the commit that holds it returned, so whoever acknowledges
 * on it acknowledges something durably stored. How a group is committed is the caller's: a worker
 * thread with its own SQLite connection and prepared statements (`SqliteWriterThread`), or a
 * PostgreSQL transaction (app/contests/answer-store.server.ts).
 */

/** Per job of a group, in order: `errors[i]` null when committed (else why not), `values[i]` what its statement handed back (null when nothing). */
export type Committed = { errors: (string | null)[]; values: (string | null)[] | null };

type Waiting<Job> = { job: Job; resolve: (value: string | null) => void; reject: (error: Error) => void };

export class GroupCommit<Job> {
  private queued: Waiting<Job>[] = [];
  private inFlight = false;
  private scheduled = false;
  private lastSentAt = -Infinity;

  /**
   * @param commit commits a group, in order, and says per job how it went.
   * @param intervalMs at least this long between two groups: a group costs this thread a fixed
   *   price however few jobs it holds (a message to a thread, a round trip to the database), and
   *   waiting a few milliseconds lets the jobs of that time share it.
   */
  constructor(
    private readonly commit: (jobs: Job[]) => Promise<Committed>,
    private readonly intervalMs: number,
  ) {}

  /** Settles after the group holding `job` committed: with what its statement handed back, or rejected. */
  write(job: Job): Promise<string | null> {
    return new Promise((resolve, reject) => {
      this.queued.push({ job, resolve, reject });
      if (!this.inFlight) this.schedule();
    });
  }

  /** Waits for every job asked for so far. */
  async drain(): Promise<void> {
    while (this.queued.length > 0 || this.inFlight) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  /** Commits what is waiting once the interval since the last group is over. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = this.lastSentAt + this.intervalMs - performance.now();
    if (wait <= 0) setImmediate(() => this.send());
    else setTimeout(() => this.send(), wait);
  }

  /** One group at a time: what is asked while it commits waits for the next. */
  private send(): void {
    this.scheduled = false;
    if (this.inFlight) return;
    const group = this.queued;
    this.queued = [];
    if (group.length === 0) return;
    this.inFlight = true;
    this.lastSentAt = performance.now();
    const settle = (each: (waiting: Waiting<Job>, index: number) => void) => {
      this.inFlight = false;
      group.forEach(each);
      if (this.queued.length > 0) this.schedule();
    };
    this.commit(group.map((waiting) => waiting.job)).then(
      ({ errors, values }) =>
        settle((waiting, index) => {
          const error = errors[index];
          if (error === null) waiting.resolve(values?.[index] ?? null);
          else waiting.reject(new Error(error ?? "not committed"));
        }),
      (error: unknown) => {
        const reason = error instanceof Error ? error : new Error(String(error));
        settle((waiting) => waiting.reject(reason));
      },
    );
  }
}

/**
 * A message to a writer thread: the jobs as UTF-8 JSON, and each job's `json` string (a live
 * game's snapshot) in a buffer of its own, moved across rather than copied. (Structured cloning
 * costs ~7 µs per answer row and ~10 ms per 600 KB string on this machine; encoding the bytes, and
 * moving the big ones, a tenth of that.) In `head`, such a job's `json` is the index of its buffer.
 */
export type WriteBatch = { batch: number; head: Uint8Array; buffers: Uint8Array[] };
/** The thread's answer to one message. */
export type WriteResult = { batch: number } & Committed;

const BUSY_TIMEOUT_MS = 5_000;

/**
 * A file of the project by its path from the project folder, from the source or from the build
 * (build/server/index.js has this module inlined: the .mjs files stay in app/, next to the source).
 */
function projectFile(relative: string): URL {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(directory, relative);
    if (existsSync(candidate)) return pathToFileURL(candidate);
    const parent = path.dirname(directory);
    if (parent === directory) return pathToFileURL(path.resolve(relative));
    directory = parent;
  }
}
const WRITER_YOUNG_GENERATION_MB = 4;
const encoder = new TextEncoder();

/**
 * A worker thread (sqlite-writer.worker.mjs) with its own connection to a SQLite file, running
 * the statements of the job modules it was given (`prepare(db, tools)` in each, plain JavaScript:
 * a worker thread does not inherit tsx) — each group in one transaction, in order. A thread that
 * dies fails every group in flight; the next group starts a new one.
 */
export class SqliteWriterThread<Job extends { kind: string }> {
  private worker: Worker | null = null;
  private nextBatch = 0;
  private readonly pending = new Map<number, { resolve: (result: Committed) => void; reject: (error: Error) => void }>();

  /** @param jobModules the job modules' paths from the project folder, e.g. "app/live/live-writer.jobs.mjs". */
  constructor(
    private readonly file: string,
    private readonly jobModules: string[],
  ) {}

  commit(jobs: Job[]): Promise<Committed> {
    return new Promise((resolve, reject) => {
      const batch = this.nextBatch++;
      this.pending.set(batch, { resolve, reject });
      const buffers: Uint8Array[] = [];
      const sent = jobs.map((job) => ("json" in job && typeof job.json === "string" ? { ...job, json: buffers.push(encoder.encode(job.json)) - 1 } : job));
      const message: WriteBatch = { batch, head: encoder.encode(JSON.stringify(sent)), buffers };
      // Moving a buffer costs ~25 µs however small; copying the head is cheaper, a snapshot is not.
      const thread = this.thread();
      // The thread keeps the process alive while a commit is awaited, and only then (a script that
      // saved an answer must still exit when it is done).
      if (this.pending.size === 1) thread.ref();
      thread.postMessage(message, buffers.map((bytes) => bytes.buffer as ArrayBuffer));
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(projectFile("app/utils/sqlite-writer.worker.mjs"), {
      workerData: { file: this.file, busyTimeoutMs: BUSY_TIMEOUT_MS, jobModules: this.jobModules.map((module) => projectFile(module).href) },
      // What the thread holds between commits is a few prepared statements: a small young
      // generation is collected often and cheaply, instead of growing to V8's default (tens of MB
      // of garbage from decoded jobs in the process's memory at 10,000 players).
      resourceLimits: { maxYoungGenerationSizeMb: WRITER_YOUNG_GENERATION_MB },
      // Not the process's flags: `--import tsx` and preloaded .ts modules fail in a thread without
      // tsx's loader, and the thread needs none of them.
      execArgv: [],
    });
    worker.on("message", ({ batch, errors, values }: WriteResult) => {
      const waiting = this.pending.get(batch);
      this.pending.delete(batch);
      if (this.pending.size === 0) worker.unref();
      waiting?.resolve({ errors, values });
    });
    const fail = (error: Error) => {
      // Nothing in flight was confirmed: every waiting group fails.
      if (this.worker === worker) this.worker = null;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`writer thread stopped (exit code ${code})`)));
    // After the listeners (adding a "message" listener refs the thread's port again); commit() refs it while it waits.
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

/** Group commit through a writer thread: what the live games and the contest answers on SQLite use. */
export class SqliteWriter<Job extends { kind: string }> {
  private readonly thread: SqliteWriterThread<Job>;
  private readonly group: GroupCommit<Job>;

  constructor(file: string, jobModules: string[], intervalMs: number) {
    this.thread = new SqliteWriterThread<Job>(file, jobModules);
    this.group = new GroupCommit<Job>((jobs) => this.thread.commit(jobs), intervalMs);
  }

  write(job: Job): Promise<string | null> {
    return this.group.write(job);
  }

  /** Waits for what was asked, then stops the thread. */
  async close(): Promise<void> {
    await this.group.drain();
    await this.thread.close();
  }
}
