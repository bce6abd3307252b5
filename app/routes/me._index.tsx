import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RoundCard } from "~/components/journeys/round-card";
import { RoleHome } from "~/components/role-home";
import { participantHome } from "~/contests/home.server";
import { requireUser } from "~/utils/auth.server";
import { useT } from "~/utils/i18n/use-translation";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("participant.home.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "participant");
  return participantHome(user.id, Date.now());
}

export default function ParticipantHome() {
  const t = useT();
  const { registered, rounds } = useLoaderData<typeof loader>();
  return (
    <RoleHome title="participant.home.title">
      {!registered ? (
        <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          {t("journeys.me.registerFirst")}{" "}
          <Link to="/register?redirectTo=/me" className="font-semibold text-brand-700 underline">
            {t("register.title")}
          </Link>
        </p>
      ) : null}
      <section className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="text-lg font-semibold">{t("journeys.me.rounds")}</h2>
          <Link to="/rounds" className="text-sm text-brand-700 underline">
            {t("journeys.me.enterCode")}
          </Link>
        </div>
        {rounds.length === 0 ? <p className="text-slate-600">{t("journeys.me.none")}</p> : null}
        <ul className="flex flex-col gap-2">
          {rounds.map((round) => (
            <RoundCard key={round.id} round={round} href={`/rounds/${round.id}`}>
              {round.attemptsTaken > 0 ? (
                <p className="text-sm">
                  {t("journeys.me.attempts", { taken: round.attemptsTaken, left: round.attemptsLeft })} ·{" "}
                  {round.result
                    ? t("journeys.me.result", { correct: round.result.correct, total: round.result.questionCount, rank: round.result.rank, of: round.result.of })
                    : t("journeys.me.waiting")}
                </p>
              ) : null}
            </RoundCard>
          ))}
        </ul>
      </section>
    </RoleHome>
  );
}
