import { describe, expect, it } from "vitest";
import { sampleTaxonomy } from "../__fixtures__/sample-questions";
import { formatIssue } from "../issues";
import { importAiken } from "./aiken";
import { completeDraft, type ImportDefaults } from "./draft";

const defaults: ImportDefaults = {
  language: "vi",
  difficulty: "easy",
  audiences: ["lower-secondary"],
  topic: "asean-basics",
  source: { title: "Tài liệu tuyên truyền về ASEAN", date: "2021" },
};

describe("importAiken", () => {
  it("reads questions with '.' or ')' options, with or without blank lines between them", () => {
    const text = [
      "ASEAN được thành lập tại thành phố nào?",
      "A. Jakarta",
      "B. Bangkok",
      "C) Hà Nội",
      "ANSWER: B",
      "Những nước nào là thành viên ASEAN?",
      "A) Lào",
      "B) Nhật Bản",
      "C) Campuchia",
      "ANSWER: A, C",
    ].join("\n");
    const result = importAiken(text, defaults);
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join("\n"));
    expect(result.drafts).toHaveLength(2);
    expect(result.drafts[0]).toMatchObject({
      location: { line: 1 },
      type: "single",
      prompt: { vi: "ASEAN được thành lập tại thành phố nào?" },
      options: [
        { vi: "Jakarta", correct: false },
        { vi: "Bangkok", correct: true },
        { vi: "Hà Nội", correct: false },
      ],
      topic: "asean-basics",
      missing: ["id", "explanation.vi"],
    });
    expect(result.drafts[1]).toMatchObject({ location: { line: 6 }, type: "multiple" });
  });

  it("turns a completed draft into a valid bank question", () => {
    const result = importAiken("Thủ đô của Lào là gì?\nA. Viêng Chăn\nB. Luông Pha Băng\nANSWER: A\n", defaults);
    if (!result.ok) throw new Error("expected drafts");
    const incomplete = completeDraft(result.drafts[0], { id: "asean-basics-0100" }, sampleTaxonomy);
    expect(incomplete.ok ? [] : incomplete.issues.map(formatIssue)).toEqual(["explanation: required"]);
    const complete = completeDraft(
      result.drafts[0],
      { id: "asean-basics-0100", explanation: { vi: "Viêng Chăn là thủ đô của Lào." } },
      sampleTaxonomy,
    );
    expect(complete.ok && complete.value).toMatchObject({
      id: "asean-basics-0100",
      status: "active",
      options: [{ correct: true }, { correct: false }],
    });
  });

  it("reports a missing ANSWER, an answer with no option, options out of order and stray lines", () => {
    const text = [
      "Câu 1?",
      "A. Một",
      "B. Hai",
      "",
      "Câu 2?",
      "A. Một",
      "C. Ba",
      "ANSWER: D",
      "A. Option before any question",
      "Câu 3?",
      "A. Một",
      "B. Hai",
      "ANSWER:",
      "Câu 4?",
      "A. Một",
    ].join("\n");
    const result = importAiken(text, defaults);
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([
      "line 1: answer: required",
      "line 7: options[1]: invalid-format (expected: B)",
      "line 8: answer: answer-out-of-range (answer: D)",
      "line 9: prompt: required",
      "line 13: answer: required",
      "line 14: answer: required",
    ]);
  });
});
