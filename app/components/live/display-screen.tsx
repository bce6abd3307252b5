import { useRevalidator, useSearchParams } from "@remix-run/react";
import { homeAudienceView } from "~/live/home-display";
import { useEffect, useRef } from "react";
import { DisplayFrame, type DisplayGame, type DisplayLook } from "~/components/broadcast/display-frame";
import { useT } from "~/utils/i18n/use-translation";
import { useDisplayView } from "./use-display-view";

export type { DisplayGame } from "~/components/broadcast/display-frame";

/**
 * The big screen at 1920×1080: a TV, a projector, or a browser source in broadcast software.
 * How it looks (overlay, layout, key colour, sound) is `look` (docs/decisions/031); what it shows
 * is the game's display view from the socket.
 */
export function DisplayScreen({ game, look }: { game: DisplayGame; look: DisplayLook }) {
  const t = useT();
  const { view, error, offsetMs } = useDisplayView(game);
  useLookUpdates(view?.phase ?? null);

  // `?home=1`: the home audience's histogram and top ten instead of the studio's (docs/decisions/038).
  const [searchParams] = useSearchParams();
  const shown = view && searchParams.get("home") === "1" ? homeAudienceView(view) : view;
  return <DisplayFrame view={shown} game={game} look={look} offsetMs={offsetMs} error={error} />;
}

/** The host may change the look on the console; each new phase reloads it, so a change is on air by the next step. */
function useLookUpdates(phase: string | null) {
  const revalidator = useRevalidator();
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (phase === null) return;
    const first = seen.current === null;
    seen.current = phase;
    if (!first && revalidator.state === "idle") revalidator.revalidate();
    // Only a change of phase asks; the revalidator's own state changing must not.
  }, [phase]);
}
