import type { LoaderFunctionArgs } from "@remix-run/node";
import { statsExport } from "~/stats/stats-export.server";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { translator } from "~/utils/i18n";
import { getLanguage } from "~/utils/i18n/language.server";

/** One dashboard table as a file: ?table=byArea&format=csv|xlsx plus the dashboard's filters. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "admin", "organizer", "teacher", "host");
  const t = translator(await getLanguage(request));
  const file = await statsExport(prisma, user, new URL(request.url).searchParams, t);
  if (!file.ok) throw new Response(file.message, { status: file.status, headers: { "Content-Type": "text/plain; charset=utf-8", ...file.headers } });
  return new Response(new Uint8Array(file.body), {
    headers: { "Content-Type": file.contentType, "Content-Disposition": `attachment; filename="${file.filename}"`, "Cache-Control": "no-store" },
  });
}
