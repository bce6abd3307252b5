import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPrismaClient } from "../../app/utils/db.server";
import { expectPostgresOptionalHere, postgresProblem, postgresServerUrl } from "../../tests/setup/postgres";
import { withScratchPostgresDatabase } from "./adapters";
import { createMigration, deployMigrations } from "./migrations";
import { projectRoot, providerFolders } from "./project";

async function migrationNames(migrationsDir: string): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

let scratch: string;
let postgresUnreachable: string | undefined;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "db-migrations-"));
  postgresUnreachable = await postgresProblem();
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe("deployMigrations on SQLite", () => {
  it("applies every migration to a fresh file, records them as Prisma does, and the client can query", async () => {
    const file = path.join(scratch, "nested", "fresh.db");
    const expected = await migrationNames(providerFolders("sqlite").migrationsDir);
    expect(expected.length).toBeGreaterThan(0);

    const result = await deployMigrations({ databaseUrl: `file:${file}` });

    expect(result).toEqual({ provider: "sqlite", appliedMigrationNames: expected });
    const history = new Database(file, { readonly: true })
      .prepare("SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name")
      .all() as { migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown; applied_steps_count: number }[];
    for (const [index, row] of history.entries()) {
      const sql = await readFile(path.join(providerFolders("sqlite").migrationsDir, expected[index], "migration.sql"));
      expect(row.migration_name).toBe(expected[index]);
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      // The native engine stores SQLite timestamps as Unix milliseconds.
      expect(typeof row.finished_at).toBe("number");
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }

    const prisma = createPrismaClient(`file:${file}`);
    try {
      await prisma.unit.create({ data: { code: "bg", name: "Bắc Giang", kind: "province" } });
      expect(await prisma.unit.findMany({ select: { code: true, name: true } })).toEqual([{ code: "bg", name: "Bắc Giang" }]);
    } finally {
      await prisma.$disconnect();
    }
  });

  it("is a no-op the second time and keeps the data", async () => {
    const file = path.join(scratch, "twice.db");
    await deployMigrations({ databaseUrl: `file:${file}` });
    const prisma = createPrismaClient(`file:${file}`);
    await prisma.unit.create({ data: { code: "bg", name: "Bắc Giang", kind: "province" } });
    await prisma.$disconnect();

    const second = await deployMigrations({ databaseUrl: `file:${file}` });

    expect(second.appliedMigrationNames).toEqual([]);
    const database = new Database(file, { readonly: true });
    expect(database.prepare("SELECT COUNT(*) FROM Unit").pluck().get()).toBe(1);
    expect(database.prepare("SELECT COUNT(*) FROM _prisma_migrations").pluck().get()).toBe(
      (await migrationNames(providerFolders("sqlite").migrationsDir)).length,
    );
    database.close();
  });

  it("says the file is in use, instead of the engine's undecodable busy error, while the app has it open", async () => {
    const file = path.join(scratch, "in-use.db");
    await deployMigrations({ databaseUrl: `file:${file}` });
    const app = createPrismaClient(`file:${file}`);
    try {
      await app.unit.count();

      await expect(deployMigrations({ databaseUrl: `file:${file}` })).rejects.toThrow(
        `${file} is locked by another connection: stop the app (or the other migration) using it and retry.`,
      );
    } finally {
      await app.$disconnect();
    }
  });

  it("resolves a relative file: URL against the project root it is given", async () => {
    const result = await deployMigrations({ databaseUrl: "file:./data/relative.db", root: await projectCopy("relative") });

    expect(result.appliedMigrationNames.length).toBeGreaterThan(0);
    await expect(readFile(path.join(scratch, "relative", "data", "relative.db"))).resolves.toBeInstanceOf(Buffer);
  });

  it("names the failing migration and the database's own error", async () => {
    const root = await projectCopy("broken");
    const folder = path.join(providerFolders("sqlite", root).migrationsDir, "29991231000000_broken");
    await mkdir(folder);
    await writeFile(path.join(folder, "migration.sql"), 'INSERT INTO "NoSuchTable" VALUES (1);\n');

    await expect(deployMigrations({ databaseUrl: "file:./data/broken.db", root })).rejects.toThrow(/NoSuchTable/);
    await expect(deployMigrations({ databaseUrl: "file:./data/broken.db", root })).rejects.toThrow(/29991231000000_broken/);
  });
});

/** The project's migrations and schema in a folder of their own. */
async function projectCopy(name: string): Promise<string> {
  const root = path.join(scratch, name);
  for (const provider of ["sqlite", "postgresql"] as const) {
    const from = providerFolders(provider);
    const to = providerFolders(provider, root);
    await cp(from.schemaDir, to.schemaDir, { recursive: true });
    await cp(from.migrationsDir, to.migrationsDir, { recursive: true });
  }
  return root;
}

