import ExcelJS from "exceljs";
import { xlsxCell } from "~/utils/spreadsheet-cell";
import type { BankQuestion, Taxonomy } from "../question-file";
import { parseSpreadsheetRows, questionToCells, SPREADSHEET_COLUMNS, type SpreadsheetImport } from "./spreadsheet-layout";
import { readWorkbookRows } from "./workbook";

export const QUESTIONS_SHEET = "questions";

/** Reads an XLSX in the project's layout: the sheet "questions" (or the first), header in row 1. */
export async function importQuestionsXlsx(input: Buffer | ArrayBuffer, taxonomy: Taxonomy): Promise<SpreadsheetImport> {
  const read = await readWorkbookRows(input, QUESTIONS_SHEET);
  if (!read.ok) return read;
  const [header, ...rows] = read.rows;
  if (header && header.row !== 1) return { ok: false, issues: [{ row: 1, path: "", code: "header-not-found" }] };
  return parseSpreadsheetRows(header, rows, taxonomy);
}

/**
 * An XLSX of the questions, made in the file worker (app/utils/task-worker-files.server.ts). Every
 * cell is written as text, so Excel turns no date or id into a number, and neutralised
 * (app/utils/spreadsheet-cell.ts), so no question text becomes a formula.
 */
export async function exportQuestionsXlsx(questions: readonly BankQuestion[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(QUESTIONS_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow([...SPREADSHEET_COLUMNS]).font = { bold: true };
  for (const question of questions) sheet.addRow(questionToCells(question).map(xlsxCell));
  sheet.columns.forEach((column) => {
    column.numFmt = "@";
    column.width = 18;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
