import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parsed, rawSingle, sampleTaxonomy } from "~/bank/__fixtures__/sample-questions";
import { exportQuestionsCsv, importQuestionsCsv } from "~/bank/formats/csv";
import { exportQuestionsXlsx, importQuestionsXlsx } from "~/bank/formats/xlsx";
import { resultsCsv as roundCsv, resultsSheet as roundSheet, resultsXlsx as roundXlsx } from "~/contests/export.server";
import { resultsCsv as gameCsv, resultsXlsx as gameXlsx } from "~/live/results-export.server";
import { translator } from "~/utils/i18n";
import { sheetXlsxInWorker, stopSheetWorker } from "./sheet-files.server";
import { HOSTILE_NAME, runsAsFormula } from "./spreadsheet-cell.test";

// Every CSV and XLSX the app writes, with a hostile display name or question text in it: no cell
// may run as a formula, whether Excel splits the CSV on "," or (Vietnamese locale) on ";".

const t = translator("vi");

function csvCells(csv: string): string[] {
  expect(csv.startsWith("\uFEFF")).toBe(true);
  return [",", ";"].flatMap((delimiter) =>
    (parse(csv.slice(1), { delimiter, relax_column_count: true, relax_quotes: true }) as string[][]).flat(),
  );
}

async function xlsxCells(buffer: Uint8Array): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
  return cells;
}

function expectNoFormula(cells: string[]) {
  expect(cells.some((cell) => cell.includes("cmd|"))).toBe(true);
  for (const cell of cells) expect(runsAsFormula(cell), JSON.stringify(cell)).toBe(false);
}

const roundRow = {
  rank: 1,
  tied: false,
  displayName: HOSTILE_NAME,
  className: "@SUM(1)",
  unitName: "-2+3",
  correct: 9,
  questionCount: 10,
  attempts: 1,
  prediction: null,
  timeUsedSeconds: 61,
  finishedAt: new Date(Date.UTC(2026, 5, 1)),
};
const gameRow = { rank: 1, name: HOSTILE_NAME, school: "+1", area: "\t=1", score: 900, correct: 3, answered: 3, eliminated: false };
const question = parsed(rawSingle({ prompt: { vi: HOSTILE_NAME }, options: [{ vi: "=A1", correct: true }, { vi: "-5 °C" }] } as never));

describe("exports neutralise formula-like cells", () => {
  it("round results: CSV and XLSX", async () => {
    expectNoFormula(csvCells(roundCsv([roundRow], t)));
    expectNoFormula(await xlsxCells(await roundXlsx([roundRow], t, "Vòng 1")));
  });

  it("round results made in the spreadsheet worker, as the route makes them: the same cells", async () => {
    const rows = Array.from({ length: 50 }, (_, index) => ({ ...roundRow, rank: index + 1 }));
    const outcome = await sheetXlsxInWorker(roundSheet(rows, t, "Vòng 1"));
    stopSheetWorker();
    expect(outcome.ok).toBe(true);
    const fromWorker = await xlsxCells(outcome.ok ? outcome.value : new Uint8Array());
    expectNoFormula(fromWorker);
    expect(fromWorker).toEqual(await xlsxCells(await roundXlsx(rows, t, "Vòng 1")));
  });

  it("live game results: CSV and XLSX", async () => {
    expectNoFormula(csvCells(gameCsv([gameRow], t)));
    expectNoFormula(await xlsxCells(await gameXlsx([gameRow], t, "Trò chơi")));
  });

  it("the bank export: CSV and XLSX, which still import back unchanged", async () => {
    const csv = exportQuestionsCsv([question]);
    const xlsx = await exportQuestionsXlsx([question]);
    expectNoFormula(csvCells(csv));
    expectNoFormula(await xlsxCells(xlsx));
    expect(importQuestionsCsv(csv, sampleTaxonomy)).toEqual({ ok: true, questions: [question] });
    expect(await importQuestionsXlsx(xlsx, sampleTaxonomy)).toEqual({ ok: true, questions: [question] });
  });
});
