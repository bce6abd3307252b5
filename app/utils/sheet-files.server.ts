import type { ParseOutcome } from "./parse-in-worker.server";
import type { SheetFile } from "./sheet-xlsx";
import { fileInWorker, fileResponse, stopFileWorker } from "./task-worker-files.server";

// Spreadsheets of results (a round's, a live game's) are made in the worker kept for files
// (docs/decisions/043): ExcelJS held the event loop 2.4–3 s for 16,000 rows, long enough to
// freeze every live game this process serves; the CSV of the same rows 90–270 ms.

export function sheetXlsxInWorker(file: SheetFile): Promise<ParseOutcome<Uint8Array>> {
  return fileInWorker("sheet", file);
}

/** The XLSX as a download, or a message in the reader's language saying why not. */
export function spreadsheetResponse(request: Request, file: SheetFile, fileName: string): Promise<Response> {
  return fileResponse(request, "sheet", file, {
    "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "Content-Disposition": `attachment; filename="${fileName}"`,
  });
}

/** The same table as a CSV download (a round's results: 15,000 rows, 1.5 MB). */
export function csvResponse(request: Request, file: SheetFile, fileName: string): Promise<Response> {
  return fileResponse(request, "sheetCsv", file, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${fileName}"`,
  });
}

export function stopSheetWorker(): void {
  stopFileWorker();
}
