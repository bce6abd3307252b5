import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkBankFolder } from "~/bank/check";
import { createRelease, importQuestions } from "~/bank/import.server";
import { formatIssue } from "~/bank/issues";
import { seedDemoContest } from "~/contests/seed.server";
import { importUnitsCsv } from "~/units/units.server";
import { demoAccounts } from "~/accounts/demo-accounts";
import { createUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";

const here = path.dirname(fileURLToPath(import.meta.url));
const DEMO_RELEASE = "2026.1";

export async function seedDemoProvince(): Promise<void> {
  const province = await prisma.unit.findUnique({ where: { code: "bac-giang" }, select: { id: true } });
  if (!province) {
    const csv = await readFile(path.join(here, "seed-data/units-bac-giang-2021.csv"), "utf8");
    const result = await importUnitsCsv(csv, { commit: true });
    if (!result.ok) throw new Error(`The demo units file is invalid: ${JSON.stringify(result.errors)}`);
    console.log(`Seeded ${result.rows.length} units of the demo province.`);
  }
  if (!env().DEMO_MODE) {
    // Accounts with the README's passwords exist only in demo mode (docs/security.md).
    await seedQuestionBank({ release: false });
    console.log(
      "Demo accounts, release and contest skipped: DEMO_MODE is not true. Create your administrator with npm run admin:create.",
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
  await seedQuestionBank({ release: true });
  await seedDemoContest();
}

/** Imports question-bank/ (idempotent) and, for the demo, pins the first release once, as the organizer "btc". */
async function seedQuestionBank(options: { release: boolean }): Promise<void> {
  const bank = await checkBankFolder(path.join(here, "..", "question-bank"));
  if (bank.issues.length > 0) {
    throw new Error(`The question bank is invalid:\n${bank.issues.map(formatIssue).join("\n")}`);
  }
  const report = await importQuestions(
    prisma,
    bank.questions.map((entry) => entry.question),
    { now: new Date() },
  );
  console.log(`Question bank: ${report.created.length} new, ${report.revised.length} revised, ${report.unchanged} unchanged.`);
  if (!options.release || (await prisma.bankRelease.findFirst({ select: { id: true } }))) return;
  const organizer = await prisma.user.findUniqueOrThrow({ where: { username: "btc" }, select: { id: true } });
  const release = await createRelease(prisma, { name: DEMO_RELEASE, createdById: organizer.id, now: new Date() });
  if (!release.ok) throw new Error(`The demo release could not be created: ${release.code}`);
  console.log(`Release ${release.name} pins ${release.pinned} questions.`);
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
