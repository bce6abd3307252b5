import { useState } from "react";
import type { PlayerView } from "~/live/player-view";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { localised } from "./localised";
import { optionStyle } from "./option-style";
import { useSecondsLeft } from "./use-live-socket";

/** What a phone shows during the game: one snapshot, rendered for a 360-px screen. */
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
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-brand-900 px-3 py-2 text-white">
        <span className="font-semibold">{me.name}</span>
        <span>{t("live.play.score", { score: me.score })}</span>
      </div>
      {view.paused ? (
        <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-900">
          <p className="font-semibold">{t("live.play.paused")}</p>
          <p className="text-sm">{t(`live.paused.${view.paused}`)}</p>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          {error}
        </p>
      ) : null}
      <PhaseBody view={view} offsetMs={offsetMs} onAnswer={onAnswer} sending={sending} answeredIndex={answeredIndex} />
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
  const seconds = useSecondsLeft(question.deadline, question.remainingMs, view.paused !== null, offsetMs);
  const answered = view.myAnswer !== null || answeredIndex === question.index;
  const multiple = question.type === "multiple";

  if (view.me.eliminated) return <p className="rounded-lg bg-white p-4 text-center shadow-sm">{t("live.play.eliminated")}</p>;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center justify-between text-sm text-slate-600">
        <span>{t("live.play.question", { number: question.index + 1, total: view.questionCount })}</span>
        <span className="rounded-full bg-brand-900 px-3 py-1 text-lg font-bold text-white" aria-live="off">
          {t("live.play.secondsLeft", { seconds })}
        </span>
      </div>
      <h2 className="text-lg font-semibold">{localised(question.prompt, language)}</h2>
      {answered ? (
        <p role="status" className="rounded-lg bg-white p-4 text-center text-lg shadow-sm">
          {t("live.play.sent")}
        </p>
      ) : (
        <>
          {multiple ? <p className="text-sm text-slate-600">{t("live.play.chooseMany")}</p> : null}
          <div className="grid grid-cols-1 gap-3 min-[400px]:grid-cols-2">
            {question.options.map((option) => {
              const style = optionStyle(option.id);
              const selected = chosen.includes(option.id);
              return (
                <button
                  key={option.id}
                  type="button"
                  disabled={sending || view.paused !== null}
                  aria-pressed={multiple ? selected : undefined}
                  aria-label={t("live.play.option", { key: option.id, text: localised(option.text, language) })}
                  onClick={() => {
                    if (!multiple) return onAnswer(question.index, [option.id]);
                    setChosen((current) => (selected ? current.filter((key) => key !== option.id) : [...current, option.id]));
                  }}
                  className={`${style.bg} flex min-h-20 items-center gap-3 rounded-xl px-4 py-3 text-left text-lg font-semibold text-white shadow disabled:opacity-60 ${
                    selected ? "ring-4 ring-slate-900" : ""
                  }`}
                >
                  <span aria-hidden className="text-2xl">
                    {style.shape}
                  </span>
                  <span aria-hidden className="text-2xl font-black">
                    {option.id}
                  </span>
                  <span>{localised(option.text, language)}</span>
                </button>
              );
            })}
          </div>
          {multiple ? (
            <button
              type="button"
              disabled={chosen.length === 0 || sending}
              onClick={() => onAnswer(question.index, [...chosen].sort())}
              className="rounded-lg bg-brand-700 px-4 py-3 text-lg font-semibold text-white disabled:opacity-60"
            >
              {t("live.play.send")}
            </button>
          ) : null}
          {sending ? <p role="status">{t("live.play.sending")}</p> : null}
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
        <div className={`rounded-lg p-5 text-center text-white ${outcome.correct ? "bg-green-600" : "bg-red-600"}`}>
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
