import { Link } from "@remix-run/react";
import { useCallback, useState } from "react";
import { ShortcutPanel, useHostShortcuts } from "~/components/broadcast/host-shortcuts";
import { TimerBar, useRemainingMs } from "~/components/broadcast/timer-bar";
import type { FlowCommand } from "~/live/game-state";
import type { LeaderRow, StaffView } from "~/live/player-view";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { codeText } from "./error-text";
import { localised } from "./localised";
import { PlayAlongPanel } from "./play-along-panel";
import { Histogram, Leaderboard, Podium } from "./staff-parts";
import { newer, useLiveSocket, type LiveClientSocket } from "./use-live-socket";

export type ConsoleGame = {
  id: string;
  title: string;
  pin: string;
  joinUrl: string;
  qrSvg: string;
  displayUrl: string;
};

/** The host's console: the game's state as the server sends it, and the buttons that drive it. */
export function HostConsole({ game }: { game: ConsoleGame }) {
  const t = useT();
  const [view, setView] = useState<StaffView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onConnect = useCallback(
    (socket: LiveClientSocket) => {
      socket.off("game:state").on("game:state", (incoming) => {
        if (incoming.audience === "host") setView((current) => newer(current, incoming));
      });
      void socket.timeout(10_000).emitWithAck("host:watch", { gameId: game.id }).then(
        (response) => (response.ok ? setView((current) => newer(current, response.data)) : setError(codeText(t, response.error))),
        () => setError(t("live.code.generic")),
      );
    },
    [game.id, t],
  );
  const { socket, connected, offsetMs } = useLiveSocket(onConnect);

  async function send(payload: { command: FlowCommand } | { command: "kick"; playerId: string } | { command: "lock" | "unlock" }) {
    if (!socket || !view?.controls) return;
    setBusy(true);
    setError(null);
    try {
      const response = await socket
        .timeout(10_000)
        .emitWithAck(
          "host:command",
          payload.command === "kick"
            ? { gameId: game.id, command: "kick", playerId: payload.playerId }
            : payload.command === "lock" || payload.command === "unlock"
              ? { gameId: game.id, command: payload.command }
              : { gameId: game.id, command: payload.command, step: view.controls.step },
        );
      if (!response.ok) setError(codeText(t, response.error));
    } catch {
      setError(t("live.code.generic"));
    } finally {
      setBusy(false);
    }
  }

  const kick = (row: { playerId: string; name: string }) => void send({ command: "kick", playerId: row.playerId });
  const shortcuts = useHostShortcuts(view, busy, (command) => void send(command));

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{game.title}</h1>
          <p className="text-slate-600">{t("live.host.title")}</p>
          <p className="mt-2 text-lg">
            {t("live.host.pin")}: <strong className="font-mono text-3xl tracking-widest" data-testid="game-pin">{game.pin}</strong>
          </p>
          <p className="text-sm text-slate-600">{t("live.host.joinAt", { url: game.joinUrl })}</p>
          <p className="mt-2 flex flex-wrap gap-3 text-sm">
            <a className="text-brand-700 underline" href={game.displayUrl} target="_blank" rel="noreferrer">
              {t("live.host.displayLink")}
            </a>
            <a className="text-brand-700 underline" href={`${game.displayUrl}&overlay=1`} target="_blank" rel="noreferrer">
              {t("live.host.overlayLink")}
            </a>
          </p>
        </div>
        {view?.phase === "lobby" ? (
          <div role="img" aria-label={t("live.host.qr")} className="w-40 bg-white p-1" dangerouslySetInnerHTML={{ __html: game.qrSvg }} />
        ) : null}
      </div>

      {!connected ? <p role="status">{t("live.host.connecting")}</p> : null}
      {error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          {error}
        </p>
      ) : null}

      {view ? (
        <>
          <Counts view={view} />
          {view.paused ? (
            <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
              {t(`live.paused.${view.paused}`)}
            </p>
          ) : null}
          <Controls view={view} busy={busy} onCommand={(command) => void send({ command })} />
          <ShortcutPanel {...shortcuts} />
          {view.controls && view.phase !== "ended" ? (
            <JoinLock locked={view.controls.joinLocked} busy={busy} onToggle={(lock) => void send({ command: lock ? "lock" : "unlock" })} />
          ) : null}
          <PhasePanel view={view} offsetMs={offsetMs} onKick={kick} />
          <PlayAlongPanel view={view} socket={socket} gameId={game.id} />
          {view.phase === "ended" ? (
            <p className="flex flex-wrap gap-3">
              <span>{t("live.host.ended")}</span>
              <Link className="text-brand-700 underline" to={`/host/games/${game.id}/results`}>
                {t("live.host.viewResults")}
              </Link>
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/** One tap closes the game to new players (a troll wave on air); players already in stay. */
function JoinLock({ locked, busy, onToggle }: { locked: boolean; busy: boolean; onToggle: (lock: boolean) => void }) {
  const t = useT();
  return (
    <p className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        disabled={busy}
        aria-pressed={locked}
        className="rounded border border-slate-400 bg-white px-3 py-2 font-medium disabled:opacity-50"
        onClick={() => onToggle(!locked)}
      >
        {locked ? t("live.host.unlockJoins") : t("live.host.lockJoins")}
      </button>
      <span role="status" className="text-sm text-slate-700">
        {locked ? t("live.host.joinsLocked") : t("live.host.joinsOpen")}
      </span>
    </p>
  );
}

function Counts({ view }: { view: StaffView }) {
  const t = useT();
  const counts = view.counts;
  return (
    <p className="flex flex-wrap gap-x-4 text-sm text-slate-700" aria-live="polite">
      <span>{t("live.host.players", { count: counts.players })}</span>
      <span>{t("live.host.connected", { count: counts.connected })}</span>
      {view.mode === "elimination" ? <span>{t("live.host.standing", { count: counts.standing })}</span> : null}
      {counts.answered !== null ? (
        <strong>{t("live.host.answered", { count: counts.answered, total: counts.standing })}</strong>
      ) : null}
    </p>
  );
}

function Controls({ view, busy, onCommand }: { view: StaffView; busy: boolean; onCommand: (command: FlowCommand) => void }) {
  const t = useT();
  const controls = view.controls;
  if (!controls) return null;
  const timed = view.phase === "countdown" || view.phase === "question";
  const button = "rounded px-4 py-2 font-semibold disabled:opacity-50";
  return (
    <div className="flex flex-wrap gap-2">
      {controls.next ? (
        <button
          type="button"
          disabled={busy}
          className={`${button} bg-brand-700 text-white`}
          onClick={() => onCommand(controls.next === "start" ? "start" : controls.next === "end" ? "end" : "next")}
        >
          {t(`live.host.next.${controls.next}`)}
        </button>
      ) : null}
      {timed && !view.paused ? (
        <button type="button" disabled={busy} className={`${button} bg-amber-700 text-white`} onClick={() => onCommand("pause")}>
          {t("live.host.pause")}
        </button>
      ) : null}
      {view.paused ? (
        <button type="button" disabled={busy} className={`${button} bg-green-700 text-white`} onClick={() => onCommand("resume")}>
          {t("live.host.resume")}
        </button>
      ) : null}
      {timed ? (
        <button type="button" disabled={busy} className={`${button} border border-slate-400 bg-white`} onClick={() => onCommand("skip")}>
          {t("live.host.skip")}
        </button>
      ) : null}
      {controls.rescuable > 0 ? (
        <button type="button" disabled={busy} className={`${button} bg-purple-600 text-white`} onClick={() => onCommand("rescue")}>
          {t("live.host.rescue", { count: controls.rescuable })}
        </button>
      ) : null}
      {view.phase !== "ended" && view.phase !== "podium" && view.phase !== "lobby" ? (
        <button
          type="button"
          disabled={busy}
          className={`${button} border border-red-400 bg-white text-red-700`}
          onClick={() => window.confirm(t("live.host.confirmEnd")) && onCommand("end")}
        >
          {t("live.host.end")}
        </button>
      ) : null}
    </div>
  );
}

function PhasePanel({ view, offsetMs, onKick }: { view: StaffView; offsetMs: number; onKick: (row: { playerId: string; name: string }) => void }) {
  const t = useT();
  const language = useLanguage();
  switch (view.phase) {
    case "lobby":
      return view.lobby && view.lobby.length > 0 ? (
        <ul className="flex flex-wrap gap-2" aria-label={t("live.games.players")}>
          {view.lobby.map((player) => (
            <li key={player.id} className="flex items-center gap-2 rounded-full bg-white px-3 py-1 shadow-sm">
              <span>{player.name}</span>
              {player.unitName ? <span className="text-xs text-slate-500">{player.unitName}</span> : null}
              <button
                type="button"
                className="text-xs text-red-700 underline"
                aria-label={t("live.host.kickNamed", { name: player.name })}
                onClick={() => onKick({ playerId: player.id, name: player.name })}
              >
                {t("live.host.kick")}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-600">{t("live.host.noPlayers")}</p>
      );
    case "countdown":
      return <p className="text-xl">{t("live.play.getReady", { number: (view.countdown?.questionIndex ?? 0) + 1, total: view.questionCount })}</p>;
    case "question":
      return <QuestionPanel view={view} offsetMs={offsetMs} />;
    case "reveal":
      return (
        <div className="flex flex-col gap-2">
          <h2 className="text-lg font-semibold">{view.question ? localised(view.question.prompt, language) : null}</h2>
          <Histogram view={view} />
        </div>
      );
    case "leaderboard":
      return (
        <div className="flex flex-col gap-2">
          <h2 className="text-lg font-semibold">{t("live.display.leaderboard")}</h2>
          <Leaderboard rows={view.leaderboard ?? []} onKick={(row: LeaderRow) => onKick(row)} />
        </div>
      );
    case "podium":
    case "ended":
      return (
        <div className="flex flex-col gap-4">
          <h2 className="text-lg font-semibold">{t("live.display.podium")}</h2>
          <Podium rows={view.podium ?? []} />
          <Leaderboard rows={view.leaderboard ?? []} />
        </div>
      );
  }
}

function QuestionPanel({ view, offsetMs }: { view: StaffView; offsetMs: number }) {
  const t = useT();
  const language = useLanguage();
  const question = view.question!;
  const remainingMs = useRemainingMs(question.deadline, question.remainingMs, view.paused !== null, offsetMs);
  const seconds = Math.ceil(remainingMs / 1000);
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-slate-600">
        {t("live.play.question", { number: question.index + 1, total: view.questionCount })} · {t("live.play.secondsLeft", { seconds })}
      </p>
      <TimerBar remainingMs={remainingMs} timeLimitMs={question.timeLimitMs} label={t("broadcast.display.timeLeft")} className="text-base" />
      <h2 className="text-lg font-semibold">{localised(question.prompt, language)}</h2>
      <ul className="grid gap-1 sm:grid-cols-2">
        {question.options.map((option) => (
          <li key={option.id} className="rounded bg-white px-3 py-1 shadow-sm">
            <strong>{option.id}.</strong> {localised(option.text, language)}
          </li>
        ))}
      </ul>
    </div>
  );
}
