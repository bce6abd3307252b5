import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportFileResponse } from "~/stats/report-files.server";
import { reportFileName, requestedReport } from "~/stats/report-request.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { query, model } = await requestedReport(request);
  return reportFileResponse(request, { kind: "docx", model, exportedAt: "" }, {
    "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "Content-Disposition": `attachment; filename="${reportFileName(query.year, "docx")}"`,
  });
}
