import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportXlsx } from "~/stats/report-xlsx.server";
import { reportFileName, requestedReport } from "~/stats/report-request.server";
import { formatDateTime } from "~/utils/format";

export async function loader({ request }: LoaderFunctionArgs) {
  const { query, model } = await requestedReport(request);
  return new Response(new Uint8Array(await reportXlsx(model, formatDateTime(new Date()))), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${reportFileName(query.year, "xlsx")}"`,
      "Cache-Control": "no-store",
    },
  });
}
