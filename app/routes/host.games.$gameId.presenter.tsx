import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ShellHandle } from "~/components/app-shell";
import { PresenterScreen } from "~/components/broadcast/presenter-screen";
import type { GameState } from "~/live/game-state";
import { ownedGame } from "~/live/host-games.server";
import { rundownOf } from "~/live/rundown";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Sân chơi ASEAN — màn hình người dẫn" }];

// A confidence monitor: every pixel for the questions, in large type.
export const handle: ShellHandle = { chrome: "none" };

// The page holds the answers: no cache may keep it.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

/** The presenter's view of a game they run (docs/decisions/031): its rundown with the answers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "host", "organizer", "teacher");
  const game = await ownedGame(prisma, user, params.gameId ?? "");
  if (!game) throw new Response("Not found", { status: 404 });
  const row = await prisma.liveGame.findUniqueOrThrow({ where: { id: game.id }, select: { state: true } });
  // Questions and their option order are fixed when the game is created; the snapshot's phase
  // (written before every change of step is announced) places a presenter who opens the page mid-game.
  const state = JSON.parse(row.state) as GameState;
  const phase = state.phase;
  return {
    game: { id: game.id, token: game.displayToken, title: game.title, pin: game.pin },
    rundown: rundownOf(state),
    startIndex: "questionIndex" in phase ? phase.questionIndex : null,
  };
}

export default function PresenterPage() {
  const { game, rundown, startIndex } = useLoaderData<typeof loader>();
  return <PresenterScreen game={game} rundown={rundown} startIndex={startIndex} />;
}
