// @ts-check
/**
 * The live games' statements for the writer thread (app/utils/sqlite-writer.worker.mjs,
 * docs/decisions/028): player rows, answers, snapshots and scores. The job types are in
 * live-writer.server.ts.
 *
 * @typedef {import("./live-writer.server").WriteJob} WriteJob
 * @typedef {{ rowId: () => string; prismaDate: (ms: number) => string }} Tools
 */

/** The columns of a LiveAnswer row as both stores insert it (this thread on SQLite, Prisma's raw SQL on PostgreSQL). */
export const LIVE_ANSWER_COLUMNS = `"id", "gameId", "playerId", "questionIndex", "revisionId", "answerId", "optionIds", "correct", "serverReceivedAt", "elapsedMs"`;

/**
 * One answer's values in LIVE_ANSWER_COLUMNS' order.
 * @template T, D
 * @param {import("./game-state").PersistedAnswer} row
 * @param {T} correct
 * @param {string} id
 * @param {D} receivedAt
 */
export function liveAnswerValues(row, correct, id, receivedAt) {
  return [id, row.gameId, row.playerId, row.questionIndex, row.revisionId, row.answerId, JSON.stringify(row.optionIds), correct, receivedAt, row.elapsedMs];
}
/** Rows per INSERT: one statement for many rows costs a fraction of one per row (1,000 parameters each). */
const ANSWERS_PER_STATEMENT = 100;

/**
 * @param {import("better-sqlite3").Database} db
 * @param {Tools} tools
 */
export function prepare(db, { rowId, prismaDate }) {
  const insertPlayer = db.prepare(
    `INSERT INTO "LivePlayer" ("id", "gameId", "displayName", "unitId", "areaId", "tokenHash", "score", "joinedAt", "homePath") VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)`,
  );
  /** @type {Map<number, import("better-sqlite3").Statement>} */
  const insertAnswers = new Map();
  /** The INSERT of `count` answers, prepared once per count. @param {number} count */
  function insertAnswersOf(count) {
    let statement = insertAnswers.get(count);
    if (!statement) {
      const tuples = Array.from({ length: count }, () => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ");
      statement = db.prepare(`INSERT INTO "LiveAnswer" (${LIVE_ANSWER_COLUMNS}) VALUES ${tuples} ON CONFLICT ("gameId", "playerId", "questionIndex") DO NOTHING`);
      insertAnswers.set(count, statement);
    }
    return statement;
  }
  const updateSnapshot = db.prepare(`UPDATE "LiveGame" SET "state" = ?, "stateVersion" = ?, "status" = ? WHERE "id" = ? AND "stateVersion" <= ?`);
  const updateEndedSnapshot = db.prepare(
    `UPDATE "LiveGame" SET "state" = ?, "stateVersion" = ?, "status" = ?, "openPin" = NULL, "endedAt" = ? WHERE "id" = ? AND "stateVersion" <= ?`,
  );
  const updateScore = db.prepare(`UPDATE "LivePlayer" SET "score" = ? WHERE "id" = ?`);
  const deletePlayer = db.prepare(`DELETE FROM "LivePlayer" WHERE "id" = ? AND "gameId" = ?`);
  const updateHomePath = db.prepare(`UPDATE "LivePlayer" SET "homePath" = ? WHERE "id" = ? AND "gameId" = ?`);
  const updatePaths = db.prepare(`UPDATE "LiveGame" SET "playAlongPaths" = ? WHERE "id" = ?`);
  const updatePoints = db.prepare(`UPDATE "LiveAnswer" SET "points" = ? WHERE "gameId" = ? AND "playerId" = ? AND "questionIndex" = ?`);

  return {
    /** @param {Extract<WriteJob, { kind: "players" }>} job */
    players(job) {
      for (const row of job.rows) insertPlayer.run(row.id, row.gameId, row.displayName, row.unitId, row.areaId, row.tokenHash, prismaDate(row.joinedAt), row.homePath ?? null);
    },
    /** @param {Extract<WriteJob, { kind: "answers" }>} job */
    answers(job) {
      for (let start = 0; start < job.rows.length; start += ANSWERS_PER_STATEMENT) {
        const end = Math.min(start + ANSWERS_PER_STATEMENT, job.rows.length);
        /** @type {unknown[]} */
        const values = [];
        for (let index = start; index < end; index += 1) {
          const row = job.rows[index];
          values.push(...liveAnswerValues(row, job.correct[index] ? 1 : 0, rowId(), prismaDate(row.receivedAt)));
        }
        insertAnswersOf(end - start).run(values);
      }
    },
    /** @param {Extract<WriteJob, { kind: "snapshot" }>} job */
    snapshot(job) {
      if (job.endedAt === null) updateSnapshot.run(job.json, job.version, job.status, job.gameId, job.version);
      else updateEndedSnapshot.run(job.json, job.version, job.status, prismaDate(job.endedAt), job.gameId, job.version);
    },
    /** @param {Extract<WriteJob, { kind: "scores" }>} job */
    scores(job) {
      for (const [playerId, score] of job.scores) updateScore.run(score, playerId);
      for (const { questionIndex, rows } of job.points) for (const [playerId, points] of rows) updatePoints.run(points, job.gameId, playerId, questionIndex);
    },
    /** @param {Extract<WriteJob, { kind: "delete-player" }>} job */
    "delete-player"(job) {
      deletePlayer.run(job.playerId, job.gameId);
    },
    /** @param {Extract<WriteJob, { kind: "home-path" }>} job */
    "home-path"(job) {
      updateHomePath.run(job.pathId, job.playerId, job.gameId);
    },
    /** @param {Extract<WriteJob, { kind: "paths" }>} job */
    paths(job) {
      updatePaths.run(job.json, job.gameId);
    },
  };
}
