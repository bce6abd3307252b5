import ExcelJS from "exceljs";
import { neutraliseCellText } from "~/utils/spreadsheet-cell";
import type { ColumnKind, ReportCell, ReportModel } from "./yearly-report";

// Every table of the yearly report, one worksheet each, with a heading block, as real number cells.

/**
 * The one place a report value becomes a spreadsheet cell: numbers stay numbers (percent cells are
 * formatted, not turned into text) and text is written as text. Kept alone so that the project's
 * safe-cell function (formula-injection guard) can replace it in one edit.
 */
export function writeCell(cell: ExcelJS.Cell, value: ReportCell, kind: ColumnKind): void {
  if (value === null) {
    cell.value = null;
    return;
  }
  if (typeof value === "number") {
    cell.value = value;
    cell.numFmt = kind === "percent" ? "0.0%" : kind === "decimal" ? "#,##0.0" : "#,##0";
    return;
  }
  // A unit's or a person's name must never run as a formula (app/utils/spreadsheet-cell.ts).
  cell.value = neutraliseCellText(value);
}

export async function reportXlsx(model: ReportModel, exportedAt: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = model.issuer;
  let index = 0;
  for (const section of model.sections) {
    for (const table of section.tables) {
      index++;
      const sheet = workbook.addWorksheet(`Bảng ${index}`);
      const heading = [model.subtitle, `Đơn vị: ${model.unitName}`, `Năm: ${model.year}`, table.title, `Xuất lúc: ${exportedAt}`];
      heading.forEach((line, row) => writeCell(sheet.getCell(row + 1, 1), line, "text"));
      sheet.getCell(1, 1).font = { bold: true };
      const headerRow = heading.length + 2;
      table.columns.forEach((column, col) => {
        writeCell(sheet.getCell(headerRow, col + 1), column.label, "text");
        sheet.getCell(headerRow, col + 1).font = { bold: true };
        sheet.getColumn(col + 1).width = col === 0 ? 42 : 18;
      });
      table.rows.forEach((row, r) => row.forEach((value, col) => writeCell(sheet.getCell(headerRow + 1 + r, col + 1), value, table.columns[col].kind)));
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
