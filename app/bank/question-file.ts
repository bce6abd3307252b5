import { Document, isPair, isScalar, isSeq, parseDocument, visit } from "yaml";
import { z } from "zod";
import { unitCodeSchema } from "~/units/unit-tree";
import { issuesFromZod, type BankIssue } from "./issues";

// The format is question-bank/README.md; this file is its executable form.

export const DIFFICULTIES = ["easy", "medium", "hard"] as const;
export const AUDIENCES = ["lower-secondary", "upper-secondary", "university", "young-workers", "public"] as const;
export const QUESTION_TYPES = ["single", "multiple", "true-false"] as const;
export const QUESTION_STATUSES = ["active", "retired"] as const;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 6;
/** The two options of every true/false question, in this order. */
export const TRUE_FALSE_OPTIONS = [
  { vi: "Đúng", en: "True" },
  { vi: "Sai", en: "False" },
] as const;

export type Difficulty = (typeof DIFFICULTIES)[number];
export type Audience = (typeof AUDIENCES)[number];
export type QuestionType = (typeof QUESTION_TYPES)[number];

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const IMAGE_PATTERN = /^(?!.*\.\.)[a-z0-9_-][a-z0-9._/-]*\.(?:png|jpe?g|webp|gif|svg)$/i;

export const idSchema = z.string().trim().regex(ID_PATTERN);

/**
 * Stored text is trimmed, in NFC and with "\n" line endings, so the same words typed on another
 * keyboard (Vietnamese "Unicode tổ hợp" input is NFD) or saved on Windows hash the same.
 */
const requiredText = z
  .string()
  .trim()
  .min(1)
  .transform((text) => text.normalize("NFC").replace(/\r\n?/g, "\n"));

const blankToUndefined = (value: unknown) =>
  value === null || (typeof value === "string" && value.trim() === "") ? undefined : value;

const optionalText = z.preprocess(blankToUndefined, requiredText.optional());

const localisedText = z.strictObject({ vi: requiredText, en: optionalText });

const optionSchema = z.strictObject({
  vi: requiredText,
  en: optionalText,
  correct: z.boolean().default(false),
});

const documentDate = z.string().trim().regex(DATE_PATTERN);

const sourceSchema = z.strictObject({
  title: requiredText,
  publisher: optionalText,
  url: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  date: documentDate,
  locator: optionalText,
});

/**
 * A second reader's note, carried into the revision the file creates (question-bank/README.md
 * "Recording a review"): who read it, when, and what changed and why. `by` is a username when the
 * reader has an account (the import then records them as the revision's reviewer).
 */
const reviewSchema = z.strictObject({
  by: requiredText,
  date: z.string().trim().regex(/^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/),
  note: requiredText,
});

const audiencesSchema = z
  .array(z.enum(AUDIENCES))
  .min(1)
  .superRefine((audiences, ctx) => {
    audiences.forEach((audience, index) => {
      if (audiences.indexOf(audience) !== index) ctx.addIssue({ code: "custom", message: "duplicate-value", path: [index] });
    });
  });

const optionsSchema = z.array(optionSchema).min(MIN_OPTIONS).max(MAX_OPTIONS);
const typeSchema = z.enum(QUESTION_TYPES);
const answerShape = z.object({ type: typeSchema, options: optionsSchema });

