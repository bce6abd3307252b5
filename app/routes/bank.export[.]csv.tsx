import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseBankFilter } from "~/bank/bank-filter";
import { filteredQuestions } from "~/bank/browse.server";
import { exportQuestionsCsv } from "~/bank/formats/csv";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";

/** The questions the bank browser shows with the same filter, every page, in the spreadsheet layout. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "organizer", "teacher");
  const questions = await filteredQuestions(prisma, parseBankFilter(new URL(request.url).searchParams));
  return new Response(exportQuestionsCsv(questions.map((entry) => entry.question)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="ngan-hang-cau-hoi.csv"',
      "Cache-Control": "no-store",
    },
  });
}
