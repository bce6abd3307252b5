import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { graphicsFormSchema } from "~/broadcast/graphics-settings";
import { loadGraphics, saveGraphics } from "~/broadcast/graphics-settings.server";
import { GraphicsSettingsForm, type GraphicsActionData } from "~/components/broadcast/graphics-settings-form";
import { HostConsole } from "~/components/live/host-console";
import { ownedGame } from "~/live/host-games.server";
import { joinUrl, qrSvg } from "~/live/join-links.server";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { fieldErrors, formValues } from "~/utils/forms";
import { useT } from "~/utils/i18n/use-translation";
import { titled } from "~/utils/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titled(matches, data?.game.title);

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
    graphics: (await loadGraphics(prisma, game.id))!,
  };
}

/** The on-air graphics form (the console's commands go over the socket, not here). */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "host", "organizer", "teacher");
  const game = await ownedGame(prisma, user, params.gameId ?? "");
  if (!game) throw new Response("Not found", { status: 404 });
  const parsed = graphicsFormSchema.safeParse(formValues(await request.formData()));
  if (!parsed.success) return { intent: "graphics", saved: false, errors: fieldErrors(parsed.error) } satisfies GraphicsActionData;
  await saveGraphics(prisma, game.id, parsed.data);
  return { intent: "graphics", saved: true, errors: {} } satisfies GraphicsActionData;
}

export default function HostGameConsole() {
  const { game, graphics } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="flex flex-col gap-6">
      <HostConsole game={game} />
      <p>
        <a className="font-medium text-brand-700 underline" href={`/host/games/${game.id}/presenter`} target="_blank" rel="noreferrer">
          {t("broadcast.presenter.open")}
        </a>
      </p>
      <GraphicsSettingsForm settings={graphics} displayUrl={game.displayUrl} />
    </div>
  );
}
