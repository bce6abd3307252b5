import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useRevalidator, type ShouldRevalidateFunction } from "@remix-run/react";
import { useCallback, useState } from "react";
import { isAcceptedAutosave } from "~/contests/autosave";
import { Countdown } from "~/components/contests/countdown";
import { ConfirmButton, ConfirmStep, isConfirmed } from "~/components/ui/confirm";
import { Button, Notice } from "~/components/ui/field";
import { ANSWER_GRACE_MS } from "~/contests/attempt";
import {
  attemptView,
  moveToQuestion,
  saveAttemptAnswer,
  saveAttemptPrediction,
  submitOwnAttempt,
  type WriteOutcome,
} from "~/contests/attempts.server";
import { requireUser } from "~/utils/auth.server";
import type { MessageKey } from "~/utils/i18n";
import { getLanguage } from "~/utils/i18n/language.server";
import { useT } from "~/utils/i18n/use-translation";
import { titled } from "~/utils/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titled(matches, data?.roundTitle);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const q = new URL(request.url).searchParams.get("q");
  const requested = q !== null && /^\d{1,3}$/.test(q) ? Number(q) - 1 : null;
  const view = await attemptView(params.attemptId ?? "", user.id, Date.now(), await getLanguage(request), requested);
  if (!view || view.roundId !== params.roundId) throw new Response("Not found", { status: 404 });
  if (view.status !== "in-progress") throw redirect(`/rounds/${view.roundId}`);
  if (requested !== null) await moveToQuestion(view.attemptId, user.id, view.index, view.storedIndex);
  return view;
}

// The autosave needs no reload: the page marks the question answered itself (app/contests/autosave.ts).
export const shouldRevalidate: ShouldRevalidateFunction = (args) => !isAcceptedAutosave(args) && args.defaultShouldRevalidate;

const refusals: Record<Exclude<WriteOutcome, { ok: true }>["code"], MessageKey> = {
  "already-submitted": "attempt.refused.submitted",
  "deadline-passed": "attempt.refused.deadline",
  "unknown-question": "attempt.refused.invalid",
  "invalid-choice": "attempt.refused.invalid",
  "invalid-prediction": "attempt.refused.prediction",
  "not-found": "attempt.refused.invalid",
  "rate-limited": "attempt.refused.rateLimited",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const attemptId = params.attemptId ?? "";
  const form = await request.formData();
  const now = Date.now();
  const index = Number(form.get("index"));
  const total = Number(form.get("total"));
  const positions = form.getAll("choice").map(Number);
  const go = String(form.get("go") ?? "");
  const nextIndex = go === "next" ? index + 1 : go === "prev" ? index - 1 : /^\d+$/.test(go) ? Number(go) : index;
  const base = `/rounds/${params.roundId}/attempt/${attemptId}`;

  const intent = form.get("intent");
  // The confirm step without JavaScript sends only the intent: the answers were saved on the first press.
  const confirmStepOnly = intent === "submit" && !form.has("index");
  if (!confirmStepOnly) {
    if (!Number.isInteger(index) || index < 0) return data({ problem: refusals["invalid-choice"] }, { status: 400 });
    const saved = await saveAttemptAnswer(attemptId, user.id, { index, positions, nextIndex }, now);
    if (!saved.ok) return data({ problem: refusals[saved.code] }, { status: saved.code === "rate-limited" ? 429 : 409 });

    const prediction = String(form.get("prediction") ?? "").trim();
    if (prediction !== "") {
      const value = /^\d{1,9}$/.test(prediction) ? Number(prediction) : -1;
      const predicted = await saveAttemptPrediction(attemptId, user.id, value, now);
      if (!predicted.ok) return data({ problem: refusals[predicted.code] }, { status: 400 });
    }
  }

  if (intent === "submit") {
    if (!isConfirmed(form)) {
      // Handing in spends the attempt: say how many questions are still blank and ask first.
      const view = await attemptView(attemptId, user.id, now, await getLanguage(request), Number.isInteger(index) ? index : null);
      if (!view) return data({ problem: refusals["not-found"] }, { status: 404 });
      const left = view.answered.filter((answered) => !answered).length;
      return data({ problem: null, confirmSubmit: { left, total: view.total } });
    }
    const submitted = await submitOwnAttempt(attemptId, user.id, now);
    if (!submitted.ok) return data({ problem: refusals[submitted.code] }, { status: 409 });
    throw redirect(`/rounds/${params.roundId}`);
  }
  if (go === "") return data({ problem: null });
  const target = Math.min(Math.max(nextIndex, 0), Math.max(total - 1, 0));
  throw redirect(`${base}?q=${target + 1}`);
}

