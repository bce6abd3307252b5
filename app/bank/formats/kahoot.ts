import type { BankIssue } from "../issues";
import { foldText } from "../normalise";
import { toDrafts, type DraftImport, type ForeignQuestion, type ImportDefaults } from "./draft";
import { readWorkbookRows } from "./workbook";

// Kahoot's quiz spreadsheet template: a few title and instruction rows, then a header row
// ("Question - max 120 characters", "Answer 1 - max 75 characters" … "Answer 4 …",
// "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs", "Correct answer(s) - choose at
// least one"), then one question per row; the template numbers its empty rows, which are skipped.
// Columns are found by how their header starts, so a re-saved or translated-dash copy still reads.

export const KAHOOT_TIME_LIMITS = [5, 10, 20, 30, 60, 90, 120, 240] as const;
const ANSWER_COLUMNS = 4;

type Columns = { question: number; answers: number[]; timeLimit?: number; correct: number };

function findColumns(cells: readonly string[]): Columns | null {
  const find = (prefix: string) => cells.findIndex((cell) => cell.trim().toLowerCase().startsWith(prefix));
  const question = find("question");
  const correct = find("correct answer");
  const answers = Array.from({ length: ANSWER_COLUMNS }, (_, index) => find(`answer ${index + 1}`));
  if (question === -1 || correct === -1 || answers.some((column) => column === -1)) return null;
  const timeLimit = find("time limit");
  return { question, answers, correct, ...(timeLimit === -1 ? {} : { timeLimit }) };
}

export async function importKahoot(input: Buffer | ArrayBuffer, defaults: ImportDefaults): Promise<DraftImport> {
  const read = await readWorkbookRows(input);
  if (!read.ok) return read;
  const headerIndex = read.rows.findIndex((row) => findColumns(row.cells) !== null);
  if (headerIndex === -1) return { ok: false, issues: [{ path: "", code: "header-not-found" }] };
  const columns = findColumns(read.rows[headerIndex].cells) as Columns;

  const questions: ForeignQuestion[] = [];
  const issues: BankIssue[] = [];
  for (const { row, cells } of read.rows.slice(headerIndex + 1)) {
    const cell = (index: number | undefined) => (index === undefined ? "" : (cells[index] ?? "").trim());
    const text = cell(columns.question);
    const answers = columns.answers.map(cell);
    if (text === "" && answers.every((answer) => answer === "")) continue;

    const rowIssues: BankIssue[] = [];
    const correctNumbers = new Set<number>();
    for (const token of cell(columns.correct)
      .split(/[\s,;]+/)
      .filter(Boolean)) {
      const number = Number(token);
      if (!Number.isInteger(number) || number < 1 || number > ANSWER_COLUMNS)
        rowIssues.push({ row, path: "correct", code: "invalid-format" });
      else if (answers[number - 1] === "")
        rowIssues.push({ row, path: "correct", code: "answer-out-of-range", params: { option: number } });
      else correctNumbers.add(number);
    }
    if (correctNumbers.size === 0 && rowIssues.length === 0)
      rowIssues.push({ row, path: "correct", code: "needs-a-correct-option" });

    const timeText = cell(columns.timeLimit);
    const timeLimit = Number(timeText);
    if (timeText !== "" && !(KAHOOT_TIME_LIMITS as readonly number[]).includes(timeLimit)) {
      rowIssues.push({ row, path: "time-limit", code: "not-allowed-value", params: { allowed: KAHOOT_TIME_LIMITS.join(", ") } });
    }
    if (rowIssues.length > 0) {
      issues.push(...rowIssues);
      continue;
    }

    const options = answers.flatMap((answer, index) =>
      answer === "" ? [] : [{ text: answer, correct: correctNumbers.has(index + 1) }],
    );
    questions.push({
      location: { row },
      text,
      ...asTypedOptions(options),
      ...(timeText !== "" ? { timeLimitSeconds: timeLimit } : {}),
    });
  }
  return toDrafts(questions, defaults, issues);
}

/** Kahoot has no question types: two options reading True/False (or Đúng/Sai) make a true/false question. */
function asTypedOptions(options: { text: string; correct: boolean }[]): Pick<ForeignQuestion, "type" | "options"> {
  const labels = options.map((option) => foldText(option.text));
  const trueIndex = labels.findIndex((label) => label === "true" || label === "dung");
  const falseIndex = labels.findIndex((label) => label === "false" || label === "sai");
  if (options.length === 2 && trueIndex !== -1 && falseIndex !== -1) {
    return { type: "true-false", options: [options[trueIndex], options[falseIndex]] };
  }
  const correct = options.filter((option) => option.correct).length;
  return { type: correct > 1 ? "multiple" : "single", options };
}
