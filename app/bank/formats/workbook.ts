import ExcelJS from "exceljs";
import type { BankIssue } from "../issues";
import type { SheetRow } from "./spreadsheet-layout";
import { checkXlsxBounds } from "./xlsx-bounds";

/**
 * The non-empty rows of a workbook's sheet as text cells (1-based row numbers, as Excel shows
 * them), or an "unreadable" issue for a file that is not an XLSX workbook. A workbook past the
 * bounds of ./xlsx-bounds.ts is refused before exceljs reads it.
 */
export async function readWorkbookRows(
  input: Buffer | ArrayBuffer,
  sheetName?: string,
): Promise<{ ok: true; rows: SheetRow[] } | { ok: false; issues: BankIssue[] }> {
  const tooLarge = checkXlsxBounds(input instanceof ArrayBuffer ? new Uint8Array(input) : input);
  if (tooLarge) return { ok: false, issues: [{ path: "", ...tooLarge }] };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(input as ArrayBuffer);
  } catch {
    return { ok: false, issues: [{ path: "", code: "unreadable" }] };
  }
  const sheet = (sheetName ? workbook.getWorksheet(sheetName) : undefined) ?? workbook.worksheets[0];
  if (!sheet) return { ok: false, issues: [{ path: "", code: "empty" }] };
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      cells[columnNumber - 1] = cellText(cell.value);
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (cell) => cell ?? "") });
  });
  return { ok: true, rows };
}

/** What a cell shows, as text. A date typed into Excel comes back as YYYY-MM-DD. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return value.result === undefined ? "" : cellText(value.result as ExcelJS.CellValue);
    if ("error" in value) return "";
    return "";
  }
  return String(value);
}
