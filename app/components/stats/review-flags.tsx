import { Link } from "@remix-run/react";
import type { ItemFlag } from "~/stats/item-analysis";
import { formatNumber, formatPercent } from "~/utils/format";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { flagText, signed } from "./item-analysis-view";

export type FlaggedRevision = { revisionNumber: number; responses: number; difficulty: number; pointBiserial: number | null; flags: ItemFlag[] };

/** What item analysis found wrong with a question's revisions, on the bank question page. */
export function ReviewFlags({ revisions, analysisLink }: { revisions: FlaggedRevision[]; analysisLink: string | null }) {
  const t = useT();
  const language = useLanguage();
  if (revisions.length === 0) return null;
  return (
    <section className="rounded-xl border border-amber-300 bg-amber-50 p-4" aria-label={t("bankFlags.title")}>
      <h2 className="font-semibold text-amber-900">{t("bankFlags.title")}</h2>
      <ul className="mt-2 flex flex-col gap-1 text-sm">
        {revisions.map((revision) => (
          <li key={revision.revisionNumber}>
            {t("bankFlags.row", {
              number: revision.revisionNumber,
              responses: formatNumber(revision.responses, language),
              correct: formatPercent(revision.difficulty, language),
              r: signed(revision.pointBiserial, language),
            })}{" "}
            {revision.flags.map((flag) => flagText(flag, t)).join("; ")}.
          </li>
        ))}
      </ul>
      {analysisLink ? (
        <Link to={analysisLink} className="mt-2 inline-block text-sm text-brand-700 underline">
          {t("itemAnalysis.title")}
        </Link>
      ) : null}
    </section>
  );
}
