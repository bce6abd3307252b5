import { Link } from "@remix-run/react";
import type { Glance, GlanceFigure } from "~/stats/dashboard.server";
import { formatNumber, formatPercent } from "~/utils/format";
import type { MessageKey } from "~/utils/i18n";
import { useLanguage, useT } from "~/utils/i18n/use-translation";

const LABELS: Record<GlanceFigure, MessageKey> = {
  participants: "stats.glance.participants",
  attempts: "stats.glance.attempts",
  completionRate: "stats.glance.completionRate",
  averageScore: "stats.glance.averageScore",
  liveGames: "stats.glance.liveGames",
  livePlayers: "stats.glance.livePlayers",
};
const RATES: readonly GlanceFigure[] = ["completionRate", "averageScore"];

/**
 * A role's figures of this year at a glance, from the statistics' counting module
 * (glanceFigures in app/stats/dashboard.server.ts), with a link to the dashboard.
 */
export function GlanceFigures({ glance }: { glance: Glance | null }) {
  const t = useT();
  const language = useLanguage();
  if (!glance) return null;
  return (
    <section className="flex flex-col gap-2" aria-labelledby="glance-title">
      <h2 id="glance-title" className="text-lg font-semibold">
        {t("stats.glance.title", { year: glance.year })}
      </h2>
      <dl className="grid gap-3 sm:grid-cols-3">
        {glance.shown.map((figure) => (
          <div key={figure} className="rounded-lg bg-white p-4 shadow-sm">
            <dt className="text-sm text-slate-600">{t(LABELS[figure])}</dt>
            <dd className="text-3xl font-bold text-brand-900" data-testid={`glance-${figure}`}>
              {RATES.includes(figure) ? formatPercent(glance[figure], language) : formatNumber(glance[figure], language)}
            </dd>
          </div>
        ))}
      </dl>
      <Link to={glance.link} className="self-start text-sm text-brand-700 underline">
        {t("stats.glance.link")}
      </Link>
    </section>
  );
}
