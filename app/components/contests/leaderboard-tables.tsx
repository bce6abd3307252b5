import { Link } from "@remix-run/react";
import type { PublicRankedParticipant, UnitStanding } from "~/stats/leaderboards";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { formatNumber, formatPercent } from "./format";

const rankText = (rank: number | null, tied: boolean) => (rank === null ? "—" : tied ? `${rank}=` : String(rank));

export function IndividualsTable({ rows }: { rows: PublicRankedParticipant[] }) {
  const t = useT();
  if (rows.length === 0) return <p className="text-slate-600">{t("boards.empty")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full bg-white text-sm">
        <thead>
          <tr className="text-left">
            <th className="p-2">{t("roundResults.col.rank")}</th>
            <th className="p-2">{t("roundResults.col.name")}</th>
            <th className="p-2">{t("roundResults.col.unit")}</th>
            <th className="p-2">{t("roundResults.col.correct")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index} className="border-t border-slate-100">
              <td className="p-2">{rankText(row.rank, row.tied)}</td>
              <td className="p-2">{row.displayName}</td>
              <td className="p-2">{row.schoolName ?? "—"}</td>
              <td className="p-2">{row.score}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function UnitsTable({ rows, linkSchools }: { rows: UnitStanding[]; linkSchools?: boolean }) {
  const t = useT();
  const language = useLanguage();
  const shown = rows.filter((row) => row.participants > 0);
  if (shown.length === 0) return <p className="text-slate-600">{t("boards.empty")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full bg-white text-sm">
        <thead>
          <tr className="text-left">
            <th className="p-2">{t("roundResults.col.rank")}</th>
            <th className="p-2">{t("boards.col.unit")}</th>
            <th className="p-2">{t("boards.col.participants")}</th>
            <th className="p-2">{t("boards.col.rate")}</th>
            <th className="p-2">{t("boards.col.average")}</th>
            <th className="p-2">{t("boards.col.best")}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.unitId} className="border-t border-slate-100">
              <td className="p-2">{rankText(row.rank, row.tied)}</td>
              <td className="p-2">
                {linkSchools ? (
                  <Link to={`/leaderboard/school/${row.unitId}`} className="text-brand-700 underline">
                    {row.unitName}
                  </Link>
                ) : (
                  row.unitName
                )}
              </td>
              <td className="p-2">{row.participants}</td>
              <td className="p-2">{formatPercent(row.participationRate, language)}</td>
              <td className="p-2">{formatNumber(row.averageScore, language)}</td>
              <td className="p-2">{row.bestScorers.map((scorer) => `${scorer.displayName} (${scorer.score})`).join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
