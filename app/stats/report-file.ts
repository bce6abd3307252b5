import { reportDocx } from "./report-docx.server";
import { reportXlsx } from "./report-xlsx.server";
import type { ReportModel } from "./yearly-report";

// The yearly report as a file: run in the file worker (./report-files.server.ts), off the
// event loop of the live games.

export type ReportFileRequest = { kind: "docx" | "xlsx"; model: ReportModel; exportedAt: string };

export async function reportFile(request: ReportFileRequest): Promise<Uint8Array> {
  const buffer = request.kind === "docx" ? await reportDocx(request.model) : await reportXlsx(request.model, request.exportedAt);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
