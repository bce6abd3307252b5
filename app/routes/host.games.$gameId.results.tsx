import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ownedGame } from "~/live/host-games.server";
import { gameResults } from "~/live/live-games.server";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { useT } from "~/utils/i18n/use-translation";
import { areaLevelOfUnits } from "~/units/history.server";
import { capitalize } from "~/units/unit-kinds";
import { titled, translatorFrom } from "~/utils/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titled(matches, data && translatorFrom(matches)("live.results.title", { title: data.game.title }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "host", "organizer", "teacher");
  const game = await ownedGame(prisma, user, params.gameId ?? "");
  if (!game) throw new Response("Not found", { status: 404 });
  const results = await gameResults(prisma, game.id);
  // The level as the players' areas were when they joined (a 2024 game says "huyện").
  const players = await prisma.livePlayer.findMany({ where: { gameId: game.id, areaId: { not: null } }, select: { areaId: true } });
  const areaLevel = (await areaLevelOfUnits(prisma, players.flatMap((player) => (player.areaId ? [player.areaId] : [])))) ?? "commune";
  return { game: { id: game.id, title: game.title }, rows: results?.rows ?? [], areaLevel };
}

export default function GameResults() {
  const { game, rows, areaLevel } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("live.results.title", { title: game.title })}</h1>
      <p className="flex gap-4">
        <a className="text-brand-700 underline" href={`/host/games/${game.id}/export?format=csv`} download>
          {t("live.results.csv")}
        </a>
        <a className="text-brand-700 underline" href={`/host/games/${game.id}/export?format=xlsx`} download>
          {t("live.results.xlsx")}
        </a>
      </p>
      {rows.length === 0 ? (
        <p>{t("live.results.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm shadow-sm">
            <thead>
              <tr className="bg-slate-100 text-left">
                <th className="p-2">{t("live.results.rank")}</th>
                <th className="p-2">{t("live.results.name")}</th>
                <th className="p-2">{t("live.results.school")}</th>
                <th className="p-2">{capitalize(t(`units.level.${areaLevel}`))}</th>
                <th className="p-2 text-right">{t("live.results.score")}</th>
                <th className="p-2 text-right">{t("live.results.correct")}</th>
                <th className="p-2 text-right">{t("live.results.answered")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={index} className="border-t border-slate-200">
                  <td className="p-2">{row.rank}</td>
                  <td className="p-2">{row.name}</td>
                  <td className="p-2">{row.school}</td>
                  <td className="p-2">{row.area}</td>
                  <td className="p-2 text-right">{row.score}</td>
                  <td className="p-2 text-right">{row.correct}</td>
                  <td className="p-2 text-right">{row.answered}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
