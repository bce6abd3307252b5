import { useState } from "react";
import type { PlayerView } from "~/live/player-view";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { localised } from "./localised";
import { optionStyle } from "./option-style";
import { useSecondsLeft } from "./use-live-socket";

/**
 * What a phone shows during the game: one snapshot, laid out to fill one 360×640 screen without
 * scrolling. The full question is on the TV; the phone keeps a short line (tap to expand), the
 * timer in the top bar and the answer buttons sharing the rest of the height.
 */
export function PlayerScreen({
  view,
  offsetMs,
  onAnswer,
  sending,
  error,
  answeredIndex,
}: {
  view: PlayerView;
  offsetMs: number;
  onAnswer: (questionIndex: number, keys: string[]) => void;
  sending: boolean;
  error: string | null;
  /** The question this phone's answer was acknowledged for, before any new snapshot says so. */
  answeredIndex: number | null;
}) {
  const t = useT();
  const me = view.me;
  return (
    <div className="flex h-[100dvh] flex-col gap-2 p-2">
      <div className="flex shrink-0 items-center justify-between gap-2 rounded-lg bg-brand-900 px-3 py-1.5 text-white">
        <span className="truncate font-semibold">{me.name}</span>
        <span className="shrink-0">{t("live.play.score", { score: me.score })}</span>
      </div>
      {view.paused ? (
        <div role="status" className="shrink-0 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          <p className="font-semibold">{t("live.play.paused")}</p>
          <p className="text-sm">{t(`live.paused.${view.paused}`)}</p>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="shrink-0 rounded border border-red-300 bg-red-50 px-3 py-1.5 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <div className="flex min-h-0 flex-1 flex-col overflow-y-auto">
        <PhaseBody view={view} offsetMs={offsetMs} onAnswer={onAnswer} sending={sending} answeredIndex={answeredIndex} />
      </div>
    </div>
  );
}

type BodyProps = {
  view: PlayerView;
  offsetMs: number;
  onAnswer: (questionIndex: number, keys: string[]) => void;
  sending: boolean;
  answeredIndex: number | null;
};

function PhaseBody({ view, offsetMs, onAnswer, sending, answeredIndex }: BodyProps) {
  const t = useT();
  const me = view.me;
  switch (view.phase) {
    case "lobby":
      return (
        <div className="rounded-lg bg-white p-6 text-center shadow-sm">
          <p className="text-xl font-semibold">{t("live.play.waiting")}</p>
          <p className="mt-2 text-slate-600">{t("live.play.you", { name: me.name })}</p>
        </div>
      );
    case "countdown":
      return (
        <div className="rounded-lg bg-white p-6 text-center shadow-sm">
          <p className="text-2xl font-bold">
            {t("live.play.getReady", { number: (view.countdown?.questionIndex ?? 0) + 1, total: view.questionCount })}
          </p>
        </div>
      );
    case "question":
      return (
        <QuestionBody key={view.question?.index} view={view} offsetMs={offsetMs} onAnswer={onAnswer} sending={sending} answeredIndex={answeredIndex} />
      );
    case "reveal":
      return <RevealBody view={view} />;
    case "leaderboard":
      return <Standing view={view} />;
    case "podium":
    case "ended":
      return (
        <div className="flex flex-col gap-3">
          <p className="rounded-lg bg-white p-4 text-center text-xl font-semibold shadow-sm">{t("live.play.over")}</p>
          <Standing view={view} />
        </div>
      );
  }
}

function QuestionBody({ view, offsetMs, onAnswer, sending, answeredIndex }: BodyProps) {
  const t = useT();
  const language = useLanguage();
  const question = view.question!;
  const [chosen, setChosen] = useState<string[]>([]);
  const [expanded, setExpanded] = useState(false);
  const seconds = useSecondsLeft(question.deadline, question.remainingMs, view.paused !== null, offsetMs);
  const answered = view.myAnswer !== null || answeredIndex === question.index;
  const multiple = question.type === "multiple";
  const prompt = localised(question.prompt, language);

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      <div className="flex shrink-0 items-center justify-between text-sm text-slate-600">
        <span>{t("live.play.question", { number: question.index + 1, total: view.questionCount })}</span>
        <span data-testid="play-timer" className="rounded-full bg-brand-900 px-3 py-0.5 text-lg font-bold text-white" aria-live="off">
          {t("live.play.secondsLeft", { seconds })}
        </span>
      </div>
      {/* A short line; the whole question is read on the TV. Tapping it shows the rest. */}
      <button
        type="button"
        aria-expanded={expanded}
        title={expanded ? t("journeys.play.hideQuestion") : t("journeys.play.showQuestion")}
        onClick={() => setExpanded((value) => !value)}
        className={`shrink-0 text-left text-base font-semibold leading-snug ${expanded ? "max-h-[40dvh] overflow-y-auto" : "line-clamp-2"}`}
      >
        {prompt}
      </button>
      {view.me.eliminated ? (
        <p className="rounded-lg bg-white p-4 text-center shadow-sm">{t("live.play.eliminated")}</p>
      ) : answered ? (
        <p role="status" className="rounded-lg bg-white p-4 text-center text-lg shadow-sm">
          {t("live.play.sent")}
        </p>
      ) : (
        <>
          {multiple ? <p className="shrink-0 text-xs text-slate-600">{t("live.play.chooseMany")}</p> : null}
          <div
            className={`grid min-h-0 flex-1 auto-rows-fr gap-2 overflow-y-auto ${
              question.options.length === 4 ? "grid-cols-2" : "grid-cols-1"
            }`}
          >
            {question.options.map((option) => {
              const style = optionStyle(option.id);
              const selected = chosen.includes(option.id);
              const text = localised(option.text, language);
              return (
                <button
                  key={option.id}
                  type="button"
                  disabled={sending || view.paused !== null}
                  aria-pressed={multiple ? selected : undefined}
                  aria-label={t("live.play.option", { key: option.id, text })}
                  onClick={() => {
                    if (!multiple) return onAnswer(question.index, [option.id]);
                    setChosen((current) => (selected ? current.filter((key) => key !== option.id) : [...current, option.id]));
                  }}
                  className={`${style.bg} flex min-h-12 items-center gap-2 rounded-xl px-3 py-1.5 text-left font-semibold text-white shadow disabled:opacity-60 ${
                    selected ? "ring-4 ring-slate-900" : ""
                  }`}
                >
                  <span aria-hidden className="shrink-0 text-xl">
                    {style.shape}
                  </span>
                  <span aria-hidden className="shrink-0 text-xl font-black">
                    {option.id}
                  </span>
                  <span className="line-clamp-3 text-sm leading-snug min-[380px]:text-base">{text}</span>
                </button>
              );
            })}
          </div>
          {multiple ? (
            <button
              type="button"
              disabled={chosen.length === 0 || sending}
              onClick={() => onAnswer(question.index, [...chosen].sort())}
              className="shrink-0 rounded-lg bg-brand-700 px-4 py-3 text-lg font-semibold text-white disabled:opacity-60"
            >
              {t("live.play.send")}
            </button>
          ) : null}
          {sending ? (
            <p role="status" className="shrink-0 text-sm">
              {t("live.play.sending")}
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}

function RevealBody({ view }: { view: PlayerView }) {
  const t = useT();
  const language = useLanguage();
  const outcome = view.myOutcome;
  const result = view.result;
  return (
    <div className="flex flex-col gap-3">
      {outcome ? (
        <div className={`rounded-lg p-5 text-center text-white ${outcome.correct ? "bg-green-700" : "bg-red-600"}`}>
          <p className="text-2xl font-bold">
            {outcome.correct ? t("live.play.correct") : outcome.answered ? t("live.play.wrong") : t("live.play.noAnswer")}
          </p>
          {outcome.correct ? <p className="text-xl">{t("live.play.points", { points: outcome.points })}</p> : null}
          {outcome.eliminatedNow ? <p className="mt-2">{t("live.play.eliminatedNow")}</p> : null}
          {outcome.rescued ? <p className="mt-2">{t("live.play.rescued")}</p> : null}
        </div>
      ) : null}
      {result ? (
        <p className="rounded-lg bg-white p-3 shadow-sm">{t("live.play.rightAnswer", { keys: result.correctOptionIds.join(", ") })}</p>
      ) : null}
      {result?.explanation ? <p className="text-sm text-slate-700">{localised(result.explanation, language)}</p> : null}
      <Standing view={view} />
    </div>
  );
}

function Standing({ view }: { view: PlayerView }) {
  const t = useT();
  const me = view.me;
  return (
    <div className="rounded-lg bg-white p-4 text-center shadow-sm">
      <p className="text-xl font-bold">{t("live.play.rank", { rank: me.rank, count: me.playerCount })}</p>
      <p>{t("live.play.score", { score: me.score })}</p>
      {me.streak > 1 ? <p className="text-sm text-slate-600">{t("live.play.streak", { count: me.streak })}</p> : null}
      {me.team ? <p className="text-sm text-slate-600">{t("live.play.team", { name: me.team.name, rank: me.team.rank })}</p> : null}
      {me.eliminated && view.phase !== "reveal" ? <p className="text-sm text-slate-600">{t("live.play.eliminated")}</p> : null}
    </div>
  );
}
