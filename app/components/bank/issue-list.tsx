import type { BankIssue } from "~/bank/issues";
import { Notice } from "~/components/ui/field";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/i18n/use-translation";

/** Problems of an uploaded file, each with its line or row and the field or column it is about. */
export function IssueList({ issues }: { issues: readonly BankIssue[] }) {
  const t = useT();
  return (
    <Notice tone="error">
      <p className="font-semibold">{t("bank.import.errorsTitle", { count: issues.length })}</p>
      <ul className="mt-2 list-disc pl-5">
        {issues.map((issue, index) => {
          const where = [
            issue.line !== undefined ? t("bank.import.line", { line: issue.line }) : null,
            issue.row !== undefined ? t("bank.import.row", { row: issue.row }) : null,
            issue.file ?? null,
            issue.path || null,
          ].filter(Boolean);
          const message = t(`bank.issue.${issue.code}` as MessageKey, issue.params);
          return <li key={index}>{where.length > 0 ? `${where.join(", ")}: ${message}` : message}</li>;
        })}
      </ul>
    </Notice>
  );
}
