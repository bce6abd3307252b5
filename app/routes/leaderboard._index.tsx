import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { AUDIENCES } from "~/bank/question-file";
import { IndividualsTable, UnitsTable } from "~/components/contests/leaderboard-tables";
import { Button } from "~/components/ui/field";
import { leaderboardChoices, leaderboards, parseAudience } from "~/stats/leaderboards.server";
import { translator } from "~/utils/i18n";
import { getLanguage } from "~/utils/i18n/language.server";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import type { AreaBoard } from "~/stats/leaderboards.server";
import { kindName } from "~/units/unit-kinds";
import { formatDate, formatNumber } from "~/utils/format";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("boards.title");

/** The public, province-wide leaderboards of closed rounds: no sign-in, names and schools only. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const now = Date.now();
  const choices = await leaderboardChoices(now);
  const roundId = choices.rounds.find((round) => round.id === url.searchParams.get("round"))?.id ?? null;
  const contestId = roundId
    ? null
    : (choices.contests.find((contest) => contest.id === url.searchParams.get("contest"))?.id ?? choices.contests[0]?.id ?? null);
  const audience = parseAudience(url.searchParams.get("audience"));
  const areaView = url.searchParams.get("areas") === "current" ? "current" : "recorded";
  const t = translator(await getLanguage(request));
  const boards = await leaderboards({ roundId, contestId, audience, areaView }, now, t("roundResults.deleted"), t("publicBoard.hiddenName"));
  return { choices, filter: { roundId, contestId, audience, areaView }, boards: { ...boards, individuals: boards.individuals.slice(0, 100) } };
}

const selectClass = "rounded border border-slate-300 px-3 py-2 text-base";

export default function Leaderboard() {
  const t = useT();
  const { choices, filter, boards } = useLoaderData<typeof loader>();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("boards.title")}</h1>
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("boards.contest")}
          <select name="contest" defaultValue={filter.contestId ?? ""} className={selectClass}>
            {choices.contests.map((contest) => (
              <option key={contest.id} value={contest.id}>
                {contest.title}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("boards.round")}
          <select name="round" defaultValue={filter.roundId ?? ""} className={selectClass}>
            <option value="">{t("boards.allRounds")}</option>
            {choices.rounds.map((round) => (
              <option key={round.id} value={round.id}>
                {round.title}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("boards.audience")}
          <select name="audience" defaultValue={filter.audience ?? ""} className={selectClass}>
            <option value="">{t("rounds.field.anyAudience")}</option>
            {AUDIENCES.map((audience) => (
              <option key={audience} value={audience}>
                {t(`contests.audience.${audience}`)}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit">{t("boards.show")}</Button>
      </Form>
      <p className="text-xs text-slate-500">{t("boards.closedOnly")}</p>
      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">{t("boards.individuals")}</h2>
        <IndividualsTable rows={boards.individuals} />
      </section>
      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">{t("boards.schools")}</h2>
        <UnitsTable rows={boards.schools} linkSchools />
      </section>
      <AreaSection board={boards.areas} filter={filter} />
    </div>
  );
}

/** By area, as it was or mapped onto today's units; the page says which, and names the level by its kinds. */
function AreaSection({
  board,
  filter,
}: {
  board: AreaBoard;
  filter: { roundId: string | null; contestId: string | null; audience: string | null; areaView: string };
}) {
  const t = useT();
  const language = useLanguage();
  const level = t(`units.level.${board.level}`);
  const link = (view: "recorded" | "current") => {
    const params = new URLSearchParams();
    if (filter.roundId) params.set("round", filter.roundId);
    else if (filter.contestId) params.set("contest", filter.contestId);
    if (filter.audience) params.set("audience", filter.audience);
    params.set("areas", view);
    return `?${params.toString()}`;
  };
  const shown = board.standings.filter((row) => row.participants > 0);
  const absent = board.standings.length - shown.length;
  return (
    <section className="flex flex-col gap-2" aria-labelledby="area-board-title">
      <h2 id="area-board-title" className="text-lg font-semibold">
        {t("boards.areas", { level })}
      </h2>
      <p className="text-sm text-slate-700" data-testid="area-view-note">
        {board.view === "recorded"
          ? t("areaBoard.recordedNote", { date: board.asOf ? formatDate(board.asOf) : "—" })
          : t("areaBoard.currentNote")}
      </p>
      <nav className="flex gap-3 text-sm">
        {board.view === "recorded" ? (
          <span className="font-semibold">{t("areaBoard.recorded")}</span>
        ) : (
          <a className="text-brand-700 underline" href={link("recorded")}>
            {t("areaBoard.recorded")}
          </a>
        )}
        {board.view === "current" ? (
          <span className="font-semibold">{t("areaBoard.current")}</span>
        ) : (
          <a className="text-brand-700 underline" href={link("current")}>
            {t("areaBoard.current")}
          </a>
        )}
      </nav>
      {shown.length === 0 ? (
        <p className="text-sm">{t("boards.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm shadow-sm" data-testid="area-board">
            <thead>
              <tr className="bg-slate-100 text-left">
                <th className="p-2">#</th>
                <th className="p-2">{capitalizeFirst(level)}</th>
                <th className="p-2 text-right">{t("boards.col.participants")}</th>
                <th className="p-2 text-right">{t("boards.col.average")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.unitId} className="border-t border-slate-200">
                  <td className="p-2">{row.rank ?? "—"}</td>
                  <td className="p-2">
                    {row.unitName} <span className="text-xs text-slate-500">({kindName(row.kind, t)})</span>
                  </td>
                  <td className="p-2 text-right">{formatNumber(Math.round(row.participants * 10) / 10, language)}</td>
                  <td className="p-2 text-right">{row.averageScore === null ? "—" : formatNumber(Math.round(row.averageScore * 100) / 100, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {absent > 0 ? <p className="text-xs text-slate-500">{t("areaBoard.absent", { count: absent, level })}</p> : null}
    </section>
  );
}

function capitalizeFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}
