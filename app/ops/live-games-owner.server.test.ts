import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { withScratchPostgresDatabase } from "../../scripts/db/adapters";
import { expectPostgresOptionalHere, postgresProblem, postgresServerUrl } from "../../tests/setup/postgres";
import { claimLiveGames } from "./live-games-owner.server";

// The single-owner rule for live games until they are owned across processes: a second app process
// on the same database is refused with a message in both languages; a stale claim is taken over.

const folder = mkdtempSync(path.join(tmpdir(), "live-owner-"));
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

/** Another live process on this machine, whose PID a lock file can name. */
function otherProcess(): number {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"]);
  children.push(child);
  return child.pid!;
}

describe("on SQLite", () => {
  it("refuses while another running process holds the database, and takes over after it is gone", async () => {
    const database = path.join(folder, "a.db");
    const lockFile = `${database}.live-games.lock`;
    const pid = otherProcess();
    writeFileSync(lockFile, JSON.stringify({ pid, host: hostname(), since: "2026-12-07T10:00:00.000Z" }));

    const refused = await claimLiveGames(`file:${database}`);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.message).toContain("Một tiến trình khác của ứng dụng đang chạy các trò chơi trực tiếp");
      expect(refused.message).toContain("Another app process already runs the live games");
      expect(refused.message).toContain(`PID ${pid}`);
    }

    children.splice(0).forEach((child) => child.kill("SIGKILL"));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const claimed = await claimLiveGames(`file:${database}`);
    expect(claimed.ok).toBe(true);
    expect(JSON.parse(readFileSync(lockFile, "utf8")).pid).toBe(process.pid);
    if (claimed.ok) await claimed.release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it("refuses a claim written on another machine, naming the file to remove", async () => {
    const database = path.join(folder, "b.db");
    writeFileSync(`${database}.live-games.lock`, JSON.stringify({ pid: 4242, host: "may-chu-khac", since: "2026-12-07T10:00:00.000Z" }));
    const refused = await claimLiveGames(`file:${database}`);
    expect(refused).toMatchObject({ ok: false });
    if (!refused.ok) expect(refused.message).toContain(`${database}.live-games.lock`);
  });

  it("takes over an unreadable claim file", async () => {
    const database = path.join(folder, "c.db");
    writeFileSync(`${database}.live-games.lock`, "{half a json");
    const claimed = await claimLiveGames(`file:${database}`);
    expect(claimed.ok).toBe(true);
    if (claimed.ok) await claimed.release();
  });
});

describe("the app's start", () => {
  it("stops with the message when another process runs the database's live games", async () => {
    const database = path.join(folder, "server.db");
    writeFileSync(`${database}.live-games.lock`, JSON.stringify({ pid: otherProcess(), host: hostname(), since: "2026-12-07T10:00:00.000Z" }));
    const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
      env: { ...process.env, DATABASE_URL: `file:${database}`, NODE_ENV: "production", PORT: "3998", DEMO_MODE: "true" },
    });
    let output = "";
    server.stderr.on("data", (data) => (output += data));
    server.stdout.on("data", (data) => (output += data));
    const code = await new Promise<number | null>((resolve) => server.on("close", resolve));
    expect(code).toBe(1);
    expect(output).toContain("Another app process already runs the live games on this database");
  }, 30_000);
});

describe("on PostgreSQL", () => {
  let unreachable: string | undefined;
  beforeAll(async () => {
    unreachable = await postgresProblem();
  });

  it("lets one process hold the database's live games; the second is refused until the first lets go", async () => {
    if (unreachable) return expectPostgresOptionalHere(unreachable);
    await withScratchPostgresDatabase(postgresServerUrl, "live_owner", async (url) => {
      const first = await claimLiveGames(url);
      expect(first.ok).toBe(true);
      const second = await claimLiveGames(url);
      expect(second.ok).toBe(false);
      if (!second.ok) expect(second.message).toMatch(/PostgreSQL backend \d+/);
      if (first.ok) await first.release();
      const third = await claimLiveGames(url);
      expect(third.ok).toBe(true);
      if (third.ok) await third.release();
    });
  });
});

process.on("exit", () => rmSync(folder, { recursive: true, force: true }));
