import { z } from "zod";
import type { Audience } from "~/bank/question-file";
import { profileFields } from "./registration";
import "~/utils/i18n/messages/journeys-more";

// A participant corrects their profile (name, birth year, group, area, school, class) instead of
// deleting their data and starting again. Only the birth year is known, so an age is one of two
// values; a birth year far from the usual ages of the chosen group is questioned, not refused:
// a pupil who repeated a year, or an adult student, confirms it and goes on.

/**
 * The ages in a calendar year that are usual for each group, a year wider on each side than the
 * grades themselves (lớp 6–9 at 11–14, lớp 10–12 at 15–17; the Law on Youth's 16–30 for young
 * workers). The general public has no range.
 */
export const USUAL_AGES: Record<Audience, readonly [number, number] | null> = {
  "lower-secondary": [10, 16],
  "upper-secondary": [14, 19],
  university: [17, 30],
  "young-workers": [16, 35],
  public: null,
};

/** Whether someone born in `birthYear` is of a usual age for `audience` in `currentYear`. */
export function birthYearFits(audience: Audience, birthYear: number, currentYear: number): boolean {
  const range = USUAL_AGES[audience];
  if (!range) return true;
  const age = currentYear - birthYear;
  return age >= range[0] && age <= range[1];
}

/** The profile form; `currentYear` bounds the birth year and decides whether it fits the group. */
export function profileEditSchema(currentYear: number) {
  return z
    .object({
      ...profileFields(currentYear),
      confirmAge: z.string().optional(),
      childConsent: z.string().optional(),
      guardianConsent: z.string().optional(),
      guardianName: z.string().trim().max(80).optional(),
    })
    .superRefine((value, ctx) => {
      if (value.confirmAge !== "on" && !birthYearFits(value.audience, value.birthYear, currentYear)) {
        ctx.addIssue({ code: "custom", path: ["birthYear"], message: "profile.error.ageQuestioned" });
      }
    });
}

export type ProfileEdit = z.output<ReturnType<typeof profileEditSchema>>;
