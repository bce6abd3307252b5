import { z } from "zod";
import type { BankIssue, BankIssueCode, IssueParams } from "./issues";
import {
  AUDIENCES,
  MAX_OPTIONS,
  validateQuestion,
  type BankQuestion,
  type BankQuestionInput,
  type Taxonomy,
} from "./question-file";

// The web editor's form: flat field names (one input each, so no field repeats), one schema that
// turns them into a question and checks it with the same rules as a file. The action parses
// with it; the form component names its inputs with the helpers below.

export const OPTION_NUMBERS = Array.from({ length: MAX_OPTIONS }, (_, index) => index + 1);

export const formField = {
  optionVi: (number: number) => `option_${number}_vi`,
  optionEn: (number: number) => `option_${number}_en`,
  optionCorrect: (number: number) => `option_${number}_correct`,
  audience: (audience: string) => `audience_${audience}`,
} as const;

const text = z.string().default("");

const formShape = z.object({
  baseRevision: z.coerce.number().int().min(1),
  topic: text,
  difficulty: text,
  type: text,
  prompt_vi: text,
  prompt_en: text,
  explanation_vi: text,
  explanation_en: text,
  source_title: text,
  source_publisher: text,
  source_url: text,
  source_date: text,
  source_locator: text,
  locality: text,
  image: text,
  retired: text,
});

export type QuestionFormValues = Record<string, string>;

/** A form error: an i18n key of the bank's issue messages and its parameters. */
export type FormIssue = { code: BankIssueCode; params?: IssueParams };
export type QuestionFormErrors = Partial<Record<string, FormIssue>>;

/** Form values → the raw question the file format describes (blank optional fields left out). */
export function formToRawQuestion(id: string, values: QuestionFormValues): Partial<BankQuestionInput> {
  const value = (name: string) => (values[name] ?? "").trim();
  const [topic, subtopic] = value("topic").split("/");
  const lastOption = Math.max(
    0,
    ...OPTION_NUMBERS.filter((number) => value(formField.optionVi(number)) || value(formField.optionEn(number))),
  );
  return {
    id,
    topic: topic ?? "",
    subtopic: subtopic || undefined,
    difficulty: value("difficulty") as BankQuestionInput["difficulty"],
    audiences: AUDIENCES.filter((audience) => values[formField.audience(audience)] === "on"),
    type: value("type") as BankQuestionInput["type"],
    prompt: { vi: value("prompt_vi"), en: value("prompt_en") },
    options: OPTION_NUMBERS.slice(0, lastOption).map((number) => ({
      vi: value(formField.optionVi(number)),
      en: value(formField.optionEn(number)),
      correct: values[formField.optionCorrect(number)] === "on",
    })),
    explanation: { vi: value("explanation_vi"), en: value("explanation_en") },
    source: {
      title: value("source_title"),
      publisher: value("source_publisher"),
      url: value("source_url"),
      date: value("source_date"),
      locator: value("source_locator"),
    },
    locality: value("locality"),
    image: value("image"),
    status: values.retired === "on" ? "retired" : "active",
  };
}

/** A question → form values, to open the form on a revision. */
export function questionToFormValues(question: BankQuestion): QuestionFormValues {
  const values: QuestionFormValues = {
    topic: question.subtopic ? `${question.topic}/${question.subtopic}` : question.topic,
    difficulty: question.difficulty,
    type: question.type,
    prompt_vi: question.prompt.vi,
    prompt_en: question.prompt.en ?? "",
    explanation_vi: question.explanation.vi,
    explanation_en: question.explanation.en ?? "",
    source_title: question.source.title,
    source_publisher: question.source.publisher ?? "",
    source_url: question.source.url ?? "",
    source_date: question.source.date,
    source_locator: question.source.locator ?? "",
    locality: question.locality ?? "",
    image: question.image ?? "",
    retired: question.status === "retired" ? "on" : "",
  };
  for (const audience of question.audiences) values[formField.audience(audience)] = "on";
  question.options.forEach((option, index) => {
    values[formField.optionVi(index + 1)] = option.vi;
    values[formField.optionEn(index + 1)] = option.en ?? "";
    if (option.correct) values[formField.optionCorrect(index + 1)] = "on";
  });
  return values;
}

/** The form input a question field is typed in: `options[1].vi` → `option_2_vi`, `source.date` → `source_date`. */
export function formFieldOf(path: string): string {
  const option = /^options\[(\d+)\](?:\.(vi|en))?/.exec(path);
  if (option) return option[2] ? `option_${Number(option[1]) + 1}_${option[2]}` : "options";
  if (path === "subtopic") return "topic";
  if (path.startsWith("audiences")) return "audiences";
  if (path === "status") return "retired";
  return path.replace(".", "_") || "form";
}

function firstByField(issues: readonly BankIssue[]): QuestionFormErrors {
  const errors: QuestionFormErrors = {};
  for (const issue of issues) {
    const field = formFieldOf(issue.path);
    errors[field] ??= { code: issue.code, ...(issue.params ? { params: issue.params } : {}) };
  }
  return errors;
}

export type QuestionFormResult =
  | { ok: true; question: BankQuestion; baseRevision: number }
  | { ok: false; errors: QuestionFormErrors };

/** Parses the edit form for question `id`: the same rules as a question file, errors by input. */
export function parseQuestionForm(id: string, values: QuestionFormValues, taxonomy: Taxonomy): QuestionFormResult {
  const shape = formShape.safeParse(values);
  if (!shape.success) return { ok: false, errors: { form: { code: "invalid-format" } } };
  const result = validateQuestion(formToRawQuestion(id, values), taxonomy);
  if (!result.ok) return { ok: false, errors: firstByField(result.issues) };
  return { ok: true, question: result.value, baseRevision: shape.data.baseRevision };
}
