// Online backups while games run (docs/operations.md):
//   npm run db:backup [-- --to backups/]            SQLite: the backup API, page by page, without
//                                                   pausing writers; PostgreSQL: pg_dump -Fc
//   npm run db:restore -- <file> [--yes]            into DATABASE_URL (stop the app first)
import "dotenv/config";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { DEFAULT_DATABASE_URL } from "./db/project";

function stamp(date = new Date()): string {
  // Viet Nam time in the file name, as the operators read it.
  return new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
}

function sqlitePath(url: string): string {
  return path.resolve(url.replace(/^file:/, ""));
}

async function backup(databaseUrl: string, folder: string): Promise<string> {
  mkdirSync(folder, { recursive: true });
  if (databaseUrl.startsWith("file:")) {
    const target = path.join(folder, `san-choi-${stamp()}.db`);
    const source = new Database(sqlitePath(databaseUrl), { readonly: true, fileMustExist: true });
    try {
      await source.backup(target);
    } finally {
      source.close();
    }
    return target;
  }
  const target = path.join(folder, `san-choi-${stamp()}.dump`);
  const result = spawnSync("pg_dump", ["--format=custom", "--no-owner", `--file=${target}`, databaseUrl], { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`pg_dump failed (exit ${result.status ?? result.error?.message})`);
  return target;
}

function restore(databaseUrl: string, file: string): void {
  if (!existsSync(file)) throw new Error(`No backup file at ${file}`);
  if (databaseUrl.startsWith("file:")) {
    const target = sqlitePath(databaseUrl);
    // A restored file must not be mixed with the old file's write-ahead log.
    for (const suffix of ["-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
    copyFileSync(file, target);
    return;
  }
  const result = spawnSync("pg_restore", ["--clean", "--if-exists", "--no-owner", `--dbname=${databaseUrl}`, file], { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`pg_restore failed (exit ${result.status ?? result.error?.message})`);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { to: { type: "string", default: "backups" }, yes: { type: "boolean", default: false } },
  });
  if (command === "backup") {
    const started = Date.now();
    const file = await backup(databaseUrl, values.to!);
    console.log(`Backed up to ${file} in ${Date.now() - started} ms.`);
    return;
  }
  if (command === "restore") {
    const file = positionals[0];
    if (!file) throw new Error("usage: npm run db:restore -- <backup file> --yes");
    if (!values.yes) throw new Error(`This replaces the database at ${databaseUrl}. Stop the app, then run again with --yes.`);
    restore(databaseUrl, file);
    console.log(`Restored ${file} into ${databaseUrl}. Start the app again.`);
    return;
  }
  throw new Error("usage: tsx scripts/db-backup.ts backup [--to folder] | restore <file> --yes");
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
