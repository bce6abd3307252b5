import ExcelJS from "exceljs";
import { formatDateTime, toVietnamWallClock } from "~/utils/format";
import { csvField, neutraliseCellText } from "~/utils/spreadsheet-cell";
import type { Cell, StatsTable } from "./tables";

// Any dashboard table as CSV or XLSX, under a heading block (unit, period, filters, time of
// export in Viet Nam time). Numbers stay numbers and days stay dates. Every value passes through
// `cellValue` on its way out, which applies the project's shared safe-cell function. The XLSX is
// made in the worker kept for files (`tableXlsxFile`, app/utils/task-worker-files.server.ts).

export type ExportHeading = { unit: string; period: string; filters: string; exportedAt: Date; labels: { unit: string; period: string; filters: string; exportedAt: string } };

/** Text goes through the app's one safe-cell rule (app/utils/spreadsheet-cell.ts); numbers and dates pass. */
export function cellValue(value: Cell): Cell {
  return typeof value === "string" ? neutraliseCellText(value) : value;
}

function headingRows(heading: ExportHeading): [string, string][] {
  return [
    [heading.labels.unit, heading.unit],
    [heading.labels.period, heading.period],
    [heading.labels.filters, heading.filters],
    [heading.labels.exportedAt, formatDateTime(heading.exportedAt)],
  ];
}

/** A day as Viet Nam's calendar writes it in ISO form, which spreadsheets read as a date. */
function isoDay(value: Date): string {
  return toVietnamWallClock(value).toISOString().slice(0, 10);
}

function csvText(value: Cell): string {
  if (value === null) return "";
  if (value instanceof Date) return isoDay(value);
  return csvField(typeof value === "number" ? value : String(value));
}

export function tableCsv(table: StatsTable, heading: ExportHeading): string {
  const lines: Cell[][] = [
    [table.title],
    ...headingRows(heading),
    [],
    table.columns.map((column) => column.label),
    ...table.rows.map((row) => table.columns.map((column) => row[column.key] ?? null)),
  ];
  return `\uFEFF${lines.map((line) => line.map(csvText).join(",")).join("\r\n")}\r\n`;
}

const numberFormats = { count: "#,##0.##", decimal: "0.00", rate: "0.0%", date: "dd/mm/yyyy", text: "@" } as const;

export async function tableXlsx(table: StatsTable, heading: ExportHeading): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = heading.exportedAt;
  const sheet = workbook.addWorksheet(table.title.slice(0, 31).replace(/[[\]*?/\\:]/g, " ") || "Sheet1");
  sheet.addRow([cellValue(table.title)]).font = { bold: true, size: 14 };
  for (const [label, value] of headingRows(heading)) sheet.addRow([cellValue(label), cellValue(value)]);
  sheet.addRow([]);
  sheet.addRow(table.columns.map((column) => cellValue(column.label))).font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow(
      table.columns.map((column) => {
        const value = cellValue(row[column.key] ?? null);
        // Spreadsheet dates have no zone: write Viet Nam's wall clock.
        return value instanceof Date ? toVietnamWallClock(value) : value;
      }),
    );
    table.columns.forEach((column, index) => {
      if (column.type !== "text") added.getCell(index + 1).numFmt = numberFormats[column.type];
    });
  }
  sheet.columns.forEach((column, index) => {
    column.width = index === 0 ? 36 : 18;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What the file worker is sent for a table's XLSX (dates and all, as structured clone keeps them). */
export type TableFile = { table: StatsTable; heading: ExportHeading };

/** The worker's entry: one table's XLSX. */
export async function tableXlsxFile(file: TableFile): Promise<Uint8Array> {
  const buffer = await tableXlsx(file.table, file.heading);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
