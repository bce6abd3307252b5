import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RoundFormFields } from "~/components/contests/round-form-fields";
import { Button, Notice } from "~/components/ui/field";
import { pickedIdsFrom, type PickerState } from "~/contests/question-picker";
import { pickedQuestions } from "~/contests/question-picker.server";
import { roundFormData, updateRoundFromForm } from "~/contests/round-action.server";
import { roundEditState, roundToFormValues } from "~/contests/round-edit";
import { requireManageableRound } from "~/contests/manageable-round.server";
import { formatDateTime } from "~/utils/format";
import { formValues } from "~/utils/forms";
import { useT } from "~/utils/i18n/use-translation";
import "~/utils/i18n/messages/journeys-more";
import { titled, translatorFrom } from "~/utils/page-title";

// Editing or rescheduling a round before it opens; once open, a clear refusal (app/contests/round-edit.ts).

const ROUND_FIELDS = {
  id: true,
  title: true,
  opensAt: true,
  closesAt: true,
  releaseId: true,
  drawRule: true,
  questionCount: true,
  questionAudience: true,
  timeLimitSeconds: true,
  maxAttempts: true,
  audiences: true,
  predictionEnabled: true,
  predictionBasis: true,
  scope: true,
  scopeUnitId: true,
  scopeClass: true,
  createdById: true,
} as const;

const manageableRound = (request: Request, roundId: string | undefined) => requireManageableRound(request, roundId, ROUND_FIELDS);

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titled(matches, data && translatorFrom(matches)("roundEdit.title", { title: data.round.title }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, round } = await manageableRound(request, params.roundId);
  const now = Date.now();
  const state = roundEditState(round, now);
  const form = await roundFormData(user.role !== "teacher");
  const { values, exactRule } = roundToFormValues(round, form.topics.map((topic) => topic.id));
  const picker: PickerState = {
    picked: await pickedQuestions(round.releaseId, pickedIdsFrom(values)),
    results: null,
    query: { q: "", topic: "", difficulty: "" },
  };
  return {
    round: { id: round.id, title: round.title, opensAt: formatDateTime(round.opensAt), closesAt: formatDateTime(round.closesAt), questionCount: round.questionCount },
    state,
    form,
    values,
    exactRule,
    picker,
    isTeacher: user.role === "teacher",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, round } = await manageableRound(request, params.roundId);
  const result = await updateRoundFromForm(user, round, formValues(await request.formData()));
  if (result.ok) throw redirect(`/rounds/${round.id}/results?edited=1`);
  const refused = result.problem?.key === "roundEdit.alreadyOpen";
  return data(result, { status: result.picker.results ? 200 : refused ? 409 : 400 });
}

export default function EditRound() {
  const t = useT();
  const { round, state, form, values, exactRule, picker, isTeacher } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const back = (
    <Link to={`/rounds/${round.id}/results`} className="text-sm text-brand-700 underline">
      ← {round.title}
    </Link>
  );
  if (state !== "editable") {
    return (
      <div className="flex flex-col gap-4">
        {back}
        <h1 className="text-2xl font-bold">{t("roundEdit.title", { title: round.title })}</h1>
        <Notice tone="error">
          {state === "open" ? t("roundEdit.alreadyOpen", { when: round.opensAt }) : t("roundEdit.closedAlready", { when: round.closesAt })}
        </Notice>
      </div>
    );
  }
  const shown = failed?.values ?? values;
  return (
    <div className="flex flex-col gap-4">
      {back}
      <h1 className="text-2xl font-bold">{t("roundEdit.title", { title: round.title })}</h1>
      <p className="text-slate-700">{t("roundEdit.intro", { when: round.opensAt })}</p>
      <section className="rounded-xl bg-white p-4 shadow-sm">
        <Form method="post" className="flex flex-col gap-4" noValidate>
          {failed?.problem ? <Notice tone="error">{t(failed.problem.key, failed.problem.params)}</Notice> : null}
          {failed && Object.keys(failed.errors).length > 0 ? <Notice tone="error">{t("form.fixErrors")}</Notice> : null}
          {!exactRule ? (
            <label className="flex items-start gap-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
              <input type="checkbox" name="keepRule" defaultChecked={failed ? shown.keepRule === "on" : true} className="mt-1" />
              {t("roundEdit.keepRule", { count: round.questionCount })}
            </label>
          ) : null}
          <RoundFormFields
            topics={form.topics}
            releases={form.releases}
            units={isTeacher ? null : form.units}
            values={shown}
            errors={failed?.errors}
            defaults={{ opensAt: values.opensAt, closesAt: values.closesAt }}
            picker={failed?.picker ?? picker}
          />
          <Button type="submit">{t("roundEdit.save")}</Button>
        </Form>
      </section>
    </div>
  );
}
