import { formatDateTime } from "~/utils/format";
import type { Translate } from "~/utils/i18n";
import { sheetXlsx, type SheetFile } from "~/utils/sheet-xlsx";
import { toCsv } from "~/utils/spreadsheet-cell";
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

/** The rows as one sheet, for sheetXlsx (app/utils/sheet-xlsx.ts), made in the spreadsheet worker by the route. */
export function resultsSheet(rows: readonly ExportRow[], t: Translate, sheetName: string): SheetFile {
  return { sheetName, header: headers(t), rows: rows.map(cells) };
}

export function resultsXlsx(rows: readonly ExportRow[], t: Translate, sheetName: string): Promise<Uint8Array> {
  return sheetXlsx(resultsSheet(rows, t, sheetName));
}
