import { randomUUID } from "node:crypto";
import type { GameState, PersistedAnswer } from "./game-state";
import type { PrismaClient } from "~/utils/db.server";
import type { DelayPath } from "./play-along-state";
import { snapshotEncoder } from "./snapshot-json";
import { LIVE_ANSWER_COLUMNS, liveAnswerValues } from "./live-writer.jobs.mjs";

/**
 * The live game's persistence (docs/decisions/005): the snapshot row of a game and its answers
 * table. The runner calls it through a serial write queue; nothing here keeps state.
 */
export type LiveStore = {
  /**
   * Writes are committed in the order they are asked for, so the runner hands each one over at
   * once instead of waiting for the one before (the SQLite writer thread). Without it the runner
   * waits for each write before asking for the next.
   */
  ordered?: boolean;
  /** The rows of new players (a join is acknowledged only once its row is stored). */
  insertPlayers(rows: readonly NewPlayerRow[]): Promise<void>;
  /** Inserts a batch of answers in one statement. A row already stored for the same player and question is kept. */
  writeAnswers(rows: readonly PersistedAnswer[], correct: readonly boolean[]): Promise<void>;
  writeSnapshot(state: GameState): Promise<void>;
  /**
   * Copies the scores of a scored question into the answers and players tables (derived data, for
   * results): the studio's (no `pathIds`), or the home players of the play-along paths just scored.
   */
  writeScores(state: GameState, pathIds?: readonly string[]): Promise<void>;
  /** The row of a join the game refused (its row is written before the game decides): no answers reference it yet. */
  deletePlayer(gameId: string, playerId: string): Promise<void>;
  /** A home player's distribution path (docs/decisions/038), changed in the lobby. */
  setHomePath(gameId: string, playerId: string, pathId: string): Promise<void>;
  /** The game's distribution paths, as the join page reads them without the game's runner (none: null). */
  setPlayAlongPaths(gameId: string, paths: readonly DelayPath[]): Promise<void>;
  loadSnapshot(gameId: string): Promise<GameState | null>;
  loadAnswers(gameId: string, questionIndex: number): Promise<PersistedAnswer[]>;
  /** Lets go of what the store holds open (the writer thread), once everything asked is written. */
  close?(): Promise<void>;
};

export type NewPlayerRow = {
  id: string;
  gameId: string;
  displayName: string;
  unitId: string | null;
  areaId: string | null;
  tokenHash: string;
  joinedAt: number;
  /** A viewer at home: the distribution path they play along on (docs/decisions/038). */
  homePath?: string | null;
};

// Few enough parameters per statement for SQLite and PostgreSQL alike.
const SCORE_CHUNK = 400;

/** The points of one question's answers: [playerId, points]. */
export type PointRows = { questionIndex: number; rows: [string, number][] };

/**
 * What a scored question copies to the tables: every player's score, and the points of each
 * player's answer to the question just scored. The studio's players at a studio reveal (and at
 * the podium and the end), or the home players of the paths in `pathIds` when those paths aired a
 * reveal (docs/decisions/038, 039): each path scores its question at its own time, and the points
 * its board counts are the points its players' answers carry.
 */
export function scoreRows(state: GameState, pathIds?: readonly string[]): { scores: [string, number][]; points: PointRows[] } {
  const scores: [string, number][] = [];
  const points: PointRows[] = [];
  const pointsOf = (questionIndex: number) => {
    let group = points.find((entry) => entry.questionIndex === questionIndex);
    if (!group) points.push((group = { questionIndex, rows: [] }));
    return group.rows;
  };
  if (pathIds === undefined) {
    const result = state.lastResult;
    const rows = result ? pointsOf(result.questionIndex) : [];
    for (const player of state.players) {
      if (player.kicked) continue;
      scores.push([player.id, player.score]);
      const outcome = player.lastOutcome;
      if (result && outcome?.questionIndex === result.questionIndex && outcome.answered) rows.push([player.id, outcome.points]);
    }
    return { scores, points: points.filter((group) => group.rows.length > 0) };
  }
  const home = state.playAlong;
  if (!home) return { scores, points };
  const scoredOn = new Map(home.airing.filter((entry) => pathIds.includes(entry.pathId)).map((entry) => [entry.pathId, entry.scoredThrough]));
  for (const player of home.players) {
    const questionIndex = scoredOn.get(player.pathId);
    if (questionIndex === undefined || player.kicked) continue;
    scores.push([player.id, player.score]);
    const outcome = player.lastOutcome;
    if (outcome?.questionIndex === questionIndex && outcome.answered) pointsOf(questionIndex).push([player.id, outcome.points]);
  }
  return { scores, points: points.filter((group) => group.rows.length > 0) };
}

/** LiveGame.playAlongPaths as stored: the paths' JSON, or null for a game without. */
export function storedPaths(paths: readonly DelayPath[]): string | null {
  return paths.length > 0 ? JSON.stringify(paths) : null;
}

export function gameStatus(state: GameState): "lobby" | "running" | "ended" {
  if (state.phase.name === "lobby") return "lobby";
  return state.phase.name === "ended" ? "ended" : "running";
}

