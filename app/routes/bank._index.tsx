import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { BROWSE_REVISION_STATUSES, filterQuery, parseBankFilter } from "~/bank/bank-filter";
import { loadTaxonomy } from "~/bank/bank-folder.server";
import { browseBank } from "~/bank/browse.server";
import { AUDIENCES, DIFFICULTIES, QUESTION_STATUSES, QUESTION_TYPES } from "~/bank/question-file";
import { Select } from "~/components/bank/question-form-fields";
import { Tag } from "~/components/bank/question-view";
import { topicLabel, topicOptions } from "~/components/bank/topic-options";
import { Button } from "~/components/ui/field";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { reviewFlagsByQuestion } from "~/stats/item-analysis.server";
import "~/utils/i18n/messages/journeys-more";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("bank.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "organizer", "teacher");
  const filter = parseBankFilter(new URL(request.url).searchParams);
  const [page, taxonomy, flags] = await Promise.all([
    browseBank(prisma, filter),
    loadTaxonomy(),
    reviewFlagsByQuestion(prisma, Date.now()),
  ]);
  return {
    filter,
    canEdit: user.role === "organizer" || user.role === "admin",
    topics: topicOptions(taxonomy),
    total: page.total,
    page: page.page,
    pageCount: page.pageCount,
    releaseNames: page.releaseNames,
    pendingReviews: page.pendingReviews,
    rows: page.rows.map((row) => ({
      id: row.id,
      revisionNumber: row.revisionNumber,
      revisionStatus: row.revisionStatus,
      prompt: row.question.prompt,
      topic: row.question.topic,
      subtopic: row.question.subtopic,
      difficulty: row.question.difficulty,
      type: row.question.type,
      status: row.question.status,
      releases: row.releases,
      flagged: flags.has(row.id),
    })),
  };
}

