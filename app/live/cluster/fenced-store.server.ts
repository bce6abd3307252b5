import { randomUUID } from "node:crypto";
import type { PrismaClient } from "~/utils/db.server";
import { gameStatus, prismaLiveStore, type LiveStore } from "../live-store.server";
import { snapshotEncoder } from "../snapshot-json";

/**
 * The live store of a process among several (docs/decisions/037): every write of a game carries
 * the fencing token of this process's lease on it, and the database refuses a write whose token
 * is not the game's current one (LiveGame.fenceToken), in the same statement or transaction. A
 * process that lost its lease (paused by the collector, cut off from Redis, killed too late) can
 * therefore never write over the process that took the game after it. PostgreSQL only: the check
 * holds a share lock on the game's row, which the new owner's claim (an UPDATE) waits for, so a
 * write begun under the old token either commits before the claim or is refused after it. Answers
 * and players are one INSERT each that reads the token FOR SHARE; scores and the play-along rows
 * (a few per game) a transaction that does the same first.
 */
export class StaleLeaseError extends Error {
  constructor(gameId: string, token: number | undefined) {
    super(`game ${gameId}: this process no longer holds the game (token ${token ?? "none"})`);
    this.name = "StaleLeaseError";
  }
}

export type FencedLiveStore = LiveStore & {
  /**
   * Makes `token` the game's token, if it is newer than the stored one. Called right after taking
   * the lease and before loading the game: once it returns, no write with an older token can commit.
   */
  claimGame(gameId: string, token: number): Promise<boolean>;
};

type Transaction = PrismaClient;

const PLAYER_COLUMNS = [
  ["id", "text"],
  ["gameId", "text"],
  ["displayName", "text"],
  ["unitId", "text"],
  ["areaId", "text"],
  ["tokenHash", "text"],
  ["joinedAt", "timestamp(3)"],
  ["homePath", "text"],
] as const;

const ANSWER_COLUMNS = [
  ["id", "text"],
  ["gameId", "text"],
  ["playerId", "text"],
  ["questionIndex", "integer"],
  ["revisionId", "text"],
  ["answerId", "text"],
  ["optionIds", "text"],
  ["correct", "boolean"],
  ["serverReceivedAt", "timestamp(3)"],
  ["elapsedMs", "integer"],
] as const;

