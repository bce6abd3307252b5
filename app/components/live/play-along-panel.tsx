import { useState } from "react";
import { pathsFromRows, rowsFromPaths, type PathRow } from "~/live/play-along-form";
import type { StaffView } from "~/live/player-view";
import { useT } from "~/utils/i18n/use-translation";
import { Button, Notice } from "~/components/ui/field";
import { codeText } from "./error-text";
import type { LiveClientSocket } from "./use-live-socket";

/**
 * The home audience on the host's console (docs/decisions/038): in the lobby, the broadcast paths
 * and their delays; during the game, how many play at home on each path and how the last question
 * went for them.
 */
export function PlayAlongPanel({ view, socket, gameId }: { view: StaffView; socket: LiveClientSocket | null; gameId: string }) {
  const t = useT();
  const home = view.playAlong ?? null;
  return (
    <section className="flex flex-col gap-3 rounded-lg bg-white p-4 shadow-sm" aria-labelledby="play-along-title">
      <h2 id="play-along-title" className="text-lg font-bold">
        {t("playAlong.console.title")}
      </h2>
      {home ? <HomeFigures home={home} /> : null}
      {view.phase === "lobby" ? <PathsForm initial={home?.paths ?? []} socket={socket} gameId={gameId} /> : null}
    </section>
  );
}

function HomeFigures({ home }: { home: NonNullable<StaffView["playAlong"]> }) {
  const t = useT();
  return (
    <div className="flex flex-col gap-1 text-sm" data-testid="play-along-figures">
      <p className="font-medium">{t("playAlong.home.players", { count: home.players })}</p>
      <ul className="flex flex-wrap gap-3">
        {home.paths.map((path) => (
          <li key={path.id}>{t("playAlong.home.pathCount", { name: path.name, count: path.players })}</li>
        ))}
      </ul>
      {home.result ? (
        <p>{t("playAlong.home.answers", { number: home.result.questionIndex + 1, answered: home.result.answeredCount, correct: home.result.correctCount })}</p>
      ) : null}
    </div>
  );
}

function PathsForm({ initial, socket, gameId }: { initial: NonNullable<StaffView["playAlong"]>["paths"]; socket: LiveClientSocket | null; gameId: string }) {
  const t = useT();
  const [rows, setRows] = useState<PathRow[]>(() => rowsFromPaths(initial));
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        const paths = pathsFromRows(rows);
        if (!paths) return setMessage({ tone: "error", text: t("playAlong.console.badRow") });
        if (!socket) return;
        setBusy(true);
        try {
          const response = await socket.timeout(10_000).emitWithAck("host:play-along", { gameId, paths });
          setMessage(response.ok ? { tone: "success", text: t("playAlong.console.saved") } : { tone: "error", text: codeText(t, response.error) });
        } catch {
          setMessage({ tone: "error", text: t("live.code.generic") });
        } finally {
          setBusy(false);
        }
      }}
    >
      <p className="text-sm text-slate-600">{t("playAlong.console.intro")}</p>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {rows.map((row, index) => (
        <div key={index} className="flex flex-wrap gap-2">
          <label className="flex flex-col text-sm">
            {t("playAlong.console.name", { number: index + 1 })}
            <input
              className="rounded border border-slate-300 px-2 py-1"
              maxLength={40}
              value={row.name}
              onChange={(event) => setRows(rows.map((other, at) => (at === index ? { ...other, name: event.target.value } : other)))}
            />
          </label>
          <label className="flex flex-col text-sm">
            {t("playAlong.console.delay", { number: index + 1 })}
            <input
              className="w-28 rounded border border-slate-300 px-2 py-1"
              inputMode="decimal"
              maxLength={6}
              value={row.seconds}
              onChange={(event) => setRows(rows.map((other, at) => (at === index ? { ...other, seconds: event.target.value } : other)))}
            />
          </label>
        </div>
      ))}
      <Button type="submit" disabled={busy || !socket} className="self-start">
        {t("playAlong.console.save")}
      </Button>
    </form>
  );
}
