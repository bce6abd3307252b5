import { z } from "zod";
import { collectionIssues, type LocatedQuestion, type QuestionLocation } from "./collection-rules";
import { contentHash } from "./content-hash";
import { importAiken } from "./formats/aiken";
import { importQuestionsCsv } from "./formats/csv";
import { completeDraft, type DraftImport, type ImportDefaults, type QuestionDraft } from "./formats/draft";
import { importGift } from "./formats/gift";
import { importKahoot } from "./formats/kahoot";
import { importQuestionsXlsx } from "./formats/xlsx";
import type { ImportFormat } from "./import-formats";
import type { BankIssue } from "./issues";
import { AUDIENCES, DIFFICULTIES, type BankQuestion, type Taxonomy } from "./question-file";

// Everything the web import does with the uploaded bytes, and nothing that touches the database:
// app/bank/web-import.server.ts runs `checkUpload` in a worker thread with a time and memory
// budget (app/utils/parse-in-worker.server.ts), handing it the bank's current questions.

const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/**
 * What the import form asks for when the file is from a quiz tool. Its messages are i18n keys
 * of the bank's issue texts, so the action can show them next to the inputs.
 */
export const quizDefaultsSchema = z.object({
  topic: z.string({ error: "required" }).trim().min(1, "required"),
  difficulty: z.enum(DIFFICULTIES, { error: "required" }),
  audiences: z.array(z.enum(AUDIENCES)).min(1, "required"),
  source_title: z.string({ error: "required" }).trim().min(1, "required"),
  source_date: z
    .string({ error: "required" })
    .trim()
    .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, "invalid-format"),
  source_publisher: z.preprocess(blank, z.string().trim().optional()),
  source_url: z.preprocess(blank, z.url({ protocol: /^https?$/, error: "invalid-format" }).optional()),
  explanation: z.preprocess(blank, z.string().trim().optional()),
});
export type QuizDefaults = z.output<typeof quizDefaultsSchema>;

export type ImportedQuestion = { location: QuestionLocation; question: BankQuestion };
export type PlannedQuestion = ImportedQuestion & { action: "new" | "revised" | "unchanged" };
export type ImportCheck = { ok: true; questions: PlannedQuestion[] } | { ok: false; issues: BankIssue[] };

function withLocation(issues: readonly BankIssue[], location: QuestionLocation): BankIssue[] {
  return issues.map((issue) => ({ ...location, ...issue }));
}

/** The next free ids `<topic>-NNNN` after the highest number the bank already uses for the topic. */
function idAllocator(topic: string, existingIds: Iterable<string>): () => string {
  const pattern = new RegExp(`^${topic}-(\\d+)$`);
  let highest = 0;
  for (const id of existingIds) {
    const match = pattern.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return () => {
    highest += 1;
    return `${topic}-${String(highest).padStart(4, "0")}`;
  };
}

/** Quiz drafts completed with the form's defaults into bank questions, each checked like a file. */
function completeDrafts(
  drafts: readonly QuestionDraft[],
  defaults: QuizDefaults,
  taxonomy: Taxonomy,
  existingIds: Iterable<string>,
): { questions: ImportedQuestion[]; issues: BankIssue[] } {
  const [topic] = defaults.topic.split("/");
  const nextId = idAllocator(topic, existingIds);
  const questions: ImportedQuestion[] = [];
  const issues: BankIssue[] = [];
  for (const draft of drafts) {
    const explanation = draft.explanation?.vi ?? defaults.explanation;
    const result = completeDraft(draft, { id: nextId(), ...(explanation ? { explanation: { vi: explanation } } : {}) }, taxonomy);
    if (result.ok) questions.push({ location: draft.location, question: result.value });
    else issues.push(...withLocation(result.issues, draft.location));
  }
  return { questions, issues };
}

function importDefaults(defaults: QuizDefaults): ImportDefaults {
  const [topic, subtopic] = defaults.topic.split("/");
  return {
    language: "vi",
    difficulty: defaults.difficulty,
    audiences: defaults.audiences,
    topic,
    ...(subtopic ? { subtopic } : {}),
    source: {
      title: defaults.source_title,
      date: defaults.source_date,
      ...(defaults.source_publisher ? { publisher: defaults.source_publisher } : {}),
      ...(defaults.source_url ? { url: defaults.source_url } : {}),
    },
  };
}

async function readFile(
  format: ImportFormat,
  bytes: Buffer,
  taxonomy: Taxonomy,
  defaults: QuizDefaults | null,
  existingIds: Iterable<string>,
): Promise<{ ok: true; questions: ImportedQuestion[] } | { ok: false; issues: BankIssue[] }> {
  if (format === "csv" || format === "xlsx") {
    const read = format === "csv" ? importQuestionsCsv(bytes, taxonomy) : await importQuestionsXlsx(bytes, taxonomy);
    if (!read.ok) return read;
    // The layout's reader keeps no row numbers on valid questions; rows are in order, empty ones skipped.
    return { ok: true, questions: read.questions.map((question) => ({ location: {}, question })) };
  }
  if (!defaults) return { ok: false, issues: [{ path: "", code: "required" }] };
  const text = bytes.toString("utf8");
  const drafts: DraftImport =
    format === "gift"
      ? importGift(text, importDefaults(defaults))
      : format === "aiken"
        ? importAiken(text, importDefaults(defaults))
        : await importKahoot(bytes, importDefaults(defaults));
  if (!drafts.ok) return drafts;
  const completed = completeDrafts(drafts.drafts, defaults, taxonomy, existingIds);
  return completed.issues.length > 0 ? { ok: false, issues: completed.issues } : { ok: true, questions: completed.questions };
}

export type UploadCheckInput = {
  format: ImportFormat;
  /** The upload; a Buffer in-process, a Uint8Array once it has crossed into the worker. */
  bytes: Uint8Array;
  taxonomy: Taxonomy;
  defaults: QuizDefaults | null;
  bank: readonly { id: string; question: BankQuestion }[];
};

/**
 * Reads and checks an uploaded file against the bank: the format's rules, the file format's
 * rules for every question, and no prompt that repeats one already in the bank. Then tells, per
 * question, whether it is new, a revision, or unchanged.
 */
export async function checkUpload(input: UploadCheckInput): Promise<ImportCheck> {
  const { bank } = input;
  const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  const read = await readFile(
    input.format,
    bytes,
    input.taxonomy,
    input.defaults,
    bank.map((entry) => entry.id),
  );
  if (!read.ok) return read;

  const imported = new Set(read.questions.map((entry) => entry.question.id));
  const located: LocatedQuestion[] = [
    ...bank.filter((entry) => !imported.has(entry.id)).map((entry) => ({ location: { file: entry.id }, question: entry.question })),
    ...read.questions,
  ];
  // Only clashes that involve the file are its problems; the bank's own are bank:check's.
  const clashes = collectionIssues(located).filter((issue) => issue.file === undefined);
  if (clashes.length > 0) return { ok: false, issues: clashes };

  const byId = new Map(bank.map((entry) => [entry.id, entry]));
  return {
    ok: true,
    questions: read.questions.map((entry) => {
      const current = byId.get(entry.question.id);
      const action = !current ? "new" : contentHash(current.question) === contentHash(entry.question) ? "unchanged" : "revised";
      return { ...entry, action };
    }),
  };
}

