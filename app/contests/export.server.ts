import ExcelJS from "exceljs";
import { formatDateTime } from "~/utils/format";
import type { Translate } from "~/utils/i18n";
import type { ExportRow } from "./results.server";

// A round's results as CSV (UTF-8 with a byte-order mark, so Excel shows Vietnamese correctly)
// and as XLSX. Both carry the same columns in the reader's language.

function headers(t: Translate): string[] {
  return [
    t("roundResults.col.rank"),
    t("roundResults.col.name"),
    t("roundResults.col.class"),
    t("roundResults.col.unit"),
    t("roundResults.col.correct"),
    t("roundResults.col.questions"),
    t("roundResults.col.attempts"),
    t("roundResults.col.prediction"),
    t("roundResults.col.time"),
    t("roundResults.col.finishedAt"),
  ];
}

function cells(row: ExportRow): (string | number)[] {
  return [
    row.tied ? `${row.rank}=` : row.rank,
    row.displayName,
    row.className,
    row.unitName,
    row.correct,
    row.questionCount,
    row.attempts,
    row.prediction ?? "",
    row.timeUsedSeconds,
    // Viet Nam time, as the reader expects ("06/12/2026 17:03"), not a UTC ISO string.
    formatDateTime(row.finishedAt),
  ];
}

function csvCell(value: string | number): string {
  const text = String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet: a display name is user input.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function resultsCsv(rows: readonly ExportRow[], t: Translate): string {
  const lines = [headers(t), ...rows.map(cells)].map((line) => line.map(csvCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function resultsXlsx(rows: readonly ExportRow[], t: Translate, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31).replace(/[[\]*?/\\:]/g, " ") || "Results");
  sheet.addRow(headers(t)).font = { bold: true };
  for (const row of rows) sheet.addRow(cells(row));
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
