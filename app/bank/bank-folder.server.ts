import { readFile } from "node:fs/promises";
import path from "node:path";
import { TOPICS_FILE } from "./check";
import { parseTopicsFile, type Taxonomy } from "./question-file";

// Where the web side reads the taxonomy and writes its exports: the same folder the CLI uses
// (scripts/bank.ts), so the repository's files stay the source of truth.

export function bankDir(): string {
  return path.resolve(process.env.QUESTION_BANK_DIR ?? "question-bank");
}

/** topics.yaml, read on every call: it is small, and an edited taxonomy shows without a restart. */
export async function loadTaxonomy(dir = bankDir()): Promise<Taxonomy> {
  const parsed = parseTopicsFile(await readFile(path.join(dir, TOPICS_FILE), "utf8"));
  if (!parsed.ok) throw new Error(`${TOPICS_FILE} is invalid; run npm run bank:check`);
  return parsed.value;
}

/** The folder as people see it in messages: relative to the working directory. */
export function shownBankDir(dir = bankDir()): string {
  return path.relative(process.cwd(), dir) || ".";
}
