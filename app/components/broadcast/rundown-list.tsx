import { previewView, type DraftEntry, type PreviewGame } from "~/live/rundown";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { localised } from "../live/localised";
import { DisplayFrame } from "./display-frame";

const PLAIN_DISPLAY = { overlay: false, layout: "full", keyColour: null, soundCues: false } as const;

/**
 * The rundown inside the new-game form: each question in air order with its right answer, buttons
 * that submit the form with a rundown step (so it all works before JavaScript), and a preview of
 * the question exactly as the display will show it.
 */
export function RundownList({ entries, game, title }: { entries: DraftEntry[]; game: PreviewGame; title: string }) {
  const t = useT();
  const language = useLanguage();
  const button = "rounded border border-slate-400 bg-white px-2 py-1 text-sm disabled:opacity-40";
  return (
    <section aria-labelledby="rundown-title" className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-4">
      <h2 id="rundown-title" className="text-xl font-bold">
        {t("broadcast.rundown.title", { count: entries.length })}
      </h2>
      <p className="text-sm text-slate-600">{t("broadcast.rundown.intro")}</p>
      <ol className="flex flex-col gap-3">
        {entries.map((entry) => {
          const number = entry.index + 1;
          const right = entry.options
            .filter((option) => option.correct)
            .map((option) => `${option.key}. ${localised(option.text, language)}`)
            .join(" · ");
          return (
            <li key={`${entry.questionId}-${entry.index}`} className="flex flex-col gap-2 border-t border-slate-200 pt-3" data-testid="rundown-entry">
              <div className="flex flex-wrap items-baseline gap-x-3">
                <strong>{t("broadcast.rundown.number", { number })}</strong>
                <span className="font-mono text-xs text-slate-500">{entry.questionId}</span>
                <span className="text-xs text-slate-500">{t("broadcast.rundown.difficulty", { level: t(`live.new.difficulty.${entry.difficulty as "easy" | "medium" | "hard"}`) })}</span>
              </div>
              <p>{localised(entry.prompt, language)}</p>
              <p className="text-sm text-green-800">{t("broadcast.rundown.rightAnswer", { answer: right })}</p>
              <div className="flex flex-wrap gap-2">
                <button type="submit" name="intent" value={`move-up:${entry.index}`} className={button} disabled={entry.index === 0} aria-label={t("broadcast.rundown.moveUp", { number })}>
                  ↑
                </button>
                <button
                  type="submit"
                  name="intent"
                  value={`move-down:${entry.index}`}
                  className={button}
                  disabled={entry.index === entries.length - 1}
                  aria-label={t("broadcast.rundown.moveDown", { number })}
                >
                  ↓
                </button>
                <button type="submit" name="intent" value={`swap:${entry.index}`} className={button} aria-label={t("broadcast.rundown.swapNamed", { number })}>
                  {t("broadcast.rundown.swap")}
                </button>
              </div>
              <details>
                <summary className="cursor-pointer text-sm text-brand-700 underline">{t("broadcast.rundown.preview")}</summary>
                <div className="mt-2 max-w-3xl">
                  <DisplayFrame
                    preview
                    view={previewView(game, entry)}
                    game={{ id: game.gameId, token: "", title, pin: t("broadcast.rundown.pinLater"), joinUrl: "", joinHost: "", qrSvg: "" }}
                    look={PLAIN_DISPLAY}
                    offsetMs={0}
                  />
                </div>
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
