import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportDocx } from "~/stats/report-docx.server";
import { reportFileName, requestedReport } from "~/stats/report-request.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { query, model } = await requestedReport(request);
  return new Response(new Uint8Array(await reportDocx(model)), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="${reportFileName(query.year, "docx")}"`,
      "Cache-Control": "no-store",
    },
  });
}
