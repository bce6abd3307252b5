import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { useT } from "~/utils/i18n/use-translation";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("live.games.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "host", "organizer", "teacher");
  const games = await prisma.liveGame.findMany({
    where: user.role === "admin" ? {} : { hostId: user.id },
    select: { id: true, title: true, pin: true, status: true, mode: true, createdAt: true, _count: { select: { players: true } } },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return { games: games.map((game) => ({ ...game, createdAt: game.createdAt.toISOString(), players: game._count.players })) };
}

export default function HostGames() {
  const { games } = useLoaderData<typeof loader>();
  const t = useT();
  const status = (value: string) =>
    t(value === "ended" ? "live.status.ended" : value === "running" ? "live.status.running" : "live.status.lobby");
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("live.games.title")}</h1>
        <Link to="/host/games/new" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-600">
          {t("live.games.new")}
        </Link>
      </div>
      <h2 className="text-lg font-semibold">{t("live.games.history")}</h2>
      {games.length === 0 ? (
        <p className="text-slate-600">{t("live.games.empty")}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {games.map((game) => (
            <li key={game.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded bg-white p-3 shadow-sm">
              <span className="font-semibold">{game.title}</span>
              <span className="text-sm text-slate-600">
                {status(game.status)} · {t("live.host.pin")} {game.pin} · {t("live.games.players")}: {game.players} ·{" "}
                {formatDateTime(game.createdAt)}
              </span>
              <span className="ml-auto flex gap-3 text-sm">
                {game.status !== "ended" ? (
                  <Link className="text-brand-700 underline" to={`/host/games/${game.id}`}>
                    {t("live.games.open")}
                  </Link>
                ) : null}
                <Link className="text-brand-700 underline" to={`/host/games/${game.id}/results`}>
                  {t("live.games.results")}
                </Link>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