export const questionSchema = z
  .strictObject({
    id: idSchema,
    topic: idSchema,
    subtopic: z.preprocess(blankToUndefined, idSchema.optional()),
    difficulty: z.enum(DIFFICULTIES),
    audiences: audiencesSchema,
    type: typeSchema,
    prompt: localisedText,
    options: optionsSchema,
    explanation: localisedText,
    source: sourceSchema,
    locality: z.preprocess(blankToUndefined, unitCodeSchema.optional()),
    image: z.preprocess(blankToUndefined, z.string().trim().regex(IMAGE_PATTERN).optional()),
    status: z.enum(QUESTION_STATUSES).default("active"),
    review: reviewSchema.optional(),
  })
  .superRefine(
    (question, ctx) => {
      const correctCount = question.options.filter((option) => option.correct).length;
      if (question.type === "multiple" && correctCount === 0) {
        ctx.addIssue({ code: "custom", message: "needs-a-correct-option", path: ["options"] });
      }
      if (question.type !== "multiple" && correctCount !== 1) {
        ctx.addIssue({
          code: "custom",
          message: "needs-exactly-one-correct",
          path: ["options"],
          params: { correct: correctCount },
        });
      }
      if (question.type === "true-false" && !isTrueFalsePair(question.options)) {
        ctx.addIssue({ code: "custom", message: "true-false-options", path: ["options"] });
      }
    },
    // The answer rules only need type and options, so they are reported even when another
    // field is wrong: a writer sees every problem of a file at once.
    { when: (payload) => answerShape.safeParse(payload.value).success },
  );

function isTrueFalsePair(options: readonly { vi: string; en?: string }[]): boolean {
  return (
    options.length === TRUE_FALSE_OPTIONS.length &&
    options.every(
      (option, index) =>
        option.vi === TRUE_FALSE_OPTIONS[index].vi && (option.en === undefined || option.en === TRUE_FALSE_OPTIONS[index].en),
    )
  );
}

/** A question as the bank holds it: validated, defaults filled in, text normalised. */
export type BankQuestion = z.output<typeof questionSchema>;
export type BankQuestionInput = z.input<typeof questionSchema>;
export type LocalisedText = BankQuestion["prompt"];
export type QuestionOption = BankQuestion["options"][number];
export type QuestionSource = BankQuestion["source"];

const topicEntry = z.strictObject({ id: idSchema, vi: requiredText, en: requiredText });

export const topicsFileSchema = z
  .strictObject({
    topics: z.array(topicEntry.extend({ subtopics: z.array(topicEntry).optional() })).min(1),
  })
  .superRefine((file, ctx) => {
    const topicIds = new Set<string>();
    file.topics.forEach((topic, index) => {
      if (topicIds.has(topic.id)) ctx.addIssue({ code: "custom", message: "duplicate-value", path: ["topics", index, "id"] });
      topicIds.add(topic.id);
      const subtopicIds = new Set<string>();
      topic.subtopics?.forEach((subtopic, subIndex) => {
        if (subtopicIds.has(subtopic.id)) {
          ctx.addIssue({ code: "custom", message: "duplicate-value", path: ["topics", index, "subtopics", subIndex, "id"] });
        }
        subtopicIds.add(subtopic.id);
      });
    });
  });

export type Taxonomy = z.output<typeof topicsFileSchema>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: BankIssue[] };

/**
 * Reads YAML; a syntax error becomes one issue with its line. The only non-text value of the
 * format is `correct`, so a number or boolean YAML recognised anywhere else (`vi: 11`,
 * `date: 1967`, `en: 1.50`, `en: True`) is kept as the text the writer typed.
 */
function readYaml(text: string): ParseResult<unknown> {
  const document = parseDocument(text, { keepSourceTokens: true, uniqueKeys: true });
  const [error] = document.errors;
  if (error) {
    const line = error.linePos?.[0].line;
    return { ok: false, issues: [{ path: "", code: "unreadable", ...(line ? { line } : {}), params: { detail: error.code } }] };
  }
  visit(document, {
    Scalar(_key, node, ancestors) {
      if (!node.srcToken || !("source" in node.srcToken)) return;
      const parent = ancestors.at(-1);
      const field = isPair(parent) && isScalar(parent.key) ? parent.key.value : undefined;
      if (typeof node.value === "number" || (typeof node.value === "boolean" && field !== "correct")) {
        node.value = node.srcToken.source;
      }
    },
  });
  return { ok: true, value: document.toJS() };
}

export function parseTopicsFile(text: string, file = "topics.yaml"): ParseResult<Taxonomy> {
  const yaml = readYaml(text);
  if (!yaml.ok) return { ok: false, issues: yaml.issues.map((issue) => ({ file, ...issue })) };
  const parsed = topicsFileSchema.safeParse(yaml.value, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error).map((issue) => ({ file, ...issue })) };
  return { ok: true, value: parsed.data };
}

