import type { z } from "zod";
import { isMessageKey, type MessageKey } from "./i18n";

export type FieldErrors = Partial<Record<string, MessageKey>>;

/**
 * zod messages in this project are i18n keys; this maps each failing field to its key so the form
 * can show it in the reader's language. An unexpected message falls back to a generic one.
 */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    if (errors[field]) continue;
    errors[field] = isMessageKey(issue.message) ? issue.message : "form.required";
  }
  return errors;
}

/** FormData as a plain object of strings (files dropped), for zod. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string") values[key] = value;
  }
  return values;
}
