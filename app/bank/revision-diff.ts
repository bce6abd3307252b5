import type { BankQuestion } from "./question-file";

// Side-by-side comparison of two revisions of a question, as plain data for the review screen:
// one entry per field, in file order, with word-level changes inside text fields.

export type DiffSegment = { text: string; changed: boolean };

export type FieldDiff = {
  /** Field path as in a question file: `prompt.vi`, `options[1].correct`, `source.url`. */
  path: string;
  kind: "unchanged" | "changed" | "added" | "removed";
  /** The old value split into segments; `changed` marks words that are gone. Empty when added. */
  before: DiffSegment[];
  /** The new value split into segments; `changed` marks words that are new. Empty when removed. */
  after: DiffSegment[];
};

export type RevisionDiff = { fields: FieldDiff[]; changed: boolean };

/** A question as ordered [path, text] pairs; absent optional fields are left out. */
function flatten(question: BankQuestion): Map<string, string> {
  const fields = new Map<string, string>();
  const put = (path: string, value: string | boolean | undefined) => {
    if (value !== undefined) fields.set(path, String(value));
  };
  put("id", question.id);
  put("topic", question.topic);
  put("subtopic", question.subtopic);
  put("difficulty", question.difficulty);
  put("audiences", question.audiences.join(", "));
  put("type", question.type);
  put("prompt.vi", question.prompt.vi);
  put("prompt.en", question.prompt.en);
  question.options.forEach((option, index) => {
    put(`options[${index}].vi`, option.vi);
    put(`options[${index}].en`, option.en);
    put(`options[${index}].correct`, option.correct);
  });
  put("explanation.vi", question.explanation.vi);
  put("explanation.en", question.explanation.en);
  put("source.title", question.source.title);
  put("source.publisher", question.source.publisher);
  put("source.url", question.source.url);
  put("source.date", question.source.date);
  put("source.locator", question.source.locator);
  put("locality", question.locality);
  put("image", question.image);
  put("status", question.status);
  return fields;
}

/**
 * Compares two revisions field by field. `before` is null for a question's first revision, which
 * then shows every field as added.
 */
export function diffRevisions(before: BankQuestion | null, after: BankQuestion): RevisionDiff {
  const old = before ? flatten(before) : new Map<string, string>();
  const next = flatten(after);
  // Paths in the order of the new revision, then any that only the old one had, each at its place.
  const paths = [...next.keys()];
  [...old.keys()].forEach((path, index, oldPaths) => {
    if (next.has(path)) return;
    const previous = oldPaths
      .slice(0, index)
      .reverse()
      .find((candidate) => paths.includes(candidate));
    paths.splice(previous === undefined ? 0 : paths.indexOf(previous) + 1, 0, path);
  });

  const fields = paths.map((path): FieldDiff => {
    const oldValue = old.get(path);
    const newValue = next.get(path);
    if (oldValue === undefined) return { path, kind: "added", before: [], after: [{ text: newValue ?? "", changed: true }] };
    if (newValue === undefined) return { path, kind: "removed", before: [{ text: oldValue, changed: true }], after: [] };
    if (oldValue === newValue)
      return {
        path,
        kind: "unchanged",
        before: [{ text: oldValue, changed: false }],
        after: [{ text: newValue, changed: false }],
      };
    return { path, kind: "changed", ...diffWords(oldValue, newValue) };
  });
  return { fields, changed: fields.some((field) => field.kind !== "unchanged") };
}

/** Longer texts than this (in words × words) are shown as replaced whole, to bound the work. */
const MAX_WORD_PAIRS = 250_000;

/**
 * Word-level diff by longest common subsequence over words and the spaces between them, so
 * joining each side's segments gives back that side's text exactly.
 */
export function diffWords(before: string, after: string): { before: DiffSegment[]; after: DiffSegment[] } {
  const a = before.match(/\s+|[^\s]+/g) ?? [];
  const b = after.match(/\s+|[^\s]+/g) ?? [];
  if (a.length * b.length > MAX_WORD_PAIRS) {
    return { before: [{ text: before, changed: true }], after: [{ text: after, changed: true }] };
  }
  // lengths[i][j]: LCS length of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const left: DiffSegment[] = [];
  const right: DiffSegment[] = [];
  const push = (side: DiffSegment[], text: string, changed: boolean) => {
    const last = side.at(-1);
    if (last && last.changed === changed) last.text += text;
    else side.push({ text, changed });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push(left, a[i], false);
      push(right, b[j], false);
      i += 1;
      j += 1;
    } else if (j < b.length && (i === a.length || lengths[i][j + 1] >= lengths[i + 1][j])) {
      push(right, b[j], true);
      j += 1;
    } else {
      push(left, a[i], true);
      i += 1;
    }
  }
  return { before: left, after: right };
}