export function fencedLiveStore(db: PrismaClient, tokenOf: (gameId: string) => number | undefined): FencedLiveStore {
  const unfenced = prismaLiveStore(db);
  const snapshotJson = snapshotEncoder();

  /** Runs `write` in a transaction that first checks the game's token under a share lock. */
  async function fenced(gameId: string, write: (tx: Transaction) => Promise<void>): Promise<void> {
    const token = tokenOf(gameId);
    if (token === undefined) throw new StaleLeaseError(gameId, token);
    await db.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<{ fenceToken: number }[]>(
        `SELECT "fenceToken" FROM "LiveGame" WHERE "id" = $1 FOR SHARE`,
        gameId,
      );
      if (rows[0] && Number(rows[0].fenceToken) !== token) throw new StaleLeaseError(gameId, token);
      await write(tx as unknown as Transaction);
    });
  }

  /** A refused write (no row changed) is stale only if the game now has another token. */
  async function checkToken(gameId: string, token: number): Promise<void> {
    const game = await db.liveGame.findUnique({ where: { id: gameId }, select: { fenceToken: true } });
    if (game && game.fenceToken !== token) throw new StaleLeaseError(gameId, token);
  }

  /**
   * One INSERT … SELECT … WHERE the game's token is still ours, the row read FOR SHARE: a single
   * statement, no transaction held open across round trips (hundreds of joins at once would wait
   * for pool connections).
   */
  async function fencedInsert(gameId: string, table: string, columns: readonly (readonly [string, string])[], rows: readonly unknown[][], conflict: string): Promise<void> {
    const token = tokenOf(gameId);
    if (token === undefined) throw new StaleLeaseError(gameId, token);
    if (rows.length === 0) return;
    let position = 2;
    const values = rows.map((row) => `(${row.map((_, index) => `$${++position}::${columns[index][1]}`).join(", ")})`).join(", ");
    const names = columns.map(([name]) => `"${name}"`).join(", ");
    const sql =
      `WITH fence AS (SELECT 1 FROM "LiveGame" WHERE "id" = $1 AND "fenceToken" = $2 FOR SHARE) ` +
      `INSERT INTO "${table}" (${names}) SELECT * FROM (VALUES ${values}) AS v(${names}) WHERE EXISTS (SELECT 1 FROM fence) ${conflict}`;
    const inserted = await db.$executeRawUnsafe(sql, gameId, token, ...rows.flat());
    if (inserted === 0) await checkToken(gameId, token);
  }

  return {
    async insertPlayers(rows) {
      const byGame = new Map<string, (typeof rows)[number][]>();
      for (const row of rows) byGame.set(row.gameId, [...(byGame.get(row.gameId) ?? []), row]);
      for (const [gameId, gameRows] of byGame) {
        await fencedInsert(
          gameId,
          "LivePlayer",
          PLAYER_COLUMNS,
          gameRows.map((row) => [row.id, row.gameId, row.displayName, row.unitId, row.areaId, row.tokenHash, new Date(row.joinedAt), row.homePath ?? null]),
          "",
        );
      }
    },

    async writeAnswers(rows, correct) {
      if (rows.length === 0) return;
      // A row already stored for the same player and question is kept: the write is idempotent.
      await fencedInsert(
        rows[0].gameId,
        "LiveAnswer",
        ANSWER_COLUMNS,
        rows.map((row, index) => [randomUUID(), row.gameId, row.playerId, row.questionIndex, row.revisionId, row.answerId, JSON.stringify(row.optionIds), correct[index], new Date(row.receivedAt), row.elapsedMs]),
        `ON CONFLICT ("gameId", "playerId", "questionIndex") DO NOTHING`,
      );
    },

    async writeScores(state, pathIds) {
      await fenced(state.gameId, (tx) => prismaLiveStore(tx).writeScores(state, pathIds));
    },

    // Play-along rows (docs/decisions/038): a path changed in the lobby, the game's paths. Rare,
    // so a transaction that checks the token first, as for scores.
    async deletePlayer(gameId, playerId) {
      await fenced(gameId, (tx) => prismaLiveStore(tx).deletePlayer(gameId, playerId));
    },

    async setHomePath(gameId, playerId, pathId) {
      await fenced(gameId, (tx) => prismaLiveStore(tx).setHomePath(gameId, playerId, pathId));
    },

    async setPlayAlongPaths(gameId, paths) {
      await fenced(gameId, (tx) => prismaLiveStore(tx).setPlayAlongPaths(gameId, paths));
    },

    async writeSnapshot(state) {
      const token = tokenOf(state.gameId);
      if (token === undefined) throw new StaleLeaseError(state.gameId, token);
      const status = gameStatus(state);
      // One statement: the token is checked by the UPDATE itself, under the row's lock.
      const { count } = await db.liveGame.updateMany({
        where: { id: state.gameId, fenceToken: token, stateVersion: { lte: state.version } },
        data: {
          state: snapshotJson(state),
          stateVersion: state.version,
          status,
          ...(status === "ended" ? { openPin: null, endedAt: new Date(state.updatedAt) } : {}),
        },
      });
      if (count === 0) await checkToken(state.gameId, token);
    },

    async claimGame(gameId, token) {
      const count = await db.$executeRawUnsafe(
        `UPDATE "LiveGame" SET "fenceToken" = $1 WHERE "id" = $2 AND "fenceToken" < $1`,
        token,
        gameId,
      );
      return count === 1;
    },

    loadSnapshot: (gameId) => unfenced.loadSnapshot(gameId),
    loadAnswers: (gameId, questionIndex) => unfenced.loadAnswers(gameId, questionIndex),
  };
}
