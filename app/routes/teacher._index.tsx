import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RoundCard } from "~/components/journeys/round-card";
import { RoleHome } from "~/components/role-home";
import { GlanceFigures } from "~/components/stats/glance-figures";
import { teacherHome } from "~/contests/home.server";
import { glanceFigures } from "~/stats/dashboard.server";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { useT } from "~/utils/i18n/use-translation";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("teacher.home.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "teacher");
  const now = Date.now();
  return { rounds: await teacherHome(user.id, now), glance: await glanceFigures(prisma, user, now) };
}

export default function TeacherHome() {
  const t = useT();
  const { rounds, glance } = useLoaderData<typeof loader>();
  return (
    <RoleHome title="teacher.home.title">
      <section className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="text-lg font-semibold">{t("journeys.teacher.rounds")}</h2>
          <Link to="/teacher/rounds" className="rounded bg-brand-700 px-3 py-1 text-sm font-semibold text-white">
            {t("journeys.teacher.create")}
          </Link>
        </div>
        {rounds.length === 0 ? <p className="text-slate-600">{t("journeys.teacher.none")}</p> : null}
        <ul className="flex flex-col gap-2">
          {rounds.map((round) => (
            <RoundCard key={round.id} round={round} href={`/rounds/${round.id}/results`}>
              <p className="text-sm">{t("journeys.teacher.participants", { count: round.participants })}</p>
            </RoundCard>
          ))}
        </ul>
      </section>
      <GlanceFigures glance={glance} />
    </RoleHome>
  );
}
