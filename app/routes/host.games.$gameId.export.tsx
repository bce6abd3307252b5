import type { LoaderFunctionArgs } from "@remix-run/node";
import { ownedGame } from "~/live/host-games.server";
import { gameResults } from "~/live/live-games.server";
import { resultsSheet } from "~/live/results-export.server";
import { csvResponse, spreadsheetResponse } from "~/utils/sheet-files.server";
import { requireUser } from "~/utils/auth.server";
import { auditPersonalDataExport } from "~/utils/personal-data-export.server";
import { prisma } from "~/utils/db.server";
import { translator } from "~/utils/i18n";
import { getLanguage } from "~/utils/i18n/language.server";
import { toVietnamWallClock } from "~/utils/format";

/** The results as a file: ?format=csv or ?format=xlsx. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "host", "organizer", "teacher");
  const game = await ownedGame(prisma, user, params.gameId ?? "");
  if (!game) throw new Response("Not found", { status: 404 });
  const results = await gameResults(prisma, game.id);
  const rows = results?.rows ?? [];
  const t = translator(await getLanguage(request));
  const format = new URL(request.url).searchParams.get("format");
  // The date in the file name is the day in Viet Nam, not in UTC.
  const name = `ket-qua-${game.pin}-${toVietnamWallClock(game.createdAt).toISOString().slice(0, 10)}`;
  if (format === "xlsx" || format === "csv") {
    await auditPersonalDataExport(prisma, { actorId: user.id, kind: "live-game-results", subject: game.id, format, rows: rows.length });
  }
  if (format !== "xlsx" && format !== "csv") throw new Response("Unknown format", { status: 400 });
  // Both made in the file worker, as a round's results are.
  const sheet = resultsSheet(rows, t, game.title);
  return format === "xlsx" ? spreadsheetResponse(request, sheet, `${name}.xlsx`) : csvResponse(request, sheet, `${name}.csv`);
}
