import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { HostConsole } from "~/components/live/host-console";
import { ownedGame } from "~/live/host-games.server";
import { joinUrl, qrSvg } from "~/live/join-links.server";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "host", "organizer", "teacher");
  const game = await ownedGame(prisma, user, params.gameId ?? "");
  if (!game) throw new Response("Not found", { status: 404 });
  const link = joinUrl(request, game.pin);
  return {
    game: {
      id: game.id,
      title: game.title,
      pin: game.pin,
      joinUrl: link,
      qrSvg: await qrSvg(link),
      displayUrl: `/display/${game.id}?token=${encodeURIComponent(game.displayToken)}`,
    },
  };
}

export default function HostGameConsole() {
  const { game } = useLoaderData<typeof loader>();
  return <HostConsole game={game} />;
}
