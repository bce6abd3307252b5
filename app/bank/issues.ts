import type { z } from "zod";

/**
 * What can be wrong with a question file, a spreadsheet row or an imported quiz. Domain code
 * returns codes; the CLI prints them with `formatIssue`, the UI translates them.
 */
export type BankIssueCode =
  | "unreadable"
  | "empty"
  | "required"
  | "wrong-type"
  | "not-allowed-value"
  | "too-few"
  | "too-many"
  | "unknown-field"
  | "invalid-format"
  | "duplicate-value"
  | "needs-exactly-one-correct"
  | "needs-a-correct-option"
  | "true-false-options"
  | "unknown-topic"
  | "unknown-subtopic"
  | "id-not-file-name"
  | "topic-not-folder"
  | "duplicate-id"
  | "duplicate-prompt"
  | "image-missing"
  | "unexpected-file"
  | "missing-column"
  | "unknown-column"
  | "header-not-found"
  | "answer-out-of-range"
  | "unsupported-question"
  // An upload the parse worker gave up on (app/utils/parse-in-worker.server.ts), or an XLSX past
  // the bounds checked before it is opened (app/bank/formats/xlsx-bounds.ts).
  | "upload-too-slow"
  | "upload-too-large-in-memory"
  | "upload-server-busy"
  | "xlsx-too-large-unpacked"
  | "xlsx-too-many-cells";

export type IssueParams = Record<string, string | number>;

export type BankIssue = {
  /** Path of the file inside the bank folder, or the uploaded file's name. */
  file?: string;
  /** Spreadsheet row (1-based, as the spreadsheet shows it). */
  row?: number;
  /** Text line (1-based) where the offending question starts. */
  line?: number;
  /** Field path inside the question, e.g. `options[2].vi`; "" for the whole file or row. */
  path: string;
  code: BankIssueCode;
  params?: IssueParams;
};

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`))
    .join("");
}

/** One line of the kind `questions/economic/economic-0003.yaml: options[2].vi: required`. */
export function formatIssue(issue: BankIssue): string {
  const where = [
    issue.file,
    issue.row !== undefined ? `row ${issue.row}` : undefined,
    issue.line !== undefined ? `line ${issue.line}` : undefined,
  ]
    .filter(Boolean)
    .join(" ");
  const detail = issue.params
    ? ` (${Object.entries(issue.params)
        .map(([key, value]) => `${key}: ${value}`)
        .join(", ")})`
    : "";
  return [where, issue.path, `${issue.code}${detail}`].filter(Boolean).join(": ");
}

const customCodes = new Set<string>([
  "needs-exactly-one-correct",
  "needs-a-correct-option",
  "true-false-options",
  "duplicate-value",
]);

/**
 * zod issues as bank issues. Parse with `reportInput: true`: a missing field and a field of the
 * wrong type are both `invalid_type`, told apart only by the input.
 */
export function issuesFromZod(error: z.ZodError): BankIssue[] {
  return error.issues.flatMap((issue): BankIssue[] => {
    const path = formatPath(issue.path);
    switch (issue.code) {
      case "invalid_type":
        return issue.input === undefined || issue.input === null
          ? [{ path, code: "required" }]
          : [{ path, code: "wrong-type", params: { expected: issue.expected } }];
      case "invalid_value":
        return [{ path, code: "not-allowed-value", params: { allowed: issue.values.map(String).join(", ") } }];
      case "too_small":
        // An empty text is a missing text to the writer, whatever zod calls it.
        if (issue.origin === "string" && Number(issue.minimum) <= 1) return [{ path, code: "required" }];
        return [{ path, code: "too-few", params: { minimum: Number(issue.minimum) } }];
      case "too_big":
        return [{ path, code: "too-many", params: { maximum: Number(issue.maximum) } }];
      case "unrecognized_keys":
        return issue.keys.map((key) => ({ path: path ? `${path}.${key}` : key, code: "unknown-field" as const }));
      case "custom":
        return customCodes.has(issue.message)
          ? [{ path, code: issue.message as BankIssueCode, ...(issue.params ? { params: issue.params as IssueParams } : {}) }]
          : [{ path, code: "invalid-format" }];
      default:
        return [{ path, code: "invalid-format" }];
    }
  });
}
