import { describe, expect, it } from "vitest";
import { parsed, rawSingle, rawTrueFalse } from "./__fixtures__/sample-questions";
import type { BankQuestionInput } from "./question-file";
import { countWarnings, optionKind, qualityFindings } from "./quality";
import { contentSyllables, syllables } from "./vietnamese-words";

const codes = (raw: BankQuestionInput) => qualityFindings(parsed(raw)).map((finding) => `${finding.severity} ${finding.code}`);
const details = (raw: BankQuestionInput, code: string) =>
  qualityFindings(parsed(raw))
    .filter((finding) => finding.code === code)
    .map((finding) => finding.detail);

const options = (key: string, ...wrong: string[]) => [{ vi: key, correct: true }, ...wrong.map((vi) => ({ vi }))];

describe("Vietnamese syllables", () => {
  it("splits on spaces and punctuation, keeps tones, and folds NFD input to NFC", () => {
    expect(syllables("Bộ trưởng Tài chính, (ASEAN)")).toEqual(["bộ", "trưởng", "tài", "chính", "asean"]);
    expect(syllables("Tài chính".normalize("NFD"))).toEqual(["tài", "chính"]);
  });

  it("drops stop syllables and single letters from the content words", () => {
    expect([...contentSyllables("Hội nghị nào của ASEAN được tổ chức tại Bali?")]).toEqual(["hội", "nghị", "tổ", "chức", "bali"]);
  });
});

