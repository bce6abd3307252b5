import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../issues";
import type { ImportDefaults } from "./draft";
import { importKahoot } from "./kahoot";

const defaults: ImportDefaults = { language: "vi", difficulty: "medium", audiences: ["upper-secondary"] };

/** A workbook laid out like Kahoot's downloadable template: title rows, header on row 8, numbered rows. */
async function kahootWorkbook(questions: (string | number)[][], emptyNumberedRows = 3): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  sheet.addRow([]);
  sheet.addRow(["", "Quiz template"]);
  sheet.addRow(["", "Add questions, at least two answer alternatives, time limit and choose correct answers (at least one)."]);
  sheet.addRow(["", "Remember: questions have a limit of 120 characters and answers can have 75 characters max."]);
  sheet.addRow(["", "See an example question below (don't forget to overwrite this with your first question!)"]);
  sheet.addRow(["", "And remember, if you're not using Excel you need to export to .xlsx format before you upload to Kahoot!"]);
  sheet.addRow([]);
  sheet.addRow([
    "",
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
  ]);
  questions.forEach((cells, index) => sheet.addRow([index + 1, ...cells]));
  for (let index = 0; index < emptyNumberedRows; index += 1) sheet.addRow([questions.length + index + 1]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("importKahoot", () => {
  it("reads the template: single, multiple and true/false questions, skipping numbered empty rows", async () => {
    const buffer = await kahootWorkbook([
      ["ASEAN được thành lập năm nào?", "1967", "1995", "", "", 20, 1],
      ["Nước nào thuộc ASEAN?", "Lào", "Nhật Bản", "Campuchia", "Ấn Độ", 30, "1,3"],
      ["Việt Nam gia nhập ASEAN năm 1995.", "Sai", "Đúng", "", "", "", "2"],
    ]);
    const result = await importKahoot(buffer, defaults);
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join("\n"));
    expect(result.drafts).toHaveLength(3);
    expect(result.drafts[0]).toMatchObject({
      location: { row: 9 },
      type: "single",
      prompt: { vi: "ASEAN được thành lập năm nào?" },
      options: [
        { vi: "1967", correct: true },
        { vi: "1995", correct: false },
      ],
      timeLimitSeconds: 20,
      missing: ["id", "topic", "source", "explanation.vi"],
    });
    expect(result.drafts[1]).toMatchObject({
      type: "multiple",
      options: [{ correct: true }, { correct: false }, { correct: true }, { correct: false }],
    });
    expect(result.drafts[2]).toMatchObject({
      type: "true-false",
      options: [
        { vi: "Đúng", en: "True", correct: true },
        { vi: "Sai", en: "False", correct: false },
      ],
    });
    expect(result.drafts[2].timeLimitSeconds).toBeUndefined();
  });

  it("reports bad rows by their spreadsheet row and imports nothing", async () => {
    const buffer = await kahootWorkbook([
      ["Câu tốt?", "A", "B", "", "", 20, 1],
      ["Không có đáp án đúng?", "A", "B", "", "", 20, ""],
      ["Đáp án trỏ vào ô trống?", "A", "B", "", "", 20, 3],
      ["Thời gian lạ?", "A", "B", "", "", 45, "x"],
      ["", "A", "B", "", "", 20, 1],
      ["Một phương án?", "A", "", "", "", 20, 1],
    ]);
    const result = await importKahoot(buffer, defaults);
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([
      "row 10: correct: needs-a-correct-option",
      "row 11: correct: answer-out-of-range (option: 3)",
      "row 12: correct: invalid-format",
      "row 12: time-limit: not-allowed-value (allowed: 5, 10, 20, 30, 60, 90, 120, 240)",
      "row 13: prompt: required",
      "row 14: options: too-few (minimum: 2)",
    ]);
  });

  it("refuses a sheet without the template's header row, and a file that is not a workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1").addRow(["Câu hỏi", "Đáp án"]);
    expect(await importKahoot(Buffer.from(await workbook.xlsx.writeBuffer()), defaults)).toEqual({
      ok: false,
      issues: [{ path: "", code: "header-not-found" }],
    });
    expect(await importKahoot(Buffer.from("not a zip"), defaults)).toEqual({
      ok: false,
      issues: [{ path: "", code: "unreadable" }],
    });
  });
});
