import type { BankQuestion } from "./question-file";
import { foldText } from "./normalise";
import { contentSyllables, syllables } from "./vietnamese-words";

// The fairness rules of question-bank/README.md ("Rubric") that a machine can see. Errors are
// certain and fail `npm run bank:check`; warnings are likely problems a reader decides on, and
// their count may only go down from one release to the next (releases/index.yaml).

export const QUALITY_ERRORS = ["options-repeat", "all-of-the-above", "unit-not-in-time"] as const;
export const QUALITY_WARNINGS = [
  "key-longer",
  "stem-key-word",
  "mixed-kinds",
  "double-negative",
  "source-locator",
] as const;
export type QualityErrorCode = (typeof QUALITY_ERRORS)[number];
export type QualityWarningCode = (typeof QUALITY_WARNINGS)[number];
export type QualityCode = QualityErrorCode | QualityWarningCode;

export type QualityFinding = {
  id: string;
  file?: string;
  code: QualityCode;
  severity: "error" | "warning";
  /** What the reader should look at, e.g. the shared word or the repeated option. */
  detail?: string;
};

const isError = (code: QualityCode): code is QualityErrorCode => (QUALITY_ERRORS as readonly string[]).includes(code);

/** Every finding for one question. Retired questions are not shown to anyone and are skipped. */
export function qualityFindings(question: BankQuestion, file?: string): QualityFinding[] {
  if (question.status === "retired") return [];
  const found: { code: QualityCode; detail?: string }[] = [
    ...repeatedOptions(question),
    ...allOfTheAbove(question),
    ...unitsNotInTime(question),
    ...keyLonger(question),
    ...stemKeyWords(question),
    ...mixedKinds(question),
    ...doubleNegative(question),
    ...sourceLocator(question),
  ];
  return found.map(({ code, detail }) => ({
    id: question.id,
    ...(file !== undefined ? { file } : {}),
    code,
    severity: isError(code) ? "error" : "warning",
    ...(detail !== undefined ? { detail } : {}),
  }));
}

export function qualityOfBank(entries: readonly { file?: string; question: BankQuestion }[]): QualityFinding[] {
  return entries.flatMap(({ file, question }) => qualityFindings(question, file));
}

/** Warnings per code, every code present (0 when none), for the CLI and the release index. */
export function countWarnings(findings: readonly QualityFinding[]): Record<QualityWarningCode, number> & { total: number } {
  const counts = Object.fromEntries(QUALITY_WARNINGS.map((code) => [code, 0])) as Record<QualityWarningCode, number>;
  let total = 0;
  for (const finding of findings) {
    if (finding.severity !== "warning") continue;
    counts[finding.code as QualityWarningCode] += 1;
    total += 1;
  }
  return { ...counts, total };
}

export function formatFinding(finding: QualityFinding): string {
  return [finding.file ?? finding.id, `${finding.severity} ${finding.code}`, finding.detail].filter(Boolean).join(": ");
}

type Found = { code: QualityCode; detail?: string }[];

const choiceOptions = (question: BankQuestion) => (question.type === "true-false" ? [] : question.options);

/** Two options that read the same once case, spacing, punctuation and diacritics are ignored. */
function repeatedOptions(question: BankQuestion): Found {
  const found: Found = [];
  for (const language of ["vi", "en"] as const) {
    const seen = new Set<string>();
    for (const option of choiceOptions(question)) {
      const text = option[language];
      if (text === undefined) continue;
      const folded = foldText(text);
      if (seen.has(folded)) found.push({ code: "options-repeat", detail: text });
      seen.add(folded);
    }
  }
  return found;
}

const ALL_OR_NONE =
  /(tất cả (các )?(đáp án|phương án|ý|câu)( trên)?|cả (ba|bốn|hai) (đáp án|phương án|ý)|không (có )?(đáp án|phương án) nào|all of the above|none of the above)/iu;

function allOfTheAbove(question: BankQuestion): Found {
  const option = choiceOptions(question).find((candidate) => ALL_OR_NONE.test(candidate.vi) || ALL_OR_NONE.test(candidate.en ?? ""));
  return option ? [{ code: "all-of-the-above", detail: option.vi }] : [];
}

