// The one way to the database. DATABASE_URL picks the engine (docs/decisions/003): `file:` is
// SQLite through better-sqlite3, `postgresql://` is PostgreSQL through pg. Each provider has its own
// generated client, but both come from the same models (a test keeps them identical), so the app
// is typed against the SQLite client whichever one runs.
import path from "node:path";

import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";

import { PrismaClient as PostgresPrismaClient } from "../generated/postgres/client";
import { PrismaClient } from "../generated/sqlite/client";
import { env } from "./env.server";

export { PrismaClient };

/** How long a write waits for another connection's lock before failing with SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/** A relative SQLite path is relative to the working directory: the project root under npm scripts. */
export function sqliteFile(url: string): string {
  const file = url.replace(/^file:/, "");
  return file === ":memory:" ? file : path.resolve(file);
}

/**
 * WAL lets readers go on while a write commits, which a live game's bursts of answers need; it is
 * set on every connection because a fresh database file starts in rollback-journal mode.
 */
function sqliteAdapter(url: string): SqlDriverAdapterFactory {
  const factory = new PrismaBetterSqlite3({ url: sqliteFile(url), timeout: SQLITE_BUSY_TIMEOUT_MS });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      await adapter.executeScript("PRAGMA journal_mode = WAL;");
      return adapter;
    },
  };
}

export function createPrismaClient(url: string): PrismaClient {
  if (url.startsWith("file:")) return new PrismaClient({ adapter: sqliteAdapter(url) });
  if (/^postgres(ql)?:\/\//.test(url)) {
    // Same models, same API: only the SQL dialect inside the generated client differs.
    return new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient;
  }
  throw new Error("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)");
}

// Kept on globalThis so that Vite's module reloads in development reuse one client and its connections.
const globalForPrisma = globalThis as typeof globalThis & { __prisma?: PrismaClient };

function sharedClient(): PrismaClient {
  globalForPrisma.__prisma ??= createPrismaClient(env().DATABASE_URL);
  return globalForPrisma.__prisma;
}

/**
 * The app's client, created on first use, so that importing this module opens nothing and a test
 * can point DATABASE_URL at its own file first (tests/setup/test-database.ts).
 */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = sharedClient();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
