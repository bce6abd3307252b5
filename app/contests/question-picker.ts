import { matchesSearch } from "~/bank/normalise";
import type { BankQuestion, Difficulty, QuestionType } from "~/bank/question-file";

// Hand-picking questions for a round or a live game by searching the pinned release, not by typing
// ids. The picker is part of the form it sits in: every question shown is a checkbox named
// `pick.<id>`, ticked when picked. "Search" submits the whole form with intent=pick-search, so it
// works before JavaScript loads, keeps every other field, and what was ticked stays picked.

export const PICK_PREFIX = "pick.";
export const PICK_SEARCH_INTENT = "pick-search";
export const SEARCH_LIMIT = 20;
export const MAX_PICKED = 100;

export type PickerQuery = { q: string; topic: string; difficulty: string };

/** A question as the picker lists it: enough to recognise it, never its answer key. */
export type PickerQuestion = {
  id: string;
  prompt: { vi: string; en: string | null };
  topic: string;
  subtopic: string | null;
  difficulty: Difficulty;
  type: QuestionType;
  optionCount: number;
};

export type PickerState = { picked: PickerQuestion[]; results: PickerQuestion[] | null; query: PickerQuery };

export const EMPTY_PICKER: PickerState = { picked: [], results: null, query: { q: "", topic: "", difficulty: "" } };

export function pickFieldName(questionId: string): string {
  return `${PICK_PREFIX}${questionId}`;
}

/** The ticked questions in the order the form lists them (picked first, then new ticks), once each. */
export function pickedIdsFrom(values: Record<string, string>): string[] {
  const ids: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (!name.startsWith(PICK_PREFIX) || value !== "on") continue;
    const id = name.slice(PICK_PREFIX.length);
    if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

export function pickerQueryFrom(values: Record<string, string>): PickerQuery {
  return {
    q: (values.pickQuery ?? "").trim().slice(0, 100),
    topic: (values.pickTopic ?? "").trim(),
    difficulty: (values.pickDifficulty ?? "").trim(),
  };
}

export function pickerQuestion(id: string, question: BankQuestion): PickerQuestion {
  return {
    id,
    prompt: { vi: question.prompt.vi, en: question.prompt.en ?? null },
    topic: question.topic,
    subtopic: question.subtopic ?? null,
    difficulty: question.difficulty,
    type: question.type,
    optionCount: question.options.length,
  };
}

function matches(entry: { id: string; question: BankQuestion }, query: PickerQuery): boolean {
  const { question } = entry;
  if (query.topic && question.topic !== query.topic) return false;
  if (query.difficulty && question.difficulty !== query.difficulty) return false;
  if (!query.q) return true;
  const texts = [entry.id, question.prompt.vi, question.prompt.en ?? "", ...question.options.flatMap((option) => [option.vi, option.en ?? ""])];
  return texts.some((text) => matchesSearch(text, query.q));
}

/**
 * The first `limit` questions of the pool that match the query (text in either language,
 * diacritics optional; topic; difficulty), sorted by id, leaving out those already picked.
 */
export function searchQuestions(
  pool: readonly { id: string; question: BankQuestion }[],
  query: PickerQuery,
  exclude: ReadonlySet<string>,
  limit = SEARCH_LIMIT,
): PickerQuestion[] {
  return pool
    .filter((entry) => !exclude.has(entry.id) && matches(entry, query))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit)
    .map((entry) => pickerQuestion(entry.id, entry.question));
}
