import { Link } from "@remix-run/react";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { formatDateTime } from "./format";
import "~/utils/i18n/messages/journeys-more";

export type RoundListItem = { id: string; title: string; code: string; opensAt: string; closesAt: string; questionCount: number; attempts: number };

/** Rounds with their window and a link to their results, for organizers and teachers. */
export function RoundList({ rounds, now }: { rounds: RoundListItem[]; now: number }) {
  const t = useT();
  const language = useLanguage();
  if (rounds.length === 0) return <p className="text-slate-600">{t("rounds.none")}</p>;
  return (
    <ul className="flex flex-col gap-2">
      {rounds.map((round) => {
        const opens = Date.parse(round.opensAt);
        const closes = Date.parse(round.closesAt);
        const state = now < opens ? "upcoming" : now < closes ? "open" : "closed";
        return (
          <li key={round.id} className="rounded-lg bg-white p-3 shadow-sm">
            <Link to={`/rounds/${round.id}/results`} className="font-semibold text-brand-700 underline">
              {round.title}
            </Link>{" "}
            <span className="rounded bg-slate-100 px-2 py-0.5 text-xs">{t(`rounds.state.${state}`)}</span>
            {state === "upcoming" ? (
              <Link to={`/rounds/${round.id}/edit`} className="ml-2 text-sm text-brand-700 underline" aria-label={`${t("roundEdit.link")} — ${round.title}`}>
                {t("roundEdit.link")}
              </Link>
            ) : null}
            <p className="text-sm text-slate-600">
              {formatDateTime(opens, language)} – {formatDateTime(closes, language)} · {t("rounds.questionCount", { count: round.questionCount })} ·{" "}
              {t("rounds.attemptCount", { count: round.attempts })} · {t("rounds.code")}: <span className="font-mono">{round.code}</span>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
