import { z } from "zod";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { yearlyReportModel } from "./yearly-report.server";

// The yearly report's three routes (print view, DOCX, XLSX) read the same query the same way.

const currentYear = () => Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(new Date()));

export const reportQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).catch(() => currentYear()).default(() => currentYear()),
  unit: z.string().trim().max(40).regex(/^[A-Za-z0-9_-]*$/).catch("").default(""),
});

export async function requestedReport(request: Request) {
  await requireUser(request, "organizer");
  const query = reportQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const model = await yearlyReportModel(prisma, { year: query.year, unitId: query.unit || null });
  if (!model) throw new Response("Không tìm thấy đơn vị cần báo cáo.", { status: 404 });
  return { query, model };
}

export function reportFileName(year: number, extension: string): string {
  return `bao-cao-asean-${year}.${extension}`;
}
