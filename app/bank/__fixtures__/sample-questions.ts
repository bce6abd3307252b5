// Test data shared by the bank's tests: a small taxonomy and valid questions of each type.
import type { BankQuestion, BankQuestionInput, Taxonomy } from "../question-file";
import { questionSchema } from "../question-file";

export const sampleTaxonomy: Taxonomy = {
  topics: [
    { id: "asean-basics", vi: "ASEAN cơ bản và lịch sử", en: "ASEAN basics and history" },
    {
      id: "economic",
      vi: "Cộng đồng Kinh tế ASEAN",
      en: "ASEAN Economic Community",
      subtopics: [{ id: "free-trade", vi: "Các hiệp định thương mại tự do", en: "Free-trade agreements" }],
    },
  ],
};

export function rawSingle(overrides: Partial<BankQuestionInput> = {}): BankQuestionInput {
  return {
    id: "asean-basics-0001",
    topic: "asean-basics",
    difficulty: "easy",
    audiences: ["lower-secondary", "public"],
    type: "single",
    prompt: { vi: "ASEAN được thành lập vào ngày nào?", en: "On what date was ASEAN established?" },
    options: [
      { vi: "Ngày 8 tháng 8 năm 1967", en: "8 August 1967", correct: true },
      { vi: "Ngày 28 tháng 7 năm 1995", en: "28 July 1995" },
      { vi: "Ngày 15 tháng 12 năm 2008", en: "15 December 2008" },
    ],
    explanation: { vi: "ASEAN ra đời ngày 8/8/1967 tại Bangkok.", en: "ASEAN was founded on 8 August 1967 in Bangkok." },
    source: {
      title: "The ASEAN Declaration (Bangkok Declaration)",
      publisher: "ASEAN Secretariat",
      url: "https://asean.org/the-asean-declaration/",
      date: "1967-08-08",
      locator: "opening paragraph",
    },
    ...overrides,
  };
}

export function rawMultiple(overrides: Partial<BankQuestionInput> = {}): BankQuestionInput {
  return {
    id: "economic-0001",
    topic: "economic",
    subtopic: "free-trade",
    difficulty: "hard",
    audiences: ["university"],
    type: "multiple",
    prompt: { vi: "Những hiệp định nào là hiệp định thương mại tự do của ASEAN?" },
    options: [{ vi: "ATIGA", correct: true }, { vi: "RCEP", correct: true }, { vi: 'NAFTA, "Bắc Mỹ"; 1994' }],
    explanation: { vi: "ATIGA là hiệp định nội khối.\nRCEP gồm ASEAN và năm đối tác." },
    source: { title: "ASEAN Trade in Goods Agreement", date: "2009-02" },
    locality: "bac-giang",
    ...overrides,
  };
}

export function rawTrueFalse(overrides: Partial<BankQuestionInput> = {}): BankQuestionInput {
  return {
    id: "asean-basics-0002",
    topic: "asean-basics",
    difficulty: "medium",
    audiences: ["upper-secondary"],
    type: "true-false",
    prompt: { vi: "Việt Nam gia nhập ASEAN năm 1995.", en: "Viet Nam joined ASEAN in 1995." },
    options: [
      { vi: "Đúng", en: "True", correct: true },
      { vi: "Sai", en: "False" },
    ],
    explanation: { vi: "Việt Nam là thành viên thứ bảy, từ 28/7/1995." },
    source: { title: "Tuyên bố kết nạp Việt Nam", date: "1995" },
    status: "retired",
    image: "images/flag.png",
    ...overrides,
  };
}

export function parsed(raw: BankQuestionInput): BankQuestion {
  return questionSchema.parse(raw);
}

export const sampleQuestions = (): BankQuestion[] => [parsed(rawSingle()), parsed(rawMultiple()), parsed(rawTrueFalse())];
