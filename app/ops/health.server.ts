import { readdir } from "node:fs/promises";
import { connect } from "node:net";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { PrismaClient } from "~/utils/db.server";

// /healthz says the process answers; /readyz says it can serve a broadcast: the database answers,
// every migration is applied, Redis answers when configured, and the event loop is not stalled.
// Cheap enough to poll every second: the result is reused for a second, and nothing personal is read.

export type CheckResult = { ok: boolean; detail?: string };
export type Readiness = { ready: boolean; checks: Record<string, CheckResult> };

export type ReadinessOptions = {
  db: PrismaClient;
  /** The folder of the migrations this build expects to be applied. */
  migrationsDir: string;
  redisUrl?: string;
  /** Not ready when the event loop's p99 delay over the last window is past this. */
  maxLoopDelayMs?: number;
  isShuttingDown?: () => boolean;
  cacheMs?: number;
  now?: () => number;
};

const CHECK_TIMEOUT_MS = 1_000;

export function createReadinessCheck(options: ReadinessOptions): () => Promise<Readiness> {
  const now = options.now ?? Date.now;
  const cacheMs = options.cacheMs ?? 1_000;
  const maxLoopDelayMs = options.maxLoopDelayMs ?? 500;
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  let cached: { at: number; result: Promise<Readiness> } | null = null;
  let migrationsApplied = false;

  async function run(): Promise<Readiness> {
    const checks: Record<string, CheckResult> = {};
    checks.shutdown = options.isShuttingDown?.() ? { ok: false, detail: "shutting down" } : { ok: true };
    checks.database = await withTimeout(checkDatabase(options.db), "database");
    if (checks.database.ok && !migrationsApplied) {
      checks.migrations = await withTimeout(checkMigrations(options.db, options.migrationsDir), "migrations");
      // Applied migrations do not come undone while the process runs: checked until they pass once.
      migrationsApplied = checks.migrations.ok;
    } else if (migrationsApplied) {
      checks.migrations = { ok: true };
    }
    if (options.redisUrl) checks.redis = await withTimeout(pingRedis(options.redisUrl), "redis");
    // No sample yet (a probe right after start) reads as no delay, not as the histogram's sentinel.
    const delayMs = loopDelay.count > 0 ? loopDelay.percentile(99) / 1e6 : 0;
    loopDelay.reset();
    checks.eventLoop = delayMs <= maxLoopDelayMs ? { ok: true } : { ok: false, detail: `p99 delay ${Math.round(delayMs)} ms` };
    return { ready: Object.values(checks).every((check) => check.ok), checks };
  }

  return () => {
    const at = now();
    if (!cached || at - cached.at >= cacheMs) cached = { at, result: run() };
    return cached.result;
  };
}

async function checkDatabase(db: PrismaClient): Promise<CheckResult> {
  await db.$queryRawUnsafe("SELECT 1");
  return { ok: true };
}

async function checkMigrations(db: PrismaClient, migrationsDir: string): Promise<CheckResult> {
  const expected = (await readdir(migrationsDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
    `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Set(rows.map((row) => row.migration_name));
  const missing = expected.filter((name) => !applied.has(name));
  return missing.length === 0 ? { ok: true } : { ok: false, detail: `${missing.length} pending: ${missing.join(", ")}` };
}

/** One PING in Redis' own protocol: no client library needed for a readiness probe. */
function pingRedis(redisUrl: string): Promise<CheckResult> {
  const url = new URL(redisUrl);
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname || "127.0.0.1", port: Number(url.port || 6379) });
    let reply = "";
    socket.setTimeout(CHECK_TIMEOUT_MS, () => {
      socket.destroy();
      resolve({ ok: false, detail: "timeout" });
    });
    socket.on("connect", () => {
      if (url.password) socket.write(`AUTH ${decodeURIComponent(url.password)}\r\n`);
      socket.write("PING\r\n");
    });
    socket.on("data", (chunk) => {
      reply += chunk.toString("latin1");
      if (reply.includes("+PONG")) {
        socket.end();
        resolve({ ok: true });
      } else if (reply.startsWith("-")) {
        socket.destroy();
        resolve({ ok: false, detail: reply.trim().slice(0, 100) });
      }
    });
    socket.on("error", (error) => resolve({ ok: false, detail: error.message }));
  });
}

async function withTimeout(check: Promise<CheckResult>, what: string): Promise<CheckResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `${what}: no answer in ${CHECK_TIMEOUT_MS} ms` }), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check.catch((error: unknown) => ({ ok: false, detail: errorSummary(error) })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The kind of failure, never a message that could carry data. */
function errorSummary(error: unknown): string {
  if (error && typeof error === "object" && "code" in error) return `error ${String((error as { code: unknown }).code)}`;
  return error instanceof Error ? error.name : "error";
}

export function migrationsFolderFor(databaseUrl: string, root = process.cwd()): string {
  return databaseUrl.startsWith("file:") ? path.join(root, "prisma/migrations") : path.join(root, "prisma/postgres/migrations");
}
