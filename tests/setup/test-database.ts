// A real SQLite database for server tests, one file per test process.
//
// Usage, in a test file that touches the database (import this module FIRST, before any module
// that reads the environment, so that `prisma` from ~/utils/db.server opens this process's file):
//
//   import { resetDatabase, testPrisma } from "../../tests/setup/test-database";
//   import { prisma } from "~/utils/db.server"; // the same file as testPrisma
//   beforeEach(resetDatabase);
//
// How: the migrations are applied once to a template file named after a hash of the migrations
// (tests/.tmp/template-<hash>.db, reused until a migration changes); each test process copies it
// to tests/.tmp/worker-<pid>.db (Vitest runs each test file in its own process) and deletes it
// after the file's tests (or, after a killed run, at the next start). resetDatabase() empties
// every table in one SQLite transaction: about a millisecond.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import Database from "better-sqlite3";
import { afterAll } from "vitest";

import { deployMigrations, readMigrationList } from "../../scripts/db/migrations";
import { createPrismaClient } from "../../app/utils/db.server";
import { env } from "../../app/utils/env.server";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const tmpDir = path.join(projectRoot, "tests", ".tmp");
const migrationsDir = path.join(projectRoot, "prisma", "migrations");

async function migrationsHash(): Promise<string> {
  const list = await readMigrationList(migrationsDir);
  const hash = createHash("sha256");
  for (const directory of list.migrationDirectories) {
    const { content } = directory.migrationFile;
    hash.update(`${directory.path}\n${content.tag === "ok" ? content.value : ""}\n`);
  }
  return hash.digest("hex").slice(0, 16);
}

/** Builds the template once per migration set; concurrent processes race harmlessly via rename. */
async function ensureTemplate(): Promise<string> {
  const template = path.join(tmpDir, `template-${await migrationsHash()}.db`);
  if (existsSync(template)) return template;
  const building = `${template}.${process.pid}.tmp`;
  rmSync(building, { force: true });
  await deployMigrations({ databaseUrl: `file:${building}`, root: projectRoot });
  renameSync(building, template);
  for (const name of readdirSync(tmpDir)) {
    if (/^template-.*\.db$/.test(name) && path.join(tmpDir, name) !== template) rmSync(path.join(tmpDir, name), { force: true });
  }
  return template;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Files of test processes that died without cleaning up (a killed run). */
function removeAbandonedWorkerFiles(): void {
  for (const name of readdirSync(tmpDir)) {
    const pid = /^worker-(\d+)\.db/.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !isRunning(Number(pid))) rmSync(path.join(tmpDir, name), { force: true });
  }
}

function removeWorkerFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}

async function prepareWorkerDatabase(): Promise<string> {
  mkdirSync(tmpDir, { recursive: true });
  removeAbandonedWorkerFiles();
  const file = path.join(tmpDir, `worker-${process.pid}.db`);
  removeWorkerFiles(file);
  copyFileSync(await ensureTemplate(), file);
  return file;
}

const workerFile = await prepareWorkerDatabase();

/** This process's database URL; DATABASE_URL points at it too. */
export const testDatabaseUrl = `file:${workerFile}`;

process.env.DATABASE_URL = testDatabaseUrl;
if (env().DATABASE_URL !== testDatabaseUrl) {
  throw new Error(
    "The environment was read before tests/setup/test-database.ts set DATABASE_URL: import it before the code under test.",
  );
}

/** A Prisma client on this process's database (the same file `prisma` from db.server uses). */
export const testPrisma = createPrismaClient(testDatabaseUrl);

interface ResetConnection {
  connection: Database.Database;
  emptyAllTables: string;
}

let reset: ResetConnection | undefined;

/**
 * A connection of its own with foreign keys off: RESTRICT relations (a unit's children) would
 * otherwise refuse whole-table deletes in whatever order they come.
 */
function openResetConnection(): ResetConnection {
  const connection = new Database(workerFile, { timeout: 5_000 });
  connection.pragma("foreign_keys = OFF");
  const tables = connection
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> '_prisma_migrations' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  const hasSequences = connection.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get() !== undefined;
  const statements = tables.map((table) => `DELETE FROM "${table.replace(/"/g, '""')}";`);
  if (hasSequences) statements.push("DELETE FROM sqlite_sequence;");
  return { connection, emptyAllTables: ["BEGIN IMMEDIATE;", ...statements, "COMMIT;"].join("\n") };
}

// Registered on the importing test file: its files go when its tests are done.
afterAll(async () => {
  await testPrisma.$disconnect();
  reset?.connection.close();
  removeWorkerFiles(workerFile);
});

/** Deletes every row of every table except the migration history; meant for beforeEach. */
export async function resetDatabase(): Promise<void> {
  reset ??= openResetConnection();
  reset.connection.exec(reset.emptyAllTables);
}