/**
 * Units and agencies that ended on or before 1 July 2025 (units-2025.md): the former provinces
 * merged into the new Bắc Ninh, the district level everywhere, and the information and
 * communications bodies merged in 2025. Matching is on the text as written (tones included).
 */
const FORMER_UNITS: { name: string; pattern: RegExp }[] = [
  { name: "Bắc Giang (tỉnh)", pattern: /\bBắc Giang\b/u },
  { name: "huyện / thị xã (cấp huyện)", pattern: /(?<![\p{L}])(huyện|thị xã|cấp huyện)(?![\p{L}])/iu },
  { name: "Sở Thông tin và Truyền thông", pattern: /Sở (Thông tin và Truyền thông|TT&TT|TTTT|TT-TT)/u },
  { name: "Bộ Thông tin và Truyền thông", pattern: /Bộ Thông tin và Truyền thông|Bộ TT&TT/u },
  { name: "Bắc Giang (province)", pattern: /\bBac Giang\b/u },
  {
    name: "Department or Ministry of Information and Communications",
    // "district" alone is not flagged in English: Brunei, Malaysia … have districts today.
    pattern: /(Department|Ministry) of Information and Communications?/iu,
  },
];

/**
 * What puts a name in time: "(cũ)" / "former", a date before the 2025 reform ("trước 1/7/2025",
 * "before July 2025"), or a year up to 2025 said as a point in time ("năm 2021", "tháng 5/2022",
 * "in 2021"). A plan's period ("giai đoạn 2021-2025") does not: it dates the plan, not the name.
 */
const YEAR_TO_2025 = "(19\\d\\d|20[01]\\d|202[0-5])";
const IN_TIME = new RegExp(
  [
    "\\(cũ\\)",
    "(?<![\\p{L}])cũ(?![\\p{L}])",
    "trước (ngày )?(1/7/2025|01/07/2025|khi (hợp nhất|sáp nhập))",
    `năm ${YEAR_TO_2025}(?!\\d)`,
    `tháng \\d{1,2}/${YEAR_TO_2025}(?!\\d)`,
    `\\(${YEAR_TO_2025}\\)`,
    `\\d{1,2}/\\d{1,2}/${YEAR_TO_2025}(?!\\d)`,
    "\\bformer\\b",
    "\\bbefore (1 )?July 2025\\b",
    `\\b(in|of|until) (\\d{1,2} )?(\\p{L}+ )?${YEAR_TO_2025}\\b`,
  ].join("|"),
  "iu",
);

function unitsNotInTime(question: BankQuestion): Found {
  const texts = [
    question.prompt.vi,
    question.prompt.en,
    ...question.options.flatMap((option) => [option.vi, option.en]),
    question.explanation.vi,
    question.explanation.en,
  ].filter((text): text is string => text !== undefined);
  // Most questions name no former unit: one pass over the names first, the time test only then.
  const naming = texts.filter((text) => FORMER_UNITS.some((unit) => unit.pattern.test(text)));
  if (naming.length === 0) return [];
  if (IN_TIME.test(question.prompt.vi) || IN_TIME.test(question.prompt.en ?? "")) return [];
  const named = new Set<string>();
  for (const text of naming) {
    if (IN_TIME.test(text)) continue;
    for (const unit of FORMER_UNITS) if (unit.pattern.test(text)) named.add(unit.name);
  }
  return [...named].map((name) => ({ code: "unit-not-in-time" as const, detail: name }));
}

/** The key at least 1.6 times and 15 characters longer than the longest distractor (single-answer questions). */
function keyLonger(question: BankQuestion): Found {
  if (question.type !== "single") return [];
  const key = question.options.find((option) => option.correct);
  const others = question.options.filter((option) => !option.correct);
  if (!key || others.length === 0) return [];
  const longest = Math.max(...others.map((option) => option.vi.length));
  return key.vi.length >= longest * 1.6 && key.vi.length - longest >= 15
    ? [{ code: "key-longer", detail: `${key.vi.length} vs ${longest} characters` }]
    : [];
}

