import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";

import { withScratchPostgresDatabase } from "../../scripts/db/adapters";
import { expectPostgresOptionalHere, postgresProblem, postgresServerUrl } from "../setup/postgres";

// The README's "Using PostgreSQL instead of SQLite" steps, run as written (npm scripts in child
// processes) on a fresh PostgreSQL database, then the README's backup and restore commands.

function npmRun(args: string[], databaseUrl: string, input?: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    // As an operator's shell: no test-runner mode, no demo.
    const environment = Object.fromEntries(
      Object.entries({ ...process.env, DATABASE_URL: databaseUrl }).filter(([name]) => !["NODE_ENV", "DEMO_MODE", "VITEST"].includes(name)),
    );
    const child = spawn("npm", ["run", "--silent", ...args], {
      // The project types NODE_ENV as always set; an operator's shell may well not set it.
      env: environment as unknown as NodeJS.ProcessEnv,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (data) => (output += data));
    child.stderr.on("data", (data) => (output += data));
    child.stdin.end(input ?? "");
    child.on("close", (code) => resolve({ code, output }));
  });
}

async function expectSucceeds(args: string[], databaseUrl: string, input?: string): Promise<string> {
  const result = await npmRun(args, databaseUrl, input);
  expect(result.code, `npm run ${args.join(" ")}:\n${result.output}`).toBe(0);
  return result.output;
}

async function counts(databaseUrl: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result: Record<string, number> = {};
    for (const table of ["User", "Unit", "QuestionRevision", "BankRelease"]) {
      const { rows } = await client.query<{ count: string }>(`SELECT COUNT(*) AS count FROM "${table}"`);
      result[table] = Number(rows[0].count);
    }
    const { rows } = await client.query<{ role: string }>(`SELECT role FROM "User" WHERE username = 'quantri'`);
    result.administrators = rows.filter((row) => row.role === "admin").length;
    return result;
  } finally {
    await client.end();
  }
}

let postgresUnreachable: string | undefined;
beforeAll(async () => {
  postgresUnreachable = await postgresProblem();
});

describe("the README's PostgreSQL steps on a fresh database", () => {
  it("deploy, seed, create the administrator, seed the bank; a backup restores into another fresh database", async () => {
    if (postgresUnreachable) return expectPostgresOptionalHere(postgresUnreachable);
    await withScratchPostgresDatabase(postgresServerUrl, "readme_steps", async (url) => {
      await expectSucceeds(["db:deploy"], url);
      expect(await expectSucceeds(["db:seed"], url)).toContain("npm run admin:create");
      expect(await expectSucceeds(["admin:create", "--", "--username", "quantri", "--name", "Quản trị viên"], url, "mat-khau-rat-dai-cho-thu-nghiem\n")).toContain("quantri");
      expect(await expectSucceeds(["db:seed"], url)).toContain("Release 2026.2 pins");
      const seeded = await counts(url);
      expect(seeded.administrators).toBe(1);
      expect(seeded.Unit).toBeGreaterThan(100);
      expect(seeded.QuestionRevision).toBeGreaterThan(600);

      const folder = mkdtempSync(path.join(tmpdir(), "san-choi-pg-backup-"));
      try {
        await expectSucceeds(["db:backup", "--", "--to", folder], url);
        const [file] = readdirSync(folder);
        expect(file).toMatch(/^san-choi-\d{8}-\d{6}\.dump$/);
        await withScratchPostgresDatabase(postgresServerUrl, "readme_restore", async (restoredUrl) => {
          await expectSucceeds(["db:restore", "--", path.join(folder, file), "--yes"], restoredUrl);
          expect(await counts(restoredUrl)).toEqual(seeded);
        });
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  }, 180_000);
});
