import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { sampleQuestions, sampleTaxonomy } from "~/bank/__fixtures__/sample-questions";
import { exportQuestionsXlsx, importQuestionsXlsx } from "~/bank/formats/xlsx";
import { resultsCsv as roundCsv, resultsSheet as roundSheet } from "~/contests/export.server";
import { resultsCsv as gameCsv, resultsSheet as gameSheet } from "~/live/results-export.server";
import { tableXlsx, type ExportHeading } from "~/stats/export.server";
import type { StatsTable } from "~/stats/tables";
import { translator } from "./i18n";
import { languageCookie } from "./i18n/language.server";
import { csvResponse } from "./sheet-files.server";
import { fileInWorker, fileResponse, startFileWorker, stopFileWorker } from "./task-worker-files.server";

// The files made in the one worker kept for them (app/utils/task-worker-files.server.ts), read back
// with ExcelJS (or as text) and compared with the same file made on this thread by the same code.

afterAll(() => stopFileWorker());

type Read = { value: ExcelJS.CellValue; numFmt: string | undefined; bold: boolean | undefined };
async function readCells(bytes: Uint8Array): Promise<Read[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: Read[][] = [];
  workbook.worksheets[0].eachRow({ includeEmpty: true }, (row, number) => {
    rows[number - 1] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      rows[number - 1][column - 1] = { value: cell.value, numFmt: cell.numFmt, bold: cell.font?.bold };
    });
  });
  return rows;
}

const made = async (outcome: Awaited<ReturnType<typeof fileInWorker>>): Promise<Uint8Array> => {
  if (!outcome.ok) throw new Error(`the file worker answered ${outcome.failure}`);
  return outcome.value;
};

// 1 March 2026 at 00:00 and 31 December 2026 at 23:30 in Viet Nam (UTC+7), as UTC moments.
const march1 = new Date(Date.UTC(2026, 1, 28, 17, 0));
const newYearsEve = new Date(Date.UTC(2026, 11, 31, 16, 30));
const table: StatsTable = {
  id: "byDay",
  title: "Theo ngày",
  columns: [
    { key: "label", label: "Ngày", type: "text" },
    { key: "day", label: "Ngày (ngày)", type: "date" },
    { key: "participants", label: "Người tham gia", type: "count" },
    { key: "mean", label: "Điểm trung bình", type: "decimal" },
    { key: "rate", label: "Tỉ lệ hoàn thành", type: "rate" },
  ],
  rows: [
    { label: "=HYPERLINK(\"x\")", day: march1, participants: 1234, mean: 7.25, rate: 7 / 12 },
    { label: "Cuối năm", day: newYearsEve, participants: 0.5, mean: null, rate: 1 },
  ],
  chart: { kind: "line", labelKey: "label", series: ["participants"] },
};
const heading: ExportHeading = {
  unit: "Tỉnh mẫu",
  period: "01/01/2026 – 31/12/2026",
  filters: "Không lọc",
  exportedAt: new Date(Date.UTC(2026, 11, 7, 3, 0)),
  labels: { unit: "Đơn vị", period: "Thời gian", filters: "Bộ lọc", exportedAt: "Thời điểm xuất (giờ Việt Nam)" },
};

