import { Link } from "@remix-run/react";
import type { ShownRound } from "~/contests/home.server";
import { formatDateTime } from "~/utils/format";
import { useT } from "~/utils/i18n/use-translation";

const stateStyle = { open: "bg-green-100 text-green-900", upcoming: "bg-amber-100 text-amber-900", closed: "bg-slate-100 text-slate-700" };

/** One round as a home page lists it: title, state, scope, when, and whatever the page adds below. */
export function RoundCard({ round, href, children }: { round: ShownRound; href: string; children?: React.ReactNode }) {
  const t = useT();
  return (
    <li className="flex flex-col gap-1 rounded-lg bg-white p-3 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <Link to={href} className="font-semibold text-brand-700 underline">
          {round.contestTitle ? `${round.contestTitle} — ` : ""}
          {round.title}
        </Link>
        <span className={`rounded px-2 py-0.5 text-xs ${stateStyle[round.state]}`}>{t(`rounds.state.${round.state}`)}</span>
      </div>
      <p className="text-sm text-slate-600">
        {t(`rounds.scope.${round.scope}`)}
        {round.scopeUnit ? ` · ${round.scopeUnit}` : ""}
        {round.scopeClass ? ` · ${t("rounds.classShort", { name: round.scopeClass })}` : ""} ·{" "}
        {round.state === "upcoming"
          ? t("journeys.home.opensAt", { when: formatDateTime(round.opensAt) })
          : t("journeys.home.deadline", { when: formatDateTime(round.closesAt) })}
      </p>
      {children}
    </li>
  );
}
