import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RoleHome } from "~/components/role-home";
import { GlanceFigures } from "~/components/stats/glance-figures";
import { hostHome } from "~/contests/home.server";
import { glanceFigures } from "~/stats/dashboard.server";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { useT } from "~/utils/i18n/use-translation";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("host.home.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "host");
  return { ...(await hostHome(user.id)), glance: await glanceFigures(prisma, user) };
}

type Game = Awaited<ReturnType<typeof hostHome>>["current"][number];

function GameList({ games }: { games: Game[] }) {
  const t = useT();
  if (games.length === 0) return <p className="text-slate-600">{t("journeys.host.none")}</p>;
  return (
    <ul className="flex flex-col gap-2">
      {games.map((game) => (
        <li key={game.id} className="flex flex-wrap items-center gap-2 rounded-lg bg-white p-3 shadow-sm">
          <Link to={game.status === "ended" ? `/host/games/${game.id}/results` : `/host/games/${game.id}`} className="font-semibold text-brand-700 underline">
            {game.title}
          </Link>
          <span className="rounded bg-slate-100 px-2 py-0.5 text-xs">{t(`journeys.host.status.${game.status as "lobby" | "running" | "ended"}`)}</span>
          <span className="text-sm text-slate-600">
            PIN {game.pin} ·{" "}
            {game.endedAt ? t("journeys.host.endedAt", { when: formatDateTime(game.endedAt) }) : t("journeys.host.createdAt", { when: formatDateTime(game.createdAt) })}
          </span>
        </li>
      ))}
    </ul>
  );
}

export default function HostHome() {
  const t = useT();
  const { current, recent, glance } = useLoaderData<typeof loader>();
  return (
    <RoleHome title="host.home.title">
      <Link to="/host/games/new" className="self-start rounded bg-brand-700 px-3 py-2 font-semibold text-white">
        {t("journeys.host.create")}
      </Link>
      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">{t("journeys.host.current")}</h2>
        <GameList games={current} />
      </section>
      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">{t("journeys.host.recent")}</h2>
        <GameList games={recent} />
      </section>
      <GlanceFigures glance={glance} />
    </RoleHome>
  );
}
