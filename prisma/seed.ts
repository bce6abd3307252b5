import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkBankFolder } from "~/bank/check";
import { createRelease, importQuestions } from "~/bank/import.server";
import { formatIssue } from "~/bank/issues";
import { seedDemoContest } from "~/contests/seed.server";
import { importUnitsCsv } from "~/units/units.server";
import { createUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import type { Role } from "~/utils/roles";

const here = path.dirname(fileURLToPath(import.meta.url));
const DEMO_RELEASE = "2026.1";

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
    unitCode: "bn-bac-giang-thcs-mau",
  },
  {
    username: "hocsinh",
    displayName: "Nguyễn Minh An",
    role: "participant",
    password: "asean-student",
    unitCode: "bn-bac-giang-thcs-mau",
  },
];

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

/** Imports question-bank/ (idempotent) and pins the first release once, as the organizer "btc". */
async function seedQuestionBank(): Promise<void> {
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
  if (await prisma.bankRelease.findFirst({ select: { id: true } })) return;
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
