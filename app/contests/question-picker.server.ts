import type { Audience, BankQuestion } from "~/bank/question-file";
import { releasePool } from "./pool.server";
import {
  MAX_PICKED,
  pickedIdsFrom,
  pickerQueryFrom,
  pickerQuestion,
  PICK_SEARCH_INTENT,
  searchQuestions,
  type PickerQuestion,
  type PickerState,
} from "./question-picker";

/** The release's questions that can be drawn (retired ones left out), by question id. */
async function releaseQuestions(releaseId: string): Promise<{ id: string; question: BankQuestion; audiences: readonly Audience[] }[]> {
  const pool = await releasePool(releaseId);
  return pool.questions.flatMap((entry) => {
    const question = pool.content.get(entry.revisionId);
    return question ? [{ id: entry.questionId, question, audiences: entry.audiences }] : [];
  });
}

/**
 * The picker as the form shows it after a submit: the ticked questions resolved in the chosen
 * release (ids it does not hold are dropped from the list and reported by `checkPicked`), and,
 * when the submit was the picker's search, the matching questions not yet picked.
 */
export async function pickerStateFor(releaseId: string | null, values: Record<string, string>): Promise<PickerState> {
  const query = pickerQueryFrom(values);
  if (!releaseId) return { picked: [], results: null, query };
  const questions = await releaseQuestions(releaseId);
  const byId = new Map(questions.map((entry) => [entry.id, entry.question]));
  const picked = pickedIdsFrom(values).flatMap((id) => {
    const question = byId.get(id);
    return question ? [pickerQuestion(id, question)] : [];
  });
  const results =
    values.intent === PICK_SEARCH_INTENT ? searchQuestions(questions, query, new Set(picked.map((question) => question.id))) : null;
  return { picked, results, query };
}

export type PickedCheck =
  | { ok: true; ids: string[] }
  | { ok: false; problem: "too-many"; max: number }
  | { ok: false; problem: "not-in-release" | "wrong-audience"; ids: string[] };

/** The ticked ids, each in the release (and written for the audience the round draws for). */
export async function checkPicked(releaseId: string, ids: readonly string[], audience: Audience | null): Promise<PickedCheck> {
  if (ids.length > MAX_PICKED) return { ok: false, problem: "too-many", max: MAX_PICKED };
  const questions = new Map((await releaseQuestions(releaseId)).map((entry) => [entry.id, entry]));
  const missing = ids.filter((id) => !questions.has(id));
  if (missing.length > 0) return { ok: false, problem: "not-in-release", ids: missing };
  const wrongAudience = audience ? ids.filter((id) => !questions.get(id)!.audiences.includes(audience)) : [];
  if (wrongAudience.length > 0) return { ok: false, problem: "wrong-audience", ids: wrongAudience };
  return { ok: true, ids: [...ids] };
}

/** The questions with these ids in the release, in the given order, for showing a picked list. */
export async function pickedQuestions(releaseId: string, ids: readonly string[]): Promise<PickerQuestion[]> {
  const byId = new Map((await releaseQuestions(releaseId)).map((entry) => [entry.id, entry.question]));
  return ids.flatMap((id) => {
    const question = byId.get(id);
    return question ? [pickerQuestion(id, question)] : [];
  });
}
