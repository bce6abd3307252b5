import type { PrismaClient } from "~/utils/db.server";
import { parseInWorker, type ParseFailure } from "~/utils/parse-in-worker.server";
import { currentQuestions } from "./browse.server";
import { checkXlsxBounds } from "./formats/xlsx-bounds";
import type { ImportFormat } from "./import-formats";
import type { BankIssueCode } from "./issues";
import type { Taxonomy } from "./question-file";
import { BULK_TRANSACTION } from "./import.server";
import { addDraftRevision } from "./review.server";
import type { ImportCheck, ImportedQuestion, QuizDefaults, UploadCheckInput } from "./upload-check";

export { quizDefaultsSchema, type ImportCheck, type ImportedQuestion, type PlannedQuestion, type QuizDefaults } from "./upload-check";

// Importing a file in the web UI: parse and check everything, show a preview, then write every
// question as a draft revision in one transaction, or nothing at all.

type Db = PrismaClient;

const FAILURE_CODES: Record<ParseFailure, BankIssueCode> = {
  timeout: "upload-too-slow",
  memory: "upload-too-large-in-memory",
  busy: "upload-server-busy",
  failed: "unreadable",
};

/**
 * Reads and checks an uploaded file against the bank (app/bank/upload-check.ts) in a worker
 * thread with a time and memory budget, so that no file can stall this process. Writes nothing.
 */
export async function checkImport(
  db: Db,
  input: { format: ImportFormat; bytes: Buffer; taxonomy: Taxonomy; defaults: QuizDefaults | null },
): Promise<ImportCheck> {
  if (input.format === "xlsx" || input.format === "kahoot") {
    // Bounded work (the zip's directory, a kilobyte per sheet): a zip bomb costs not even a worker.
    const tooLarge = checkXlsxBounds(input.bytes);
    if (tooLarge) return { ok: false, issues: [{ path: "", ...tooLarge }] };
  }
  const bank = (await currentQuestions(db)).map(({ id, question }) => ({ id, question }));
  const outcome = await parseInWorker<UploadCheckInput, ImportCheck>(
    { module: "app/bank/upload-check.ts", exportName: "checkUpload" },
    { ...input, bank },
  );
  return outcome.ok ? outcome.value : { ok: false, issues: [{ path: "", code: FAILURE_CODES[outcome.failure] }] };
}

export type ImportCommit = { created: string[]; revised: string[]; unchanged: number };

/** Writes every checked question as a draft revision by `authorId`, in one transaction. */
export async function commitImport(
  db: Db,
  questions: readonly ImportedQuestion[],
  { authorId, now }: { authorId: string; now: Date },
): Promise<ImportCommit> {
  return db.$transaction(async (tx) => {
    const report: ImportCommit = { created: [], revised: [], unchanged: 0 };
    for (const { question } of questions) {
      const { outcome } = await addDraftRevision(tx, question, { authorId, now });
      if (outcome === "unchanged") report.unchanged += 1;
      else report[outcome].push(question.id);
    }
    return report;
  }, BULK_TRANSACTION);
}
