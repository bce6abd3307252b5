// The question bank's command line (question-bank/README.md):
//   npm run bank:check                      validate every file, print problems and a summary
//   npm run bank:import                     check, then add a revision for every new or changed file
//   npm run bank:export                     write the latest reviewed revisions back to the files
//   npm run bank:release -- 2026.1 --by btc pin a release, created by that user
//   npm run bank:freeze -- 2026.1           write releases/2026.1.yaml: the files as that release holds them
// QUESTION_BANK_DIR overrides the folder (default ./question-bank).
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { checkBankFolder, formatSummary } from "~/bank/check";
import { frozenReleaseToText, RELEASES_FOLDER } from "~/bank/release-manifest";
import { formatIssue } from "~/bank/issues";

const BANK_DIR = path.resolve(process.env.QUESTION_BANK_DIR ?? "question-bank");
const shownDir = path.relative(process.cwd(), BANK_DIR) || ".";

/** Runs the check and prints it; returns the questions only when the bank is valid. */
async function checkedQuestions() {
  const started = performance.now();
  const result = await checkBankFolder(BANK_DIR);
  for (const issue of result.issues) console.error(formatIssue(issue));
  console.log(formatSummary(result.summary));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (result.issues.length > 0) {
    console.error(`\n${result.issues.length} problem(s) in ${shownDir} (${seconds} s)`);
    return null;
  }
  console.log(`\nThe bank is valid (${seconds} s).`);
  return result.questions.map((entry) => entry.question);
}

async function check(): Promise<number> {
  return (await checkedQuestions()) ? 0 : 1;
}

type Bank = typeof import("~/bank/import.server");
type Prisma = typeof import("~/utils/db.server")["prisma"];

/** The database modules load only for the commands that need them, so `check` runs without one. */
async function withDatabase(run: (bank: Bank, prisma: Prisma) => Promise<number>): Promise<number> {
  const [bank, { prisma }] = await Promise.all([import("~/bank/import.server"), import("~/utils/db.server")]);
  try {
    return await run(bank, prisma);
  } finally {
    await prisma.$disconnect();
  }
}

async function importFiles(): Promise<number> {
  const questions = await checkedQuestions();
  if (!questions) return 1;
  return withDatabase(async ({ importQuestions }, prisma) => {
    const report = await importQuestions(prisma, questions, { now: new Date() });
    console.log(
      `Imported: ${report.created.length} new, ${report.revised.length} revised (${report.retired.length} retired), ${report.unchanged} unchanged.`,
    );
    if (report.notInFiles.length > 0)
      console.log(`In the database but not in the files (left as they are): ${report.notInFiles.join(", ")}`);
    return 0;
  });
}

async function exportFiles(): Promise<number> {
  return withDatabase(async ({ exportQuestions, writeQuestionFiles }, prisma) => {
    const written = await writeQuestionFiles(BANK_DIR, await exportQuestions(prisma));
    console.log(`Wrote ${written.length} question file(s) to ${shownDir}.`);
    return 0;
  });
}

async function release(args: string[]): Promise<number> {
  const name = args.find((arg) => !arg.startsWith("--"));
  const byIndex = args.indexOf("--by");
  const username = byIndex === -1 ? undefined : args[byIndex + 1];
  if (!name || !username) {
    console.error("usage: npm run bank:release -- <name, e.g. 2026.1> --by <username>");
    return 2;
  }
  return withDatabase(async ({ createRelease }, prisma) => {
    const user = await prisma.user.findUnique({ where: { username }, select: { id: true } });
    if (!user) {
      console.error(`No user "${username}".`);
      return 1;
    }
    const result = await createRelease(prisma, { name, createdById: user.id, now: new Date() });
    if (!result.ok) {
      console.error(`Release ${name} not created: ${result.code}`);
      return 1;
    }
    console.log(
      `Release ${result.name}: ${result.pinned} question(s) pinned, ${result.published.length} approved revision(s) published.`,
    );
    return 0;
  });
}

/** Freezes the files as release `name` (run before the files change for the next release). */
async function freeze(args: string[]): Promise<number> {
  const name = args.find((arg) => !arg.startsWith("--"));
  if (!name || !/^\d{4}\.\d+$/.test(name)) {
    console.error("usage: npm run bank:freeze -- <release name, e.g. 2026.1>");
    return 2;
  }
  const questions = await checkedQuestions();
  if (!questions) return 1;
  const file = path.join(BANK_DIR, RELEASES_FOLDER, `${name}.yaml`);
  await writeFile(file, frozenReleaseToText(name, questions), { encoding: "utf8", flag: "wx" }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "EEXIST") throw new Error(`${path.relative(process.cwd(), file)} exists: a frozen release is never rewritten`);
    throw error;
  });
  console.log(`Froze ${questions.length} question(s) as ${path.relative(process.cwd(), file)}.`);
  return 0;
}

const commands: Record<string, (args: string[]) => Promise<number>> = {
  check,
  import: importFiles,
  export: exportFiles,
  release,
  freeze,
};

const [command = "", ...args] = process.argv.slice(2);
const run = commands[command];
if (!run) {
  console.error(`usage: tsx scripts/bank.ts <${Object.keys(commands).join(" | ")}>`);
  process.exit(2);
}
process.exitCode = await run(args);
