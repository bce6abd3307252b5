import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { seedDemoContest } from "~/contests/seed.server";
import { importUnitsCsv } from "~/units/units.server";
import { demoAccounts } from "~/accounts/demo-accounts";
import { createUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { seedQuestionBank } from "./seed-bank";

const here = path.dirname(fileURLToPath(import.meta.url));

// The demo tree, oldest first: the former provinces with their districts (2021/2024), then the merged
// Bắc Ninh of 1 July 2025 with its communes and wards and successions from the districts. Each file
// cites its sources in its header. Nothing in the code depends on these provinces.
const DEMO_UNIT_FILES = ["units-bac-giang-2021.csv", "units-bac-ninh-cu-2024.csv", "units-bac-ninh-2025.csv"];
const DEMO_PROVINCE_CODE = "bn";

export async function seedDemoProvince(): Promise<void> {
  const province = await prisma.unit.findUnique({ where: { code: DEMO_PROVINCE_CODE }, select: { id: true } });
  if (!province) {
    for (const file of DEMO_UNIT_FILES) {
      const csv = await readFile(path.join(here, "seed-data", file), "utf8");
      const result = await importUnitsCsv(csv, { commit: true });
      if (!result.ok) throw new Error(`The demo units file ${file} is invalid: ${JSON.stringify(result.errors)}`);
      console.log(`Seeded ${result.rows.length} units from ${file}.`);
    }
  }
  if (!env().DEMO_MODE) {
    // Accounts with the README's passwords exist only in demo mode (docs/security.md). The bank's
    // releases are recorded as made by the first administrator, once there is one.
    const admin = await prisma.user.findFirst({ where: { role: "admin" }, orderBy: { createdAt: "asc" }, select: { username: true } });
    if (admin) await seedQuestionBank(admin.username);
    console.log(
      admin
        ? "Demo accounts and contest skipped: DEMO_MODE is not true."
        : "Demo accounts, question bank and contest skipped: DEMO_MODE is not true. Create your administrator with npm run admin:create, then run npm run db:seed again.",
    );
    return;
  }
  for (const account of demoAccounts) {
    const unit = account.unitCode
      ? await prisma.unit.findUnique({ where: { code: account.unitCode }, select: { id: true } })
      : null;
    const created = await createUser({ ...account, unitId: unit?.id ?? null });
    if (created.ok) console.log(`Seeded demo account ${account.username} (${account.role}).`);
  }
  await seedQuestionBank("btc");
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
