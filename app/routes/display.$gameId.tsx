import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { displayOptions, graphicsFromRow } from "~/broadcast/graphics-settings";
import type { ShellHandle } from "~/components/app-shell";
import { DisplayScreen } from "~/components/live/display-screen";
import { joinUrl, qrSvg, sameSecret } from "~/live/join-links.server";
import { prisma } from "~/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Sân chơi ASEAN — màn hình trình chiếu" }];

// On air nothing of the site may show: no header, no language switch, no demo bar (docs/decisions/031).
export const handle: ShellHandle = { chrome: "none" };

/** Opened by the link on the host's console; the token in the link is the only key (read-only). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const token = url.searchParams.get("token") ?? "";
  const game = await prisma.liveGame.findUnique({
    where: { id: params.gameId ?? "" },
    select: { id: true, title: true, pin: true, displayToken: true, overlayLayout: true, overlayKey: true, soundCues: true },
  });
  if (!game || !sameSecret(game.displayToken, token)) throw new Response("Forbidden", { status: 403 });
  const link = joinUrl(request, game.pin);
  return {
    look: displayOptions(url.searchParams, graphicsFromRow(game)),
    game: { id: game.id, token, title: game.title, pin: game.pin, joinUrl: link, joinHost: `${url.host}/join`, qrSvg: await qrSvg(link) },
  };
}

export default function DisplayPage() {
  const { game, look } = useLoaderData<typeof loader>();
  return <DisplayScreen game={game} look={look} />;
}
