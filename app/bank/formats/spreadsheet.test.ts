import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { sampleQuestions, sampleTaxonomy } from "../__fixtures__/sample-questions";
import { contentHash } from "../content-hash";
import { formatIssue } from "../issues";
import { exportQuestionsCsv, importQuestionsCsv } from "./csv";
import { SPREADSHEET_COLUMNS } from "./spreadsheet-layout";
import { exportQuestionsXlsx, importQuestionsXlsx } from "./xlsx";

const header = SPREADSHEET_COLUMNS.join(",");

/** A CSV row in the project's layout from the columns given, the others empty. */
function csvRow(values: Partial<Record<(typeof SPREADSHEET_COLUMNS)[number], string>>): string {
  return SPREADSHEET_COLUMNS.map((column) => {
    const value = values[column] ?? "";
    return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  }).join(",");
}

const validRow = {
  id: "economic-0002",
  topic: "economic",
  difficulty: "medium",
  audiences: "university, public",
  type: "single",
  prompt_vi: "AEC được thành lập năm nào?",
  option_1_vi: "2015",
  option_2_vi: "2020",
  correct: "1",
  explanation_vi: "Cộng đồng ASEAN được thành lập ngày 31/12/2015.",
  source_title: "Tuyên bố Kuala Lumpur",
  source_date: "2015-11-22",
};

describe("project layout, CSV", () => {
  it("round-trips: export then import gives the same questions and the same hashes", () => {
    const questions = sampleQuestions();
    const csv = exportQuestionsCsv(questions);
    // Every field quoted, header included (app/utils/spreadsheet-cell.ts).
    expect(csv.startsWith(`\uFEFF${SPREADSHEET_COLUMNS.map((column) => `"${column}"`).join(",")}\r\n`)).toBe(true);
    const result = importQuestionsCsv(csv, sampleTaxonomy);
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join("\n"));
    expect(result.questions).toEqual(questions);
    expect(result.questions.map(contentHash)).toEqual(questions.map(contentHash));
    expect(importQuestionsCsv(Buffer.from(csv, "utf8"), sampleTaxonomy)).toEqual(result);
  });

  it("reads a hand-made sheet: columns in any order, optional ones left out, ';' separators", () => {
    const columns = Object.keys(validRow).reverse();
    const text = [columns.join(";"), columns.map((column) => validRow[column as keyof typeof validRow]).join(";")].join("\n");
    const result = importQuestionsCsv(text, sampleTaxonomy);
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join("\n"));
    expect(result.questions[0]).toMatchObject({ id: "economic-0002", audiences: ["university", "public"], status: "active" });
    expect(result.questions[0].options).toEqual([
      { vi: "2015", correct: true },
      { vi: "2020", correct: false },
    ]);
  });

  it("reports every bad row by number and column, and imports nothing", () => {
    const text = [
      header,
      csvRow(validRow),
      csvRow({ ...validRow, id: "economic-0003", prompt_vi: "", difficulty: "extreme" }),
      csvRow({ ...validRow, id: "economic-0004", prompt_vi: "Câu 4", option_3_en: "only English", correct: "1, 2" }),
      "",
      csvRow({ ...validRow, id: "economic-0005", prompt_vi: "Câu 5", correct: "7" }),
      csvRow({ ...validRow, id: "economic-0006", prompt_vi: "Câu 6", correct: "3" }),
      csvRow({ ...validRow, id: "economic-0007", prompt_vi: "Câu 7", topic: "sport" }),
      csvRow({ ...validRow, prompt_vi: "aec ĐƯỢC thành lập năm nào" }),
    ].join("\n");
    const result = importQuestionsCsv(text, sampleTaxonomy);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(formatIssue)).toEqual([
      "row 3: difficulty: not-allowed-value (allowed: easy, medium, hard)",
      "row 3: prompt_vi: required",
      "row 4: option_3_vi: required",
      "row 6: correct: invalid-format",
      "row 7: correct: answer-out-of-range (option: 3)",
      "row 8: topic: unknown-topic (topic: sport)",
      "row 9: id: duplicate-id (other: row 2)",
      "row 9: prompt_vi: duplicate-prompt (other: row 2)",
    ]);
  });

  it("refuses a header with unknown or missing columns, an empty file and broken quoting", () => {
    const badHeader = importQuestionsCsv("id,topic,colour\nx,y,z", sampleTaxonomy);
    expect(badHeader.ok ? [] : badHeader.issues.map(formatIssue)).toEqual([
      "row 1: colour: unknown-column",
      ...[
        "difficulty",
        "audiences",
        "type",
        "prompt_vi",
        "option_1_vi",
        "option_2_vi",
        "correct",
        "explanation_vi",
        "source_title",
        "source_date",
      ].map((column) => `row 1: ${column}: missing-column`),
    ]);
    expect(importQuestionsCsv("", sampleTaxonomy)).toEqual({ ok: false, issues: [{ path: "", code: "empty" }] });
    expect(importQuestionsCsv(`${header}\n`, sampleTaxonomy)).toEqual({ ok: false, issues: [{ path: "", code: "empty" }] });
    const broken = importQuestionsCsv(`${header}\n"economic-0002,unterminated`, sampleTaxonomy);
    expect(broken.ok ? null : broken.issues[0]).toMatchObject({ code: "unreadable", line: 2 });
  });
});

describe("project layout, XLSX", () => {
  it("round-trips: export then import gives the same questions and the same hashes", async () => {
    const questions = sampleQuestions();
    const result = await importQuestionsXlsx(await exportQuestionsXlsx(questions), sampleTaxonomy);
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join("\n"));
    expect(result.questions).toEqual(questions);
    expect(result.questions.map(contentHash)).toEqual(questions.map(contentHash));
  });

  it("reads cells Excel typed as numbers, dates and rich text, and reports bad rows by number", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("questions");
    const columns = Object.keys(validRow);
    sheet.addRow(columns);
    const typed: Record<string, ExcelJS.CellValue> = {
      ...validRow,
      option_1_vi: 2015,
      option_2_vi: { richText: [{ text: "20" }, { text: "20", font: { bold: true } }] },
      correct: 1,
      source_date: new Date(Date.UTC(2015, 10, 22)),
    };
    sheet.addRow(columns.map((column) => typed[column]));
    sheet.addRow(columns.map((column) => (column === "type" ? "essay" : column === "id" ? "economic-0009" : typed[column])));
    const result = await importQuestionsXlsx(Buffer.from(await workbook.xlsx.writeBuffer()), sampleTaxonomy);
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([
      "row 3: type: not-allowed-value (allowed: single, multiple, true-false)",
    ]);

    sheet.spliceRows(3, 1);
    const fixed = await importQuestionsXlsx(Buffer.from(await workbook.xlsx.writeBuffer()), sampleTaxonomy);
    if (!fixed.ok) throw new Error(fixed.issues.map(formatIssue).join("\n"));
    expect(fixed.questions[0].options.map((option) => option.vi)).toEqual(["2015", "2020"]);
    expect(fixed.questions[0].source.date).toBe("2015-11-22");
  });

  it("refuses a file that is not a workbook", async () => {
    expect(await importQuestionsXlsx(Buffer.from("id,topic\n"), sampleTaxonomy)).toEqual({
      ok: false,
      issues: [{ path: "", code: "unreadable" }],
    });
  });
});
