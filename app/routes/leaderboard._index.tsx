import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { AUDIENCES } from "~/bank/question-file";
import { IndividualsTable, UnitsTable } from "~/components/contests/leaderboard-tables";
import { Button } from "~/components/ui/field";
import { leaderboardChoices, leaderboards, parseAudience } from "~/stats/leaderboards.server";
import { translator } from "~/utils/i18n";
import { getLanguage } from "~/utils/i18n/language.server";
import { useT } from "~/utils/i18n/use-translation";

export const meta: MetaFunction = () => [{ title: "Bảng xếp hạng — Sân chơi ASEAN" }];

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
  const t = translator(await getLanguage(request));
  const boards = await leaderboards({ roundId, contestId, audience }, now, t("roundResults.deleted"));
  return { choices, filter: { roundId, contestId, audience }, boards: { ...boards, individuals: boards.individuals.slice(0, 100) } };
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
      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">{t("boards.areas", { level: t("units.level.commune") })}</h2>
        <UnitsTable rows={boards.areas} />
      </section>
    </div>
  );
}
