import path from "node:path";
import { Worker } from "node:worker_threads";
import type { PrismaClient } from "~/utils/db.server";
import type { GameState, PersistedAnswer } from "./game-state";
import { gameStatus, prismaLiveStore, scoreRows, storedPaths, type LiveStore, type NewPlayerRow, type PointRows } from "./live-store.server";
import { snapshotEncoder } from "./snapshot-json";

/**
 * The live games' writes on SQLite, off the event loop (docs/decisions/028). Profiles of a
 * 2,000-player game showed the writes through Prisma's driver adapter as the largest single cost
 * of the server's one thread: ~2.5 ms per join (a row), ~70 µs per answer in a 200-row batch, ~70 ms
 * for a 10,000-player snapshot, all of it on the thread that also sends every message. Here a
 * worker thread with its own connection and prepared statements does them (live-writer.worker.ts);
 * this thread only hands rows over. Jobs asked for while the thread commits go in the next message,
 * committed in one transaction (group commit), in order. A job's promise resolves after its transaction committed: an answer is
 * still acknowledged only once it is stored. Reads (a game loaded after a restart) stay on Prisma.
 */

export type WriteJob =
  | { kind: "players"; rows: NewPlayerRow[] }
  | { kind: "answers"; rows: PersistedAnswer[]; correct: boolean[] }
  | { kind: "snapshot"; gameId: string; json: string; version: number; status: string; endedAt: number | null }
  | { kind: "scores"; gameId: string; scores: [string, number][]; points: PointRows[] }
  | { kind: "home-path"; gameId: string; playerId: string; pathId: string }
  | { kind: "paths"; gameId: string; json: string | null };

/**
 * A message to the thread: the jobs as UTF-8 JSON, and each snapshot's JSON in a buffer of its own,
 * moved across rather than copied. (Structured cloning costs ~7 µs per answer row and ~10 ms per
 * 600 KB string on this machine; encoding the bytes, and moving the big ones, a tenth of that.) In
 * `head`, a snapshot job's `json` is the index of its buffer in `snapshots`.
 */
export type WriteBatch = { batch: number; head: Uint8Array; snapshots: Uint8Array[] };
/** Per job: null when committed, or the error. */
export type WriteResult = { batch: number; errors: (string | null)[] };

type Pending = { resolve: () => void; reject: (error: Error) => void };

const BUSY_TIMEOUT_MS = 5_000;
/**
 * At least this long between two messages to the thread. A message and its reply cost this thread
 * ~30 µs however little they carry, so at a few hundred answers a second one message each would
 * cost as much as the answers themselves; a few milliseconds of grouping costs the acks nothing
 * they would notice (PostgreSQL's commit_delay is the same idea). Each commit also writes whole
 * pages to the WAL (and brings the next checkpoint closer) however few rows it holds: at 2,000
 * players answering over 5 s, 4 ms apart meant a commit per one or two answers and 2.5 times the
 * floor's CPU per answer; 10 ms apart groups two and a half times as many, for at most 10 ms more
 * before an ack (docs/benchmarks.md).
 */
const MESSAGE_INTERVAL_MS = 10;
const WRITER_YOUNG_GENERATION_MB = 4;
const encoder = new TextEncoder();

export class LiveWriter {
  private worker: Worker | null = null;
  private nextBatch = 0;
  private queued: { job: WriteJob; pending: Pending }[] = [];
  private scheduled = false;
  private lastSentAt = -Infinity;
  private readonly inFlight = new Map<number, Pending[]>();

  constructor(private readonly file: string) {}

