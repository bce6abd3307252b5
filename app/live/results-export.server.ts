import type { Translate } from "~/utils/i18n";
import { sheetXlsx, type SheetFile } from "~/utils/sheet-xlsx";
import { toCsv } from "~/utils/spreadsheet-cell";
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

/** Every field quoted and neutralised (app/utils/spreadsheet-cell.ts): a player's name is user input. */
export function resultsCsv(rows: readonly ResultRow[], t: Translate): string {
  return toCsv([header(t), ...rows.map((row) => cells(row, t))]);
}

/** The rows as one sheet, for sheetXlsx (app/utils/sheet-xlsx.ts), made in the spreadsheet worker by the route. */
export function resultsSheet(rows: readonly ResultRow[], t: Translate, title: string): SheetFile {
  return { sheetName: title, header: header(t), rows: rows.map((row) => cells(row, t)) };
}

export function resultsXlsx(rows: readonly ResultRow[], t: Translate, title: string): Promise<Uint8Array> {
  return sheetXlsx(resultsSheet(rows, t, title));
}
