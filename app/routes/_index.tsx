import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RoundCard } from "~/components/journeys/round-card";
import { publicHome } from "~/contests/home.server";
import { getOrganisation } from "~/units/organisation.server";
import { prisma } from "~/utils/db.server";
import { openGraph, originFrom } from "~/utils/og";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/i18n/use-translation";

export const meta: MetaFunction = ({ matches }) =>
  openGraph({
    title: "Sân chơi ASEAN — thi tìm hiểu về ASEAN",
    description: "Nền tảng thi tìm hiểu về ASEAN cho học sinh, sinh viên và thanh niên.",
    origin: originFrom(matches),
    path: "/",
  });
const audiences: { title: MessageKey; body: MessageKey }[] = [
  { title: "home.forStudents.title", body: "home.forStudents.body" },
  { title: "home.forTeachers.title", body: "home.forTeachers.body" },
  { title: "home.forHosts.title", body: "home.forHosts.body" },
  { title: "home.forOrganizers.title", body: "home.forOrganizers.body" },
];

export async function loader() {
  const [home, organisation] = await Promise.all([publicHome(Date.now()), getOrganisation(prisma)]);
  // Who runs the contest and who broadcasts are settings (/admin/organisation), never assumed.
  return { ...home, organizerName: organisation.organizerName, broadcasterName: organisation.broadcasterName };
}

export default function Home() {
  const t = useT();
  const { rounds, latest, organizerName, broadcasterName } = useLoaderData<typeof loader>();
  const titles: Partial<Record<MessageKey, string>> = {
    "home.forOrganizers.title": organizerName,
    ...(broadcasterName ? { "home.forHosts.title": broadcasterName } : {}),
  };
  return (
    <div className="flex flex-col gap-8">
      <section className="rounded-xl bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold text-brand-900 sm:text-3xl">{t("home.title")}</h1>
        <p className="mt-3 max-w-3xl text-slate-700">
          {broadcasterName
            ? t("homeOrg.intro", { organizer: organizerName, broadcaster: broadcasterName })
            : t("homeOrg.introNoBroadcaster", { organizer: organizerName })}
        </p>
        <Link
          to="/join"
          className="mt-5 inline-block rounded-lg bg-asean-red px-5 py-3 text-lg font-semibold text-white hover:opacity-90"
        >
          {t("home.joinCta")}
        </Link>
      </section>
      <section className="flex flex-col gap-2" aria-labelledby="open-rounds">
        <h2 id="open-rounds" className="text-xl font-semibold">
          {t("journeys.home.openRounds")}
        </h2>
        {rounds.length === 0 ? <p className="text-slate-600">{t("journeys.home.noOpenRound")}</p> : null}
        <ul className="flex flex-col gap-3">
          {rounds.map((round) => (
            <RoundCard key={round.id} round={round} href={`/rounds/${round.id}`}>
              <div className="text-sm">
                <p className="font-semibold">{t("journeys.home.rules")}</p>
                {round.rules ? <p>{round.rules}</p> : null}
                <p>{t("journeys.home.rulesLine", { questions: round.questionCount, minutes: round.minutes, attempts: round.maxAttempts })}</p>
              </div>
              {round.state === "open" ? (
                <Link to={`/rounds/${round.id}`} className="self-start rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white">
                  {t("journeys.home.takePart")}
                </Link>
              ) : null}
            </RoundCard>
          ))}
        </ul>
      </section>
      {latest ? (
        <section className="flex flex-col gap-2 rounded-xl bg-white p-4 shadow-sm" aria-labelledby="latest-results">
          <h2 id="latest-results" className="text-xl font-semibold">
            {t("journeys.home.latestResults", { title: latest.contestTitle ? `${latest.contestTitle} — ${latest.title}` : latest.title })}
          </h2>
          <ol className="flex flex-col gap-1">
            {latest.top.map((entry, index) => (
              <li key={index} className="flex gap-2 text-sm">
                <span className="w-6 font-bold">{entry.rank}</span>
                <span className="flex-1">{entry.name ?? t("journeys.home.anonymous")}</span>
                <span>{t("journeys.home.correctOf", { correct: entry.correct, total: entry.questionCount })}</span>
              </li>
            ))}
          </ol>
          <Link to="/leaderboard" className="text-sm text-brand-700 underline">
            {t("journeys.home.allResults")}
          </Link>
        </section>
      ) : null}
      <section className="grid gap-4 sm:grid-cols-2">
        {audiences.map((audience) => (
          <article key={audience.title} className="rounded-xl bg-white p-5 shadow-sm">
            <h2 className="text-lg font-semibold text-brand-700">{titles[audience.title] ?? t(audience.title)}</h2>
            <p className="mt-2 text-slate-700">{t(audience.body)}</p>
          </article>
        ))}
      </section>
    </div>
  );
}