export default function BankBrowser() {
  const t = useT();
  const language = useLanguage();
  const data = useLoaderData<typeof loader>();
  const { filter } = data;
  const query = filterQuery(filter);
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{t("bank.title")}</h1>
        <div className="ml-auto flex flex-wrap gap-2 text-sm">
          {data.canEdit ? (
            <>
              <Link to="/bank/review" className="rounded border border-brand-700 px-3 py-1 text-brand-700">
                {t("bank.reviewLink", { count: data.pendingReviews })}
              </Link>
              <Link to="/bank/releases" className="rounded border border-brand-700 px-3 py-1 text-brand-700">
                {t("bank.releasesLink")}
              </Link>
            </>
          ) : null}
          <Link to="/bank/new" className="rounded bg-brand-700 px-3 py-1 font-semibold text-white">
            {t("bankNew.link")}
          </Link>
          <Link to="/bank/import" className="rounded border border-brand-700 px-3 py-1 text-brand-700">
            {t("bank.importLink")}
          </Link>
        </div>
      </div>
      <p className="text-slate-700">{t("bank.intro")}</p>

      <Form method="get" className="grid gap-3 rounded-xl bg-white p-4 shadow-sm sm:grid-cols-3" role="search">
        <div className="flex flex-col gap-1 sm:col-span-3">
          <label htmlFor="bank-q" className="text-sm font-medium">
            {t("bank.search")}
          </label>
          <input
            id="bank-q"
            name="q"
            type="search"
            defaultValue={filter.q}
            placeholder={t("bank.searchHint")}
            className="rounded border border-slate-300 px-3 py-2 text-base"
          />
        </div>
        <Select label={t("bank.topic")} name="topic" defaultValue={filter.topic}>
          <option value="">{t("bank.filter.any")}</option>
          {data.topics.map((topic) => (
            <option key={topic.value} value={topic.value}>
              {topic[language]}
            </option>
          ))}
        </Select>
        <Select label={t("bank.difficulty")} name="difficulty" defaultValue={filter.difficulty ?? ""}>
          <option value="">{t("bank.filter.any")}</option>
          {DIFFICULTIES.map((value) => (
            <option key={value} value={value}>
              {t(`bank.difficulty.${value}`)}
            </option>
          ))}
        </Select>
        <Select label={t("bank.audience")} name="audience" defaultValue={filter.audience ?? ""}>
          <option value="">{t("bank.filter.any")}</option>
          {AUDIENCES.map((value) => (
            <option key={value} value={value}>
              {t(`bank.audience.${value}`)}
            </option>
          ))}
        </Select>
        <Select label={t("bank.type")} name="type" defaultValue={filter.type ?? ""}>
          <option value="">{t("bank.filter.any")}</option>
          {QUESTION_TYPES.map((value) => (
            <option key={value} value={value}>
              {t(`bank.type.${value}`)}
            </option>
          ))}
        </Select>
        <Select label={t("bank.status")} name="status" defaultValue={filter.status ?? ""}>
          <option value="">{t("bank.filter.any")}</option>
          {QUESTION_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`bank.status.${value}`)}
            </option>
          ))}
        </Select>
        <Select label={t("bank.revisionStatus")} name="revision" defaultValue={filter.revision ?? ""}>
          <option value="">{t("bank.filter.any")}</option>
          {BROWSE_REVISION_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`bank.revision.${value}`)}
            </option>
          ))}
        </Select>
        <Select label={t("bank.release")} name="release" defaultValue={filter.release}>
          <option value="">{t("bank.filter.any")}</option>
          {data.releaseNames.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
        <Select label={t("bankFlags.filter")} name="flagged" defaultValue={filter.flagged ?? ""}>
          <option value="">{t("bank.filter.any")}</option>
          <option value="review">{t("bankFlags.filter.flagged")}</option>
        </Select>
        <div className="flex items-end gap-3">
          <Button type="submit">{t("bank.filter.apply")}</Button>
          <Link to="/bank" className="py-2 text-sm text-brand-700 underline">
            {t("bank.filter.clear")}
          </Link>
        </div>
      </Form>

      <div className="flex flex-wrap items-center gap-3 text-sm">
        <p role="status" className="font-medium">
          {t("bank.count", { count: data.total })}
        </p>
        <div className="ml-auto flex gap-2">
          <a href={`/bank/export.csv${query}`} className="rounded border px-3 py-1" download>
            {t("bank.downloadCsv")}
          </a>
          <a href={`/bank/export.xlsx${query}`} className="rounded border px-3 py-1" download>
            {t("bank.downloadXlsx")}
          </a>
        </div>
      </div>

      {data.rows.length === 0 ? (
        <p className="rounded-xl bg-white p-5 text-slate-600 shadow-sm">{t("bank.empty")}</p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label={t("bank.title")}>
          {data.rows.map((row) => (
            <li key={row.id} className="rounded-xl bg-white p-4 shadow-sm">
              <Link to={`/bank/${row.id}`} className="font-medium text-brand-800 hover:underline">
                {row.prompt.vi}
              </Link>
              {row.prompt.en ? <p className="text-sm text-slate-600">{row.prompt.en}</p> : null}
              <div className="mt-2 flex flex-wrap gap-2 text-xs">
                <span className="font-mono text-slate-500">{row.id}</span>
                <Tag>{topicLabel(data.topics, row.topic, row.subtopic, language)}</Tag>
                <Tag>{t(`bank.difficulty.${row.difficulty}`)}</Tag>
                <Tag>{t(`bank.type.${row.type}`)}</Tag>
                {row.status === "retired" ? <Tag>{t("bank.status.retired")}</Tag> : null}
                {row.flagged ? <span className="rounded bg-amber-100 px-2 py-0.5 text-amber-900">{t("bankFlags.badge")}</span> : null}
                <Tag>
                  {t("bank.revisionShort", { number: row.revisionNumber })} · {t(`bank.revision.${row.revisionStatus}`)}
                </Tag>
                <span className="text-slate-600">
                  {t("bank.releasesColumn")}:{" "}
                  {row.releases.length === 0
                    ? t("bank.notInRelease")
                    : row.releases.map((release) => `${release.name} (${t("bank.revisionShort", { number: release.revisionNumber })})`).join(", ")}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}

      {data.pageCount > 1 ? (
        <nav aria-label={t("bank.pagination")} className="flex items-center justify-between text-sm">
          {data.page > 1 ? (
            <Link to={filterQuery(filter, { page: data.page - 1 })} className="rounded border px-3 py-1">
              {t("bank.previous")}
            </Link>
          ) : (
            <span />
          )}
          <span>{t("bank.page", { page: data.page, pages: data.pageCount })}</span>
          {data.page < data.pageCount ? (
            <Link to={filterQuery(filter, { page: data.page + 1 })} className="rounded border px-3 py-1">
              {t("bank.next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