describe("files made in the file worker", () => {
  it("starts by making one small file of each kind, each of which is made", async () => {
    expect(await startFileWorker()).toBe(true);
    // Asked again (the server's start and a benchmark both ask), the same start answers.
    expect(await startFileWorker()).toBe(true);
  });

  it("a dashboard table's XLSX: the cells of the one made here, numbers as numbers, days as Viet Nam's dates", async () => {
    const fromWorker = await readCells(await made(await fileInWorker("statsTable", { table, heading })));
    expect(fromWorker).toEqual(await readCells(await tableXlsx(table, heading)));
    expect(fromWorker[0][0]).toMatchObject({ value: "Theo ngày", bold: true });
    expect(fromWorker[4].map((cell) => cell.value)).toEqual(["Thời điểm xuất (giờ Việt Nam)", "07/12/2026 10:00"]);
    const [first, second] = [fromWorker[7], fromWorker[8]];
    // Neutralised text, never a formula.
    expect(typeof first[0].value).toBe("string");
    expect(String(first[0].value).startsWith("=")).toBe(false);
    // A spreadsheet date has no zone: the cell holds Viet Nam's wall clock (1 March, not 28 February).
    expect(first[1]).toMatchObject({ value: new Date(Date.UTC(2026, 2, 1)), numFmt: "dd/mm/yyyy" });
    expect(second[1].value).toEqual(new Date(Date.UTC(2026, 11, 31, 23, 30)));
    expect(first[2]).toMatchObject({ value: 1234, numFmt: "#,##0.##" });
    expect(second[2].value).toBe(0.5);
    expect(first[3]).toMatchObject({ value: 7.25, numFmt: "0.00" });
    expect(second[3].value).toBeNull();
    expect(first[4]).toMatchObject({ value: 7 / 12, numFmt: "0.0%" });
  });

  it("the bank's XLSX: the cells of the one made here, and it imports back to the same questions", async () => {
    const questions = sampleQuestions();
    const bytes = await made(await fileInWorker("bankQuestions", questions));
    expect(await readCells(bytes)).toEqual(await readCells(await exportQuestionsXlsx(questions)));
    expect(await importQuestionsXlsx(Buffer.from(bytes), sampleTaxonomy)).toEqual({ ok: true, questions });
  });

  it("results as CSV: the same bytes as the CSV made here, for a round and a live game", async () => {
    const t = translator("vi");
    const round = Array.from({ length: 40 }, (_, index) => ({
      rank: index + 1,
      tied: false,
      displayName: index === 0 ? "=cmd|' /C calc'!A0" : `Học sinh ${index + 1}`,
      className: "10A1",
      unitName: "Trường THPT Mẫu",
      correct: 40 - index,
      questionCount: 40,
      attempts: 1,
      prediction: index,
      timeUsedSeconds: 600 + index,
      finishedAt: new Date(Date.UTC(2026, 5, 1, 3, index)),
    }));
    const fromWorker = await csvResponse(new Request("http://localhost/"), roundSheet(round, t, "Vòng 1"), "ket-qua.csv");
    expect(fromWorker.status).toBe(200);
    expect(fromWorker.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(fromWorker.headers.get("Content-Disposition")).toBe('attachment; filename="ket-qua.csv"');
    expect(new Uint8Array(await fromWorker.arrayBuffer())).toEqual(new Uint8Array(Buffer.from(roundCsv(round, t), "utf8")));
    const game = [{ rank: 1, name: "Lan", school: "+1", area: "Phường 1", score: 900, correct: 3, answered: 3, eliminated: false }];
    const gameBytes = await made(await fileInWorker("sheetCsv", gameSheet(game, t, "Trò chơi")));
    expect(Buffer.from(gameBytes).toString("utf8")).toBe(gameCsv(game, t));
  });

  it("refuses files beyond the eight running or waiting as busy, in the reader's language, and makes the rest", async () => {
    const questions = sampleQuestions();
    const asked = Array.from({ length: 8 }, () => fileInWorker("bankQuestions", questions));
    const vietnamese = await fileResponse(new Request("http://localhost/"), "bankQuestions", questions, {});
    expect(vietnamese.status).toBe(503);
    expect(vietnamese.headers.get("Retry-After")).toBe("10");
    expect(await vietnamese.text()).toBe("Máy chủ đang lập các tệp khác. Vui lòng thử lại sau ít giây.");
    const english = await fileResponse(new Request("http://localhost/", { headers: { Cookie: await languageCookie.serialize("en") } }), "statsTable", { table, heading }, {});
    expect(english.status).toBe(503);
    expect(await english.text()).toBe("The server is making other files. Please try again in a few seconds.");
    for (const outcome of await Promise.all(asked)) expect(outcome.ok).toBe(true);
    // Once the queue has drained, files are made again.
    expect((await fileInWorker("statsTable", { table, heading })).ok).toBe(true);
  });
});
