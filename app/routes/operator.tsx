import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { operatorFigures } from "~/ops/metrics.server";
import { requireUser } from "~/utils/auth.server";
import { formatNumber } from "~/utils/format";
import type { MessageKey } from "~/utils/i18n";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { pageTitle } from "~/utils/page-title";

// The operator's glance at this process (admins and hosts): the same figures as /metrics.
const REFRESH_MS = 2_000;

export const meta: MetaFunction = pageTitle("ops.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "host");
  return operatorFigures();
}

export default function OperatorPage() {
  const figures = useLoaderData<typeof loader>();
  const t = useT();
  const language = useLanguage();
  const revalidator = useRevalidator();
  useEffect(() => {
    const timer = setInterval(() => {
      if (revalidator.state === "idle" && document.visibilityState === "visible") revalidator.revalidate();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [revalidator]);

  const ms = (value: number | null) => (value === null ? t("ops.none") : t("ops.ms", { value: formatNumber(value, language) }));
  const tiles: [MessageKey, string][] = [
    ["ops.sockets", formatNumber(figures.connectedSockets, language)],
    ["ops.answers", formatNumber(figures.answersStored, language)],
    ["ops.ackP99", ms(figures.ackP99Ms)],
    ["ops.fanoutP99", ms(figures.fanoutP99Ms)],
    ["ops.loopDelay", `${ms(figures.eventLoopDelayP99Ms)} / ${ms(figures.eventLoopDelayMaxMs)}`],
    ["ops.memory", `${t("ops.mb", { value: figures.rssMb })} / ${t("ops.mb", { value: figures.heapUsedMb })}`],
    ["ops.uptime", t("ops.minutes", { value: formatNumber(Math.floor(figures.uptimeSeconds / 60), language) })],
  ];

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("ops.title")}</h1>
      <p className="text-sm text-slate-600">{t("ops.intro")}</p>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {tiles.map(([label, value]) => (
          <div key={label} className="rounded-xl bg-white p-4 shadow-sm">
            <dt className="text-sm text-slate-600">{t(label)}</dt>
            <dd className="text-xl font-semibold" data-testid={label}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <h2 className="text-xl font-semibold">{t("ops.games")}</h2>
      {figures.games.length === 0 ? (
        <p>{t("ops.noGames")}</p>
      ) : (
        <table className="w-full rounded-xl bg-white text-left text-sm shadow-sm">
          <thead>
            <tr className="border-b">
              <th className="p-2">{t("ops.game")}</th>
              <th className="p-2">{t("ops.phase")}</th>
              <th className="p-2">{t("ops.players")}</th>
            </tr>
          </thead>
          <tbody>
            {figures.games.map((game) => (
              <tr key={game.gameId} className="border-b last:border-0">
                <td className="p-2">
                  <Link className="text-brand-700 underline" to={`/host/games/${game.gameId}`}>
                    {game.gameId}
                  </Link>
                </td>
                <td className="p-2">
                  {game.phase}
                  {game.paused ? ` (${t("ops.paused")})` : ""}
                </td>
                <td className="p-2">
                  {formatNumber(game.connectedPlayers, language)} / {formatNumber(game.players, language)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
