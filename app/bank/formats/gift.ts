import type { BankIssue } from "../issues";
import { MAX_REPORTED_ISSUES, toDrafts, type DraftImport, type ForeignQuestion, type ImportDefaults } from "./draft";

// Moodle GIFT, the parts a choice question uses: `::title::`, `{=right ~wrong}`, weighted
// multiple answers `{~%50%a ~%50%b ~%-100%c}`, `{T}` / `{FALSE}`, `#feedback` (dropped),
// `####general feedback` (the explanation), `//` comment lines, `$CATEGORY:` lines (ignored),
// `[html]`-style format markers, and the escapes \~ \= \# \{ \} \: \\ \n. Other question kinds
// (short answer, numerical, matching, essay, description) are reported, not guessed at.

type Block = { line: number; text: string };

/** Questions are separated by blank lines; comment lines vanish without ending a question. */
function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  text
    .replace(/^\uFEFF/, "")
    .split(/\r\n?|\n/)
    .forEach((line, index) => {
      const trimmed = line.trim();
      if (trimmed.startsWith("//")) return;
      if (trimmed === "") {
        current = null;
        return;
      }
      if (current === null && /^\$CATEGORY:/i.test(trimmed)) return;
      if (current === null) {
        current = { line: index + 1, text: line };
        blocks.push(current);
      } else {
        current.text += `\n${line}`;
      }
    });
  return blocks;
}

/** Index of the first `token` at or after `from` that no backslash escapes, or -1. */
function findUnescaped(text: string, token: string, from = 0): number {
  // Jumps between backslashes and candidates with indexOf (each moves forward only): linear,
  // and fast on a 4 MB line, where a loop calling startsWith at every character is not.
  let index = from;
  let hit = text.indexOf(token, index);
  let slash = text.indexOf("\\", index);
  while (hit !== -1) {
    if (slash === -1 || slash >= hit) return hit;
    index = slash + 2;
    if (hit < index) hit = text.indexOf(token, index);
    slash = text.indexOf("\\", index);
  }
  return -1;
}

const BACKSLASH = 92;

/** Splits at every unescaped character of `separators`, keeping each separator with its part. */
function splitUnescaped(text: string, separators: string): string[] {
  const codes = [...separators].map((char) => char.charCodeAt(0));
  const parts: string[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === BACKSLASH) {
      index += 1;
      continue;
    }
    if (index > start && codes.includes(code)) {
      parts.push(text.slice(start, index));
      start = index;
    }
  }
  parts.push(text.slice(start));
  return parts.filter((part) => part.trim() !== "");
}

// GIFT text as plain text: line breaks in the file are spaces, `\n` is a line break. Lines are
// trimmed one by one rather than replaced with a `\s*\n\s*` expression, whose backtracking over a
// long run of spaces with no line break in it is quadratic (seconds per 40,000 spaces).
function plain(text: string): string {
  return unescapeGift(
    text
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "")
      .join(" "),
  ).trim();
}

/** `\n` is a line break, `\x` is x; one pass, no callback per escape. */
function unescapeGift(text: string): string {
  let from = text.indexOf("\\");
  if (from === -1) return text;
  const pieces: string[] = [];
  let start = 0;
  while (from !== -1 && from + 1 < text.length) {
    const char = text[from + 1];
    pieces.push(text.slice(start, from), char === "n" ? "\n" : char);
    start = from + 2;
    from = text.indexOf("\\", start);
  }
  pieces.push(text.slice(start));
  return pieces.join("");
}

type Parsed = { question: ForeignQuestion } | { issue: BankIssue };

function parseBlock({ line, text }: Block): Parsed {
  const unsupported = (kind: string): Parsed => ({ issue: { line, path: "", code: "unsupported-question", params: { kind } } });
  let rest = text.trim();
  let title: string | undefined;
  if (rest.startsWith("::")) {
    const end = findUnescaped(rest, "::", 2);
    if (end === -1) return { issue: { line, path: "title", code: "invalid-format" } };
    title = plain(rest.slice(2, end));
    rest = rest.slice(end + 2).trim();
  }
  rest = rest.replace(/^\[(?:html|moodle|plain|markdown)\]/i, "");

  const open = findUnescaped(rest, "{");
  if (open === -1) return unsupported("description");
  const close = findUnescaped(rest, "}", open + 1);
  if (close === -1) return { issue: { line, path: "answers", code: "unreadable" } };
  const before = plain(rest.slice(0, open));
  const after = plain(rest.slice(close + 1));
  // The "missing word" form puts the answers inside the sentence; the blank shows where.
  const prompt = after ? `${before} _____ ${after}` : before;

  let answers = rest.slice(open + 1, close);
  let explanation: string | undefined;
  const generalFeedback = findUnescaped(answers, "####");
  if (generalFeedback !== -1) {
    explanation = plain(answers.slice(generalFeedback + 4)) || undefined;
    answers = answers.slice(0, generalFeedback);
  }
  answers = answers.trim();
  const location = { line };
  const base = { location, ...(title ? { title } : {}), ...(explanation ? { explanation } : {}), text: prompt };

  if (answers === "") return unsupported("essay");
  if (answers.startsWith("#")) return unsupported("numerical");
  const trueFalse = /^(T|TRUE|F|FALSE)\s*(?:#.*)?$/is.exec(answers);
  if (trueFalse) {
    const isTrue = trueFalse[1].toUpperCase().startsWith("T");
    return {
      question: {
        ...base,
        type: "true-false",
        options: [
          { text: "True", correct: isTrue },
          { text: "False", correct: !isTrue },
        ],
      },
    };
  }
  if (findUnescaped(answers, "->") !== -1) return unsupported("matching");

  const parts = splitUnescaped(answers, "=~");
  if (parts.some((part) => !/^[=~]/.test(part))) return { issue: { line, path: "answers", code: "invalid-format" } };
  if (!parts.some((part) => part.startsWith("~"))) return unsupported("short-answer");

  let weighted = false;
  const options = parts.map((part) => {
    let body = part.slice(1);
    let weight = part.startsWith("=") ? 100 : 0;
    const percent = /^\s*%(-?\d+(?:\.\d+)?)%/.exec(body);
    if (percent) {
      weight = Number(percent[1]);
      body = body.slice(percent[0].length);
      if (part.startsWith("~")) weighted = true;
    }
    const feedback = findUnescaped(body, "#");
    return { text: plain(feedback === -1 ? body : body.slice(0, feedback)), correct: weight > 0 };
  });
  // Moodle marks "several right answers" with positive weights on `~`; `=` means the one answer.
  return { question: { ...base, type: weighted ? "multiple" : "single", options } };
}

export function importGift(text: string, defaults: ImportDefaults): DraftImport {
  const questions: ForeignQuestion[] = [];
  const issues: BankIssue[] = [];
  for (const block of splitBlocks(text)) {
    if (issues.length >= MAX_REPORTED_ISSUES) break;
    const parsed = parseBlock(block);
    if ("issue" in parsed) issues.push(parsed.issue);
    else questions.push(parsed.question);
  }
  return toDrafts(questions, defaults, issues);
}
