import { z } from "zod";
import { AUDIENCES, DIFFICULTIES, QUESTION_STATUSES, QUESTION_TYPES } from "./question-file";

// The bank browser's filter, read from the URL by the page and by the CSV/XLSX downloads, so a
// download holds exactly the questions on screen (all pages).

export const BROWSE_REVISION_STATUSES = ["draft", "approved", "published"] as const;
export const PAGE_SIZE = 25;

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), z.enum(values).optional()).catch(undefined);

export const bankFilterSchema = z.object({
  q: z.string().trim().max(200).catch("").default(""),
  topic: z.string().trim().max(80).catch("").default(""),
  difficulty: choice(DIFFICULTIES),
  audience: choice(AUDIENCES),
  type: choice(QUESTION_TYPES),
  status: choice(QUESTION_STATUSES),
  revision: choice(BROWSE_REVISION_STATUSES),
  release: z.string().trim().max(40).catch("").default(""),
  // "review": only questions item analysis flagged (app/stats/item-analysis.ts).
  flagged: choice(["review"] as const),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type BankFilter = z.output<typeof bankFilterSchema>;

export function parseBankFilter(searchParams: URLSearchParams): BankFilter {
  return bankFilterSchema.parse(Object.fromEntries(searchParams));
}

/** The filter as a query string without the page, for links to other pages and to the downloads. */
export function filterQuery(filter: BankFilter, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const key of ["q", "topic", "difficulty", "audience", "type", "status", "revision", "release", "flagged"] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}
