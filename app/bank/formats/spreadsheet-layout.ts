import { restoreCellText } from "~/utils/spreadsheet-cell";
import { collectionIssues, type LocatedQuestion } from "../collection-rules";
import type { BankIssue } from "../issues";
import { MAX_OPTIONS, validateQuestion, type BankQuestion, type Taxonomy } from "../question-file";

// The project's own spreadsheet layout, shared by CSV and XLSX: one row per question, the
// columns of question-bank/README.md "Spreadsheet layout".

const optionColumns = Array.from(
  { length: MAX_OPTIONS },
  (_, index) => [`option_${index + 1}_vi`, `option_${index + 1}_en`] as const,
).flat();

export const SPREADSHEET_COLUMNS = [
  "id",
  "topic",
  "subtopic",
  "difficulty",
  "audiences",
  "type",
  "prompt_vi",
  "prompt_en",
  ...optionColumns,
  "correct",
  "explanation_vi",
  "explanation_en",
  "source_title",
  "source_publisher",
  "source_url",
  "source_date",
  "source_locator",
  "locality",
  "image",
  "status",
] as const;

export type SpreadsheetColumn = (typeof SPREADSHEET_COLUMNS)[number];

/** Columns a sheet must have; the others may be left out and then read as empty. */
export const REQUIRED_COLUMNS: readonly SpreadsheetColumn[] = [
  "id",
  "topic",
  "difficulty",
  "audiences",
  "type",
  "prompt_vi",
  "option_1_vi",
  "option_2_vi",
  "correct",
  "explanation_vi",
  "source_title",
  "source_date",
];

export type SheetRow = { row: number; cells: readonly string[] };
export type SpreadsheetImport = { ok: true; questions: BankQuestion[] } | { ok: false; issues: BankIssue[] };

/** One question as cells, in `SPREADSHEET_COLUMNS` order. */
export function questionToCells(question: BankQuestion): string[] {
  const cells: Record<string, string> = {
    id: question.id,
    topic: question.topic,
    subtopic: question.subtopic ?? "",
    difficulty: question.difficulty,
    audiences: question.audiences.join(", "),
    type: question.type,
    prompt_vi: question.prompt.vi,
    prompt_en: question.prompt.en ?? "",
    correct: question.options.flatMap((option, index) => (option.correct ? [String(index + 1)] : [])).join(", "),
    explanation_vi: question.explanation.vi,
    explanation_en: question.explanation.en ?? "",
    source_title: question.source.title,
    source_publisher: question.source.publisher ?? "",
    source_url: question.source.url ?? "",
    source_date: question.source.date,
    source_locator: question.source.locator ?? "",
    locality: question.locality ?? "",
    image: question.image ?? "",
    status: question.status,
  };
  question.options.forEach((option, index) => {
    cells[`option_${index + 1}_vi`] = option.vi;
    cells[`option_${index + 1}_en`] = option.en ?? "";
  });
  return SPREADSHEET_COLUMNS.map((column) => cells[column] ?? "");
}

/**
 * Validates every row of a sheet in the project's layout. Either every question comes back, or
 * every problem with its row number and column: nothing is imported from a file with errors.
 */
