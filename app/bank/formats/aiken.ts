import type { BankIssue } from "../issues";
import { MAX_REPORTED_ISSUES, toDrafts, type DraftImport, type ForeignQuestion, type ImportDefaults } from "./draft";

// Aiken, as Moodle reads it: the question, then options "A. text" or "A) text", then
// "ANSWER: B". Blank lines between questions are optional. Question text may run over several
// lines. One extension: "ANSWER: A, C" makes a multiple-answer question.

// `s` (dotAll) matters: without it `.` stops at U+2028/U+2029, which `\s` also matches, and a
// line of spaces ending in such a character makes the engine retry `(.*)$` once per space
// (quadratic: seconds per 40,000 characters). With it `(.*)$` always succeeds on the first try.
const OPTION = /^([A-Z])[.)]\s+(.*)$/s;
const ANSWER = /^ANSWER:\s*(.*)$/is;

type Pending = { line: number; text: string[]; options: { letter: string; text: string; line: number }[] };

export function importAiken(text: string, defaults: ImportDefaults): DraftImport {
  const questions: ForeignQuestion[] = [];
  const issues: BankIssue[] = [];
  let pending: Pending | null = null;

  const lines = text.replace(/^\uFEFF/, "").split(/\r\n?|\n/);
  for (let index = 0; index < lines.length && issues.length < MAX_REPORTED_ISSUES; index += 1) {
    const line = index + 1;
    const trimmed = lines[index].trim();
    if (trimmed === "") continue;
    const option = OPTION.exec(trimmed);
    const answer = ANSWER.exec(trimmed);

    if (pending === null) {
      if (option || answer) issues.push({ line, path: "prompt", code: "required" });
      else pending = { line, text: [trimmed], options: [] };
      continue;
    }
    if (answer) {
      questions.push(...finish(pending, answer[1], line, issues));
      pending = null;
    } else if (option && pending.options.length === 26) {
      issues.push({ line, path: "options", code: "too-many", params: { maximum: 26 } });
    } else if (option) {
      const expected = String.fromCharCode(65 + pending.options.length);
      if (option[1] !== expected)
        issues.push({ line, path: `options[${pending.options.length}]`, code: "invalid-format", params: { expected } });
      pending.options.push({ letter: option[1], text: option[2], line });
    } else if (pending.options.length === 0) {
      pending.text.push(trimmed);
    } else {
      // Text after the options that is not the ANSWER line: the previous question never ended.
      issues.push({ line: pending.line, path: "answer", code: "required" });
      pending = { line, text: [trimmed], options: [] };
    }
  }
  if (pending !== null) issues.push({ line: (pending as Pending).line, path: "answer", code: "required" });
  return toDrafts(questions, defaults, issues);
}

function finish(pending: Pending, answerText: string, line: number, issues: BankIssue[]): ForeignQuestion[] {
  const letters = answerText
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((letter) => letter.toUpperCase());
  const known = new Set(pending.options.map((option) => option.letter));
  const bad = letters.filter((letter) => !known.has(letter));
  if (letters.length === 0) {
    issues.push({ line, path: "answer", code: "required" });
    return [];
  }
  if (bad.length > 0) {
    issues.push({ line, path: "answer", code: "answer-out-of-range", params: { answer: bad.join(", ") } });
    return [];
  }
  return [
    {
      location: { line: pending.line },
      type: letters.length > 1 ? "multiple" : "single",
      text: pending.text.join(" "),
      options: pending.options.map((option) => ({ text: option.text, correct: letters.includes(option.letter) })),
    },
  ];
}
