import { getLanguage } from "~/utils/i18n/language.server";
import { translator } from "~/utils/i18n";
import { TaskWorker } from "~/utils/task-worker.server";
import type { ReportFileRequest } from "./report-file";

// Making the yearly report's DOCX holds a core for half a second to a second, all of it
// synchronous (the document, then the zip); the XLSX a few hundred milliseconds. Both run in one
// worker thread kept for them (docs/decisions/042), one report at a time, so a live game's
// questions and answers go on meanwhile.

const reports = new TaskWorker<ReportFileRequest, Uint8Array>(
  { module: "app/stats/report-file.ts", exportName: "reportFile" },
  // The demo province's report is 40 KB and takes about a second; the budget ends a runaway.
  { timeoutMs: 60_000, maxHeapMb: 512 },
);

/** The report file, or a response saying why not (busy: several reports asked at once). */
export async function reportFileResponse(request: Request, file: ReportFileRequest, headers: Record<string, string>): Promise<Response> {
  const outcome = await reports.run(file);
  if (outcome.ok) return new Response(new Uint8Array(outcome.value), { headers: { ...headers, "Cache-Control": "no-store" } });
  const t = translator(await getLanguage(request));
  const busy = outcome.failure === "busy";
  return new Response(t(busy ? "report.file.busy" : "report.file.failed"), {
    status: busy ? 503 : 500,
    headers: { "Content-Type": "text/plain; charset=utf-8", ...(busy ? { "Retry-After": "10" } : {}) },
  });
}

/** Loads the worker's modules ahead of the first report (at the server's start, after the statistics). */
export function startReportWorker(): Promise<boolean> {
  return reports.start();
}

export function stopReportWorker(): void {
  reports.stop();
}
