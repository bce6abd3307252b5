import { z } from "zod";
import { vietnamDay, vietnamDayOf } from "./history";
import "~/utils/i18n/messages/journeys-more";

// An admin closes a unit (a school merged away, a commune dissolved) or reopens it by editing the
// last day it existed. Stored as validTo, the first day it no longer exists (docs/decisions/013).
// A unit may not outlive the unit above it, nor end while a unit under it goes on.

const DAY_MS = 86_400_000;

export const unitValidToSchema = z.object({
  intent: z.literal("valid-to"),
  unitId: z.string().min(1, "units.error.unknownUnit"),
  // An <input type="date">: YYYY-MM-DD, or empty for "exists today and on".
  lastDay: z
    .string()
    .trim()
    .refine((value) => value === "" || isCalendarDay(value), "unitPeriod.error.date")
    .transform((value) => value || null),
});

function isCalendarDay(value: string): boolean {
  try {
    vietnamDay(value);
    return true;
  } catch {
    return false;
  }
}

/** The last day a unit existed (YYYY-MM-DD) → the stored validTo, the next day's start in Viet Nam. */
export function validToFromLastDay(lastDay: string | null): Date | null {
  return lastDay === null ? null : new Date(vietnamDay(lastDay).getTime() + DAY_MS);
}

/** The stored validTo → the last day the unit existed, as an <input type="date"> value. */
export function lastDayFromValidTo(validTo: Date | null): string {
  return validTo === null ? "" : vietnamDayOf(new Date(validTo.getTime() - 1));
}

type Period = { validFrom: Date | null; validTo: Date | null };

export type PeriodProblem =
  | { code: "before-start" }
  | { code: "outlives-parent"; parentEnds: Date }
  | { code: "children-outlive"; count: number };

/** Whether `validTo` fits the unit's own start, its parent's end and its children's ends. */
export function periodProblem(unit: Period, validTo: Date | null, parent: Period | null, children: readonly Period[]): PeriodProblem | null {
  const ends = (period: Period) => period.validTo?.getTime() ?? Number.POSITIVE_INFINITY;
  const end = validTo?.getTime() ?? Number.POSITIVE_INFINITY;
  if (unit.validFrom && end <= unit.validFrom.getTime()) return { code: "before-start" };
  if (parent?.validTo && end > parent.validTo.getTime()) return { code: "outlives-parent", parentEnds: parent.validTo };
  const outliving = children.filter((child) => ends(child) > end).length;
  if (outliving > 0) return { code: "children-outlive", count: outliving };
  return null;
}
