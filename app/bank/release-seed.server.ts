import { readFile } from "node:fs/promises";
import path from "node:path";
import { checkBankFolder } from "./check";
import { createRelease, importQuestions } from "./import.server";
import { formatIssue } from "./issues";
import { formatFinding } from "./quality";
import { parseFrozenRelease, parseReleaseIndex, RELEASES_FOLDER, RELEASES_INDEX } from "./release-manifest";
import type { BankQuestion } from "./question-file";
import type { PrismaClient } from "~/utils/db.server";

// Builds the bank's releases from question-bank/ (used by the seed, prisma/seed-bank.ts) (docs/decisions/019-frozen-release-manifests.md): every
// release in question-bank/releases/index.yaml, oldest first, each built from what it held, then
// the files as they are. Idempotent: a release that exists is left alone, an unchanged file adds
// no revision.

/** The question files, refused when they break a format rule or a quality rule that is certain. */
async function currentQuestions(bankDir: string): Promise<BankQuestion[]> {
  const bank = await checkBankFolder(bankDir);
  const errors = bank.quality.filter((finding) => finding.severity === "error");
  if (bank.issues.length > 0 || errors.length > 0) {
    throw new Error(
      `The question bank is invalid:\n${[...bank.issues.map(formatIssue), ...errors.map(formatFinding)].join("\n")}`,
    );
  }
  return bank.questions.map((entry) => entry.question);
}

async function frozenQuestions(bankDir: string, file: string): Promise<BankQuestion[]> {
  const frozen = parseFrozenRelease(await readFile(path.join(bankDir, RELEASES_FOLDER, file), "utf8"));
  if (!frozen.ok) throw new Error(`question-bank/${RELEASES_FOLDER}/${file}: ${frozen.problem}`);
  return frozen.value.questions;
}

/**
 * Builds the missing releases in order: a frozen release imports its questions (revision 1 on a fresh database) and pins them; the newest imports the files as new
 * revisions and pins them. Rounds that pinned an older release keep it; a new round's form offers
 * the newest first.
 */
export async function buildReleases(
  db: PrismaClient,
  { bankDir, createdById, log = () => {} }: { bankDir: string; createdById: string; log?: (line: string) => void },
): Promise<void> {
  const index = parseReleaseIndex(await readFile(path.join(bankDir, RELEASES_INDEX), "utf8"));
  let previous = 0;
  for (const release of index.releases) {
    const exists = await db.bankRelease.findUnique({ where: { name: release.name }, select: { id: true } });
    // A frozen release that exists is done: importing it again would add its old text back as a
    // newer revision. The files are imported every time (unchanged ones add nothing).
    if (exists && release.frozen) continue;
    const questions = release.frozen ? await frozenQuestions(bankDir, release.frozen) : await currentQuestions(bankDir);
    const report = await importQuestions(db, questions, { now: new Date() });
    if (report.created.length + report.revised.length > 0) {
      log(`Question bank ${release.name}: ${report.created.length} new, ${report.revised.length} revised.`);
    }
    if (exists) continue;
    // Releases are ordered by creation time ("newest first" in every form): never two in one millisecond.
    previous = Math.max(Date.now(), previous + 1);
    const created = await createRelease(db, { name: release.name, createdById, now: new Date(previous) });
    if (!created.ok) throw new Error(`Release ${release.name} could not be created: ${created.code}`);
    log(`Release ${created.name} pins ${created.pinned} questions.`);
  }
}
