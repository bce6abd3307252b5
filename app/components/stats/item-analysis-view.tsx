import { Form, Link } from "@remix-run/react";
import type { ItemFlag } from "~/stats/item-analysis";
import { formatNumber, formatPercent } from "~/utils/format";
import type { Language, Translate } from "~/utils/i18n";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { Button } from "~/components/ui/field";

export const optionLetter = (index: number) => String.fromCharCode(65 + index);

export function flagText(flag: ItemFlag, t: Translate): string {
  return flag.kind === "negative-discrimination" ? t("itemFlag.negative-discrimination") : t(`itemFlag.${flag.kind}`, { option: optionLetter(flag.option) });
}

export function signed(value: number | null, language: Language): string {
  return value === null ? "—" : formatNumber(Math.round(value * 100) / 100, language);
}

type Row = {
  questionId: string;
  revisionId: string;
  revisionNumber: number;
  topic: string;
  responses: number;
  correct: number;
  difficulty: number;
  pointBiserial: number | null;
  discrimination: number | null;
  options: { option: number; correct: boolean; chosen: number; share: number | null }[];
  medianMs: number | null;
  flags: ItemFlag[];
};

export type ItemPageProps = {
  title: string;
  intro: string;
  filter: { contest: string; round: string; source: string; flagged: string };
  rounds: { id: string; title: string }[];
  contests: { id: string; title: string }[];
  topics: { id: string; vi: string; en: string }[];
  total: number;
  flaggedCount: number;
  minResponses: number;
  rows: Row[];
};

export function ItemAnalysisView(props: ItemPageProps) {
  const t = useT();
  const language = useLanguage();
  const topicName = (id: string) => props.topics.find((topic) => topic.id === id)?.[language] ?? id;
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-2xl font-bold">{props.title}</h1>
      <p className="text-slate-700">{props.intro}</p>
      <Form method="get" className="flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 shadow-sm" aria-label={t("itemAnalysis.filter")}>
        {props.contests.length > 0 ? (
          <label className="flex flex-col gap-1 text-sm">
            {t("itemAnalysis.contest")}
            <select name="contest" defaultValue={props.filter.contest} className="rounded border border-slate-300 px-2 py-1">
              <option value="">{t("itemAnalysis.any")}</option>
              {props.contests.map((contest) => (
                <option key={contest.id} value={contest.id}>
                  {contest.title}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="flex flex-col gap-1 text-sm">
          {t("itemAnalysis.round")}
          <select name="round" defaultValue={props.filter.round} className="rounded border border-slate-300 px-2 py-1">
            <option value="">{t("itemAnalysis.any")}</option>
            {props.rounds.map((round) => (
              <option key={round.id} value={round.id}>
                {round.title}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("itemAnalysis.source")}
          <select name="source" defaultValue={props.filter.source} className="rounded border border-slate-300 px-2 py-1">
            <option value="all">{t("itemAnalysis.source.all")}</option>
            <option value="rounds">{t("itemAnalysis.source.rounds")}</option>
            <option value="live">{t("itemAnalysis.source.live")}</option>
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="flagged" value="1" defaultChecked={props.filter.flagged === "1"} />
          {t("itemAnalysis.flaggedOnly")}
        </label>
        <Button type="submit">{t("itemAnalysis.filter")}</Button>
      </Form>
      <p className="text-sm text-slate-600">{t("itemAnalysis.help", { min: props.minResponses })}</p>
      {props.total === 0 ? (
        <p>{t("itemAnalysis.none")}</p>
      ) : (
        <>
          <p>{t("itemAnalysis.count", { count: props.total, flagged: props.flaggedCount })}</p>
          <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-100">
                <tr>
                  <th className="p-2">{t("itemAnalysis.question")}</th>
                  <th className="p-2">{t("itemAnalysis.topic")}</th>
                  <th className="p-2 text-right">{t("itemAnalysis.responses")}</th>
                  <th className="p-2 text-right">{t("itemAnalysis.correct")}</th>
                  <th className="p-2 text-right">{t("itemAnalysis.pointBiserial")}</th>
                  <th className="p-2 text-right">{t("itemAnalysis.discrimination")}</th>
                  <th className="p-2">{t("itemAnalysis.options")}</th>
                  <th className="p-2 text-right">{t("itemAnalysis.medianTime")}</th>
                  <th className="p-2">{t("itemAnalysis.flags")}</th>
                </tr>
              </thead>
              <tbody>
                {props.rows.map((row) => (
                  <tr key={row.revisionId} className={`border-t border-slate-100 ${row.flags.length > 0 ? "bg-amber-50" : ""}`} data-question={row.questionId}>
                    <td className="p-2">
                      <Link to={`/bank/${row.questionId}`} className="font-mono text-brand-700 underline">
                        {row.questionId}
                      </Link>
                      <div className="text-xs text-slate-500">{t("itemAnalysis.revision", { number: row.revisionNumber })}</div>
                    </td>
                    <td className="p-2">{topicName(row.topic)}</td>
                    <td className="p-2 text-right">{formatNumber(row.responses, language)}</td>
                    <td className="p-2 text-right">{formatPercent(row.difficulty, language)}</td>
                    <td className="p-2 text-right">{signed(row.pointBiserial, language)}</td>
                    <td className="p-2 text-right">{signed(row.discrimination, language)}</td>
                    <td className="p-2">
                      <ul className="flex flex-wrap gap-2">
                        {row.options.map((option) => (
                          <li key={option.option} className={option.correct ? "font-semibold text-emerald-700" : ""}>
                            {optionLetter(option.option)}
                            {option.correct ? "✓" : ""} {formatPercent(option.share, language)}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className="p-2 text-right">
                      {row.medianMs === null ? "—" : t("itemAnalysis.seconds", { value: formatNumber(Math.round(row.medianMs / 100) / 10, language) })}
                    </td>
                    <td className="p-2">
                      <ul>
                        {row.flags.map((flag, index) => (
                          <li key={index} className="text-amber-800">
                            {flagText(flag, t)}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
