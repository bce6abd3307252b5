import { fileResponse, startFileWorker, stopFileWorker } from "~/utils/task-worker-files.server";
import type { ReportFileRequest } from "./report-file";

// Making the yearly report's DOCX holds a core for half a second to a second, all of it
// synchronous (the document, then the zip); the XLSX a few hundred milliseconds. Both are made in
// the worker kept for files (docs/decisions/043), so a live game's questions and answers go on
// meanwhile.

/** The report file, or a response saying why not (busy: several files asked at once). */
export function reportFileResponse(request: Request, file: ReportFileRequest, headers: Record<string, string>): Promise<Response> {
  return fileResponse(request, "report", file, headers);
}

/** Loads the file worker's modules ahead of the first report (at the server's start). */
export function startReportWorker(): Promise<boolean> {
  return startFileWorker();
}

export function stopReportWorker(): void {
  stopFileWorker();
}
