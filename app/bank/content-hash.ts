import { createHash } from "node:crypto";
import type { BankQuestion } from "./question-file";

/**
 * JSON with keys sorted at every level, `undefined` members left out and line endings reduced to
 * "\n": two objects with the same content give the same text whatever order or platform they
 * came from.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
  if (typeof value === "string") return value.replace(/\r\n?/g, "\n");
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : canonical(item)));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * The hash a revision is compared by. It covers the whole validated question (defaults filled
 * in), so `correct: false` written out or left implicit, or a file re-exported from the database,
 * hash the same, while any change a reader could see (including retiring) changes it.
 */
export function contentHash(question: BankQuestion): string {
  return createHash("sha256").update(canonicalJson(question)).digest("hex");
}