/** A content syllable in the prompt and in every correct option but in no wrong option. */
function stemKeyWords(question: BankQuestion): Found {
  if (question.type === "true-false") return [];
  const keys = question.options.filter((option) => option.correct);
  const others = question.options.filter((option) => !option.correct);
  if (keys.length === 0 || others.length === 0) return [];
  const stem = contentSyllables(question.prompt.vi);
  const inDistractors = new Set(others.flatMap((option) => syllables(option.vi)));
  const inKeys = keys.map((key) => new Set(syllables(key.vi)));
  const shared = [...stem].filter((syllable) => !inDistractors.has(syllable) && inKeys.every((key) => key.has(syllable)));
  return shared.length > 0 ? [{ code: "stem-key-word", detail: shared.join(", ") }] : [];
}

type Kind = "year" | "date" | "number" | "text";

/** What an option is: a year, a date, a number (with or without a unit), or words. */
export function optionKind(text: string): Kind {
  const value = text.trim().replace(/^(năm|khoảng|hơn|gần|vào|ngày)\s+/iu, "");
  if (/^(1[89]|20)\d\d$/.test(value)) return "year";
  if (/^\d{1,2}[/.-]\d{1,2}([/.-]\d{2,4})?$/.test(value) || /^\d{1,2} tháng \d{1,2}( năm \d{4})?$/u.test(value)) return "date";
  if (/^(tháng \d{1,2}|\d{1,2}) ?[/-]? ?(năm )?\d{4}$/u.test(value) || /^tháng \d{1,2}\/\d{4}$/u.test(value)) return "date";
  // A figure (digits with separators, ending in a digit) and at most a two-word unit: "2.400 tỷ USD".
  if (/^[~≈]?\d(?:[\d.,]*\d)?(\s?%|\s+\p{L}+(\s\p{L}+)?)?$/u.test(value)) return "number";
  return "text";
}

function mixedKinds(question: BankQuestion): Found {
  const options = choiceOptions(question);
  if (options.length < 2) return [];
  const kinds = new Set(options.map((option) => optionKind(option.vi)));
  return kinds.size > 1 ? [{ code: "mixed-kinds", detail: [...kinds].sort().join(" + ") }] : [];
}

/** "không" inside a word that is not a negation: hàng không, không gian, không khí, không quân … */
const NOT_NEGATION = /hàng không|không gian|không khí|không quân|không vũ khí hạt nhân|không phổ biến|không chính thức/giu;
const NEGATION = /(?<![\p{L}])(không|chưa|chẳng|chả|chớ|đừng)(?![\p{L}])/giu;
const NEGATION_EN = /\b(not|never|no|none|neither|nor|without)\b|n't\b/gi;

/** A true/false claim with two or more negations: "không phải là không …", "not … never". */
function doubleNegative(question: BankQuestion): Found {
  if (question.type !== "true-false") return [];
  const vi = question.prompt.vi.replace(NOT_NEGATION, " ").match(NEGATION)?.length ?? 0;
  const en = question.prompt.en?.match(NEGATION_EN)?.length ?? 0;
  return vi >= 2 || en >= 2 ? [{ code: "double-negative", detail: question.prompt.vi }] : [];
}

/**
 * A locator precise enough to find the sentence: a paragraph, article, section, item, page,
 * heading, row or a quoted phrase. Missing, or only "whole page"/"toàn văn", is a warning.
 */
const PRECISE_LOCATOR =
  /\b(para(graph)?s?|art(icle)?s?|sec(tion)?s?|§|items?|points?|pages?|p\.|pp\.|chapters?|ch\.|clauses?|rows?|tables?|bullets?|headings?|heading|caption|preamble|footer|infobox|annex|part|lead|first|second|third|opening|last|intro(duction)?|sentence|list|title|entry|box|signatures?|end|closing|formula|operative|synthesis|description|summary|fields?|dateline|timeline)\b|đoạn|điều|mục|khoản|chương|trang|phần|bảng|dòng|tiêu đề|lời (nói đầu|mở đầu)|["“”«]/iu;
const VAGUE_LOCATOR = /^(whole (page|document|text)|toàn (văn|bộ)|passim|various|nhiều chỗ)$/iu;

function sourceLocator(question: BankQuestion): Found {
  const locator = question.source.locator?.trim();
  if (!locator) return [{ code: "source-locator", detail: "no locator" }];
  if (VAGUE_LOCATOR.test(locator) || !PRECISE_LOCATOR.test(locator)) return [{ code: "source-locator", detail: locator }];
  return [];
}
