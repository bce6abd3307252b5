// The question bank's command line (question-bank/README.md):
//   npm run bank:check [-- --quiet]         validate every file, print problems, quality warnings and a summary
//   npm run bank:import                     check, then add a revision for every new or changed file
//   npm run bank:export                     write the latest reviewed revisions back to the files
//   npm run bank:release -- 2026.1 --by btc pin a release, created by that user
//   npm run bank:freeze -- 2026.1           write releases/2026.1.yaml: the files as that release holds them
// QUESTION_BANK_DIR overrides the folder (default ./question-bank).
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { checkBankFolder, formatSummary } from "~/bank/check";
import { countWarnings, formatFinding } from "~/bank/quality";
import { frozenReleaseToText, parseReleaseIndex, RELEASES_FOLDER, RELEASES_INDEX } from "~/bank/release-manifest";
import { formatIssue } from "~/bank/issues";

const BANK_DIR = path.resolve(process.env.QUESTION_BANK_DIR ?? "question-bank");
const shownDir = path.relative(process.cwd(), BANK_DIR) || ".";

/**
 * Runs the check and prints it; returns the questions only when the bank is valid: no format
 * problem, no quality error, and no more quality warnings than the newest release records.
 */
async function checkedQuestions({ quiet = false }: { quiet?: boolean } = {}) {
  const started = performance.now();
  const result = await checkBankFolder(BANK_DIR);
  for (const issue of result.issues) console.error(formatIssue(issue));
  const errors = result.quality.filter((finding) => finding.severity === "error");
  const warnings = result.quality.filter((finding) => finding.severity === "warning");
  for (const finding of errors) console.error(formatFinding(finding));
  if (!quiet) for (const finding of warnings) console.log(formatFinding(finding));
  console.log(formatSummary(result.summary));
  const counts = countWarnings(result.quality);
  const byKind = Object.entries(counts)
    .filter(([kind]) => kind !== "total")
    .map(([kind, count]) => `${kind} ${count}`)
    .join(", ");
  const index = await readFile(path.join(BANK_DIR, RELEASES_INDEX), "utf8").then(parseReleaseIndex, () => null);
  const newest = index?.releases.at(-1);
  console.log(`\nQuality warnings: ${counts.total} (${byKind})${newest ? `; release ${newest.name} records ${newest.warnings}` : ""}.`);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const tooMany = newest !== undefined && counts.total > newest.warnings;
  if (tooMany) console.error(`More quality warnings than release ${newest.name} records (${counts.total} > ${newest.warnings}): fix the new ones.`);
  if (result.issues.length > 0 || errors.length > 0 || tooMany) {
    console.error(`\n${result.issues.length} problem(s), ${errors.length} quality error(s) in ${shownDir} (${seconds} s)`);
    return null;
  }
  console.log(`\nThe bank is valid (${seconds} s).`);
  return result.questions.map((entry) => entry.question);
}

async function check(args: string[]): Promise<number> {
  return (await checkedQuestions({ quiet: args.includes("--quiet") })) ? 0 : 1;
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
  const questions = await checkedQuestions({ quiet: true });
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
  const questions = await checkedQuestions({ quiet: true });
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
