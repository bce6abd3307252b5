import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { seedDemoContest } from "~/contests/seed.server";
import { importUnitsCsv } from "~/units/units.server";
import { createUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import type { Role } from "~/utils/roles";
import { seedQuestionBank } from "./seed-bank";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Demo accounts, one per role; listed in the README. Change them before any real use. */
export const demoAccounts: { username: string; displayName: string; role: Role; password: string; unitCode?: string }[] = [
  { username: "admin", displayName: "Quản trị viên", role: "admin", password: "asean-admin" },
  { username: "btc", displayName: "Ban tổ chức (Sở)", role: "organizer", password: "asean-btc" },
  { username: "btc2", displayName: "Ban tổ chức (Đài PTTH)", role: "organizer", password: "asean-btc2" },
  { username: "dai-ptth", displayName: "Người dẫn Đài PTTH", role: "host", password: "asean-host" },
  {
    username: "giaovien",
    displayName: "Cô giáo Lan",
    role: "teacher",
    password: "asean-teacher",
    unitCode: "bg-tp-bac-giang-thcs-mau-a",
  },
  {
    username: "hocsinh",
    displayName: "Nguyễn Minh An",
    role: "participant",
    password: "asean-student",
    unitCode: "bg-tp-bac-giang-thcs-mau-a",
  },
];

export async function seedDemoProvince(): Promise<void> {
  const province = await prisma.unit.findUnique({ where: { code: "bac-giang" }, select: { id: true } });
  if (!province) {
    const csv = await readFile(path.join(here, "seed-data/units-bac-giang-2021.csv"), "utf8");
    const result = await importUnitsCsv(csv, { commit: true });
    if (!result.ok) throw new Error(`The demo units file is invalid: ${JSON.stringify(result.errors)}`);
    console.log(`Seeded ${result.rows.length} units of the demo province.`);
  }
  for (const account of demoAccounts) {
    const unit = account.unitCode
      ? await prisma.unit.findUnique({ where: { code: account.unitCode }, select: { id: true } })
      : null;
    const created = await createUser({ ...account, unitId: unit?.id ?? null });
    if (created.ok) console.log(`Seeded demo account ${account.username} (${account.role}).`);
  }
  await seedQuestionBank();
  await seedDemoContest();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  seedDemoProvince()
    .then(() => prisma.$disconnect())
    .catch(async (error) => {
      console.error(error);
      await prisma.$disconnect();
      process.exit(1);
    });
}
