import { translator } from "~/utils/i18n";
import { getLanguage } from "~/utils/i18n/language.server";
import type { ParseOutcome } from "./parse-in-worker.server";
import type { SheetFile } from "./sheet-xlsx";
import { TaskWorker } from "./task-worker.server";

// Spreadsheets of results (a round's, a live game's) are made in a worker thread kept for them,
// one at a time: ExcelJS held the event loop 2.4–3 s for 16,000 rows, long enough to freeze every
// live game this process serves.

const sheets = new TaskWorker<SheetFile, Uint8Array>(
  { module: "app/utils/sheet-xlsx.ts", exportName: "sheetXlsx" },
  { timeoutMs: 60_000, maxHeapMb: 512 },
);

export function sheetXlsxInWorker(file: SheetFile): Promise<ParseOutcome<Uint8Array>> {
  return sheets.run(file);
}

/** The XLSX as a download, or a message in the reader's language saying why not. */
export async function spreadsheetResponse(request: Request, file: SheetFile, fileName: string): Promise<Response> {
  const outcome = await sheets.run(file);
  if (outcome.ok) {
    return new Response(new Uint8Array(outcome.value), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  }
  const t = translator(await getLanguage(request));
  const busy = outcome.failure === "busy";
  return new Response(t(busy ? "export.file.busy" : "export.file.failed"), {
    status: busy ? 503 : 500,
    headers: { "Content-Type": "text/plain; charset=utf-8", ...(busy ? { "Retry-After": "10" } : {}) },
  });
}

export function stopSheetWorker(): void {
  sheets.stop();
}
