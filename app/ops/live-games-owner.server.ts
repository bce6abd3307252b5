import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import pg from "pg";
import { sqliteFile } from "~/utils/db.server";

// Live games run inside one app process (docs/decisions/005): a second process on the same
// database would run its own copy of each game, split the players between the two and overwrite
// the saved game with whichever copy wrote last. Until games are owned across processes (issue
// "Past one process"), the second process refuses to start and says why (docs/decisions/032).

export type LiveGamesClaim = { ok: true; release: () => Promise<void> } | { ok: false; message: string };

/** Any fixed 64-bit number: the PostgreSQL advisory lock every app process asks for. */
const ADVISORY_LOCK_KEY = "7301924461200415001";

export async function claimLiveGames(databaseUrl: string): Promise<LiveGamesClaim> {
  return databaseUrl.startsWith("file:") ? claimSqliteFile(sqliteFile(databaseUrl)) : claimPostgres(databaseUrl);
}

function refusal(holder: string): LiveGamesClaim {
  return {
    ok: false,
    message: [
      `Một tiến trình khác của ứng dụng đang chạy các trò chơi trực tiếp trên cơ sở dữ liệu này (${holder}).`,
      "Hai tiến trình sẽ chia đôi người chơi của mỗi trò chơi, nên tiến trình này không khởi động.",
      "Dừng tiến trình kia, hoặc dùng cổng khác với cơ sở dữ liệu khác.",
      `Another app process already runs the live games on this database (${holder}).`,
      "Two processes would split every game's players between them, so this one does not start.",
      "Stop the other one, or use another database for another instance.",
    ].join("\n"),
  };
}

/** PostgreSQL: a session advisory lock, held by a connection of its own for the process's life. */
async function claimPostgres(databaseUrl: string): Promise<LiveGamesClaim> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "san-choi live games" });
  await client.connect();
  const { rows } = await client.query<{ claimed: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS claimed", [ADVISORY_LOCK_KEY]);
  if (!rows[0]?.claimed) {
    const holder = await client.query<{ pid: number; client_addr: string | null }>(
      "SELECT a.pid, a.client_addr::text FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND ((l.classid::bigint << 32) | l.objid::bigint) = $1::bigint LIMIT 1",
      [ADVISORY_LOCK_KEY],
    );
    await client.end();
    const row = holder.rows[0];
    return refusal(row ? `PostgreSQL backend ${row.pid}${row.client_addr ? ` from ${row.client_addr}` : ""}` : "PostgreSQL advisory lock");
  }
  // A dropped connection frees the lock; the process carries on, but says so.
  client.on("error", (error) => console.error("live games: the PostgreSQL connection holding the single-process lock failed", error));
  return { ok: true, release: () => client.end().catch(() => undefined) };
}

/**
 * SQLite: the database is a file on this machine, so a lock file beside it naming this process is
 * enough. A file left by a process that is gone (a kill -9) is taken over; so is one naming this
 * process's own PID, which after a container restart is a previous life of the same PID.
 */
function claimSqliteFile(databaseFile: string): LiveGamesClaim {
  const lockFile = `${databaseFile}.live-games.lock`;
  const me = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(lockFile, JSON.stringify(me), { flag: "wx" });
      return {
        ok: true,
        release: async () => {
          if (readHolder(lockFile)?.pid === me.pid) rmSync(lockFile, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(lockFile);
      // Another machine's process cannot be asked whether it still runs: refuse, and say which file.
      if (holder && holder.host !== me.host) return refusal(`PID ${holder.pid} on ${holder.host}, ${holder.since}; lock file ${lockFile}`);
      if (holder && holder.pid !== me.pid && isRunning(holder.pid)) return refusal(`PID ${holder.pid}, ${holder.since}`);
      // Left behind by a process that no longer runs (or unreadable): take it over.
      rmSync(lockFile, { force: true });
    }
  }
  return refusal(lockFile);
}

function readHolder(lockFile: string): { pid: number; host: string; since: string } | null {
  try {
    const holder = JSON.parse(readFileSync(lockFile, "utf8")) as { pid?: unknown; host?: unknown; since?: unknown };
    return typeof holder.pid === "number" && typeof holder.host === "string" ? { pid: holder.pid, host: holder.host, since: String(holder.since) } : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
