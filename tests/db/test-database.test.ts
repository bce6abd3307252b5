import { readdir } from "node:fs/promises";
import path from "node:path";

import { beforeEach, describe, expect, it } from "vitest";

import { resetDatabase, testDatabaseUrl, testPrisma } from "../setup/test-database";
import { prisma } from "../../app/utils/db.server";

const projectRoot = path.resolve(import.meta.dirname, "../..");

beforeEach(resetDatabase);

async function seedUnitTree() {
  const province = await testPrisma.unit.create({ data: { code: "bg", name: "Bắc Giang", kind: "province" } });
  const district = await testPrisma.unit.create({ data: { code: "bg-yd", name: "Yên Dũng", kind: "district", parentId: province.id } });
  await testPrisma.unit.create({ data: { code: "bg-yd-thpt", name: "THPT Yên Dũng 1", kind: "school", parentId: district.id } });
  const teacher = await testPrisma.user.create({
    data: { username: "gv1", displayName: "Cô Lan", passwordHash: "x", role: "teacher", unitId: district.id },
  });
  await testPrisma.session.create({ data: { userId: teacher.id, expiresAt: new Date("2026-12-01T00:00:00Z") } });
}

describe("the test database", () => {
  it("is this process's own migrated file, and the app's prisma uses it", async () => {
    expect(testDatabaseUrl).toBe(`file:${path.join(projectRoot, "tests", ".tmp", `worker-${process.pid}.db`)}`);
    expect(process.env.DATABASE_URL).toBe(testDatabaseUrl);

    const migrations = (await readdir(path.join(projectRoot, "prisma", "migrations"), { withFileTypes: true })).filter((entry) =>
      entry.isDirectory(),
    );
    const applied = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
      "SELECT COUNT(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL",
    );
    expect(Number(applied[0].n)).toBe(migrations.length);

    await testPrisma.unit.create({ data: { code: "bg", name: "Bắc Giang", kind: "province" } });
    expect(await prisma.unit.findMany({ select: { code: true } })).toEqual([{ code: "bg" }]);
  });

  it("runs in WAL journal mode with a busy timeout, as the app does", async () => {
    expect(await prisma.$queryRawUnsafe("PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
    expect(await prisma.$queryRawUnsafe("PRAGMA busy_timeout")).toEqual([{ timeout: 5000n }]);
  });

  it("resetDatabase empties every table, unit trees and cascades included, and keeps the migration history", async () => {
    await seedUnitTree();
    const history = await prisma.$queryRawUnsafe<unknown[]>("SELECT migration_name FROM _prisma_migrations");

    await resetDatabase();

    expect(await prisma.unit.count()).toBe(0);
    expect(await prisma.user.count()).toBe(0);
    expect(await prisma.session.count()).toBe(0);
    expect(await prisma.$queryRawUnsafe("SELECT migration_name FROM _prisma_migrations")).toEqual(history);
  });

  it("starts each test empty, whatever the previous test left", async () => {
    expect(await prisma.unit.count()).toBe(0);
    expect(await prisma.user.count()).toBe(0);
  });
});