  write(job: WriteJob): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queued.push({ job, pending: { resolve, reject } });
      if (this.inFlight.size === 0) this.schedule();
    });
  }

  /** Sends what is waiting once the interval since the last message is over. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = this.lastSentAt + MESSAGE_INTERVAL_MS - performance.now();
    if (wait <= 0) setImmediate(() => this.send());
    else setTimeout(() => this.send(), wait);
  }

  /** Waits for what was asked, then stops the thread. */
  async close(): Promise<void> {
    while (this.queued.length > 0 || this.inFlight.size > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  /**
   * Hands everything waiting to the thread as one message. One message at a time is in flight:
   * what is asked while the thread commits waits for the next message (a message costs this
   * thread ~0.1 ms however small it is; thousands of answers a second must not each cost one).
   */
  private send(): void {
    this.scheduled = false;
    if (this.inFlight.size > 0) return;
    const queued = this.queued;
    this.queued = [];
    if (queued.length === 0) return;
    const batch = this.nextBatch++;
    this.lastSentAt = performance.now();
    this.inFlight.set(
      batch,
      queued.map((entry) => entry.pending),
    );
    const snapshots: Uint8Array[] = [];
    const jobs = queued.map(({ job }) => (job.kind === "snapshot" ? { ...job, json: snapshots.push(encoder.encode(job.json)) - 1 } : job));
    const head = encoder.encode(JSON.stringify(jobs));
    const message: WriteBatch = { batch, head, snapshots };
    // Moving a buffer costs ~25 µs however small; copying the head is cheaper, a snapshot is not.
    this.thread().postMessage(message, snapshots.map((bytes) => bytes.buffer as ArrayBuffer));
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./live-writer.worker.mjs", import.meta.url), {
      workerData: { file: this.file, busyTimeoutMs: BUSY_TIMEOUT_MS },
      // What the thread holds between commits is a few prepared statements: a small young
      // generation is collected often and cheaply, instead of growing to V8's default (tens of MB
      // of garbage from decoded jobs in the process's memory at 10,000 players).
      resourceLimits: { maxYoungGenerationSizeMb: WRITER_YOUNG_GENERATION_MB },
    });
    worker.unref();
    worker.on("message", (result: WriteResult) => {
      const pending = this.inFlight.get(result.batch) ?? [];
      this.inFlight.delete(result.batch);
      result.errors.forEach((error, index) => (error === null ? pending[index]?.resolve() : pending[index]?.reject(new Error(error))));
      if (this.queued.length > 0) this.schedule();
    });
    const fail = (error: Error) => {
      // Nothing in flight was confirmed: every waiting job fails, and the next write starts a new thread.
      if (this.worker === worker) this.worker = null;
      for (const pending of this.inFlight.values()) for (const entry of pending) entry.reject(error);
      this.inFlight.clear();
      if (this.queued.length > 0) this.schedule();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`live writer stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}

/** The SQLite file of a `file:` DATABASE_URL, as db.server.ts opens it. */
export function sqliteFileOf(databaseUrl: string): string {
  return path.resolve(databaseUrl.replace(/^file:/, ""));
}

/** The live store on SQLite: writes through the writer thread, reads through Prisma. */
export function sqliteLiveStore(db: PrismaClient, databaseUrl: string): LiveStore & { close(): Promise<void> } {
  const writer = new LiveWriter(sqliteFileOf(databaseUrl));
  const reads = prismaLiveStore(db);
  const snapshotJson = snapshotEncoder();
  return {
    ordered: true,
    insertPlayers: (rows) => writer.write({ kind: "players", rows: [...rows] }),
    writeAnswers: (rows, correct) => writer.write({ kind: "answers", rows: [...rows], correct: [...correct] }),
    writeSnapshot: (state: GameState) => {
      const status = gameStatus(state);
      return writer.write({ kind: "snapshot", gameId: state.gameId, json: snapshotJson(state), version: state.version, status, endedAt: status === "ended" ? state.updatedAt : null });
    },
    writeScores: (state: GameState, pathIds) => writer.write({ kind: "scores", gameId: state.gameId, ...scoreRows(state, pathIds) }),
    setHomePath: (gameId, playerId, pathId) => writer.write({ kind: "home-path", gameId, playerId, pathId }),
    setPlayAlongPaths: (gameId, paths) => writer.write({ kind: "paths", gameId, json: storedPaths(paths) }),
    loadSnapshot: reads.loadSnapshot,
    loadAnswers: reads.loadAnswers,
    close: () => writer.close(),
  };
}

/** The store for DATABASE_URL: the writer thread on SQLite; Prisma on PostgreSQL, whose driver already waits off the thread. */
export function liveStoreFor(db: PrismaClient, databaseUrl: string): LiveStore & { close?(): Promise<void> } {
  return databaseUrl.startsWith("file:") ? sqliteLiveStore(db, databaseUrl) : prismaLiveStore(db);
}
