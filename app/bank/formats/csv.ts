import { parse } from "csv-parse/sync";
import { toCsv } from "~/utils/spreadsheet-cell";
import type { BankQuestion, Taxonomy } from "../question-file";
import { parseSpreadsheetRows, questionToCells, SPREADSHEET_COLUMNS, type SpreadsheetImport } from "./spreadsheet-layout";

/**
 * Reads a CSV in the project's layout. Accepts what Excel writes: a byte-order mark, and ";" as
 * the separator in locales (Vietnamese among them) whose decimal mark is a comma.
 */
export function importQuestionsCsv(input: string | Buffer, taxonomy: Taxonomy): SpreadsheetImport {
  const text = (typeof input === "string" ? input : input.toString("utf8")).replace(/^\uFEFF/, "");
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
  let records: string[][];
  try {
    // A record past 64 KB is no question row; the bound stops csv-parse early on a hostile one.
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, max_record_size: 65_536 });
  } catch (error) {
    const line = typeof error === "object" && error !== null && "lines" in error ? Number(error.lines) : undefined;
    return { ok: false, issues: [{ path: "", code: "unreadable", ...(line ? { line } : {}) }] };
  }
  const [header, ...rows] = records.map((cells, index) => ({ row: index + 1, cells }));
  return parseSpreadsheetRows(header, rows, taxonomy);
}

/** A CSV of the questions, every field quoted and neutralised (app/utils/spreadsheet-cell.ts). */
export function exportQuestionsCsv(questions: readonly BankQuestion[]): string {
  return toCsv([[...SPREADSHEET_COLUMNS], ...questions.map(questionToCells)]);
}
