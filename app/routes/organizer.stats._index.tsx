import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ChartTable } from "~/components/stats/chart-table";
import { Button } from "~/components/ui/field";
import { dashboard } from "~/stats/dashboard.server";
import { AUDIENCE_KEYS } from "~/stats/figures";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { translator } from "~/utils/i18n";
import { getLanguage } from "~/utils/i18n/language.server";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("stats.title");

/** The statistics dashboard: organizers and admins see all, teachers their school, hosts their games. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "admin", "organizer", "teacher", "host");
  const url = new URL(request.url);
  const t = translator(await getLanguage(request));
  const data = await dashboard(prisma, user, url.searchParams, t);
  if (!data) throw new Response("Forbidden", { status: 403 });
  return { ...data, search: url.searchParams.toString() };
}

const selectClass = "rounded border border-slate-300 px-3 py-2 text-base";

export default function StatsDashboard() {
  const t = useT();
  const language = useLanguage();
  const data = useLoaderData<typeof loader>();
  const { choices, query, scope } = data;
  const exportHref = (table: string) => (format: "csv" | "xlsx") => {
    const params = new URLSearchParams(data.search);
    params.set("table", table);
    params.set("format", format);
    return `/organizer/stats/export?${params}`;
  };
  const select = (name: string, label: string, value: string | null | undefined, options: { id: string; name: string }[]) => (
    <label className="flex flex-col gap-1 text-sm font-medium">
      {label}
      <select name={name} defaultValue={value ?? ""} className={selectClass}>
        <option value="">{t("stats.filter.all")}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </label>
  );
  const view = data.filter.view;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("stats.title")}</h1>
      <p className="text-slate-700">{t("stats.intro")}</p>
      {scope.kind === "all" ? (
        <nav className="flex flex-wrap gap-3 text-sm">
          <Link className="text-brand-700 underline" to="/organizer/stats/items">
            {t("itemAnalysis.title")}
          </Link>
          <Link className="text-brand-700 underline" to="/organizer/stats/mastery">
            {t("mastery.title")}
          </Link>
          <Link className="text-brand-700 underline" to="/organizer/stats/report">
            {t("yearReport.title")}
          </Link>
        </nav>
      ) : null}
      <p className="text-sm text-slate-700">
        {scope.kind === "all" ? t("stats.scope.all") : scope.kind === "host" ? t("stats.scope.host") : t("stats.scope.school", { name: choices.scopeUnitName ?? "—" })}
      </p>
      {data.problem ? (
        <p role="alert" className="text-sm text-red-700">
          {t("stats.filter.invalid", { detail: data.problem })}
        </p>
      ) : null}
      <Form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("stats.filter.apply")}>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("stats.filter.year")}
          <input name="year" type="number" min={2000} max={2100} defaultValue={data.year} className={`${selectClass} w-28`} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("stats.filter.from")}
          <input name="from" type="date" defaultValue={query.from ?? ""} className={selectClass} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("stats.filter.to")}
          <input name="to" type="date" defaultValue={query.to ?? ""} className={selectClass} />
        </label>
        {scope.kind !== "host" ? (
          <>
            {select("contest", t("stats.filter.contest"), query.contest, choices.contests.map((contest) => ({ id: contest.id, name: contest.title })))}
            {select("round", t("stats.filter.round"), query.round, choices.rounds.map((round) => ({ id: round.id, name: round.title })))}
            {select("audience", t("stats.filter.audience"), query.audience, AUDIENCE_KEYS.map((key) => ({ id: key, name: t(`contests.audience.${key}`) })))}
          </>
        ) : null}
        {scope.kind === "all" ? (
          <>
            {select("area", data.areaLabel, query.area, choices.areas)}
            {select("school", t("stats.filter.school"), query.school, choices.schools)}
          </>
        ) : null}
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("stats.filter.view")}
          <select name="view" defaultValue={view} className={selectClass}>
            <option value="as-it-was">{t("stats.view.as-it-was")}</option>
            <option value="current">{t("stats.view.current")}</option>
          </select>
        </label>
        <Button type="submit">{t("stats.filter.apply")}</Button>
      </Form>
      <p className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900" data-view={view}>
        {t(view === "current" ? "stats.view.note.current" : "stats.view.note.as-it-was")} {t("stats.period", { from: data.periodLabel.split(" – ")[0], to: data.periodLabel.split(" – ")[1] })}
      </p>
      {data.tables.map((table) => (
        <ChartTable key={table.id} table={{ ...table, rows: table.rows.map(revive) }} exportHref={exportHref(table.id)} language={language} />
      ))}
    </div>
  );
}

/** Dates come back from the loader as ISO strings; the table formats them as days again. */
function revive(row: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key, typeof value === "string" && key === "start" ? new Date(value) : value]),
  ) as Record<string, string | number | Date | null>;
}
