import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RoundCard } from "~/components/journeys/round-card";
import { RoleHome } from "~/components/role-home";
import { GlanceFigures } from "~/components/stats/glance-figures";
import { organizerHome } from "~/contests/home.server";
import { glanceFigures } from "~/stats/dashboard.server";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formatNumber } from "~/utils/format";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("organizer.home.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "organizer");
  const now = Date.now();
  return { ...(await organizerHome(now)), glance: await glanceFigures(prisma, user, now) };
}

export default function OrganizerHome() {
  const t = useT();
  const language = useLanguage();
  const { today, week, rounds, reviewQueue, glance } = useLoaderData<typeof loader>();
  const figure = (label: string, value: number, testId: string) => (
    <div className="rounded-lg bg-white p-4 shadow-sm">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-3xl font-bold text-brand-900" data-testid={testId}>
        {formatNumber(value, language)}
      </dd>
    </div>
  );
  return (
    <RoleHome title="organizer.home.title">
      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">{t("journeys.organizer.glance")}</h2>
        <dl className="grid gap-3 sm:grid-cols-3">
          {figure(t("journeys.organizer.today"), today, "participants-today")}
          {figure(t("journeys.organizer.week"), week, "participants-week")}
          {figure(t("journeys.organizer.reviewQueue"), reviewQueue, "review-queue")}
        </dl>
        <div className="flex flex-wrap gap-3 text-sm">
          <Link to="/bank/review" className="text-brand-700 underline">
            {t("journeys.organizer.review")}
          </Link>
          <Link to="/organizer/contests" className="text-brand-700 underline">
            {t("journeys.organizer.contests")}
          </Link>
        </div>
      </section>
      <GlanceFigures glance={glance} />
      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">{t("journeys.organizer.rounds")}</h2>
        <ul className="flex flex-col gap-2">
          {rounds.map((round) => (
            <RoundCard key={round.id} round={round} href={`/rounds/${round.id}/results`} />
          ))}
        </ul>
      </section>
    </RoleHome>
  );
}
