import { createHash } from "node:crypto";
import { Document, parseDocument } from "yaml";
import { z } from "zod";
import { canonicalJson, contentHash } from "./content-hash";
import { questionSchema, type BankQuestion } from "./question-file";

// question-bank/releases/: what each release was, so the seed can rebuild an old release exactly
// after the files have moved on (docs/decisions/019-frozen-release-manifests.md).

export const RELEASES_FOLDER = "releases";
export const RELEASES_INDEX = "releases/index.yaml";

/**
 * releases/index.yaml: every release in order. A release with `frozen` is rebuilt from that file;
 * the last one, without `frozen`, is the question files as they are. `warnings` is the count of
 * quality warnings (app/bank/quality.ts) its questions carried: a release may not carry more than
 * the one before it.
 */
export const releaseIndexSchema = z.strictObject({
  releases: z
    .array(
      z.strictObject({
        name: z.string().regex(/^\d{4}\.\d+$/),
        frozen: z.string().regex(/^[\w.-]+\.yaml$/).optional(),
        warnings: z.number().int().min(0),
      }),
    )
    .min(1),
});
export type ReleaseIndex = z.output<typeof releaseIndexSchema>;

export function parseReleaseIndex(text: string): ReleaseIndex {
  return releaseIndexSchema.parse(parseDocument(text).toJS());
}

/**
 * The fingerprint of a set of questions: sha-256 over their sorted content hashes. It is written
 * into a frozen manifest and checked when it is read, so an edit to a released question's frozen
 * copy is caught instead of silently changing history.
 */
export function bankFingerprint(questions: readonly BankQuestion[]): string {
  const hashes = questions.map((question) => `${question.id} ${contentHash(question)}`).sort();
  return createHash("sha256").update(hashes.join("\n")).digest("hex");
}

const manifestSchema = z.strictObject({
  release: z.string(),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  questions: z.array(z.unknown()).min(1),
});

export type FrozenRelease = { release: string; fingerprint: string; questions: BankQuestion[] };

/** The manifest text: one YAML document, the questions as canonical JSON lines (one per line). */
export function frozenReleaseToText(release: string, questions: readonly BankQuestion[]): string {
  const sorted = [...questions].sort((a, b) => a.id.localeCompare(b.id));
  const header = new Document({ release, fingerprint: bankFingerprint(sorted) }).toString();
  // JSON is valid YAML; one question per line keeps the file diffable and fast to read.
  return [
    "# Frozen: the content of every question as this release pinned it. Never edit this file.",
    header.trimEnd(),
    "questions:",
    ...sorted.map((question) => `  - ${canonicalJson(question)}`),
    "",
  ].join("\n");
}

export type FrozenParse = { ok: true; value: FrozenRelease } | { ok: false; problem: string };

/**
 * Reads and verifies a frozen manifest: every question valid, the fingerprint unchanged. The
 * question lines are JSON (as `frozenReleaseToText` writes them), read with JSON.parse: a YAML
 * parser takes seconds over a whole release.
 */
export function parseFrozenRelease(text: string): FrozenParse {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const start = lines.indexOf("questions:");
  if (start === -1) return { ok: false, problem: "not a release manifest" };
  const header = parseDocument(lines.slice(0, start).join("\n"), { uniqueKeys: true });
  if (header.errors.length > 0) return { ok: false, problem: `unreadable: ${header.errors[0].code}` };
  const raw: unknown[] = [];
  for (const [offset, line] of lines.slice(start + 1).entries()) {
    if (line.trim() === "") continue;
    if (!line.startsWith("  - {")) return { ok: false, problem: `line ${start + offset + 2}: not a question` };
    try {
      raw.push(JSON.parse(line.slice(4)));
    } catch {
      return { ok: false, problem: `line ${start + offset + 2}: unreadable` };
    }
  }
  const shape = manifestSchema.safeParse({ ...(header.toJS() as object), questions: raw });
  if (!shape.success) return { ok: false, problem: "not a release manifest" };
  const questions: BankQuestion[] = [];
  for (const [index, entry] of shape.data.questions.entries()) {
    const parsed = questionSchema.safeParse(entry);
    if (!parsed.success) return { ok: false, problem: `question ${index + 1} is invalid` };
    questions.push(parsed.data);
  }
  if (bankFingerprint(questions) !== shape.data.fingerprint) return { ok: false, problem: "fingerprint mismatch: the file was edited" };
  return { ok: true, value: { release: shape.data.release, fingerprint: shape.data.fingerprint, questions } };
}
