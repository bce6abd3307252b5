import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportFileResponse } from "~/stats/report-files.server";
import { reportFileName, requestedReport } from "~/stats/report-request.server";
import { formatDateTime } from "~/utils/format";

export async function loader({ request }: LoaderFunctionArgs) {
  const { query, model } = await requestedReport(request);
  return reportFileResponse(request, { kind: "xlsx", model, exportedAt: formatDateTime(new Date()) }, {
    "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "Content-Disposition": `attachment; filename="${reportFileName(query.year, "xlsx")}"`,
  });
}
