import { resetDatabase, testPrisma } from "../../tests/setup/test-database";

import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/utils/db.server";
import { createReadinessCheck, migrationsFolderFor } from "./health.server";

// Readiness against real parts: the migrated test database, a database file that cannot be
// opened, a fresh file with no migrations, the machine's Redis, and a port where nothing answers.

const migrationsDir = migrationsFolderFor("file:x");
const scratch = mkdtempSync(path.join(tmpdir(), "readyz-"));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeEach(resetDatabase);

describe("readiness", () => {
  it("is ready on a reachable, fully migrated database", async () => {
    // A generous bound: a busy test machine must not read as a stalled server here (tested below).
    const readiness = await createReadinessCheck({ db: testPrisma, migrationsDir, maxLoopDelayMs: 10_000 })();
    expect(readiness).toMatchObject({ ready: true, checks: { database: { ok: true }, migrations: { ok: true }, eventLoop: { ok: true } } });
  });

  it("fails when the database cannot be reached", async () => {
    const unreachable = createPrismaClient(`file:${path.join(scratch, "missing-folder", "app.db")}`);
    const readiness = await createReadinessCheck({ db: unreachable, migrationsDir })();
    expect(readiness.ready).toBe(false);
    expect(readiness.checks.database.ok).toBe(false);
    await unreachable.$disconnect();
  });

  it("fails while migrations are pending", async () => {
    const empty = createPrismaClient(`file:${path.join(scratch, "empty.db")}`);
    const readiness = await createReadinessCheck({ db: empty, migrationsDir })();
    expect(readiness.ready).toBe(false);
    expect(readiness.checks.database.ok).toBe(true);
    expect(readiness.checks.migrations.ok).toBe(false);
    await empty.$disconnect();
  });

  it("fails while the event loop is stalled", async () => {
    const check = createReadinessCheck({ db: testPrisma, migrationsDir, maxLoopDelayMs: 100 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const blockedUntil = Date.now() + 400;
    while (Date.now() < blockedUntil) {
      // A parser gone wrong on the event loop.
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    const readiness = await check();
    expect(readiness.checks.eventLoop.ok).toBe(false);
    expect(readiness.checks.eventLoop.detail).toMatch(/^p99 delay \d+ ms$/);
  });

  it("fails while the process is shutting down, so a load balancer drains it", async () => {
    const readiness = await createReadinessCheck({ db: testPrisma, migrationsDir, isShuttingDown: () => true })();
    expect(readiness.ready).toBe(false);
    expect(readiness.checks.shutdown).toEqual({ ok: false, detail: "shutting down" });
  });

  it("checks Redis when one is configured", async () => {
    const silent: Server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as { port: number }).port;
    const broken = await createReadinessCheck({ db: testPrisma, migrationsDir, redisUrl: `redis://127.0.0.1:${port}` })();
    expect(broken.ready).toBe(false);
    expect(broken.checks.redis.ok).toBe(false);
    silent.close();

    // The Redis these machines run (STACK.md; .ci/run starts it). Optional on a developer's machine,
    // as PostgreSQL is (scripts/db/migrations.test.ts): there the check reports why it did not run.
    const real = await createReadinessCheck({ db: testPrisma, migrationsDir, redisUrl: "redis://127.0.0.1:6379" })();
    if (real.checks.redis.ok) return;
    console.warn(`Redis at 127.0.0.1:6379 is not reachable (${real.checks.redis.detail}): the positive Redis check did not run here.`);
    const inCi = Boolean(process.env.CI) && !["0", "false"].includes(process.env.CI ?? "");
    expect(inCi, "CI has Redis, yet 127.0.0.1:6379 is not reachable").toBe(false);
  });

  it("reuses its answer for a second, so polling it every second costs one check", async () => {
    let clock = 0;
    let queries = 0;
    const counting = new Proxy(testPrisma, {
      get(target, property, receiver) {
        if (property === "$queryRawUnsafe") queries += 1;
        return Reflect.get(target, property, receiver);
      },
    });
    const check = createReadinessCheck({ db: counting, migrationsDir, now: () => clock });
    await check();
    const afterFirst = queries;
    clock = 500;
    await check();
    expect(queries).toBe(afterFirst);
    clock = 1_000;
    await check();
    expect(queries).toBeGreaterThan(afterFirst);
  });
});