describe("deployMigrations on PostgreSQL", () => {
  it("applies every migration to a fresh database, then nothing, and the client can query", async () => {
    if (postgresUnreachable) return expectPostgresOptionalHere(postgresUnreachable);
    const expected = await migrationNames(providerFolders("postgresql").migrationsDir);

    await withScratchPostgresDatabase(postgresServerUrl, "test_deploy", async (url) => {
      expect(await deployMigrations({ databaseUrl: url })).toEqual({ provider: "postgresql", appliedMigrationNames: expected });
      expect((await deployMigrations({ databaseUrl: url })).appliedMigrationNames).toEqual([]);

      const prisma = createPrismaClient(url);
      try {
        const province = await prisma.unit.create({ data: { code: "bg", name: "Bắc Giang", kind: "province" } });
        await prisma.unit.create({ data: { code: "bg-yd", name: "Yên Dũng", kind: "district", parentId: province.id } });
        const tree = await prisma.unit.findUnique({ where: { code: "bg" }, select: { children: { select: { code: true } } } });
        expect(tree).toEqual({ children: [{ code: "bg-yd" }] });
      } finally {
        await prisma.$disconnect();
      }
    });
  });
});

describe("createMigration", () => {
  // Two statements (table and index): replaying it on the SQLite shadow database needs the
  // multi-statement fallback in adapters.ts.
  const probeModel = (fields: string) => `model Probe {\n  id    String @id\n${fields}\n  @@index([label])\n}\n`;

  /** A project with the real base.prisma, one model of its own and no migrations yet. */
  async function smallProject(): Promise<string> {
    const root = path.join(scratch, "create");
    const schemaDir = providerFolders("sqlite", root).schemaDir;
    await mkdir(schemaDir, { recursive: true });
    await cp(path.join(projectRoot, "prisma", "schema", "base.prisma"), path.join(schemaDir, "base.prisma"));
    await writeFile(path.join(schemaDir, "probe.prisma"), probeModel("  label String\n"));
    return root;
  }

  it("writes the same migration for SQLite and PostgreSQL, applies it, and creates nothing when unchanged", async () => {
    if (postgresUnreachable) return expectPostgresOptionalHere(postgresUnreachable);
    const root = await smallProject();
    const sqliteDir = providerFolders("sqlite", root).migrationsDir;
    const postgresDir = providerFolders("postgresql", root).migrationsDir;
    const options = { devDatabaseUrl: "file:./data/dev.db", postgresServerUrl, root };

    const first = await createMigration({ name: "probe", ...options });

    expect(first.created).toBe(true);
    if (!first.created) return;
    expect(first.migrationName).toMatch(/^\d{14}_probe$/);
    expect(await migrationNames(sqliteDir)).toEqual([first.migrationName]);
    expect(await migrationNames(postgresDir)).toEqual([first.migrationName]);
    expect(await readFile(path.join(sqliteDir, first.migrationName, "migration.sql"), "utf8")).toContain('CREATE TABLE "Probe"');
    expect(await readFile(path.join(postgresDir, first.migrationName, "migration.sql"), "utf8")).toContain(
      'CONSTRAINT "Probe_pkey" PRIMARY KEY ("id")',
    );
    expect(await readFile(path.join(sqliteDir, "migration_lock.toml"), "utf8")).toContain('provider = "sqlite"');
    expect(await readFile(path.join(postgresDir, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
    expect(first.appliedToDevDatabase).toEqual([first.migrationName]);
    const devDatabase = new Database(path.join(root, "data", "dev.db"), { readonly: true });
    expect(devDatabase.prepare("SELECT name FROM sqlite_master WHERE name = 'Probe'").pluck().get()).toBe("Probe");
    devDatabase.close();

    expect(await createMigration({ name: "nothing", ...options })).toEqual({ created: false });
    expect(await migrationNames(sqliteDir)).toEqual([first.migrationName]);
    expect(await migrationNames(postgresDir)).toEqual([first.migrationName]);

    await writeFile(path.join(providerFolders("sqlite", root).schemaDir, "probe.prisma"), probeModel("  label String\n  score Int @default(0)\n"));
    const second = await createMigration({ name: "probe_score", ...options });

    expect(second.created).toBe(true);
    if (!second.created) return;
    expect(await migrationNames(postgresDir)).toEqual([first.migrationName, second.migrationName].sort());
    expect(await readFile(path.join(postgresDir, second.migrationName, "migration.sql"), "utf8")).toMatch(
      /ALTER TABLE "Probe" ADD COLUMN\s+"score" INTEGER NOT NULL DEFAULT 0/,
    );
    expect(second.appliedToDevDatabase).toEqual([second.migrationName]);
  });

  it("refuses a name that cannot be a folder suffix, before touching anything", async () => {
    await expect(createMigration({ name: "add questions", postgresServerUrl, root: path.join(scratch, "unused") })).rejects.toThrow(
      /letters, digits and underscores/,
    );
  });
});
