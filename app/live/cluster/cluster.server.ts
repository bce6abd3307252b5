import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { createAdapter } from "@socket.io/redis-adapter";
import type { Server } from "socket.io";
import type { PrismaClient } from "~/utils/db.server";
import type { LiveRegistry } from "../live-registry.server";
import type { LiveTransport } from "~/realtime/live-handlers.server";
import { ClusterRouter } from "./cluster-router.server";
import { fencedLiveStore, type FencedLiveStore } from "./fenced-store.server";
import { GameLeases } from "./game-leases.server";
import { connectRedis, type Redis } from "./redis.server";

/**
 * Several app processes on one PostgreSQL database and one Redis (docs/decisions/036, 037):
 * switched on by REDIS_URL. What a process needs to take part: the leases of the games it runs,
 * a store that fences every write with the lease's token, the Socket.IO Redis adapter, and the
 * router that sends each request to the process running its game.
 */
export type Cluster = {
  processId: string;
  leases: GameLeases;
  store: FencedLiveStore;
  /** For LiveRegistry's `claim`: takes the lease, then the fencing token in the database, then tells the others. */
  claim: (gameId: string) => Promise<boolean>;
  /** For LiveRegistry's `onRetired`: an ended game left memory; its lease goes, and no process takes it over. */
  retired: (gameId: string) => Promise<void>;
  adapter: ReturnType<typeof createAdapter>;
  /** For attachRealtime's `live.cluster`. */
  routing: (transport: LiveTransport, io: Server, registry: LiveRegistry) => ClusterRouter;
  /** After the games are written: lets go of the leases at once, so others take the games over without waiting. */
  close: () => Promise<void>;
};

export type ClusterOptions = {
  redisUrl: string;
  databaseUrl: string;
  db: PrismaClient;
  log: (message: string, error?: unknown) => void;
  /** Keys and channels begin with it: several apps (or tests) can share one Redis. */
  keyPrefix?: string;
  leaseMs?: number;
  renewEveryMs?: number;
  /** How long a request forwarded to the process running its game waits for an answer before asking again. */
  callTimeoutMs?: number;
};

export class ClusterConfigError extends Error {}

export function startCluster(options: ClusterOptions): Cluster {
  if (options.databaseUrl.startsWith("file:")) {
    throw new ClusterConfigError(
      [
        "REDIS_URL chạy nhiều tiến trình trên một cơ sở dữ liệu chung: cần PostgreSQL (DATABASE_URL=postgresql://…), không phải tệp SQLite.",
        "REDIS_URL runs several processes on one shared database: it needs PostgreSQL (DATABASE_URL=postgresql://…), not a SQLite file.",
      ].join("\n"),
    );
  }
  const keyPrefix = options.keyPrefix ?? "sanchoi:";
  const processId = `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
  const redis: Redis = connectRedis(options.redisUrl, `san-choi ${processId}`);
  const subscriber = redis.duplicate();
  const adapterPublisher = redis.duplicate();
  const adapterSubscriber = redis.duplicate();
  for (const connection of [redis, subscriber, adapterPublisher, adapterSubscriber]) {
    connection.on("error", (error) => options.log("redis connection", error));
  }
  let router: ClusterRouter | null = null;
  const leases = new GameLeases({
    redis,
    processId,
    keyPrefix,
    leaseMs: options.leaseMs,
    renewEveryMs: options.renewEveryMs,
    onLost: (gameId) => {
      options.log(`lease of game ${gameId} lost: another process runs it now`);
      router?.lost(gameId);
    },
    log: options.log,
  });
  const store = fencedLiveStore(options.db, (gameId) => leases.tokenOf(gameId));

  return {
    processId,
    leases,
    store,
    claim: async (gameId) => {
      const token = await leases.acquire(gameId);
      if (token === null) return false;
      if (!(await store.claimGame(gameId, token))) {
        await leases.release(gameId);
        return false;
      }
      router?.announceOwner(gameId);
      return true;
    },
    retired: async (gameId) => {
      await router?.ended(gameId).catch((error) => options.log(`announcing the end of game ${gameId}`, error));
      await leases.release(gameId);
    },
    adapter: createAdapter(adapterPublisher, adapterSubscriber, { key: `${keyPrefix}socket.io` }),
    routing: (transport, io, registry) => {
      router = new ClusterRouter({ redis, subscriber, leases, registry, db: options.db, io, keyPrefix, log: options.log, callTimeoutMs: options.callTimeoutMs });
      void router.connect(transport).catch((error) => options.log("cluster router did not start", error));
      return router;
    },
    close: async () => {
      router?.stop();
      leases.stop();
      await leases.releaseAll();
      for (const connection of [subscriber, adapterPublisher, adapterSubscriber, redis]) connection.disconnect();
    },
  };
}
