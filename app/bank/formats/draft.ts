import type { BankIssue } from "../issues";
import {
  MAX_OPTIONS,
  MIN_OPTIONS,
  TRUE_FALSE_OPTIONS,
  validateQuestion,
  type Audience,
  type BankQuestionInput,
  type Difficulty,
  type QuestionParseResult,
  type QuestionSource,
  type QuestionType,
  type Taxonomy,
} from "../question-file";

/**
 * Quiz exchange formats (Kahoot, GIFT, Aiken) carry a question, its options and which are right,
 * in one language, with no topic and no source. They import as drafts that a writer completes.
 */

/** A question as another quiz format describes it, before it becomes a draft. */
export type ForeignQuestion = {
  location: { line?: number; row?: number };
  title?: string;
  type: QuestionType;
  text: string;
  options: { text: string; correct: boolean }[];
  explanation?: string;
  timeLimitSeconds?: number;
};

export type ImportDefaults = {
  /** The language the imported text is written in. */
  language: "vi" | "en";
  difficulty: Difficulty;
  audiences: Audience[];
  topic?: string;
  subtopic?: string;
  source?: QuestionSource;
};

type PartialText = { vi?: string; en?: string };

/** What a writer must still add before a draft can become a bank question. */
export type DraftGap = "id" | "topic" | "source" | "prompt.vi" | "options.vi" | "explanation.vi";

export type QuestionDraft = {
  location: { line?: number; row?: number };
  /** A name the source format gave the question (GIFT `::title::`), useful for choosing an id. */
  title?: string;
  type: QuestionType;
  prompt: PartialText;
  options: (PartialText & { correct: boolean })[];
  explanation?: PartialText;
  topic?: string;
  subtopic?: string;
  difficulty: Difficulty;
  audiences: Audience[];
  source?: QuestionSource;
  /** Kahoot's time limit, kept as a suggestion for live games. */
  timeLimitSeconds?: number;
  missing: DraftGap[];
};

export type DraftImport = { ok: true; drafts: QuestionDraft[] } | { ok: false; issues: BankIssue[] };

/**
 * The structural rules a foreign question must meet to be worth completing: text, 2–6 options,
 * the right number of correct ones. Issues carry the question's line or row.
 */
export function foreignQuestionIssues(question: ForeignQuestion): BankIssue[] {
  const at = question.location;
  const issues: BankIssue[] = [];
  if (question.text.trim() === "") issues.push({ ...at, path: "prompt", code: "required" });
  if (question.options.length < MIN_OPTIONS)
    issues.push({ ...at, path: "options", code: "too-few", params: { minimum: MIN_OPTIONS } });
  if (question.options.length > MAX_OPTIONS)
    issues.push({ ...at, path: "options", code: "too-many", params: { maximum: MAX_OPTIONS } });
  question.options.forEach((option, index) => {
    if (option.text.trim() === "") issues.push({ ...at, path: `options[${index}]`, code: "required" });
  });
  const correct = question.options.filter((option) => option.correct).length;
  if (question.type === "multiple" && correct === 0) issues.push({ ...at, path: "options", code: "needs-a-correct-option" });
  if (question.type !== "multiple" && correct !== 1) {
    issues.push({ ...at, path: "options", code: "needs-exactly-one-correct", params: { correct } });
  }
  return issues;
}

/** Validates every foreign question and turns them into drafts; nothing comes back if one is wrong. */
/**
 * Problems reported for one file, at most: past that the reader stops, so that a file of a
 * million bad lines costs neither a million checks nor a page listing them all.
 */
export const MAX_REPORTED_ISSUES = 100;

export function toDrafts(
  questions: readonly ForeignQuestion[],
  defaults: ImportDefaults,
  formatIssues: readonly BankIssue[] = [],
): DraftImport {
  const issues = [...formatIssues, ...questions.flatMap(foreignQuestionIssues)].slice(0, MAX_REPORTED_ISSUES);
  if (issues.length > 0) return { ok: false, issues };
  if (questions.length === 0) return { ok: false, issues: [{ path: "", code: "empty" }] };
  return { ok: true, drafts: questions.map((question) => toDraft(question, defaults)) };
}

function toDraft(question: ForeignQuestion, defaults: ImportDefaults): QuestionDraft {
  const inLanguage = (text: string): PartialText => ({ [defaults.language]: text.trim() });
  const options =
    question.type === "true-false"
      ? TRUE_FALSE_OPTIONS.map((labels, index) => ({ ...labels, correct: question.options[index].correct }))
      : question.options.map((option) => ({ ...inLanguage(option.text), correct: option.correct }));
  const draft: Omit<QuestionDraft, "missing"> = {
    location: question.location,
    ...(question.title ? { title: question.title } : {}),
    type: question.type,
    prompt: inLanguage(question.text),
    options,
    ...(question.explanation ? { explanation: inLanguage(question.explanation) } : {}),
    ...(defaults.topic ? { topic: defaults.topic } : {}),
    ...(defaults.subtopic ? { subtopic: defaults.subtopic } : {}),
    difficulty: defaults.difficulty,
    audiences: [...defaults.audiences],
    ...(defaults.source ? { source: defaults.source } : {}),
    ...(question.timeLimitSeconds !== undefined ? { timeLimitSeconds: question.timeLimitSeconds } : {}),
  };
  return { ...draft, missing: draftGaps(draft) };
}

export function draftGaps(draft: Omit<QuestionDraft, "missing">): DraftGap[] {
  const gaps: DraftGap[] = ["id"];
  if (!draft.topic) gaps.push("topic");
  if (!draft.source) gaps.push("source");
  if (!draft.prompt.vi) gaps.push("prompt.vi");
  if (draft.options.some((option) => !option.vi)) gaps.push("options.vi");
  if (!draft.explanation?.vi) gaps.push("explanation.vi");
  return gaps;
}

/**
 * A draft with the writer's additions, validated as a bank question: the same rules as a file,
 * so a completed draft can be saved as a revision or written to question-bank/.
 */
export function completeDraft(
  draft: QuestionDraft,
  additions: { id: string } & Partial<BankQuestionInput>,
  taxonomy: Taxonomy,
): QuestionParseResult {
  const raw: Partial<BankQuestionInput> = {
    topic: draft.topic,
    subtopic: draft.subtopic,
    difficulty: draft.difficulty,
    audiences: draft.audiences,
    type: draft.type,
    prompt: draft.prompt as BankQuestionInput["prompt"],
    options: draft.options as BankQuestionInput["options"],
    explanation: draft.explanation as BankQuestionInput["explanation"],
    source: draft.source,
    ...additions,
  };
  return validateQuestion(raw, taxonomy);
}
