import type { DiffSegment, RevisionDiff } from "~/bank/revision-diff";
import { useT } from "~/utils/i18n/use-translation";

/**
 * Two revisions side by side, one row per field that differs, words that changed highlighted
 * (struck out on the old side, marked on the new). Unchanged fields fold away.
 */
export function RevisionDiffView({ diff, fromLabel, toLabel }: { diff: RevisionDiff; fromLabel: string; toLabel: string }) {
  const t = useT();
  const changed = diff.fields.filter((field) => field.kind !== "unchanged");
  const unchanged = diff.fields.filter((field) => field.kind === "unchanged");
  if (!diff.changed) return <p className="text-slate-600">{t("bank.diff.unchanged")}</p>;
  return (
    <div className="flex flex-col gap-2">
      <div className="overflow-x-auto">
        <table className="w-full table-fixed border-collapse text-left text-sm">
          <thead>
            <tr className="border-b">
              <th scope="col" className="w-28 py-1 pr-2 sm:w-36">
                {t("bank.diff.field")}
              </th>
              <th scope="col" className="py-1 pr-2">
                {fromLabel}
              </th>
              <th scope="col" className="py-1">
                {toLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {changed.map((field) => (
              <tr key={field.path} className="border-b border-slate-100 align-top">
                <th scope="row" className="break-words py-1 pr-2 font-mono text-xs font-normal text-slate-600">
                  {field.path}
                </th>
                <td className="whitespace-pre-wrap break-words py-1 pr-2">
                  <Segments segments={field.before} side="before" />
                </td>
                <td className="whitespace-pre-wrap break-words py-1">
                  <Segments segments={field.after} side="after" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {unchanged.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-600">{t("bank.diff.showUnchanged", { count: unchanged.length })}</summary>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            {unchanged.map((field) => (
              <div key={field.path} className="contents">
                <dt className="font-mono text-xs text-slate-500">{field.path}</dt>
                <dd className="whitespace-pre-wrap break-words">{field.after.map((segment) => segment.text).join("")}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </div>
  );
}

function Segments({ segments, side }: { segments: DiffSegment[]; side: "before" | "after" }) {
  return (
    <>
      {segments.map((segment, index) =>
        !segment.changed ? (
          <span key={index}>{segment.text}</span>
        ) : side === "before" ? (
          <del key={index} className="bg-red-100 text-red-900">
            {segment.text}
          </del>
        ) : (
          <ins key={index} className="bg-green-100 text-green-900 no-underline">
            {segment.text}
          </ins>
        ),
      )}
    </>
  );
}
