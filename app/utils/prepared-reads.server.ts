import Database from "better-sqlite3";
import pg from "pg";
import { sqliteFile } from "./db.server";
import { env } from "./env.server";

/**
 * Reads on the hot paths with prepared statements, outside Prisma (docs/decisions/040): the session
 * behind a cookie and the attempt a contest save checks. Through Prisma each such read cost about
 * 0.4 ms of the event loop (query interpretation, the driver adapter's `prepare` per query); here a
 * statement is prepared once per connection and a read is tens of microseconds on SQLite.
 *
 * One SQL text serves both databases: identifiers in double quotes, parameters as `?` (numbered
 * `$1, $2…` for PostgreSQL here). Date columns come back as `Date` on both: SQLite keeps Prisma's
 * ISO text, PostgreSQL's `timestamp(3)` (UTC without a zone, as Prisma writes it) is read as UTC.
 * Writes stay where they are (Prisma, or the group commits of group-commit.server.ts).
 */
export type PreparedReads = {
  /** The first row of `sql`, with the columns named in `dates` as Date (or null), or null when none. */
  one<Row>(sql: string, params: unknown[], dates?: readonly string[]): Promise<Row | null>;
  /** Every row of `sql`, dates as in `one`. */
  all<Row>(sql: string, params: unknown[], dates?: readonly string[]): Promise<Row[]>;
  /** PostgreSQL only: the pool, for a caller's own transactions (null on SQLite). */
  pool: pg.Pool | null;
  close(): Promise<void>;
};

function datesOf(row: Record<string, unknown>, dates: readonly string[]): void {
  for (const column of dates) {
    const value = row[column];
    if (value !== null && value !== undefined && !(value instanceof Date)) row[column] = new Date(value as string | number);
  }
}

export function sqlitePreparedReads(databaseUrl: string): PreparedReads {
  const file = sqliteFile(databaseUrl);
  let connection: Database.Database | null = null;
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    // WAL (set by the app's own connection) lets this read run beside the writes of other connections.
    connection ??= new Database(file, { timeout: 5_000 });
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = connection.prepare(sql)));
    return statement;
  };
  return {
    pool: null,
    async one<Row>(sql: string, params: unknown[], dates: readonly string[] = []) {
      const row = prepared(sql).get(...params) as Record<string, unknown> | undefined;
      if (!row) return null;
      datesOf(row, dates);
      return row as Row;
    },
    async all<Row>(sql: string, params: unknown[], dates: readonly string[] = []) {
      const rows = prepared(sql).all(...params) as Record<string, unknown>[];
      for (const row of rows) datesOf(row, dates);
      return rows as Row[];
    },
    async close() {
      connection?.close();
      connection = null;
      statements.clear();
    },
  };
}

/** `timestamp without time zone` (OID 1114): Prisma stores UTC there; pg would read it as local time. */
const TIMESTAMP_OID = 1114;
const utcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);

/** Connections of the hot paths' own pool (Prisma keeps its own): reads side by side, one group commit at a time. */
const PG_POOL_SIZE = 8;

export function postgresPreparedReads(databaseUrl: string): PreparedReads {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: PG_POOL_SIZE,
    types: { getTypeParser: ((oid: number, format?: string) => (oid === TIMESTAMP_OID ? utcTimestamp : pg.types.getTypeParser(oid, format as "text"))) as typeof pg.types.getTypeParser },
  });
  // A failing idle connection (the server restarted) must not bring the process down; the next query opens another.
  pool.on("error", () => undefined);
  const names = new Map<string, { name: string; text: string }>();
  const query = async (sql: string, params: unknown[], dates: readonly string[]) => {
    let prepared = names.get(sql);
    if (!prepared) {
      let position = 0;
      names.set(sql, (prepared = { name: `hot-read-${names.size + 1}`, text: sql.replace(/\?/g, () => `$${(position += 1)}`) }));
    }
    const result = await pool.query({ ...prepared, values: params });
    const rows = result.rows as Record<string, unknown>[];
    for (const row of rows) datesOf(row, dates);
    return rows;
  };
  return {
    pool,
    async one<Row>(sql: string, params: unknown[], dates: readonly string[] = []) {
      const [row] = await query(sql, params, dates);
      return (row ?? null) as Row | null;
    },
    async all<Row>(sql: string, params: unknown[], dates: readonly string[] = []) {
      return (await query(sql, params, dates)) as Row[];
    },
    close: () => pool.end(),
  };
}

export function preparedReadsFor(databaseUrl: string): PreparedReads {
  return databaseUrl.startsWith("file:") ? sqlitePreparedReads(databaseUrl) : postgresPreparedReads(databaseUrl);
}

// Kept on globalThis so that Vite's module reloads in development reuse one connection or pool.
const globalForReads = globalThis as typeof globalThis & { __preparedReads?: { url: string; reads: PreparedReads } };

/** The process's prepared reads for DATABASE_URL, made on first use (a test points DATABASE_URL at its own file first). */
export function preparedReads(): PreparedReads {
  const url = env().DATABASE_URL;
  if (globalForReads.__preparedReads?.url !== url) globalForReads.__preparedReads = { url, reads: preparedReadsFor(url) };
  return globalForReads.__preparedReads.reads;
}
