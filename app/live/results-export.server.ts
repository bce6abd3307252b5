import ExcelJS from "exceljs";
import type { Translate } from "~/utils/i18n";
import type { ResultRow } from "./live-games.server";

/** The results table as CSV (UTF-8 with BOM, so Excel shows Vietnamese correctly) or XLSX. */

function header(t: Translate): string[] {
  return [
    t("live.results.rank"),
    t("live.results.name"),
    t("live.results.school"),
    t("live.results.area"),
    t("live.results.score"),
    t("live.results.correct"),
    t("live.results.answered"),
    t("live.results.eliminated"),
  ];
}

function cells(row: ResultRow, t: Translate): (string | number)[] {
  return [row.rank, row.name, row.school, row.area, row.score, row.correct, row.answered, row.eliminated ? t("live.results.yes") : t("live.results.no")];
}

export function resultsCsv(rows: readonly ResultRow[], t: Translate): string {
  const quote = (value: string | number) => {
    const text = String(value);
    // A leading = + - @ would run as a formula in a spreadsheet.
    const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [header(t), ...rows.map((row) => cells(row, t))].map((line) => line.map(quote).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function resultsXlsx(rows: readonly ResultRow[], t: Translate, title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(title.slice(0, 31).replace(/[\\/?*[\]:]/g, " ") || "Results");
  sheet.addRow(header(t)).font = { bold: true };
  for (const row of rows) sheet.addRow(cells(row, t));
  sheet.columns.forEach((column) => (column.width = 18));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