export function prismaLiveStore(db: PrismaClient): LiveStore {
  const snapshotJson = snapshotEncoder();
  return {
    async insertPlayers(rows) {
      await db.livePlayer.createMany({
        data: rows.map((row) => ({ ...row, joinedAt: new Date(row.joinedAt) })),
      });
    },

    async writeAnswers(rows, correct) {
      // One multi-row INSERT per batch: Prisma's createMany costs about a quarter of a millisecond
      // per row here, a raw statement a twentieth. A row already stored for the same player and
      // question (a retry whose first write did commit) is kept: the write is idempotent.
      const tuple = `(${LIVE_ANSWER_COLUMNS.split(",").map(() => "?").join(", ")})`;
      const params = rows.flatMap((row, index) => liveAnswerValues(row, correct[index], randomUUID(), new Date(row.receivedAt)));
      const sql =
        `INSERT INTO "LiveAnswer" (${LIVE_ANSWER_COLUMNS}) VALUES ${rows.map(() => tuple).join(", ")} ` +
        `ON CONFLICT ("gameId", "playerId", "questionIndex") DO NOTHING`;
      if (rows.length > 0) await db.$executeRawUnsafe(numberPlaceholders(sql), ...params);
    },

    async writeSnapshot(state) {
      const status = gameStatus(state);
      await db.liveGame.updateMany({
        // Never overwrite a newer snapshot with an older one.
        where: { id: state.gameId, stateVersion: { lte: state.version } },
        data: {
          state: snapshotJson(state),
          stateVersion: state.version,
          status,
          ...(status === "ended" ? { openPin: null, endedAt: new Date(state.updatedAt) } : {}),
        },
      });
    },

    async writeScores(state, pathIds) {
      const { scores, points } = scoreRows(state, pathIds);
      const statements: Promise<unknown>[] = [];
      for (let start = 0; start < scores.length; start += SCORE_CHUNK) {
        statements.push(caseUpdate(db, "LivePlayer", "score", "id", scores.slice(start, start + SCORE_CHUNK), [], []));
      }
      for (const { questionIndex, rows } of points) {
        for (let start = 0; start < rows.length; start += SCORE_CHUNK) {
          statements.push(
            caseUpdate(db, "LiveAnswer", "points", "playerId", rows.slice(start, start + SCORE_CHUNK), ['"gameId" = ?', '"questionIndex" = ?'], [state.gameId, questionIndex]),
          );
        }
      }
      await Promise.all(statements);
    },

    async deletePlayer(gameId, playerId) {
      await db.livePlayer.deleteMany({ where: { id: playerId, gameId } });
    },

    async setHomePath(gameId, playerId, pathId) {
      await db.livePlayer.updateMany({ where: { id: playerId, gameId }, data: { homePath: pathId } });
    },

    async setPlayAlongPaths(gameId, paths) {
      await db.liveGame.updateMany({ where: { id: gameId }, data: { playAlongPaths: storedPaths(paths) } });
    },

    async loadSnapshot(gameId) {
      const game = await db.liveGame.findUnique({ where: { id: gameId }, select: { state: true } });
      return game ? (JSON.parse(game.state) as GameState) : null;
    },

    async loadAnswers(gameId, questionIndex) {
      const rows = await db.liveAnswer.findMany({
        where: { gameId, questionIndex },
        select: { playerId: true, answerId: true, revisionId: true, optionIds: true, serverReceivedAt: true, elapsedMs: true },
      });
      return rows.map((row) => ({
        gameId,
        playerId: row.playerId,
        answerId: row.answerId,
        questionIndex,
        revisionId: row.revisionId,
        optionIds: JSON.parse(row.optionIds) as string[],
        receivedAt: row.serverReceivedAt.getTime(),
        elapsedMs: row.elapsedMs,
      }));
    },
  };
}

/**
 * One UPDATE … SET column = CASE key WHEN … END for a chunk of rows: a reveal rewrites thousands
 * of scores, and one statement per row would hold the write queue for a second.
 */
function caseUpdate(
  db: PrismaClient,
  table: "LivePlayer" | "LiveAnswer",
  column: "score" | "points",
  key: "id" | "playerId",
  pairs: readonly [string, number][],
  extraWhere: string[],
  extraParams: (string | number)[],
): Promise<number> {
  if (pairs.length === 0) return Promise.resolve(0);
  const cases = pairs.map(() => "WHEN ? THEN CAST(? AS INTEGER)").join(" ");
  const keys = pairs.map(() => "?").join(", ");
  const where = [`"${key}" IN (${keys})`, ...extraWhere].join(" AND ");
  const params = [...pairs.flatMap(([id, value]) => [id, value]), ...pairs.map(([id]) => id), ...extraParams];
  const sql = `UPDATE "${table}" SET "${column}" = CASE "${key}" ${cases} END WHERE ${where}`;
  return db.$executeRawUnsafe(numberPlaceholders(sql), ...params);
}

/** `?` for SQLite, `$1, $2, …` for PostgreSQL: Prisma passes raw SQL through untouched. */
function numberPlaceholders(sql: string): string {
  if (!(process.env.DATABASE_URL ?? "").startsWith("postgres")) return sql;
  let position = 0;
  return sql.replace(/\?/g, () => `$${++position}`);
}
