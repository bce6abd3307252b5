import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/ui/field";
import { bankTopics } from "~/contests/pool.server";
import { masteryTable } from "~/stats/mastery.server";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formatPercent } from "~/utils/format";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("mastery.title");

const searchSchema = z.object({
  by: z.enum(["area", "school"]).catch("area").default("area"),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "organizer");
  const search = searchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  // Years are Vietnam's calendar years (UTC+7, no daylight saving).
  const range = search.year
    ? { from: new Date(Date.UTC(search.year, 0, 1) - 7 * 3_600_000), to: new Date(Date.UTC(search.year + 1, 0, 1) - 7 * 3_600_000) }
    : {};
  const [table, topics] = await Promise.all([masteryTable(prisma, search.by, range, Date.now()), bankTopics()]);
  return { ...table, by: search.by, year: search.year ?? null, topicNames: topics };
}

/** White for 0 %, the brand's dark teal for 100 %: one hue, so the order reads without a legend. */
function heat(share: number): string {
  const lightness = Math.round(97 - share * 62);
  return `hsl(174 60% ${lightness}%)`;
}

export default function TopicMasteryPage() {
  const t = useT();
  const language = useLanguage();
  const data = useLoaderData<typeof loader>();
  const topicName = (id: string) => data.topicNames.find((topic) => topic.id === id)?.[language] ?? id;
  const thisYear = new Date().getFullYear();
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-2xl font-bold">{t("mastery.title")}</h1>
      <p className="text-slate-700">{t("mastery.intro")}</p>
      <Form method="get" className="flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 shadow-sm">
        <label className="flex flex-col gap-1 text-sm">
          {t("mastery.by")}
          <select name="by" defaultValue={data.by} className="rounded border border-slate-300 px-2 py-1">
            <option value="area">{t("mastery.by.area")}</option>
            <option value="school">{t("mastery.by.school")}</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("mastery.year")}
          <select name="year" defaultValue={data.year ?? ""} className="rounded border border-slate-300 px-2 py-1">
            <option value="">{t("mastery.allYears")}</option>
            {[0, 1, 2, 3, 4, 5].map((back) => (
              <option key={back} value={thisYear - back}>
                {thisYear - back}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit">{t("itemAnalysis.filter")}</Button>
      </Form>
      {data.topics.length === 0 ? (
        <p>{t("itemAnalysis.none")}</p>
      ) : (
        <>
          <section aria-label={t("mastery.heatMap")} className="overflow-x-auto rounded-xl bg-white p-4 shadow-sm">
            <h2 className="mb-2 text-lg font-semibold">{t("mastery.heatMap")}</h2>
            <div className="grid gap-px text-xs" style={{ gridTemplateColumns: `minmax(10rem, 16rem) repeat(${data.topics.length}, minmax(4.5rem, 1fr))` }}>
              <div />
              {data.topics.map((topic) => (
                <div key={topic} className="p-1 font-medium">
                  {topicName(topic)}
                </div>
              ))}
              {data.rows.map((row) => (
                <HeatRow key={row.unitId} name={row.name} cells={row.cells} language={language} />
              ))}
            </div>
          </section>
          <section aria-label={t("mastery.table")} className="overflow-x-auto rounded-xl bg-white p-4 shadow-sm">
            <h2 className="mb-2 text-lg font-semibold">{t("mastery.table")}</h2>
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b">
                  <th className="p-1">{t("mastery.group")}</th>
                  {data.topics.map((topic) => (
                    <th key={topic} className="p-1 text-right">
                      {topicName(topic)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.unitId} className="border-b border-slate-100">
                    <th className="p-1 font-normal">{row.name}</th>
                    {row.cells.map((cell, index) => (
                      <td key={index} className="p-1 text-right" data-topic={data.topics[index]}>
                        {cell
                          ? t("mastery.cell", { share: formatPercent(cell.mastery, language), correct: cell.correct, responses: cell.responses })
                          : "—"}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </div>
  );
}

function HeatRow({ name, cells, language }: { name: string; cells: ({ mastery: number } | null)[]; language: "vi" | "en" }) {
  return (
    <>
      <div className="p-1">{name}</div>
      {cells.map((cell, index) => (
        <div
          key={index}
          className={`p-1 text-center ${cell && cell.mastery > 0.55 ? "text-white" : "text-slate-800"}`}
          style={{ background: cell ? heat(cell.mastery) : "repeating-linear-gradient(45deg, #f1f5f9, #f1f5f9 4px, #fff 4px, #fff 8px)" }}
        >
          {cell ? formatPercent(cell.mastery, language) : ""}
        </div>
      ))}
    </>
  );
}
