import { AUDIENCES } from "~/bank/question-file";
import type { DrawBucket, DrawRule } from "./draw";
import { pickedIdsFrom, pickFieldName } from "./question-picker";
import { drawRuleFromGrid, gridFieldName, toVietnamLocal } from "./round-form";

// A round's form in both directions: the form's grid and picked questions → a draw rule, and a
// stored round → the values its edit form opens with. A round can be edited until it opens.

/** The grid's buckets plus one bucket holding every hand-picked question. Null when a cell is not a count. */
export function roundRuleFromForm(values: Record<string, string>, topics: readonly string[]): DrawRule | null {
  const grid = drawRuleFromGrid(values, topics);
  if (!grid || grid.kind !== "mix") return null;
  const picked = pickedIdsFrom(values);
  const buckets: DrawBucket[] = [...grid.buckets];
  if (picked.length > 0) buckets.push({ questionIds: picked, count: picked.length });
  return { kind: "mix", buckets };
}

/**
 * The grid cells and picked questions that give back `rule`, and whether they give it back
 * exactly. A rule the grid cannot express (shares, a difficulty without a topic, a cell twice, a
 * topic outside the taxonomy) is shown as far as it goes, and `exact` is false.
 */
export function ruleToFormValues(rule: DrawRule, topics: readonly string[]): { values: Record<string, string>; exact: boolean } {
  const values: Record<string, string> = {};
  if (rule.kind !== "mix") return { values, exact: false };
  let exact = true;
  for (const bucket of rule.buckets) {
    if (bucket.questionIds) {
      const plain = bucket.topic === undefined && bucket.difficulty === undefined && bucket.count === bucket.questionIds.length;
      if (!plain) exact = false;
      for (const id of bucket.questionIds) values[pickFieldName(id)] = "on";
      continue;
    }
    let field: string | null = null;
    if (bucket.topic === undefined) field = bucket.difficulty === undefined ? "mix.any" : null;
    else if (topics.includes(bucket.topic)) field = gridFieldName(bucket.topic, bucket.difficulty ?? "any");
    if (field === null || field in values) {
      exact = false;
      continue;
    }
    values[field] = String(bucket.count);
  }
  return { values, exact };
}

export type StoredRound = {
  title: string;
  opensAt: Date;
  closesAt: Date;
  releaseId: string;
  drawRule: string;
  questionAudience: string | null;
  timeLimitSeconds: number;
  maxAttempts: number;
  audiences: string | null;
  predictionEnabled: boolean;
  predictionBasis: string | null;
  scope: string;
  scopeUnitId: string | null;
  scopeClass: string | null;
};

/** The values the edit form opens with: what the round holds, in the create form's field names. */
export function roundToFormValues(round: StoredRound, topics: readonly string[]): { values: Record<string, string>; exactRule: boolean } {
  const { values: ruleValues, exact } = ruleToFormValues(JSON.parse(round.drawRule) as DrawRule, topics);
  const values: Record<string, string> = {
    title: round.title,
    opensAt: toVietnamLocal(round.opensAt.getTime()),
    closesAt: toVietnamLocal(round.closesAt.getTime()),
    releaseId: round.releaseId,
    questionAudience: round.questionAudience ?? "",
    // Minutes as the form takes them: quarter minutes at most, so no float noise.
    timeLimitMinutes: String(Math.round((round.timeLimitSeconds / 60) * 100) / 100),
    maxAttempts: String(round.maxAttempts),
    predictionBasis: round.predictionBasis ?? "all-correct",
    scope: round.scope,
    scopeUnitId: round.scopeUnitId ?? "",
    scopeClass: round.scopeClass ?? "",
    ...ruleValues,
  };
  if (round.predictionEnabled) values.prediction = "on";
  const admitted = round.audiences ? (JSON.parse(round.audiences) as unknown) : [];
  for (const audience of AUDIENCES) if (Array.isArray(admitted) && admitted.includes(audience)) values[`audience.${audience}`] = "on";
  return { values, exactRule: exact };
}

export type RoundEditState = "editable" | "open" | "closed";

/** A round may be edited until it opens; from then on participants may have seen it. */
export function roundEditState(round: { opensAt: Date; closesAt: Date }, now: number): RoundEditState {
  if (now < round.opensAt.getTime()) return "editable";
  return now < round.closesAt.getTime() ? "open" : "closed";
}