describe("qualityFindings", () => {
  it("finds nothing in a fair, well-cited question", () => {
    expect(codes(rawSingle())).toEqual([]);
  });

  it("warns when the key is much longer than every distractor, not when lengths are close", () => {
    const long = rawSingle({
      options: options("Hội nghị Bộ trưởng Tài chính và Thống đốc Ngân hàng Trung ương ASEAN", "Quốc phòng", "Y tế", "Lao động"),
    });
    expect(codes(long)).toContain("warning key-longer");
    expect(codes(rawSingle({ options: options("Ngày 8 tháng 8 năm 1967", "Ngày 28 tháng 7 năm 1995") }))).not.toContain(
      "warning key-longer",
    );
  });

  it("warns about a content word shared by the stem and the key only, tones respected", () => {
    const giveAway = rawSingle({
      prompt: { vi: "Các bộ trưởng tài chính ASEAN họp sau khủng hoảng tài chính để hợp tác trong lĩnh vực nào?" },
      options: options("Tài chính", "Quốc phòng", "Giáo dục", "Y tế"),
    });
    expect(details(giveAway, "stem-key-word")).toEqual(["tài, chính"]);
    // The word is in a distractor too: no give-away.
    const fair = rawSingle({
      prompt: { vi: "Các bộ trưởng tài chính ASEAN họp sau khủng hoảng tài chính để hợp tác trong lĩnh vực nào?" },
      options: options("Tài chính", "Tài chính vi mô", "Giáo dục", "Y tế"),
    });
    expect(details(fair, "stem-key-word")).toEqual([]);
    // "tại" (at) in the stem is not "tài" in the key.
    const tones = rawSingle({ prompt: { vi: "Hội nghị diễn ra tại đâu?" }, options: options("Tài Nguyên", "Hà Nội") });
    expect(details(tones, "stem-key-word")).toEqual([]);
  });

  it("rejects options that repeat once case, spacing and punctuation are ignored", () => {
    const repeated = rawSingle({ options: options("Bangkok", "Jakarta", "bangkok.") });
    expect(codes(repeated)).toContain("error options-repeat");
  });

  it('rejects "all of the above" and its Vietnamese forms', () => {
    expect(codes(rawSingle({ options: options("Tất cả các đáp án trên", "Jakarta", "Manila") }))).toContain(
      "error all-of-the-above",
    );
    expect(codes(rawSingle({ options: options("Bangkok", "Jakarta", "All of the above") }))).toContain("error all-of-the-above");
  });

  it("tells years, dates, numbers and words apart, and warns when options mix them", () => {
    expect(["1967", "Năm 1995", "8/8/1967", "tháng 7/1995", "10", "663,9 triệu người", "Bangkok"].map(optionKind)).toEqual([
      "year",
      "year",
      "date",
      "date",
      "number",
      "number",
      "text",
    ]);
    expect(details(rawSingle({ options: options("1967", "Bangkok", "1995") }), "mixed-kinds")).toEqual(["text + year"]);
    expect(codes(rawSingle({ options: options("1967", "1976", "1995") }))).not.toContain("warning mixed-kinds");
  });

  it("warns about a true/false claim with two negations, but not about words that only contain không", () => {
    const doubled = rawTrueFalse({
      status: "active",
      prompt: { vi: "Không phải là ASEAN không có Ban Thư ký.", en: "It is not true that ASEAN has no Secretariat." },
    });
    expect(codes(doubled)).toContain("warning double-negative");
    const single = rawTrueFalse({ status: "active", prompt: { vi: "Hiệp ước về Khu vực Đông Nam Á không vũ khí hạt nhân không được ký năm 1995." } });
    expect(codes(single)).not.toContain("warning double-negative");
  });

  it("warns about a source with no locator or a vague one", () => {
    const source = rawSingle().source as { title: string; date: string };
    expect(details(rawSingle({ source: { title: source.title, date: source.date } }), "source-locator")).toEqual(["no locator"]);
    expect(details(rawSingle({ source: { ...source, locator: "whole page" } }), "source-locator")).toEqual(["whole page"]);
    expect(details(rawSingle({ source: { ...source, locator: "Art. 31, para 1" } }), "source-locator")).toEqual([]);
    expect(details(rawSingle({ source: { ...source, locator: "mục IV.1, đoạn cuối" } }), "source-locator")).toEqual([]);
  });

  it("rejects a former province, district or merged office unless the prompt puts it in time", () => {
    const undated = rawSingle({
      prompt: { vi: "Kế hoạch tuyên truyền về ASEAN của tỉnh Bắc Giang giao nhiệm vụ đầu mối cho cơ quan nào?" },
      options: options("Sở Thông tin và Truyền thông", "Sở Ngoại vụ", "Sở Tài chính"),
    });
    expect(details(undated, "unit-not-in-time")).toEqual(["Bắc Giang (tỉnh)", "Sở Thông tin và Truyền thông"]);
    const district = rawSingle({ prompt: { vi: "Huyện Lục Ngạn nổi tiếng với loại quả nào?" }, options: options("Vải thiều", "Nhãn") });
    expect(details(district, "unit-not-in-time")).toEqual(["huyện / thị xã (cấp huyện)"]);
    // A plan's period does not date the name; "(cũ)" or "năm 2021" does.
    const period = rawSingle({ prompt: { vi: "Kế hoạch giai đoạn 2021-2025 của tỉnh Bắc Giang nhằm mục đích gì?" } });
    expect(codes(period)).toContain("error unit-not-in-time");
    for (const vi of [
      "Kế hoạch giai đoạn 2021-2025 của tỉnh Bắc Giang (cũ) giao nhiệm vụ đầu mối cho cơ quan nào?",
      "Năm 2021, huyện Lục Ngạn thuộc tỉnh nào?",
      "Trước ngày 1/7/2025, Sở Thông tin và Truyền thông tỉnh Bắc Giang làm đầu mối việc gì?",
    ]) {
      expect(codes({ ...undated, prompt: { vi } })).not.toContain("error unit-not-in-time");
    }
    // English text is held to the same rule.
    const english = rawSingle({ explanation: { vi: "Xem kế hoạch.", en: "The Bac Giang plan says so." } });
    expect(details(english, "unit-not-in-time")).toEqual(["Bắc Giang (province)"]);
  });

  it("skips retired questions and counts warnings per kind", () => {
    const retired = rawSingle({ status: "retired", options: options("Bangkok", "Bangkok") });
    expect(codes(retired)).toEqual([]);
    const findings = [
      ...qualityFindings(parsed(rawSingle({ options: options("1967", "Bangkok") }))),
      ...qualityFindings(parsed(rawSingle({ source: { title: "x", date: "2020" } }))),
    ];
    expect(countWarnings(findings)).toEqual({
      "key-longer": 0,
      "stem-key-word": 0,
      "mixed-kinds": 1,
      "double-negative": 0,
      "source-locator": 1,
      total: 2,
    });
  });
});

describe("optionKind", () => {
  it("does not take a year followed by a place for a number", () => {
    expect(optionKind("Năm 1994, tại Bangkok (Thái Lan)")).toBe("text");
    expect(optionKind("Năm 1992, tại Singapore")).toBe("text");
    expect(optionKind("2.400 tỷ USD")).toBe("number");
  });
});
