import { describe, expect, it } from "vitest";
import { formatIssue } from "../issues";
import type { ImportDefaults } from "./draft";
import { importGift } from "./gift";

const defaults: ImportDefaults = { language: "vi", difficulty: "medium", audiences: ["public"] };

describe("importGift", () => {
  it("reads single choice, weighted multiple answers and true/false, with titles, comments and escapes", () => {
    const text = [
      "// Đề thi thử — dòng chú thích",
      "$CATEGORY: $course$/ASEAN",
      "",
      "::Q1 ngày thành lập::ASEAN được thành lập ngày nào? {",
      "  =Ngày 8/8/1967 #Đúng rồi",
      "  ~Ngày 28/7/1995",
      "  ~Ngày 31/12/2015",
      "  ####Tuyên bố Bangkok được ký ngày 8/8/1967.",
      "}",
      "",
      "Những nước nào là thành viên sáng lập ASEAN? {~%50%Indonesia ~%50%Thái Lan ~%-100%Việt Nam}",
      "",
      "// a comment between questions",
      "Việt Nam gia nhập ASEAN năm 1995.{T}",
      "",
      "Công thức \\{a\\} \\= b\\: dấu \\~ và \\# ở đây?{=Có\\~ ~Không}",
      "",
      "[markdown]Hiến chương ASEAN {=có hiệu lực ~bị bãi bỏ} năm 2008.",
    ].join("\r\n");
    const result = importGift(text, defaults);
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join("\n"));
    const [single, multiple, trueFalse, escaped, missingWord] = result.drafts;

    expect(single).toMatchObject({
      location: { line: 4 },
      title: "Q1 ngày thành lập",
      type: "single",
      prompt: { vi: "ASEAN được thành lập ngày nào?" },
      options: [
        { vi: "Ngày 8/8/1967", correct: true },
        { vi: "Ngày 28/7/1995", correct: false },
        { vi: "Ngày 31/12/2015", correct: false },
      ],
      explanation: { vi: "Tuyên bố Bangkok được ký ngày 8/8/1967." },
      difficulty: "medium",
      audiences: ["public"],
      missing: ["id", "topic", "source"],
    });
    expect(multiple).toMatchObject({
      location: { line: 11 },
      type: "multiple",
      options: [
        { vi: "Indonesia", correct: true },
        { vi: "Thái Lan", correct: true },
        { vi: "Việt Nam", correct: false },
      ],
      missing: ["id", "topic", "source", "explanation.vi"],
    });
    expect(trueFalse).toMatchObject({
      location: { line: 14 },
      type: "true-false",
      options: [
        { vi: "Đúng", en: "True", correct: true },
        { vi: "Sai", en: "False", correct: false },
      ],
    });
    expect(escaped.prompt.vi).toBe("Công thức {a} = b: dấu ~ và # ở đây?");
    expect(escaped.options.map((option) => option.vi)).toEqual(["Có~", "Không"]);
    expect(missingWord.prompt.vi).toBe("Hiến chương ASEAN _____ năm 2008.");
  });

  it("reads {FALSE} and puts English text in `en` when told the file is English", () => {
    const result = importGift("ASEAN has 20 members.{FALSE}", { ...defaults, language: "en", topic: "asean-basics" });
    expect(result.ok && result.drafts[0]).toMatchObject({
      prompt: { en: "ASEAN has 20 members." },
      options: [{ correct: false }, { correct: true }],
      topic: "asean-basics",
      missing: ["id", "source", "prompt.vi", "explanation.vi"],
    });
  });

  it("reports unsupported kinds and broken questions by line, and returns no drafts", () => {
    const text = [
      "Câu tốt? {=A ~B}",
      "",
      "Thủ đô của Lào? {=Viêng Chăn =Vientiane}",
      "",
      "Năm thành lập? {#1967}",
      "",
      "Ghép cặp {=Lào -> Viêng Chăn =Campuchia -> Phnôm Pênh}",
      "",
      "Viết cảm nghĩ về ASEAN. {}",
      "",
      "Một dòng không có đáp án",
      "",
      "Thiếu ngoặc đóng {=A ~B",
      "",
      "Hai đáp án đúng? {=A =B ~C}",
      "",
      "Chỉ một phương án {=A ~}",
    ].join("\n");
    const result = importGift(text, defaults);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(formatIssue)).toEqual([
      "line 3: unsupported-question (kind: short-answer)",
      "line 5: unsupported-question (kind: numerical)",
      "line 7: unsupported-question (kind: matching)",
      "line 9: unsupported-question (kind: essay)",
      "line 11: unsupported-question (kind: description)",
      "line 13: answers: unreadable",
      "line 15: options: needs-exactly-one-correct (correct: 2)",
      "line 17: options[1]: required",
    ]);
  });

  it("refuses a file with no question", () => {
    expect(importGift("// only a comment\n\n", defaults)).toEqual({ ok: false, issues: [{ path: "", code: "empty" }] });
  });
});
