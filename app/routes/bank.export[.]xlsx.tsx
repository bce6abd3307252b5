import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseBankFilter } from "~/bank/bank-filter";
import { filteredQuestions } from "~/bank/browse.server";
import { exportQuestionsXlsx } from "~/bank/formats/xlsx";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";

/** The questions the bank browser shows with the same filter, every page, as an XLSX workbook. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "organizer", "teacher");
  const questions = await filteredQuestions(prisma, parseBankFilter(new URL(request.url).searchParams));
  const workbook = await exportQuestionsXlsx(questions.map((entry) => entry.question));
  return new Response(new Uint8Array(workbook), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="ngan-hang-cau-hoi.xlsx"',
      "Cache-Control": "no-store",
    },
  });
}
