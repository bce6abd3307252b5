import { z } from "zod";
import { AUDIENCES, DIFFICULTIES, type Audience, type Difficulty } from "~/bank/question-file";
import { normaliseClassName } from "./attempt";
import type { DrawBucket, DrawRule } from "./draw";
import type { PredictionBasis } from "./ranking";

// The round form of organizers and teachers. Window times are typed as local time in Viet Nam
// (UTC+7, no daylight saving), whatever the server's own time zone.

export const VIETNAM_OFFSET = "+07:00";
export const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";
export const ROUND_SCOPES = ["province", "school", "class"] as const;
export type RoundScope = (typeof ROUND_SCOPES)[number];
export const PREDICTION_BASES = ["all-correct", "participants"] as const satisfies readonly PredictionBasis[];
/** Columns of the draw grid: a difficulty, or "any". */
export const GRID_COLUMNS = ["any", ...DIFFICULTIES] as const;
export const MAX_QUESTIONS = 100;

/** "2026-11-27T08:00" typed in Viet Nam → epoch ms; NaN for anything else. */
export function parseVietnamLocal(value: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return Number.NaN;
  return Date.parse(`${value}:00${VIETNAM_OFFSET}`);
}

/** Epoch ms → the value of a datetime-local input in Viet Nam time. */
export function toVietnamLocal(epochMs: number): string {
  return new Date(epochMs + 7 * 3_600_000).toISOString().slice(0, 16);
}

export function gridFieldName(topic: string, column: (typeof GRID_COLUMNS)[number]): string {
  return `mix.${topic}.${column}`;
}

/** The mix buckets typed in the grid; empty and zero cells are skipped. Null when a cell is not a count. */
export function drawRuleFromGrid(values: Record<string, string>, topics: readonly string[]): DrawRule | null {
  const buckets: DrawBucket[] = [];
  for (const topic of topics) {
    for (const column of GRID_COLUMNS) {
      const raw = values[gridFieldName(topic, column)]?.trim() ?? "";
      if (raw === "" || raw === "0") continue;
      if (!/^\d{1,3}$/.test(raw)) return null;
      const bucket: DrawBucket = { topic, count: Number(raw) };
      if (column !== "any") bucket.difficulty = column as Difficulty;
      buckets.push(bucket);
    }
  }
  const anyRaw = values["mix.any"]?.trim() ?? "";
  if (anyRaw !== "" && anyRaw !== "0") {
    if (!/^\d{1,3}$/.test(anyRaw)) return null;
    buckets.push({ count: Number(anyRaw) });
  }
  return { kind: "mix", buckets };
}

export function ruleTotal(rule: DrawRule): number {
  return rule.kind === "mix" ? rule.buckets.reduce((sum, bucket) => sum + bucket.count, 0) : rule.total;
}

const localTime = z.string().refine((value) => Number.isFinite(parseVietnamLocal(value)), "rounds.error.time");

export const roundFormSchema = z
  .object({
    title: z.string().trim().min(3, "rounds.error.title").max(120, "rounds.error.title"),
    opensAt: localTime,
    closesAt: localTime,
    timeLimitMinutes: z.coerce
      .number("rounds.error.timeLimit")
      .min(0.25, "rounds.error.timeLimit")
      .max(180, "rounds.error.timeLimit"),
    maxAttempts: z.coerce.number("rounds.error.maxAttempts").int("rounds.error.maxAttempts").min(1, "rounds.error.maxAttempts").max(10, "rounds.error.maxAttempts"),
    questionAudience: z.union([z.enum(AUDIENCES), z.literal("")], "rounds.error.audience").transform((value) => value || null),
    prediction: z.string().optional().transform((value) => value === "on"),
    predictionBasis: z.enum(PREDICTION_BASES, "rounds.error.predictionBasis").default("all-correct"),
    scope: z.enum(ROUND_SCOPES, "rounds.error.scope"),
    scopeUnitId: z.string().optional().transform((value) => value || null),
    scopeClass: z
      .string()
      .trim()
      .max(20, "rounds.error.className")
      .optional()
      .transform((value) => (value ? normaliseClassName(value) : null)),
  })
  .superRefine((value, ctx) => {
    if (parseVietnamLocal(value.closesAt) <= parseVietnamLocal(value.opensAt)) {
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: "rounds.error.window" });
    }
    if (value.scope !== "province" && !value.scopeUnitId) {
      ctx.addIssue({ code: "custom", path: ["scopeUnitId"], message: "rounds.error.scopeUnit" });
    }
    if (value.scope === "class" && !value.scopeClass) {
      ctx.addIssue({ code: "custom", path: ["scopeClass"], message: "rounds.error.className" });
    }
  });

export type RoundForm = z.output<typeof roundFormSchema>;

/** Audience groups ticked as `audience.<group>` checkboxes; none ticked admits everyone. */
export function audiencesFromForm(values: Record<string, string>): Audience[] | null {
  const ticked = AUDIENCES.filter((audience) => values[`audience.${audience}`] === "on");
  return ticked.length > 0 ? ticked : null;
}

export const contestFormSchema = z.object({
  title: z.string().trim().min(3, "contests.error.title").max(160, "contests.error.title"),
  description: z.string().trim().max(1000, "contests.error.description").optional().transform((value) => value || null),
});
