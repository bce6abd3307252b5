import ExcelJS from "exceljs";
import { xlsxCell, type SheetValue } from "./spreadsheet-cell";

// One table as an XLSX file: a bold header row, then the rows, text neutralised
// (./spreadsheet-cell.ts) and numbers as numbers. Made in the spreadsheet worker
// (./sheet-files.server.ts): ExcelJS takes seconds of one core for a round of 16,000 results.

export type SheetFile = { sheetName: string; header: string[]; rows: SheetValue[][] };

export async function sheetXlsx(file: SheetFile): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(file.sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, " ") || "Results");
  sheet.addRow(file.header).font = { bold: true };
  for (const row of file.rows) sheet.addRow(row.map(xlsxCell));
  sheet.columns.forEach((column) => (column.width = 18));
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