export function parseSpreadsheetRows(
  header: SheetRow | undefined,
  rows: readonly SheetRow[],
  taxonomy: Taxonomy,
): SpreadsheetImport {
  if (!header) return { ok: false, issues: [{ path: "", code: "empty" }] };
  // The bank's own exports neutralise formula-like texts with an apostrophe; take it off again.
  rows = rows.map((row) => ({ ...row, cells: row.cells.map(restoreCellText) }));
  const headerIssues: BankIssue[] = [];
  const columnIndex = new Map<string, number>();
  header.cells.forEach((cell, index) => {
    const name = cell.trim().toLowerCase();
    if (name === "") return;
    if (!(SPREADSHEET_COLUMNS as readonly string[]).includes(name)) {
      headerIssues.push({ row: header.row, path: name, code: "unknown-column" });
    } else if (columnIndex.has(name)) {
      headerIssues.push({ row: header.row, path: name, code: "duplicate-value" });
    } else {
      columnIndex.set(name, index);
    }
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!columnIndex.has(column)) headerIssues.push({ row: header.row, path: column, code: "missing-column" });
  }
  if (headerIssues.length > 0) return { ok: false, issues: headerIssues };

  const issues: BankIssue[] = [];
  const located: LocatedQuestion[] = [];
  for (const { row, cells } of rows) {
    if (cells.every((cell) => cell.trim() === "")) continue;
    const cell = (column: SpreadsheetColumn) => {
      const index = columnIndex.get(column);
      return index === undefined ? "" : (cells[index] ?? "").trim();
    };
    const { raw, issues: rowIssues } = rowToRawQuestion(cell);
    const result = validateQuestion(raw, taxonomy);
    const fieldIssues = result.ok ? [] : result.issues.map((issue) => ({ ...issue, path: columnOf(issue) }));
    // An unreadable `correct` cell already explains a wrong count of correct options.
    const correctCellBad = rowIssues.some((issue) => issue.path === "correct");
    const allIssues = [...rowIssues, ...fieldIssues.filter((issue) => !(correctCellBad && issue.path === "correct"))];
    if (allIssues.length > 0) issues.push(...allIssues.map((issue) => ({ ...issue, row })));
    else if (result.ok) located.push({ location: { row }, question: result.value });
  }
  if (located.length === 0 && issues.length === 0) return { ok: false, issues: [{ path: "", code: "empty" }] };
  issues.push(...collectionIssues(located).map((issue) => ({ ...issue, path: columnOf(issue) })));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, questions: located.map((entry) => entry.question) };
}

function rowToRawQuestion(cell: (column: SpreadsheetColumn) => string): { raw: Record<string, unknown>; issues: BankIssue[] } {
  const issues: BankIssue[] = [];
  const correct = new Set<number>();
  for (const token of cell("correct")
    .split(/[,;\s]+/)
    .filter(Boolean)) {
    const number = Number(token);
    if (!Number.isInteger(number) || number < 1 || number > MAX_OPTIONS) issues.push({ path: "correct", code: "invalid-format" });
    else correct.add(number);
  }

  let lastOption = 0;
  for (let number = 1; number <= MAX_OPTIONS; number += 1) {
    if (cell(`option_${number}_vi` as SpreadsheetColumn) || cell(`option_${number}_en` as SpreadsheetColumn)) lastOption = number;
  }
  for (const number of correct) {
    if (number > lastOption) issues.push({ path: "correct", code: "answer-out-of-range", params: { option: number } });
  }
  // Options up to the last filled one, gaps included: a gap is reported, never closed up, since
  // the numbers in `correct` refer to the columns as written.
  const options = Array.from({ length: lastOption }, (_, index) => ({
    vi: cell(`option_${index + 1}_vi` as SpreadsheetColumn),
    en: cell(`option_${index + 1}_en` as SpreadsheetColumn),
    correct: correct.has(index + 1),
  }));

  const optional = (value: string) => (value === "" ? undefined : value);
  const raw = {
    id: cell("id"),
    topic: cell("topic"),
    subtopic: optional(cell("subtopic")),
    difficulty: cell("difficulty"),
    audiences: cell("audiences")
      .split(/[,;\s]+/)
      .filter(Boolean),
    type: cell("type"),
    prompt: { vi: cell("prompt_vi"), en: optional(cell("prompt_en")) },
    options,
    explanation: { vi: cell("explanation_vi"), en: optional(cell("explanation_en")) },
    source: {
      title: cell("source_title"),
      publisher: optional(cell("source_publisher")),
      url: optional(cell("source_url")),
      date: cell("source_date"),
      locator: optional(cell("source_locator")),
    },
    locality: optional(cell("locality")),
    image: optional(cell("image")),
    status: optional(cell("status")),
  };
  return { raw, issues };
}

const CORRECT_RULES = new Set(["needs-exactly-one-correct", "needs-a-correct-option", "true-false-options"]);

/** The column a question field lives in: `options[1].vi` → `option_2_vi`, `source.date` → `source_date`. */
function columnOf(issue: BankIssue): string {
  if (issue.path === "options") return CORRECT_RULES.has(issue.code) ? "correct" : "options";
  return issue.path
    .replace(/^options\[(\d+)\]\.(vi|en)$/, (_, index: string, language: string) => `option_${Number(index) + 1}_${language}`)
    .replace(/\[\d+\]$/, "")
    .replace(".", "_");
}
