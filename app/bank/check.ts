import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { collectionIssues, type LocatedQuestion } from "./collection-rules";
import type { BankIssue } from "./issues";
import { qualityOfBank, type QualityFinding } from "./quality";
import {
  DIFFICULTIES,
  parseQuestionFile,
  parseTopicsFile,
  type BankQuestion,
  type Difficulty,
  type QuestionIdentity,
  type Taxonomy,
} from "./question-file";

export const TOPICS_FILE = "topics.yaml";
export const QUESTIONS_FOLDER = "questions";
const IMAGE_FILE = /\.(?:png|jpe?g|webp|gif|svg)$/i;

/** The bank as text: paths are relative to the bank folder, with "/" separators. */
export type BankFiles = {
  topics: string | null;
  questions: { path: string; text: string }[];
  /** Files under questions/ that are not question files. */
  otherFiles: string[];
  images: ReadonlySet<string>;
};

export type BankSummary = {
  total: number;
  active: number;
  retired: number;
  byTopic: { topic: string; byDifficulty: Record<Difficulty, number>; total: number }[];
};

export type BankCheck = {
  taxonomy: Taxonomy | null;
  questions: { file: string; question: BankQuestion }[];
  issues: BankIssue[];
  /** The rubric's machine checks (app/bank/quality.ts): errors fail the check, warnings are counted. */
  quality: QualityFinding[];
  summary: BankSummary;
};

/**
 * Every rule of question-bank/README.md over the whole bank. Pure: the files come in as text, so
 * the same check runs on the folder, on a pull request's files or in a test.
 */
export function checkBankFiles(files: BankFiles): BankCheck {
  const issues: BankIssue[] = [];
  const topics = files.topics === null ? null : parseTopicsFile(files.topics, TOPICS_FILE);
  if (topics === null) issues.push({ file: TOPICS_FILE, path: "", code: "required" });
  else if (!topics.ok) issues.push(...topics.issues);
  const taxonomy = topics?.ok ? topics.value : null;

  for (const file of files.otherFiles) issues.push({ file, path: "", code: "unexpected-file" });

  const loaded: LocatedQuestion[] = [];
  if (taxonomy) {
    for (const { path: file, text } of [...files.questions].sort((a, b) => a.path.localeCompare(b.path))) {
      const parsed = parseQuestionFile(file, text, taxonomy);
      issues.push(...(parsed.ok ? [] : parsed.issues), ...placementIssues(file, parsed.identity, files.images));
      if (parsed.ok) loaded.push({ location: { file }, question: parsed.value });
    }
    issues.push(...collectionIssues(loaded));
  }

  const questions = loaded.map(({ location, question }) => ({ file: location.file ?? "", question }));
  return {
    taxonomy,
    questions,
    issues,
    quality: qualityOfBank(questions),
    summary: summarise(questions.map((entry) => entry.question)),
  };
}

/** questions/<topic>/<id>.yaml, and an image that exists. */
function placementIssues(file: string, identity: QuestionIdentity, images: ReadonlySet<string>): BankIssue[] {
  const issues: BankIssue[] = [];
  const segments = file.split("/");
  if (identity.id !== undefined && segments.at(-1) !== `${identity.id}.yaml`) {
    issues.push({ file, path: "id", code: "id-not-file-name", params: { expected: `${identity.id}.yaml` } });
  }
  if (identity.topic !== undefined && (segments.length !== 3 || segments[1] !== identity.topic)) {
    issues.push({
      file,
      path: "topic",
      code: "topic-not-folder",
      params: { expected: `${QUESTIONS_FOLDER}/${identity.topic}/` },
    });
  }
  if (identity.image !== undefined && !images.has(identity.image)) issues.push({ file, path: "image", code: "image-missing" });
  return issues;
}

export function summarise(questions: readonly BankQuestion[]): BankSummary {
  const byTopic = new Map<string, BankSummary["byTopic"][number]>();
  let retired = 0;
  for (const question of questions) {
    if (question.status === "retired") {
      retired += 1;
      continue;
    }
    let entry = byTopic.get(question.topic);
    if (!entry) {
      entry = { topic: question.topic, byDifficulty: { easy: 0, medium: 0, hard: 0 }, total: 0 };
      byTopic.set(question.topic, entry);
    }
    entry.byDifficulty[question.difficulty] += 1;
    entry.total += 1;
  }
  return {
    total: questions.length,
    active: questions.length - retired,
    retired,
    byTopic: [...byTopic.values()].sort((a, b) => a.topic.localeCompare(b.topic)),
  };
}

/** The summary as a plain-text table, for the CLI. */
export function formatSummary(summary: BankSummary): string {
  const header = ["topic", ...DIFFICULTIES, "total"];
  const rows = summary.byTopic.map((entry) => [
    entry.topic,
    ...DIFFICULTIES.map((level) => String(entry.byDifficulty[level])),
    String(entry.total),
  ]);
  const totals = [
    "all active",
    ...DIFFICULTIES.map((level) => String(summary.byTopic.reduce((sum, entry) => sum + entry.byDifficulty[level], 0))),
    String(summary.active),
  ];
  const table = [header, ...rows, totals];
  const widths = header.map((_, column) => Math.max(...table.map((row) => row[column].length)));
  const lines = table.map((row) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  "),
  );
  return [...lines, `${summary.total} questions: ${summary.active} active, ${summary.retired} retired`].join("\n");
}

/** Reads a bank folder from disk into `BankFiles`. */
export async function readBankFolder(bankDir: string): Promise<BankFiles> {
  const topics = await readFile(path.join(bankDir, TOPICS_FILE), "utf8").catch(() => null);
  const questionFiles = await listFiles(bankDir, QUESTIONS_FOLDER);
  const yamlFiles = questionFiles.filter((file) => file.endsWith(".yaml"));
  const questions = await Promise.all(
    yamlFiles.map(async (file) => ({ path: file, text: await readFile(path.join(bankDir, file), "utf8") })),
  );
  const otherFiles = questionFiles.filter(
    (file) => !file.endsWith(".yaml") && !IMAGE_FILE.test(file) && !path.posix.basename(file).startsWith("."),
  );
  const images = new Set((await listFiles(bankDir, "")).filter((file) => IMAGE_FILE.test(file)));
  return { topics, questions, otherFiles, images };
}

/** Every file under `bankDir/folder`, as "/"-separated paths relative to bankDir. */
async function listFiles(bankDir: string, folder: string): Promise<string[]> {
  const root = path.join(bankDir, folder);
  const exists = await stat(root).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!exists) return [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(bankDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

export async function checkBankFolder(bankDir: string): Promise<BankCheck> {
  return checkBankFiles(await readBankFolder(bankDir));
}