/** The taxonomy rules of one question: its topic exists, and so does its subtopic under it. */
export function taxonomyIssues(question: Pick<BankQuestion, "topic" | "subtopic">, taxonomy: Taxonomy): BankIssue[] {
  const topic = taxonomy.topics.find((candidate) => candidate.id === question.topic);
  if (!topic) return [{ path: "topic", code: "unknown-topic", params: { topic: question.topic } }];
  if (question.subtopic && !topic.subtopics?.some((subtopic) => subtopic.id === question.subtopic)) {
    return [{ path: "subtopic", code: "unknown-subtopic", params: { topic: question.topic, subtopic: question.subtopic } }];
  }
  return [];
}

/** The fields that place a question (file name, folder, taxonomy), read even from an invalid one. */
export type QuestionIdentity = { id?: string; topic?: string; subtopic?: string; image?: string };

const identityFields = {
  id: idSchema,
  topic: idSchema,
  subtopic: idSchema,
  image: z.string().trim().regex(IMAGE_PATTERN),
} as const;

export function questionIdentity(raw: unknown): QuestionIdentity {
  if (raw === null || typeof raw !== "object") return {};
  const identity: QuestionIdentity = {};
  for (const [field, schema] of Object.entries(identityFields)) {
    const parsed = schema.safeParse((raw as Record<string, unknown>)[field]);
    if (parsed.success) identity[field as keyof QuestionIdentity] = parsed.data;
  }
  return identity;
}

export type QuestionParseResult =
  | { ok: true; value: BankQuestion; identity: QuestionIdentity }
  | { ok: false; issues: BankIssue[]; identity: QuestionIdentity };

/**
 * Validates one question already read into plain data (from YAML, a spreadsheet row, a form).
 * The taxonomy is checked even when other fields are wrong, so every problem shows at once.
 */
export function validateQuestion(raw: unknown, taxonomy: Taxonomy): QuestionParseResult {
  const identity = questionIdentity(raw);
  const topicIssues = identity.topic ? taxonomyIssues({ topic: identity.topic, subtopic: identity.subtopic }, taxonomy) : [];
  const parsed = questionSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: [...issuesFromZod(parsed.error), ...topicIssues], identity };
  return topicIssues.length > 0 ? { ok: false, issues: topicIssues, identity } : { ok: true, value: parsed.data, identity };
}

/** Parses one question file; every issue names the file. */
export function parseQuestionFile(file: string, text: string, taxonomy: Taxonomy): QuestionParseResult {
  const yaml = readYaml(text);
  if (!yaml.ok) return { ok: false, issues: yaml.issues.map((issue) => ({ file, ...issue })), identity: {} };
  const result = validateQuestion(yaml.value, taxonomy);
  return result.ok ? result : { ...result, issues: result.issues.map((issue) => ({ file, ...issue })) };
}

/** Field order of a question file, as README.md shows it. */
const FIELD_ORDER = [
  "id",
  "topic",
  "subtopic",
  "difficulty",
  "audiences",
  "type",
  "prompt",
  "options",
  "explanation",
  "source",
  "locality",
  "image",
  "status",
  "review",
] as const satisfies readonly (keyof BankQuestion)[];

/**
 * A question as file text, laid out like the README: `correct` only on correct options and
 * `status` only when retired, so an exported file reads like a hand-written one.
 */
export function questionToYaml(question: BankQuestion): string {
  const plain: Record<string, unknown> = {};
  for (const field of FIELD_ORDER) {
    const value = question[field];
    if (value === undefined || (field === "status" && value === "active")) continue;
    plain[field] =
      field === "options"
        ? question.options.map(({ vi, en, correct }) => ({
            vi,
            ...(en !== undefined ? { en } : {}),
            ...(correct ? { correct } : {}),
          }))
        : withoutUndefined(value);
  }
  const document = new Document(plain);
  const audiences = document.get("audiences", true);
  if (isSeq(audiences)) audiences.flow = true;
  return document.toString({ lineWidth: 0 });
}

function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value) || value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined));
}
