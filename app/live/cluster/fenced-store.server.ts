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
 * write begun under the old token either commits before the claim or is refused after it.
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

  return {
    async insertPlayers(rows) {
      const byGame = new Map<string, (typeof rows)[number][]>();
      for (const row of rows) byGame.set(row.gameId, [...(byGame.get(row.gameId) ?? []), row]);
      for (const [gameId, gameRows] of byGame) await fenced(gameId, (tx) => prismaLiveStore(tx).insertPlayers(gameRows));
    },

    async writeAnswers(rows, correct) {
      if (rows.length === 0) return;
      await fenced(rows[0].gameId, (tx) => prismaLiveStore(tx).writeAnswers(rows, correct));
    },

    async writeScores(state) {
      await fenced(state.gameId, (tx) => prismaLiveStore(tx).writeScores(state));
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
      if (count === 0) {
        const game = await db.liveGame.findUnique({ where: { id: state.gameId }, select: { fenceToken: true } });
        if (game && game.fenceToken !== token) throw new StaleLeaseError(state.gameId, token);
      }
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
