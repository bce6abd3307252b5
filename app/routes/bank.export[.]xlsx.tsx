import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseBankFilter } from "~/bank/bank-filter";
import { filteredQuestions } from "~/bank/browse.server";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { fileResponse } from "~/utils/task-worker-files.server";

/** The questions the bank browser shows with the same filter, every page, as an XLSX workbook (made in the file worker). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "organizer", "teacher");
  const questions = await filteredQuestions(prisma, parseBankFilter(new URL(request.url).searchParams));
  return fileResponse(
    request,
    "bankQuestions",
    questions.map((entry) => entry.question),
    {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="ngan-hang-cau-hoi.xlsx"',
    },
  );
}
