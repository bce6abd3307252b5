import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { loadTaxonomy } from "~/bank/bank-folder.server";
import { questionDetail, type DetailProblem } from "~/bank/browse.server";
import { formatBankDate } from "~/components/bank/format-date";
import { Select } from "~/components/bank/question-form-fields";
import { QuestionView } from "~/components/bank/question-view";
import { RevisionDiffView } from "~/components/bank/revision-diff-view";
import { topicOptions } from "~/components/bank/topic-options";
import { ReviewFlags } from "~/components/stats/review-flags";
import { Button, Notice } from "~/components/ui/field";
import { reviewFlagsByQuestion } from "~/stats/item-analysis.server";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import type { MessageKey } from "~/utils/i18n";
import { useLanguage, useT } from "~/utils/i18n/use-translation";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.detail.id} · ASEAN` : "" }];

const revisionNumber = z.coerce.number().int().min(1).optional().catch(undefined);
const searchSchema = z.object({
  release: z.string().trim().max(40).optional().catch(undefined),
  from: revisionNumber,
  to: revisionNumber,
  saved: revisionNumber,
});

const problemKeys: Record<Exclude<DetailProblem, "not-found">, MessageKey> = {
  "release-not-found": "bank.detail.releaseNotFound",
  "not-in-release": "bank.detail.notInRelease",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "organizer", "teacher");
  const questionId = params.questionId ?? "";
  const search = searchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const options = { ...(search.release ? { release: search.release } : {}), from: search.from, to: search.to };
  let result = await questionDetail(prisma, questionId, options);
  let problem: MessageKey | null = null;
  if (!result.ok && result.problem !== "not-found") {
    problem = problemKeys[result.problem];
    result = await questionDetail(prisma, questionId, { from: search.from, to: search.to });
  }
  if (!result.ok) throw new Response("Not found", { status: 404 });
  return {
    detail: result.detail,
    problem,
    release: search.release ?? null,
    saved: search.saved ?? null,
    canEdit: user.role === "organizer" || user.role === "admin",
    topics: topicOptions(await loadTaxonomy()),
    reviewFlags: ((await reviewFlagsByQuestion(prisma, Date.now())).get(questionId) ?? []).map(({ revisionNumber, responses, difficulty, pointBiserial, flags }) => ({
      revisionNumber,
      responses,
      difficulty,
      pointBiserial,
      flags,
    })),
    analysisLink: user.role === "teacher" ? "/teacher/stats/items?flagged=1" : "/organizer/stats/items?flagged=1",
  };
}

export default function QuestionPage() {
  const t = useT();
  const language = useLanguage();
  const { detail, problem, release, saved, canEdit, topics, reviewFlags, analysisLink } = useLoaderData<typeof loader>();
  const { shown, diff } = detail;
  return (
    <div className="flex flex-col gap-5">
      <Link to="/bank" className="text-sm text-brand-700 underline">
        {t("bank.question.back")}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{t("bank.question.title", { id: detail.id })}</h1>
        {canEdit ? (
          <Link to={`/bank/${detail.id}/edit`} className="ml-auto rounded bg-brand-700 px-3 py-1.5 font-semibold text-white">
            {t("bank.question.edit")}
          </Link>
        ) : null}
      </div>
      {saved !== null ? <Notice tone="success">{t("bank.edit.saved", { number: saved })}</Notice> : null}
      {problem ? <Notice tone="error">{t(problem, { release: release ?? "" })}</Notice> : null}
      <ReviewFlags revisions={reviewFlags} analysisLink={analysisLink} />

      <nav aria-label={t("bank.question.viewAs")} className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">{t("bank.question.viewAs")}:</span>
        <Link
          to={`/bank/${detail.id}`}
          aria-current={shown.release === null ? "page" : undefined}
          className={`rounded border px-2 py-1 ${shown.release === null ? "bg-brand-700 text-white" : ""}`}
        >
          {t("bank.question.latest")}
        </Link>
        {detail.releases.map((item) =>
          item.revisionNumber === null ? (
            <span key={item.name} className="rounded border border-dashed px-2 py-1 text-slate-500">
              {item.name} ({t("bank.question.notPinned")})
            </span>
          ) : (
            <Link
              key={item.name}
              to={`/bank/${detail.id}?release=${encodeURIComponent(item.name)}`}
              aria-current={shown.release === item.name ? "page" : undefined}
              className={`rounded border px-2 py-1 ${shown.release === item.name ? "bg-brand-700 text-white" : ""}`}
            >
              {item.name}
            </Link>
          ),
        )}
      </nav>

      <p className="font-medium" role="status">
        {shown.release
          ? t("bank.question.asInRelease", { release: shown.release, number: shown.number })
          : t("bank.question.showing", { number: shown.number, status: t(`bank.revision.${shown.status}`) })}
      </p>
      <QuestionView question={shown.question} topics={topics} />

      <section className="rounded-xl bg-white p-5 shadow-sm">
        <h2 className="mb-3 text-lg font-semibold">{t("bank.history.title")}</h2>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b">
                <th className="py-1 pr-3">{t("bank.history.number")}</th>
                <th className="py-1 pr-3">{t("bank.history.status")}</th>
                <th className="py-1 pr-3">{t("bank.history.author")}</th>
                <th className="py-1 pr-3">{t("bank.history.reviewer")}</th>
                <th className="py-1 pr-3">{t("bank.history.created")}</th>
                <th className="py-1 pr-3">{t("bank.history.reviewed")}</th>
                <th className="py-1 pr-3">{t("bank.history.hash")}</th>
                <th className="py-1 pr-3">{t("bank.history.releases")}</th>
              </tr>
            </thead>
            <tbody>
              {detail.revisions.map((revision) => (
                <tr key={revision.id} className="border-b border-slate-100">
                  <td className="py-1 pr-3 font-semibold">{revision.number}</td>
                  <td className="py-1 pr-3">{t(`bank.revision.${revision.status}`)}</td>
                  <td className="py-1 pr-3">{revision.author?.displayName ?? t("bank.history.fromFiles")}</td>
                  <td className="py-1 pr-3">{revision.reviewer?.displayName ?? "—"}</td>
                  <td className="whitespace-nowrap py-1 pr-3">{formatBankDate(revision.createdAt, language)}</td>
                  <td className="whitespace-nowrap py-1 pr-3">{formatBankDate(revision.reviewedAt, language)}</td>
                  <td className="py-1 pr-3 font-mono text-xs" title={revision.contentHash}>
                    {revision.contentHash.slice(0, 12)}
                  </td>
                  <td className="py-1 pr-3">{revision.releases.join(", ") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="flex flex-col gap-3 rounded-xl bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold">{t("bank.diff.title")}</h2>
        <Form method="get" className="flex flex-wrap items-end gap-3">
          {release ? <input type="hidden" name="release" value={release} /> : null}
          <Select label={t("bank.diff.from")} name="from" defaultValue={diff?.from ?? ""} id="diff-from">
            {detail.revisions.map((revision) => (
              <option key={revision.number} value={revision.number}>
                {revision.number} · {t(`bank.revision.${revision.status}`)}
              </option>
            ))}
          </Select>
          <Select label={t("bank.diff.to")} name="to" defaultValue={diff?.to ?? ""} id="diff-to">
            {detail.revisions.map((revision) => (
              <option key={revision.number} value={revision.number}>
                {revision.number} · {t(`bank.revision.${revision.status}`)}
              </option>
            ))}
          </Select>
          <Button type="submit">{t("bank.diff.compare")}</Button>
        </Form>
        {diff ? (
          diff.from === null ? (
            <p className="text-slate-600">{t("bank.diff.firstRevision")}</p>
          ) : (
            <RevisionDiffView
              diff={diff.diff}
              fromLabel={t("bank.revisionShort", { number: diff.from })}
              toLabel={t("bank.revisionShort", { number: diff.to })}
            />
          )
        ) : null}
      </section>
    </div>
  );
}
