import ExcelJS from "exceljs";
import { formatDateTime } from "~/utils/format";
import type { Translate } from "~/utils/i18n";
import { toCsv, xlsxCell } from "~/utils/spreadsheet-cell";
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

/** Every field quoted and neutralised (app/utils/spreadsheet-cell.ts): a display name is user input. */
export function resultsCsv(rows: readonly ExportRow[], t: Translate): string {
  return toCsv([headers(t), ...rows.map(cells)]);
}

export async function resultsXlsx(rows: readonly ExportRow[], t: Translate, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31).replace(/[[\]*?/\\:]/g, " ") || "Results");
  sheet.addRow(headers(t)).font = { bold: true };
  for (const row of rows) sheet.addRow(cells(row).map(xlsxCell));
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