export default function AttemptPage() {
  const t = useT();
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const autosave = useFetcher<typeof action>();
  const revalidator = useRevalidator();
  const [expired, setExpired] = useState(false);
  // Whether the question on screen has a box ticked, as the last accepted autosave left it; the
  // loader's flags hold for every other question (no reload follows an autosave).
  const [savedHere, setSavedHere] = useState<{ index: number; answered: boolean } | null>(null);
  const autosaveAccepted = autosave.state === "idle" && autosave.data?.problem === null;
  const answered = view.answered.map((flag, index) => (autosaveAccepted && savedHere?.index === index && index === view.index ? savedHere.answered : flag));
  // At zero the page stops taking answers; once the grace has passed the server ends the attempt
  // and the reload lands on the round page.
  const onExpired = useCallback(() => {
    setExpired(true);
    window.setTimeout(() => revalidator.revalidate(), ANSWER_GRACE_MS + 500);
  }, [revalidator]);
  const problem = autosave.data?.problem ?? result?.problem ?? null;
  const confirmSubmit = result && "confirmSubmit" in result ? (result.confirmSubmit as { left: number; total: number }) : null;
  const submitMessage = (left: number, total: number) =>
    left > 0 ? t("journeys.confirm.submitUnanswered", { left, total }) : t("journeys.confirm.submitAll", { total });
  const multiple = view.question.type === "multiple";
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-bold">{view.roundTitle}</h1>
        <Countdown remainingMs={view.remainingMs} onExpired={onExpired} />
      </div>
      {problem ? <Notice tone="error">{t(problem)}</Notice> : null}
      {confirmSubmit ? (
        <ConfirmStep
          message={submitMessage(confirmSubmit.left, confirmSubmit.total)}
          fields={{ intent: "submit" }}
          confirmLabel={t("journeys.confirm.submitYes")}
          cancelHref={`/rounds/${view.roundId}/attempt/${view.attemptId}?q=${view.index + 1}`}
        />
      ) : null}
      <Form method="post" key={view.index} className="flex flex-col gap-4">
        <input type="hidden" name="index" value={view.index} />
        <input type="hidden" name="total" value={view.total} />
        <fieldset disabled={expired} className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm">
          <legend className="text-sm font-semibold text-slate-600">{t("attempt.questionOf", { number: view.index + 1, total: view.total })}</legend>
          <p className="text-lg font-medium">{view.question.prompt}</p>
          {multiple ? <p className="text-sm text-slate-600">{t("attempt.multipleHint")}</p> : null}
          <div className="flex flex-col gap-2">
            {view.question.options.map((option, position) => (
              <label key={position} className="flex items-start gap-3 rounded border border-slate-200 p-3 hover:bg-slate-50">
                <input
                  type={multiple ? "checkbox" : "radio"}
                  name="choice"
                  value={position}
                  defaultChecked={view.question.chosen.includes(position)}
                  onChange={(event) => {
                    const form = event.currentTarget.form;
                    if (!form) return;
                    setSavedHere({ index: view.index, answered: form.querySelectorAll('input[name="choice"]:checked').length > 0 });
                    autosave.submit(form, { method: "post" });
                  }}
                  className="mt-1"
                />
                <span>{option}</span>
              </label>
            ))}
          </div>
          {autosave.state === "idle" && autosave.data && !autosave.data.problem ? (
            <p className="text-xs text-green-700" role="status">
              {t("attempt.saved")}
            </p>
          ) : null}
        </fieldset>
        {view.prediction ? (
          <div className="flex flex-col gap-1 rounded-xl bg-white p-4 shadow-sm">
            <label htmlFor="prediction" className="text-sm font-medium">
              {t(view.prediction.basis === "participants" ? "attempt.prediction.participants" : "attempt.prediction.allCorrect")}
            </label>
            <input
              id="prediction"
              name="prediction"
              type="number"
              min={0}
              inputMode="numeric"
              defaultValue={view.prediction.value ?? ""}
              disabled={expired}
              className="w-40 rounded border border-slate-300 px-3 py-2"
            />
          </div>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="go" value="prev" disabled={expired || view.index === 0} className="bg-slate-600 hover:bg-slate-500">
            {t("attempt.prev")}
          </Button>
          <Button type="submit" name="go" value="next" disabled={expired || view.index === view.total - 1}>
            {t("attempt.next")}
          </Button>
        </div>
        <nav aria-label={t("attempt.nav")} className="flex flex-wrap gap-1">
          {answered.map((isAnswered, index) => (
            <button
              key={index}
              type="submit"
              name="go"
              value={index}
              disabled={expired}
              aria-current={index === view.index ? "step" : undefined}
              className={`h-9 w-9 rounded border text-sm ${index === view.index ? "border-brand-700 font-bold" : "border-slate-300"} ${isAnswered ? "bg-brand-50" : "bg-white"}`}
            >
              {index + 1}
            </button>
          ))}
        </nav>
        <p className="text-sm text-slate-600">{t("attempt.answeredOf", { count: answered.filter(Boolean).length, total: view.total })}</p>
        <ConfirmButton
          value="submit"
          disabled={expired}
          className="bg-green-700 hover:bg-green-600"
          confirmLabel={t("journeys.confirm.submitYes")}
          message={(form) => {
            // The question on screen counts as answered as soon as a box is ticked, saved or not.
            const here = form.querySelectorAll<HTMLInputElement>('input[name="choice"]:checked').length > 0;
            const left = answered.filter((isAnswered, index) => !(index === view.index ? here : isAnswered)).length;
            return submitMessage(left, view.total);
          }}
        >
          {t("attempt.submit")}
        </ConfirmButton>
      </Form>
    </div>
  );
}
