import type { BankIssue } from "./issues";
import { foldText } from "./normalise";
import type { BankQuestion } from "./question-file";

/** Where a question came from, copied onto every issue about it. */
export type QuestionLocation = { file?: string; row?: number; line?: number };
export type LocatedQuestion = { location: QuestionLocation; question: BankQuestion };

function describe(location: QuestionLocation): string {
  return [
    location.file,
    location.row !== undefined ? `row ${location.row}` : undefined,
    location.line !== undefined ? `line ${location.line}` : undefined,
  ]
    .filter(Boolean)
    .join(" ");
}

/**
 * The rules that need the whole collection: ids are unique, and no two prompts are the same once
 * case, spacing, punctuation and diacritics are ignored (checked per language). The second of
 * each pair is reported, pointing at the first.
 */
export function collectionIssues(entries: readonly LocatedQuestion[]): BankIssue[] {
  const issues: BankIssue[] = [];
  const firstById = new Map<string, QuestionLocation>();
  const firstByPrompt = new Map<string, QuestionLocation>();

  for (const { location, question } of entries) {
    const earlier = firstById.get(question.id);
    if (earlier) issues.push({ ...location, path: "id", code: "duplicate-id", params: { other: describe(earlier) } });
    else firstById.set(question.id, location);

    for (const language of ["vi", "en"] as const) {
      const prompt = question.prompt[language];
      if (prompt === undefined) continue;
      const key = `${language}:${foldText(prompt)}`;
      const first = firstByPrompt.get(key);
      if (first)
        issues.push({ ...location, path: `prompt.${language}`, code: "duplicate-prompt", params: { other: describe(first) } });
      else firstByPrompt.set(key, location);
    }
  }
  return issues;
}
