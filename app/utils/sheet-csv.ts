import { toCsv } from "./spreadsheet-cell";
import type { SheetFile } from "./sheet-xlsx";

// One table as a CSV file (./spreadsheet-cell.ts: every field quoted and neutralised, a UTF-8
// byte-order mark, CRLF), made in the file worker (./sheet-files.server.ts): joining a round of
// 15,000 results held the event loop 90–270 ms.

export function sheetCsv(file: SheetFile): Uint8Array {
  return Buffer.from(toCsv([file.header, ...file.rows]), "utf8");
}
