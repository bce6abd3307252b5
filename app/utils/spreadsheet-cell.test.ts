import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvField, neutraliseCellText, restoreCellText, toCsv, xlsxCell } from "./spreadsheet-cell";

export const HOSTILE_NAME = "=1+1;=cmd|' /C calc'!A0";

/** A cell a spreadsheet would run: starts like a formula or with a tab / carriage return. */
export const runsAsFormula = (cell: string) => /^[\s"]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) || /^[\t\r]/.test(cell);

describe("spreadsheet cells", () => {
  const hostile = [
    HOSTILE_NAME,
    "+1",
    "-1+2",
    "@SUM(A1)",
    "   =1+1",
    "\t=1+1",
    "\r=1",
    "'=1",
    "''  -x",
    "\uFF1D1+1",
    "a;=1+1",
    'a","=1+1',
  ];

  it("never lets a CSV field start a formula, whether the reader splits on ',' or ';', with or without quotes", () => {
    const csv = toCsv([["Tên", "Điểm"], ...hostile.map((name) => [name, 7])]);
    for (const delimiter of [",", ";"]) {
      const records: string[][] = parse(csv.slice(1), { delimiter, relax_column_count: true, relax_quotes: true });
      for (const cell of records.flat()) expect(runsAsFormula(cell), `${delimiter} ${JSON.stringify(cell)}`).toBe(false);
      // A reader that ignores quotes altogether.
      const naive = csv.slice(1).split(/\r\n/).flatMap((line) => line.split(delimiter));
      for (const cell of naive) expect(runsAsFormula(cell.replace(/^"/, "")), `naive ${delimiter} ${JSON.stringify(cell)}`).toBe(false);
    }
  });

  it("quotes every field, keeps numbers as numbers, and restores exactly what it neutralised", () => {
    expect(csvField("Nguyễn Văn A")).toBe('"Nguyễn Văn A"');
    expect(csvField(HOSTILE_NAME)).toBe(`"'=1+1;'=cmd|' /C calc'!A0"`);
    expect(csvField(-3)).toBe('"-3"');
    expect(xlsxCell(-3)).toBe(-3);
    expect(xlsxCell(null)).toBe("");
    for (const text of [...hostile, "plain", "'plain", "", "5 - 3", "a,'=b", "a;;'-", ";"]) expect(restoreCellText(neutraliseCellText(text))).toBe(text);
  });
});
