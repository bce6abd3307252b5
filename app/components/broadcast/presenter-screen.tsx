import { useEffect, useState } from "react";
import { rundownPosition, type RundownEntry } from "~/live/rundown";
import type { StaffView } from "~/live/player-view";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { localised } from "../live/localised";
import { useDisplayView } from "../live/use-display-view";
import { isLastSeconds, TimerBar, useRemainingMs } from "./timer-bar";

export type PresenterGame = { id: string; token: string; title: string; pin: string };

/**
 * The presenter's confidence screen: the question on air and the next one, each with its right
 * answer and explanation before the reveal, the clock and the live answer counts. The answers come
 * from the page (a signed-in host's HTTP request); the live part is the display's own read-only
 * view, so nothing here adds a key to any socket message.
 */
export function PresenterScreen({ game, rundown, startIndex }: { game: PresenterGame; rundown: RundownEntry[]; startIndex: number | null }) {
  const t = useT();
  const [lastKnown, setLastKnown] = useState<number | null>(startIndex);
  const { view, error, connected, offsetMs } = useDisplayView(game);

  const seenIndex = view?.question?.index ?? view?.countdown?.questionIndex ?? null;
  useEffect(() => {
    if (seenIndex !== null) setLastKnown(seenIndex);
  }, [seenIndex]);
  const position = view ? rundownPosition(view, lastKnown, rundown.length) : { current: lastKnown, next: null };
  const current = position.current === null ? null : rundown[position.current];
  const next = position.next === null ? null : rundown[position.next];

  return (
    <div className="flex min-h-[100dvh] flex-col gap-4 bg-slate-950 p-4 text-white md:p-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{game.title}</h1>
          <p className="text-slate-300">
            {t("broadcast.presenter.title")} · {t("live.host.pin")} <span className="font-mono">{game.pin}</span>
          </p>
        </div>
        <p className="rounded-full bg-slate-800 px-4 py-1 text-lg" data-testid="presenter-phase">
          {view ? t(`broadcast.presenter.phase.${view.phase}`) : t("live.host.connecting")}
        </p>
      </header>
      {!connected ? <p role="status">{t("live.host.connecting")}</p> : null}
      {error ? (
        <p role="alert" className="rounded bg-red-800 px-3 py-2">
          {error}
        </p>
      ) : null}
      {view?.paused ? (
        <p role="status" className="rounded bg-amber-300 px-3 py-2 text-lg font-semibold text-slate-950">
          {t(`live.paused.${view.paused}`)}
        </p>
      ) : null}
      {view ? <Figures view={view} offsetMs={offsetMs} /> : null}
      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <QuestionCard
          label={current ? t("broadcast.presenter.current", { number: current.index + 1, total: rundown.length }) : t("broadcast.presenter.noCurrent")}
          entry={current}
          view={view}
          large
        />
        <QuestionCard
          label={next ? t("broadcast.presenter.next", { number: next.index + 1, total: rundown.length }) : t("broadcast.presenter.noNext")}
          entry={next}
          view={null}
          large={false}
        />
      </div>
      <details className="rounded bg-slate-900 p-3">
        <summary className="cursor-pointer text-lg">{t("broadcast.presenter.all", { count: rundown.length })}</summary>
        <ol className="mt-3 flex flex-col gap-3">
          {rundown.map((entry) => (
            <li key={entry.index}>
              <QuestionCard label={t("broadcast.rundown.number", { number: entry.index + 1 })} entry={entry} view={null} large={false} />
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}

function Figures({ view, offsetMs }: { view: StaffView; offsetMs: number }) {
  const t = useT();
  const question = view.question;
  const remainingMs = useRemainingMs(question?.deadline ?? null, question?.remainingMs ?? 0, view.paused !== null, offsetMs);
  const counts = view.counts;
  const urgent = view.phase === "question" && isLastSeconds(remainingMs);
  return (
    <section aria-label={t("broadcast.presenter.figures")} className="grid gap-3 sm:grid-cols-3">
      <div className={`flex flex-col gap-2 rounded p-3 ${urgent ? "bg-red-800" : "bg-slate-800"}`}>
        <span className="text-slate-200">{t("broadcast.display.timeLeft")}</span>
        {view.phase === "question" && question ? (
          <>
            <span className="text-4xl font-black" data-testid="presenter-seconds">
              {t("broadcast.presenter.seconds", { seconds: Math.ceil(remainingMs / 1000) })}
            </span>
            <TimerBar remainingMs={remainingMs} timeLimitMs={question.timeLimitMs} label={t("broadcast.display.timeLeft")} className="text-base" />
          </>
        ) : (
          <span className="text-4xl font-black">—</span>
        )}
      </div>
      <div className="flex flex-col gap-2 rounded bg-slate-800 p-3">
        <span className="text-slate-200">{t("broadcast.presenter.answers")}</span>
        <span className="text-4xl font-black" data-testid="presenter-answered">
          {view.phase === "question"
            ? t("broadcast.presenter.answeredOf", { count: counts.answered ?? 0, total: counts.standing })
            : view.result
              ? t("broadcast.presenter.correctOf", { count: view.result.correctCount, total: view.result.answeredCount })
              : "—"}
        </span>
      </div>
      <div className="flex flex-col gap-2 rounded bg-slate-800 p-3">
        <span className="text-slate-200">{t("broadcast.presenter.players")}</span>
        <span className="text-4xl font-black">{t("broadcast.presenter.connectedOf", { count: counts.connected, total: counts.players })}</span>
        {view.mode === "elimination" ? <span>{t("live.host.standing", { count: counts.standing })}</span> : null}
      </div>
    </section>
  );
}

function QuestionCard({ label, entry, view, large }: { label: string; entry: RundownEntry | null; view: StaffView | null; large: boolean }) {
  const t = useT();
  const language = useLanguage();
  const histogram = view?.phase === "reveal" && view.question?.index === entry?.index ? view.result?.histogram : undefined;
  return (
    <article className="flex flex-col gap-3 rounded bg-slate-900 p-4" aria-label={label} data-testid={large ? "presenter-current" : undefined}>
      <h2 className="text-slate-300">{label}</h2>
      {entry ? (
        <>
          <p className={`font-bold leading-snug ${large ? "text-3xl" : "text-xl"}`}>{localised(entry.prompt, language)}</p>
          {entry.type === "multiple" ? <p className="text-amber-300">{t("broadcast.presenter.multiple")}</p> : null}
          <ul className={`grid gap-2 ${large ? "text-2xl" : "text-lg"}`}>
            {entry.options.map((option) => (
              <li
                key={option.key}
                data-correct={option.correct ? "true" : "false"}
                className={`flex items-baseline gap-3 rounded px-3 py-1 ${option.correct ? "bg-green-800 font-semibold ring-2 ring-green-300" : "bg-slate-800"}`}
              >
                <span className="font-black">{option.key}</span>
                <span className="flex-1">{localised(option.text, language)}</span>
                {option.correct ? <span>✔ {t("broadcast.display.right")}</span> : null}
                {histogram ? <span className="font-mono">{histogram[option.key] ?? 0}</span> : null}
              </li>
            ))}
          </ul>
          {entry.explanation ? (
            <p className={large ? "text-xl" : "text-base"}>
              <strong>{t("live.display.explanation")}: </strong>
              {localised(entry.explanation, language)}
            </p>
          ) : null}
        </>
      ) : null}
    </article>
  );
}
