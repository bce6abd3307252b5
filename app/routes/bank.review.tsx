import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { reviewProblemMessage } from "~/bank/review-problems";
import { pendingReviews, REVIEW_PAGE_SIZE, reviewRevision } from "~/bank/review.server";
import { formatBankDate } from "~/components/bank/format-date";
import { RevisionDiffView } from "~/components/bank/revision-diff-view";
import { Button, Notice } from "~/components/ui/field";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formValues } from "~/utils/forms";
import { type MessageKey, type MessageParams } from "~/utils/i18n";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("bank.review.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "organizer");
  const page = z.coerce.number().int().min(1).catch(1).parse(new URL(request.url).searchParams.get("page") ?? 1);
  const { items, total } = await pendingReviews(prisma, page);
  return {
    items,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE)),
    userId: user.id,
  };
}

const reviewSchema = z.object({ intent: z.enum(["approve", "reject"]), revisionId: z.string().min(1).max(64) });

type ActionResult = { tone: "success" | "error"; key: MessageKey; params?: MessageParams };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "organizer");
  const parsed = reviewSchema.safeParse(formValues(await request.formData()));
  if (!parsed.success) return data<ActionResult>({ tone: "error", key: "bank.review.notFound" }, { status: 400 });
  const result = await reviewRevision(prisma, {
    revisionId: parsed.data.revisionId,
    reviewerId: user.id,
    decision: parsed.data.intent,
    now: new Date(),
  });
  if (!result.ok) {
    return data<ActionResult>({ tone: "error", key: reviewProblemMessage[result.code] }, { status: result.code === "own-revision" ? 403 : 409 });
  }
  await prisma.auditEntry.create({
    data: { actorId: user.id, action: `bank.${result.status}`, subject: result.questionId, detail: `revision ${result.number}` },
  });
  return data<ActionResult>({
    tone: "success",
    key: result.status === "approved" ? "bank.review.approved" : "bank.review.rejected",
    params: { id: result.questionId, number: result.number },
  });
}

export default function ReviewQueue() {
  const t = useT();
  const language = useLanguage();
  const { items, total, page, pageCount, userId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="flex flex-col gap-5">
      <Link to="/bank" className="text-sm text-brand-700 underline">
        {t("bank.question.back")}
      </Link>
      <h1 className="text-2xl font-bold">{t("bank.review.title")}</h1>
      <p className="text-slate-700">{t("bank.review.intro")}</p>
      {result ? <Notice tone={result.tone}>{t(result.key, result.params)}</Notice> : null}
      <p className="font-medium">{t("bank.review.count", { count: total })}</p>
      {items.length === 0 ? <p className="rounded-xl bg-white p-5 text-slate-600 shadow-sm">{t("bank.review.empty")}</p> : null}
      {items.map((item) => (
        <section key={item.revisionId} className="flex flex-col gap-3 rounded-xl bg-white p-5 shadow-sm" aria-labelledby={`review-${item.revisionId}`}>
          <div className="flex flex-wrap items-baseline gap-2">
            <h2 id={`review-${item.revisionId}`} className="text-lg font-semibold">
              <Link to={`/bank/${item.questionId}`} className="hover:underline">
                {t("bank.review.item", { id: item.questionId, number: item.number })}
              </Link>
            </h2>
            <span className="text-sm text-slate-600">
              {t("bank.review.by", { name: item.author?.displayName ?? "—", date: formatBankDate(item.createdAt, language) })}
            </span>
          </div>
          <RevisionDiffView
            diff={item.diff}
            fromLabel={item.baseNumber === null ? t("bank.review.newQuestion") : t("bank.review.againstBase", { number: item.baseNumber })}
            toLabel={t("bank.revisionShort", { number: item.number })}
          />
          {item.author?.id === userId ? <p className="text-sm text-slate-600">{t("bank.review.yours")}</p> : null}
          <div className="flex flex-wrap gap-3">
            <Form method="post">
              <input type="hidden" name="revisionId" value={item.revisionId} />
              <Button type="submit" name="intent" value="approve" aria-label={t("bank.review.approve", { id: item.questionId, number: item.number })}>
                {t("bank.review.approveShort")}
              </Button>
            </Form>
            <Form method="post">
              <input type="hidden" name="revisionId" value={item.revisionId} />
              <button
                type="submit"
                name="intent"
                value="reject"
                className="rounded border border-red-700 px-4 py-2 font-semibold text-red-700 hover:bg-red-50"
                aria-label={t("bank.review.reject", { id: item.questionId, number: item.number })}
              >
                {t("bank.review.rejectShort")}
              </button>
            </Form>
          </div>
        </section>
      ))}
      {pageCount > 1 ? (
        <nav aria-label={t("bank.pagination")} className="flex items-center justify-between text-sm">
          {page > 1 ? <Link to={`?page=${page - 1}`}>{t("bank.previous")}</Link> : <span />}
          <span>{t("bank.page", { page, pages: pageCount })}</span>
          {page < pageCount ? <Link to={`?page=${page + 1}`}>{t("bank.next")}</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}
