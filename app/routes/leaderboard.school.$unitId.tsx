import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { IndividualsTable, UnitsTable } from "~/components/contests/leaderboard-tables";
import { leaderboardChoices, leaderboards, parseAudience } from "~/stats/leaderboards.server";
import { prisma } from "~/utils/db.server";
import { translator } from "~/utils/i18n";
import { getLanguage } from "~/utils/i18n/language.server";
import { useT } from "~/utils/i18n/use-translation";
import { titled } from "~/utils/page-title";

/** One school's page: its standing among schools and its own participants, closed rounds only. */
const SCHOOL_TOP_ROWS = 10;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titled(matches, data?.school.name);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const school = await prisma.unit.findUnique({ where: { id: params.unitId }, select: { id: true, name: true, kind: true } });
  if (!school || (school.kind !== "school" && school.kind !== "workplace")) throw new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const now = Date.now();
  const choices = await leaderboardChoices(now);
  const contestId = choices.contests.find((contest) => contest.id === url.searchParams.get("contest"))?.id ?? choices.contests[0]?.id ?? null;
  const t = translator(await getLanguage(request));
  const boards = await leaderboards(
    { roundId: null, contestId, audience: parseAudience(url.searchParams.get("audience")) },
    now,
    t("roundResults.deleted"),
    t("publicBoard.hiddenName"),
  );
  const individuals = boards.individuals.filter((row) => row.schoolName === school.name);
  return {
    school,
    contestTitle: choices.contests.find((contest) => contest.id === contestId)?.title ?? null,
    standing: boards.schools.filter((row) => row.unitId === school.id),
    // A public page: the school's top rows only, and how many took part (issue 8).
    individuals: individuals.slice(0, SCHOOL_TOP_ROWS),
    individualCount: individuals.length,
  };
}

export default function SchoolBoard() {
  const t = useT();
  const { school, contestTitle, standing, individuals, individualCount } = useLoaderData<typeof loader>();
  return (
    <div className="flex flex-col gap-6">
      <Link to="/leaderboard" className="text-sm text-brand-700 underline">
        {t("boards.back")}
      </Link>
      <h1 className="text-2xl font-bold">{school.name}</h1>
      {contestTitle ? <p className="text-slate-600">{contestTitle}</p> : null}
      <UnitsTable rows={standing} />
      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">{t("boards.individuals")}</h2>
        <IndividualsTable rows={individuals} />
        <p className="text-sm text-slate-600">{t("publicBoard.topOf", { shown: individuals.length, count: individualCount })}</p>
      </section>
    </div>
  );
}
