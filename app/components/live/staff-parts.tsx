import type { LeaderRow, StaffView } from "~/live/player-view";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { localised } from "./localised";
import { optionStyle } from "./option-style";

/** Pieces shared by the host console and the display screen. */

export function Histogram({ view, large = false }: { view: StaffView; large?: boolean }) {
  const language = useLanguage();
  const t = useT();
  const question = view.question;
  const result = view.result;
  if (!question || !result) return null;
  const most = Math.max(1, ...Object.values(result.histogram));
  return (
    <div className="flex flex-col gap-2">
      {question.options.map((option) => {
        const count = result.histogram[option.id] ?? 0;
        const correct = result.correctOptionIds.includes(option.id);
        const style = optionStyle(option.id);
        return (
          <div key={option.id} className={`flex items-center gap-3 ${correct ? "" : "opacity-60"}`}>
            <span className={`${style.bg} inline-flex min-w-16 items-center justify-center gap-1 rounded px-2 py-1 font-black text-white ${large ? "text-3xl" : ""}`}>
              <span aria-hidden>{style.shape}</span> {option.id}
            </span>
            <div className="flex-1">
              <div className={large ? "text-4xl" : "text-sm"}>
                {correct ? "✔ " : ""}
                {localised(option.text, language)}
              </div>
              <div className={`${style.bg} ${large ? "h-10" : "h-3"} rounded`} style={{ width: `${(count / most) * 100}%`, minWidth: "4px" }} />
            </div>
            <span className={`w-20 text-right font-bold ${large ? "text-5xl" : ""}`}>{count}</span>
          </div>
        );
      })}
      <p className={large ? "text-3xl" : "text-sm text-slate-600"}>
        {t("live.display.correctCount", { count: result.correctCount })}
        {result.eliminatedCount > 0 ? ` · ${t("live.display.eliminatedCount", { count: result.eliminatedCount })}` : ""}
      </p>
    </div>
  );
}

export function Leaderboard({
  rows,
  large = false,
  onKick,
}: {
  rows: LeaderRow[];
  large?: boolean;
  onKick?: (row: LeaderRow) => void;
}) {
  const t = useT();
  return (
    <ol className="flex flex-col gap-1">
      {rows.map((row) => (
        <li
          key={row.playerId}
          className={`flex items-center gap-3 rounded px-3 py-1 ${large ? "bg-white/10 text-3xl" : "bg-white shadow-sm"} ${row.eliminated ? "opacity-60" : ""}`}
        >
          <span className="w-10 font-bold">{row.rank}</span>
          <span className="flex-1">
            {row.name}
            {row.unitName ? <span className={`ml-2 ${large ? "text-xl opacity-80" : "text-xs text-slate-500"}`}>{row.unitName}</span> : null}
          </span>
          <span className="font-bold">{row.score}</span>
          {onKick ? (
            <button type="button" className="text-xs text-red-700 underline" aria-label={t("live.host.kickNamed", { name: row.name })} onClick={() => onKick(row)}>
              {t("live.host.kick")}
            </button>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function Podium({ rows, large = false }: { rows: LeaderRow[]; large?: boolean }) {
  const order = [rows[1], rows[0], rows[2]].filter(Boolean);
  const heights: Record<number, string> = { 1: large ? "h-64" : "h-28", 2: large ? "h-48" : "h-20", 3: large ? "h-36" : "h-14" };
  return (
    <div className="flex items-end justify-center gap-4">
      {order.map((row) => (
        <div key={row.playerId} className="flex w-1/3 max-w-xs flex-col items-center gap-2">
          <span className={`font-bold ${large ? "text-4xl" : "text-lg"}`}>{row.name}</span>
          {row.unitName ? <span className={large ? "text-xl opacity-80" : "text-xs text-slate-500"}>{row.unitName}</span> : null}
          <span className={large ? "text-3xl" : "text-sm"}>{row.score}</span>
          <div
            className={`${heights[row.rank] ?? heights[3]} flex w-full items-start justify-center rounded-t bg-asean-yellow pt-2 font-black text-brand-900 ${large ? "text-6xl" : "text-2xl"}`}
          >
            {row.rank}
          </div>
        </div>
      ))}
    </div>
  );
}
