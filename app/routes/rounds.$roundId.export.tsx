import type { LoaderFunctionArgs } from "@remix-run/node";
import { resultsSheet } from "~/contests/export.server";
import { csvResponse, spreadsheetResponse } from "~/utils/sheet-files.server";
import { keptRoundExportRows } from "~/stats/round-standing.server";
import { requireManageableRound } from "~/contests/manageable-round.server";
import { auditPersonalDataExport } from "~/utils/personal-data-export.server";
import { prisma } from "~/utils/db.server";
import { translator } from "~/utils/i18n";
import { getLanguage } from "~/utils/i18n/language.server";

/** A round's results as a file: ?format=csv or ?format=xlsx. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, round } = await requireManageableRound(request, params.roundId, { id: true, code: true, title: true, createdById: true });
  const t = translator(await getLanguage(request));
  const rows = await keptRoundExportRows(round.id, Date.now(), t("roundResults.deleted"));
  const format = new URL(request.url).searchParams.get("format");
  const name = `ket-qua-${round.code}`;
  await auditPersonalDataExport(prisma, { actorId: user.id, kind: "round-results", subject: round.id, format: format === "xlsx" ? "xlsx" : "csv", rows: rows.length });
  // Both made in the file worker: 15,000 rows take seconds as XLSX, a few hundred ms as CSV.
  const sheet = resultsSheet(rows, t, round.title);
  return format === "xlsx" ? spreadsheetResponse(request, sheet, `${name}.xlsx`) : csvResponse(request, sheet, `${name}.csv`);
}
