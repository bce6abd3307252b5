import { useCallback, useState } from "react";
import type { StaffView } from "~/live/player-view";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { codeText } from "./error-text";
import { localised } from "./localised";
import { optionStyle } from "./option-style";
import { Histogram, Leaderboard, Podium } from "./staff-parts";
import { newer, useLiveSocket, useSecondsLeft, type LiveClientSocket } from "./use-live-socket";

export type DisplayGame = { id: string; token: string; title: string; pin: string; joinUrl: string; joinHost: string; qrSvg: string };

/**
 * The big screen at 1920×1080: a TV, a projector, or a browser source in broadcast software.
 * With `overlay` the background is transparent so the picture behind shows through.
 */
export function DisplayScreen({ game, overlay }: { game: DisplayGame; overlay: boolean }) {
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
  const { offsetMs } = useLiveSocket(onConnect);

  return (
    <div
      data-testid="display"
      className={`fixed inset-0 z-50 flex flex-col overflow-hidden p-10 ${overlay ? "bg-transparent text-white [text-shadow:0_2px_6px_rgb(0_0_0/0.8)]" : "bg-brand-900 text-white"}`}
    >
      {overlay ? <style>{"html, body { background: transparent !important; }"}</style> : null}
      <header className="flex items-center justify-between text-3xl">
        <span className="font-bold">{game.title}</span>
        {view && view.phase !== "lobby" ? (
          <span>
            {t("live.host.pin")} <strong className="font-mono tracking-widest">{game.pin}</strong>
          </span>
        ) : null}
      </header>
      {error ? <p role="alert" className="mt-10 text-4xl">{error}</p> : null}
      <main className="flex flex-1 flex-col justify-center">{view ? <Body view={view} game={game} offsetMs={offsetMs} /> : null}</main>
      {view?.paused ? (
        <p role="status" className="rounded bg-amber-500/90 px-6 py-3 text-center text-3xl text-black">
          {t(`live.paused.${view.paused}`)}
        </p>
      ) : null}
    </div>
  );
}

function Body({ view, game, offsetMs }: { view: StaffView; game: DisplayGame; offsetMs: number }) {
  const t = useT();
  const language = useLanguage();
  switch (view.phase) {
    case "lobby":
      return (
        <div className="grid grid-cols-[1fr_auto] items-center gap-12">
          <div className="flex flex-col gap-6">
            <p className="text-4xl">{t("live.display.joinWith", { url: game.joinHost })}</p>
            <p className="font-mono text-[10rem] font-black leading-none tracking-[0.15em] text-asean-yellow" data-testid="display-pin">
              {game.pin}
            </p>
            <p className="text-4xl">{t("live.display.players", { count: view.counts.players })}</p>
            <ul className="flex max-h-64 flex-wrap gap-3 overflow-hidden text-2xl">
              {(view.lobby ?? []).map((player) => (
                <li key={player.id} className="rounded-full bg-white/15 px-4 py-1">
                  {player.name}
                </li>
              ))}
            </ul>
          </div>
          <div className="w-[28rem] rounded-xl bg-white p-4" role="img" aria-label={t("live.host.qr")} dangerouslySetInnerHTML={{ __html: game.qrSvg }} />
        </div>
      );
    case "countdown":
      return <Countdown view={view} offsetMs={offsetMs} />;
    case "question":
      return <Question view={view} offsetMs={offsetMs} />;
    case "reveal":
      return (
        <div className="flex flex-col gap-6">
          <h1 className="text-5xl font-bold leading-tight">{view.question ? localised(view.question.prompt, language) : null}</h1>
          <Histogram view={view} large />
          {view.result?.explanation ? (
            <p className="text-2xl opacity-90">
              <strong>{t("live.display.explanation")}: </strong>
              {localised(view.result.explanation, language)}
            </p>
          ) : null}
        </div>
      );
    case "leaderboard":
      return (
        <div className="grid grid-cols-[2fr_1fr] gap-10">
          <div className="flex flex-col gap-6">
            <h1 className="text-5xl font-bold">{t("live.display.leaderboard")}</h1>
            <Leaderboard rows={view.leaderboard ?? []} large />
          </div>
          {view.teams && view.teams.length > 0 ? (
            <div className="flex flex-col gap-6">
              <h2 className="text-4xl font-bold">{t("live.display.teams")}</h2>
              <ol className="flex flex-col gap-1 text-2xl">
                {view.teams.map((team) => (
                  <li key={team.teamId} className="flex gap-3 rounded bg-white/10 px-3 py-1">
                    <span className="w-8 font-bold">{team.rank}</span>
                    <span className="flex-1">{team.name}</span>
                    <span className="font-bold">{team.averageScore}</span>
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
        </div>
      );
    case "podium":
    case "ended":
      return (
        <div className="flex flex-col gap-10">
          <h1 className="text-center text-6xl font-bold">{t("live.display.podium")}</h1>
          <Podium rows={view.podium ?? []} large />
          {view.phase === "ended" ? <p className="text-center text-4xl">{t("live.display.ended")}</p> : null}
        </div>
      );
  }
}

function Countdown({ view, offsetMs }: { view: StaffView; offsetMs: number }) {
  const t = useT();
  const countdown = view.countdown!;
  const seconds = useSecondsLeft(countdown.endsAt, countdown.remainingMs, view.paused !== null, offsetMs);
  return (
    <div className="flex flex-col items-center gap-6">
      <p className="text-5xl">{t("live.play.getReady", { number: countdown.questionIndex + 1, total: view.questionCount })}</p>
      <p className="text-[12rem] font-black leading-none">{seconds}</p>
    </div>
  );
}

function Question({ view, offsetMs }: { view: StaffView; offsetMs: number }) {
  const t = useT();
  const language = useLanguage();
  const question = view.question!;
  const seconds = useSecondsLeft(question.deadline, question.remainingMs, view.paused !== null, offsetMs);
  return (
    <div className="flex flex-col gap-8">
      <div className="flex items-center justify-between text-3xl">
        <span>{t("live.play.question", { number: question.index + 1, total: view.questionCount })}</span>
        <span>{t("live.display.answered", { count: view.counts.answered ?? 0 })}</span>
      </div>
      <div className="flex items-start gap-8">
        <h1 className="flex-1 text-6xl font-bold leading-tight">{localised(question.prompt, language)}</h1>
        <span className="flex h-40 w-40 shrink-0 items-center justify-center rounded-full bg-asean-yellow text-7xl font-black text-brand-900" data-testid="display-seconds">
          {seconds}
        </span>
      </div>
      <ul className="grid grid-cols-2 gap-6">
        {question.options.map((option) => {
          const style = optionStyle(option.id);
          return (
            <li key={option.id} className={`${style.bg} flex items-center gap-4 rounded-2xl px-6 py-6 text-4xl font-semibold text-white`}>
              <span aria-hidden>{style.shape}</span>
              <span className="font-black">{option.id}</span>
              <span>{localised(option.text, language)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
