import { useCallback, useState } from "react";
import type { StaffView } from "~/live/player-view";
import { useT } from "~/utils/i18n/use-translation";
import { codeText } from "./error-text";
import { newer, useLiveSocket, type LiveClientSocket } from "./use-live-socket";

/**
 * A game's display view, watched with the display's token: what the big screen and the presenter
 * both show live. An older view never replaces a newer one (`newer`).
 */
export function useDisplayView(game: { id: string; token: string }) {
  const t = useT();
  const [view, setView] = useState<StaffView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onConnect = useCallback(
    (socket: LiveClientSocket) => {
      socket.off("game:state").on("game:state", (incoming) => {
        if (incoming.audience === "display") setView((current) => newer(current, incoming));
      });
      void socket.timeout(10_000).emitWithAck("display:watch", { gameId: game.id, token: game.token }).then(
        (response) => (response.ok ? setView((current) => newer(current, response.data)) : setError(codeText(t, response.error))),
        () => setError(t("live.code.generic")),
      );
    },
    [game.id, game.token, t],
  );
  const { connected, offsetMs } = useLiveSocket(onConnect);
  return { view, error, connected, offsetMs };
}
