import type { BankQuestion } from "~/bank/question-file";
import type { TableFile } from "~/stats/export.server";
import type { ReportFileRequest } from "~/stats/report-file";
import { translator } from "./i18n";
import { getLanguage } from "./i18n/language.server";
import type { ParseOutcome, ParseTask } from "./parse-in-worker.server";
import type { SheetFile } from "./sheet-xlsx";
import { TaskWorker } from "./task-worker.server";

// Every file that takes more than a few milliseconds of CPU to make (DOCX, XLSX, a large CSV) is made in one
// worker thread kept for them (docs/decisions/043), one file at a time, so the live games this
// process serves go on meanwhile. One worker, not one per kind of file: at most one core of the
// two makes files, and ExcelJS and docx are loaded once (each worker holds 60–100 MB).

const FILE_TASKS = {
  /** The yearly report, DOCX or XLSX, from its model. */
  report: { module: "app/stats/report-file.ts", exportName: "reportFile" },
  /** A results table (a round's, a live game's), XLSX or CSV. */
  sheet: { module: "app/utils/sheet-xlsx.ts", exportName: "sheetXlsx" },
  sheetCsv: { module: "app/utils/sheet-csv.ts", exportName: "sheetCsv" },
  /** A dashboard table under its heading block. */
  statsTable: { module: "app/stats/export.server.ts", exportName: "tableXlsxFile" },
  /** The question bank's questions. */
  bankQuestions: { module: "app/bank/formats/xlsx.ts", exportName: "exportQuestionsXlsx" },
} as const satisfies Record<string, ParseTask>;

type FileInputs = {
  report: ReportFileRequest;
  sheet: SheetFile;
  sheetCsv: SheetFile;
  statsTable: TableFile;
  bankQuestions: readonly BankQuestion[];
};
export type FileKind = keyof FileInputs;

// What comes back was transferred or cloned from the worker: it owns a plain ArrayBuffer.
const files = new TaskWorker<FileInputs[FileKind], Uint8Array<ArrayBuffer>>(
  Object.values(FILE_TASKS),
  // The demo province's report is 40 KB and takes about a second, a round of 16,000 results 3–4 s
  // on a loaded machine; the budget ends a runaway. Eight files at most running or waiting (as
  // the two workers this one replaced allowed); more are refused as busy.
  { timeoutMs: 60_000, maxHeapMb: 512 },
  7,
);

/** The file's bytes, made in the worker, or why not (busy: several files asked at once). */
export function fileInWorker<Kind extends FileKind>(kind: Kind, input: FileInputs[Kind]): Promise<ParseOutcome<Uint8Array<ArrayBuffer>>> {
  return files.run(input, FILE_TASKS[kind]);
}

/** The file as a download, or a message in the reader's language saying why not. */
export async function fileResponse<Kind extends FileKind>(
  request: Request,
  kind: Kind,
  input: FileInputs[Kind],
  headers: Record<string, string>,
): Promise<Response> {
  const outcome = await fileInWorker(kind, input);
  if (outcome.ok) return new Response(outcome.value, { headers: { ...headers, "Cache-Control": "no-store" } });
  const t = translator(await getLanguage(request));
  const busy = outcome.failure === "busy";
  return new Response(t(busy ? "export.file.busy" : "export.file.failed"), {
    status: busy ? 503 : 500,
    headers: { "Content-Type": "text/plain; charset=utf-8", ...(busy ? { "Retry-After": "10" } : {}) },
  });
}

/** Loads the worker's modules ahead of the first file (the server does it as it starts). */
export function startFileWorker(): Promise<boolean> {
  return files.start();
}

/** Ends the worker (tests, benchmarks, shutdown); the next file starts a new one. */
export function stopFileWorker(): void {
  files.stop();
}
