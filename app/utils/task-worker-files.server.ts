import type { BankQuestion } from "~/bank/question-file";
import type { TableFile } from "~/stats/export.server";
import type { ReportFileRequest } from "~/stats/report-file";
import type { ReportModel } from "~/stats/yearly-report";
import { translator } from "./i18n";
import { getLanguage } from "./i18n/language.server";
import type { ParseOutcome, ParseTask } from "./parse-in-worker.server";
import type { SheetFile } from "./sheet-xlsx";
import { TaskWorker } from "./task-worker.server";

// Every file that takes more than a few milliseconds of CPU to make (DOCX, XLSX, a large CSV) is
// made in one worker thread kept for them (docs/decisions/043), one file at a time, so the live
// games this process serves go on meanwhile. One worker, not one per kind of file: at most one core of the
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

// One small file of each kind, made once the worker has loaded, so that the first real file finds
// the libraries' code compiled: the first DOCX of a new worker took twice as long as the next.
const sampleModel: ReportModel = {
  year: 2000,
  unitName: "tỉnh",
  issuerParent: "UBND",
  issuer: "Ban tổ chức",
  documentNumber: "1",
  placeAndDate: "ngày",
  title: "Báo cáo",
  subtitle: "",
  opening: "Mở đầu.",
  sections: [
    {
      heading: "I",
      paragraphs: ["Đoạn."],
      tables: [{ id: "sample", title: "Bảng", columns: [{ label: "Đơn vị", kind: "text" }, { label: "Số", kind: "integer" }, { label: "Tỉ lệ", kind: "percent" }], rows: [["Một", 1, 0.5]], chartColumn: 1 }],
    },
  ],
  closing: "Kết thúc.",
  recipients: ["Lưu"],
  signerTitle: "Trưởng ban",
  signerName: "Tên",
};
const sampleSheet: SheetFile = { sheetName: "Kết quả", header: ["Tên", "Điểm"], rows: [["An", 1]] };
type FileSample = { [Kind in FileKind]: { kind: Kind; input: FileInputs[Kind] } }[FileKind];
const WARM_UP: FileSample[] = [
  { kind: "report", input: { kind: "docx", model: sampleModel, exportedAt: "" } },
  { kind: "report", input: { kind: "xlsx", model: sampleModel, exportedAt: "" } },
  { kind: "sheet", input: sampleSheet },
  { kind: "sheetCsv", input: sampleSheet },
  {
    kind: "statsTable",
    input: {
      table: { id: "byDay", title: "Theo ngày", columns: [{ key: "day", label: "Ngày", type: "date" }], rows: [{ day: new Date(0) }], chart: { kind: "line", labelKey: "day", series: [] } },
      heading: { unit: "", period: "", filters: "", exportedAt: new Date(0), labels: { unit: "", period: "", filters: "", exportedAt: "" } },
    },
  },
  { kind: "bankQuestions", input: [] },
];
let warmed: Promise<boolean> | null = null;

/**
 * Loads the worker's modules and makes one small file of each kind, ahead of the first real file
 * (the server does it as it starts, beside the statistics' load).
 */
export function startFileWorker(): Promise<boolean> {
  warmed ??= (async () => {
    if (!(await files.start())) {
      warmed = null;
      return false;
    }
    let made = true;
    for (const sample of WARM_UP) made = (await files.run(sample.input, FILE_TASKS[sample.kind])).ok && made;
    return made;
  })();
  return warmed;
}

/** Ends the worker (tests, benchmarks, shutdown); the next file starts a new one. */
export function stopFileWorker(): void {
  warmed = null;
  files.stop();
}
