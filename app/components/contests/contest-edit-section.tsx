import { Form } from "@remix-run/react";
import { Button, Field, Notice } from "~/components/ui/field";
import type { FieldErrors } from "~/utils/forms";
import type { MessageKey, MessageParams } from "~/utils/i18n";
import { useT } from "~/utils/i18n/use-translation";
import "~/utils/i18n/messages/journeys-more";

export type ContestEditOutcome = {
  contestEdit: {
    errors: FieldErrors;
    values: Record<string, string>;
    problem?: { key: MessageKey; params?: MessageParams };
    done?: MessageKey;
  };
};

type Props = {
  contest: { title: string; description: string | null };
  /** When the first round opened ("06/12/2026 17:03"), or null while the contest can still change. */
  openedAt: string | null;
  outcome: ContestEditOutcome["contestEdit"] | null;
};

/** Editing a contest's title and rules, and moving all its rounds, until its first round opens. */
export function ContestEditSection({ contest, openedAt, outcome }: Props) {
  const t = useT();
  const values = outcome?.values ?? {};
  const errors = outcome?.errors ?? {};
  return (
    <details className="rounded-xl bg-white p-4 shadow-sm" open={outcome !== null}>
      <summary className="cursor-pointer font-semibold">{t("contestEdit.title")}</summary>
      <div className="mt-3 flex flex-col gap-4">
        {outcome?.done ? <Notice tone="success">{t(outcome.done)}</Notice> : null}
        {outcome?.problem ? <Notice tone="error">{t(outcome.problem.key, outcome.problem.params)}</Notice> : null}
        {openedAt ? (
          <p className="text-sm text-slate-700">{t("contestEdit.alreadyOpen", { when: openedAt })}</p>
        ) : (
          <>
            <Form method="post" className="flex flex-col gap-3" noValidate>
              <input type="hidden" name="intent" value="edit-contest" />
              <Field
                label={t("contests.field.title")}
                name="title"
                id="contest-edit-title"
                defaultValue={values.title ?? contest.title}
                error={errors.title}
                required
              />
              <Field
                label={t("contests.field.description")}
                name="description"
                id="contest-edit-description"
                defaultValue={values.description ?? contest.description ?? ""}
                error={errors.description}
              />
              <div>
                <Button type="submit">{t("contestEdit.save")}</Button>
              </div>
            </Form>
            <Form method="post" className="flex flex-wrap items-end gap-3" noValidate>
              <input type="hidden" name="intent" value="shift-contest" />
              <Field
                label={t("contestEdit.days")}
                name="days"
                id="contest-shift-days"
                type="number"
                min={-90}
                max={90}
                defaultValue={values.days ?? "7"}
                hint={t("contestEdit.daysHint")}
                error={errors.days}
              />
              <Button type="submit">{t("contestEdit.shift")}</Button>
            </Form>
          </>
        )}
      </div>
    </details>
  );
}
