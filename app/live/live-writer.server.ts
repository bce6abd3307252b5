import path from "node:path";
import { SqliteWriter } from "~/utils/group-commit.server";
import type { PrismaClient } from "~/utils/db.server";
import type { GameState, PersistedAnswer } from "./game-state";
import { gameStatus, prismaLiveStore, scoreRows, storedPaths, type LiveStore, type NewPlayerRow, type PointRows } from "./live-store.server";
import { snapshotEncoder } from "./snapshot-json";

/**
 * The live games' writes on SQLite, off the event loop (docs/decisions/028). Profiles of a
 * 2,000-player game showed the writes through Prisma's driver adapter as the largest single cost
 * of the server's one thread: ~2.5 ms per join (a row), ~70 µs per answer in a 200-row batch, ~70 ms
 * for a 10,000-player snapshot, all of it on the thread that also sends every message. Here a
 * worker thread with its own connection and prepared statements does them (live-writer.jobs.mjs);
 * this thread only hands rows over. Jobs asked for while the thread commits go in the next message,
 * committed in one transaction (group commit), in order. A job's promise resolves after its transaction committed: an answer is
 * still acknowledged only once it is stored. Reads (a game loaded after a restart) stay on Prisma.
 */

export type WriteJob =
  | { kind: "players"; rows: NewPlayerRow[] }
  | { kind: "answers"; rows: PersistedAnswer[]; correct: boolean[] }
  | { kind: "snapshot"; gameId: string; json: string; version: number; status: string; endedAt: number | null }
  | { kind: "scores"; gameId: string; scores: [string, number][]; points: PointRows[] }
  | { kind: "delete-player"; gameId: string; playerId: string }
  | { kind: "home-path"; gameId: string; playerId: string; pathId: string }
  | { kind: "paths"; gameId: string; json: string | null };

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

/**
 * The live games' writer thread: the group commit and the thread are shared with the contest
 * answers (app/utils/group-commit.server.ts, sqlite-writer.worker.mjs); the statements are
 * live-writer.jobs.mjs.
 */
export class LiveWriter {
  private readonly writer: SqliteWriter<WriteJob>;

  constructor(file: string) {
    this.writer = new SqliteWriter<WriteJob>(file, ["app/live/live-writer.jobs.mjs"], MESSAGE_INTERVAL_MS);
  }

  async write(job: WriteJob): Promise<void> {
    await this.writer.write(job);
  }

  /** Waits for what was asked, then stops the thread. */
  close(): Promise<void> {
    return this.writer.close();
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
    deletePlayer: (gameId, playerId) => writer.write({ kind: "delete-player", gameId, playerId }),
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
