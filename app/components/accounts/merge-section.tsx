import { Form } from "@remix-run/react";
import type { AccountSummary } from "~/accounts/merge-accounts.server";
import { ConfirmButton, ConfirmStep } from "~/components/ui/confirm";
import { Button, Field, Notice } from "~/components/ui/field";
import type { MessageKey, MessageParams } from "~/utils/i18n";
import { useT } from "~/utils/i18n/use-translation";
import "~/utils/i18n/messages/journeys-more";

export type MergeOutcome = {
  merge: {
    duplicate: string;
    preview?: { keep: AccountSummary; duplicate: AccountSummary; sharedRounds: number };
    /** No JavaScript: the action asks once more before merging. */
    confirmStep?: boolean;
    problem?: { key: MessageKey; params?: MessageParams };
    done?: { movedAttempts: number; renumberedRounds: number; duplicate: string };
  };
};

/** Merging a duplicate account into the one on the page: name it, see both, confirm the consequence. */
export function MergeSection({ userId, username, outcome }: { userId: string; username: string; outcome: MergeOutcome["merge"] | null }) {
  const t = useT();
  const preview = outcome?.preview;
  const consequence = preview
    ? t("merge.consequence", {
        duplicate: preview.duplicate.username,
        keep: preview.keep.username,
        attempts: preview.duplicate.attempts,
        shared: preview.sharedRounds,
      })
    : "";
  const card = (label: string, account: AccountSummary) => (
    <div className="rounded border border-slate-200 p-3 text-sm">
      <p className="font-semibold">{label}</p>
      <p>
        {account.displayName} · <span className="font-mono">{account.username}</span>
      </p>
      <p className="text-slate-600">
        {[account.unitName, account.className ? t("rounds.classShort", { name: account.className }) : null, account.birthYear]
          .filter(Boolean)
          .join(" · ") || "—"}
      </p>
      <p>{t("merge.attempts", { count: account.attempts })}</p>
    </div>
  );
  return (
    <section className="flex flex-col gap-3 rounded-xl bg-white p-5 shadow-sm" aria-labelledby="merge-title">
      <h2 id="merge-title" className="text-lg font-semibold">
        {t("merge.title")}
      </h2>
      <p className="text-sm text-slate-700">{t("merge.intro", { keep: username })}</p>
      {outcome?.done ? (
        <Notice tone="success">
          {t("merge.done", { duplicate: outcome.done.duplicate, keep: username, attempts: outcome.done.movedAttempts, rounds: outcome.done.renumberedRounds })}
        </Notice>
      ) : null}
      {outcome?.problem ? <Notice tone="error">{t(outcome.problem.key, outcome.problem.params)}</Notice> : null}
      <Form method="post" className="flex flex-wrap items-end gap-2" noValidate>
        <input type="hidden" name="intent" value="merge-preview" />
        <Field label={t("merge.duplicate")} name="duplicate" id="merge-duplicate" defaultValue={outcome?.done ? "" : (outcome?.duplicate ?? "")} />
        <Button type="submit">{t("merge.preview")}</Button>
      </Form>
      {preview ? (
        <div className="flex flex-col gap-3">
          <div className="grid gap-3 sm:grid-cols-2">
            {card(t("merge.keepCard"), preview.keep)}
            {card(t("merge.duplicateCard"), preview.duplicate)}
          </div>
          {outcome?.confirmStep ? (
            <ConfirmStep
              message={consequence}
              fields={{ intent: "merge", duplicate: preview.duplicate.username }}
              confirmLabel={t("merge.confirmYes")}
              cancelHref={`/admin/users/${userId}`}
            />
          ) : (
            <Form method="post">
              <input type="hidden" name="duplicate" value={preview.duplicate.username} />
              <ConfirmButton value="merge" className="bg-red-700 hover:bg-red-600" message={consequence} confirmLabel={t("merge.confirmYes")}>
                {t("merge.submit")}
              </ConfirmButton>
            </Form>
          )}
        </div>
      ) : null}
    </section>
  );
}
