import { z } from "zod";
import { AUDIENCES } from "~/bank/question-file";
import { normaliseClassName } from "./attempt";

// The participant profile and the consent rules (docs/decisions/006). Vietnam's Decree 13/2023/NĐ-CP
// Art. 20 (and Law 91/2025/QH15) ask for the consent of a child from 7 years and of a parent or
// guardian for anyone under 16. Only the birth year is collected, so age is known to within a year:
// whoever may still be under 16 is treated as under 16.

/** The version of the consent text shown on the registration page; stored with each consent. */
export const CONSENT_VERSION = "2026-11-v1";
export const GUARDIAN_AGE = 16;
export const YOUNGEST_AGE = 6;
export const OLDEST_AGE = 100;

/** True when someone born in `birthYear` may not yet be 16 in `currentYear`. */
export function needsGuardian(birthYear: number, currentYear: number): boolean {
  return currentYear - birthYear <= GUARDIAN_AGE;
}

const checked = z.literal("on", "register.error.consentRequired");

/** The fields a participant gives at registration and may correct later on their profile. */
export function profileFields(currentYear: number) {
  return {
    displayName: z.string().trim().min(2, "register.error.displayName").max(60, "register.error.displayName"),
    birthYear: z.coerce
      .number("register.error.birthYear")
      .int("register.error.birthYear")
      .min(currentYear - OLDEST_AGE, "register.error.birthYear")
      .max(currentYear - YOUNGEST_AGE, "register.error.birthYear"),
    audience: z.enum(AUDIENCES, "register.error.audience"),
    areaId: z.string().min(1, "register.error.area"),
    unitId: z.string().min(1, "register.error.unit"),
    className: z
      .string()
      .trim()
      .max(20, "register.error.className")
      .regex(/^[\p{L}\p{N} .\-/]*$/u, "register.error.className")
      .optional()
      .transform((value) => (value ? normaliseClassName(value) : null)),
  };
}

/** The registration form; `currentYear` bounds the birth year and decides whether a guardian is needed. */
export function registrationSchema(currentYear: number) {
  return z
    .object({
      ...profileFields(currentYear),
      consent: checked,
      childConsent: z.string().optional(),
      guardianConsent: z.string().optional(),
      guardianName: z.string().trim().max(80).optional(),
    })
    .superRefine((value, ctx) => {
      if (!needsGuardian(value.birthYear, currentYear)) return;
      if (value.childConsent !== "on") ctx.addIssue({ code: "custom", path: ["childConsent"], message: "register.error.childConsent" });
      if (value.guardianConsent !== "on") {
        ctx.addIssue({ code: "custom", path: ["guardianConsent"], message: "register.error.guardianConsent" });
      }
      if (!value.guardianName || value.guardianName.length < 2) {
        ctx.addIssue({ code: "custom", path: ["guardianName"], message: "register.error.guardianName" });
      }
    });
}

export type Registration = z.output<ReturnType<typeof registrationSchema>>;

export const unitRequestSchema = z.object({
  requestName: z.string().trim().min(3, "register.error.requestName").max(120, "register.error.requestName"),
  requestAreaId: z.string().optional(),
});
