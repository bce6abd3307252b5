// PostgreSQL and Redis for the cluster's tests: a scratch database with every migration applied,
// and a Redis key prefix of the test's own that is deleted afterwards. Both servers are always
// there in CI (.ci/run starts them); on a developer's machine without them the tests say so and
// pass outside CI only (tests/setup/postgres.ts).
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { expect } from "vitest";
import { createPostgresDatabase, dropPostgresDatabase, postgresUrlForDatabase } from "../../../../scripts/db/adapters";
import { deployMigrations } from "../../../../scripts/db/migrations";
import { postgresProblem, postgresServerUrl } from "../../../../tests/setup/postgres";
import { createPrismaClient, type PrismaClient } from "~/utils/db.server";

export const redisServerUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** Why PostgreSQL or Redis cannot be used here, or undefined when both can. */
export async function clusterServicesProblem(): Promise<string | undefined> {
  const postgres = await postgresProblem();
  if (postgres) return `PostgreSQL: ${postgres}`;
  const redis = new Redis(redisServerUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2_000 });
  try {
    await redis.connect();
    await redis.ping();
    return undefined;
  } catch (error) {
    return `Redis: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    redis.disconnect();
  }
}

/** Outside CI missing services are reported and the test passes; in CI it fails. */
export function expectServicesOptionalHere(problem: string): void {
  console.warn(`The cluster tests need PostgreSQL and Redis (${problem}): not run here.`);
  const inCi = Boolean(process.env.CI) && !["0", "false"].includes(process.env.CI ?? "");
  expect(inCi, `CI has PostgreSQL and Redis, yet: ${problem}`).toBe(false);
}

export type ScratchDatabase = { url: string; name: string; db: PrismaClient; drop: () => Promise<void> };

/** A fresh PostgreSQL database named scale_<random>, migrated. */
export async function scratchDatabase(): Promise<ScratchDatabase> {
  const name = `scale_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  await createPostgresDatabase(postgresServerUrl, name);
  const url = postgresUrlForDatabase(postgresServerUrl, name);
  await deployMigrations({ databaseUrl: url });
  const db = createPrismaClient(url);
  return {
    url,
    name,
    db,
    drop: async () => {
      await db.$disconnect();
      await dropPostgresDatabase(postgresServerUrl, name);
    },
  };
}

/** A key prefix of this test's own, and a way to delete every key under it. */
export function redisPrefix(): { prefix: string; clean: (redis: Redis) => Promise<void> } {
  const prefix = `scale-test:${randomUUID().slice(0, 8)}:`;
  return {
    prefix,
    clean: async (redis) => {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
    },
  };
}
