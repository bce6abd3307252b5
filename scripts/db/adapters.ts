// Driver adapters shaped for the schema engine, each working around what the stock adapters do
// wrong for migrations (STACK.md, "Prisma 7 here").
import { randomUUID } from "node:crypto";

import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { isDriverAdapterError, type SqlDriverAdapter, type SqlQuery } from "@prisma/driver-adapter-utils";
import pg from "pg";

import type { ClosableAdapterFactory } from "./schema-engine";

/** Closes each adapter once, in the order they were opened. */
class OpenAdapters {
  private readonly open: SqlDriverAdapter[] = [];

  track(adapter: SqlDriverAdapter): SqlDriverAdapter {
    const dispose = adapter.dispose.bind(adapter);
    let closing: Promise<void> | undefined;
    adapter.dispose = () => (closing ??= dispose());
    this.open.push(adapter);
    return adapter;
  }

  async closeAll(): Promise<void> {
    for (const adapter of this.open.splice(0)) await adapter.dispose();
  }
}

export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "");
}

/**
 * Two fixes between better-sqlite3 and the engine:
 * - The engine sends a whole multi-statement migration through `executeRaw` when it replays history
 *   on the shadow database, which better-sqlite3 refuses ("contains more than one statement"): run
 *   such parameterless SQL as a script instead.
 * - The engine takes the file with `locking_mode=EXCLUSIVE`, as the native engine does, so it waits
 *   while any other connection has the file open in WAL mode (a running app). The adapter reports
 *   that as a "SocketTimeout" the engine cannot decode; say what it means instead.
 */
function adaptForEngine(adapter: SqlDriverAdapter, file: string): SqlDriverAdapter {
  const explainLocked = (error: unknown): never => {
    if (isDriverAdapterError(error) && error.cause.kind === "SocketTimeout") {
      throw new Error(`${file} is locked by another connection: stop the app (or the other migration) using it and retry.`);
    }
    throw error;
  };
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  const executeScript = adapter.executeScript.bind(adapter);
  adapter.queryRaw = (query) => queryRaw(query).catch(explainLocked);
  adapter.executeScript = (script) => executeScript(script).catch(explainLocked);
  adapter.executeRaw = async (query: SqlQuery) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (query.args.length > 0 || !/more than one statement/i.test(errorText(error))) return explainLocked(error);
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  return adapter;
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return `${error.message} ${cause ? JSON.stringify(cause) : ""}`;
}

/**
 * SQLite: the main database is the file named by `url`; the shadow database is in memory.
 * `_prisma_migrations` timestamps are written as Unix milliseconds, as the native engine writes them.
 */
export function sqliteMigrationAdapter(url: string): ClosableAdapterFactory {
  const options = { timestampFormat: "unixepoch-ms" } as const;
  const main = new PrismaBetterSqlite3({ url: sqliteFilePath(url) }, options);
  const shadow = new PrismaBetterSqlite3({ url: ":memory:" }, options);
  const adapters = new OpenAdapters();
  return {
    provider: "sqlite",
    adapterName: main.adapterName,
    connect: async () => adapters.track(adaptForEngine(await main.connect(), sqliteFilePath(url))),
    connectToShadowDb: async () => adapters.track(adaptForEngine(await shadow.connect(), "The shadow database")),
    close: () => adapters.closeAll(),
  };
}

const POSTGRES_CHAR_OID = 18;
const POSTGRES_TEXT_OID = 25;

/**
 * The engine's catalog queries return Postgres `"char"` columns (OID 18), a type adapter-pg cannot
 * read; their values arrive as strings anyway, so relabel them as text.
 */
class CatalogReadablePool extends pg.Pool {
  // Typed loosely: pg.Pool#query has a dozen overloads and this only post-processes the promise form.
  query(...args: unknown[]): any {
    const result = (super.query as (...args: unknown[]) => unknown)(...args);
    if (result instanceof Promise) return result.then(relabelCharColumns);
    return result;
  }
}

function relabelCharColumns<T>(result: T): T {
  const fields = (result as { fields?: { dataTypeID: number }[] }).fields ?? [];
  for (const field of fields) if (field.dataTypeID === POSTGRES_CHAR_OID) field.dataTypeID = POSTGRES_TEXT_OID;
  return result;
}

/** Host, port, user, password and database as separate fields: adapter-pg needs them that way. */
export function postgresConfig(url: string): pg.PoolConfig & { database: string } {
  const parsed = new URL(url);
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new Error(`Not a PostgreSQL URL: ${url}`);
  return {
    host: decodeURIComponent(parsed.hostname) || "127.0.0.1",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres",
  };
}

export function postgresUrlForDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function withPostgresClient<T>(config: pg.ClientConfig, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createPostgresDatabase(url: string, database: string): Promise<void> {
  await withPostgresClient(postgresConfig(url), (client) => client.query(`CREATE DATABASE ${quoteIdentifier(database)}`));
}

export async function dropPostgresDatabase(url: string, database: string): Promise<void> {
  await withPostgresClient(postgresConfig(url), (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`),
  );
}

/**
 * Runs `work` with the URL of a new, empty database on the same server, dropped afterwards.
 * `url` names any database the user may connect to (it is used to create and drop the new one).
 */
export async function withScratchPostgresDatabase<T>(
  url: string,
  prefix: string,
  work: (scratchUrl: string) => Promise<T>,
): Promise<T> {
  const database = `${prefix}_${randomUUID().replace(/-/g, "")}`;
  await createPostgresDatabase(url, database);
  try {
    return await work(postgresUrlForDatabase(url, database));
  } finally {
    await dropPostgresDatabase(url, database);
  }
}

/**
 * PostgreSQL: the main database is the one named by `url`; each shadow database is created next to
 * it and dropped after its pool is closed (PrismaPg's own shadow drops it while still connected,
 * and with a connection string it would connect to the main database instead).
 */
export function postgresMigrationAdapter(url: string): ClosableAdapterFactory {
  const config = postgresConfig(url);
  const adapters = new OpenAdapters();
  const connectTo = (database: string) =>
    new PrismaPg(new CatalogReadablePool({ ...config, database }), { disposeExternalPool: true }).connect();
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => adapters.track(await connectTo(config.database)),
    connectToShadowDb: async () => {
      const database = `prisma_migrate_shadow_db_${randomUUID().replace(/-/g, "")}`;
      await createPostgresDatabase(url, database);
      const adapter = await connectTo(database);
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await dropPostgresDatabase(url, database);
      };
      return adapters.track(adapter);
    },
    close: () => adapters.closeAll(),
  };
}
