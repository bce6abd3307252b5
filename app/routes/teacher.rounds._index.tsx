import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { RoundFormFields } from "~/components/contests/round-form-fields";
import { RoundList } from "~/components/contests/round-list";
import { Button, Notice } from "~/components/ui/field";
import { createRoundFromForm, roundFormData } from "~/contests/round-action.server";
import { EMPTY_PICKER } from "~/contests/question-picker";
import { toVietnamLocal } from "~/contests/round-form";
import type { RoundProblem } from "~/contests/rounds.server";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formValues } from "~/utils/forms";
import { useT } from "~/utils/i18n/use-translation";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("teacherRounds.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "teacher");
  const rounds = await prisma.round.findMany({
    where: { createdById: user.id },
    select: { id: true, title: true, code: true, opensAt: true, closesAt: true, questionCount: true, _count: { select: { attempts: true } } },
    orderBy: { createdAt: "desc" },
  });
  const school = user.unitId ? await prisma.unit.findUnique({ where: { id: user.unitId }, select: { name: true } }) : null;
  const now = Date.now();
  return {
    rounds: rounds.map(({ _count, ...round }) => ({
      ...round,
      opensAt: round.opensAt.toISOString(),
      closesAt: round.closesAt.toISOString(),
      attempts: _count.attempts,
    })),
    schoolName: school?.name ?? null,
    form: await roundFormData(false),
    now,
    defaults: { opensAt: toVietnamLocal(now), closesAt: toVietnamLocal(now + 7 * 86_400_000) },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "teacher");
  if (!user.unitId) {
    return data({ ok: false as const, errors: {}, problem: { key: "rounds.error.noSchool" } as RoundProblem, values: {}, picker: EMPTY_PICKER }, { status: 400 });
  }
  const result = await createRoundFromForm(user, formValues(await request.formData()), null);
  if (result.ok) throw redirect(`/rounds/${result.roundId}/results`);
  // A search of the question picker is not a refusal.
  return data(result, { status: result.picker.results ? 200 : 400 });
}

export default function TeacherRounds() {
  const t = useT();
  const { rounds, schoolName, form, now, defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("teacherRounds.title")}</h1>
      <section className="flex flex-col gap-2">
        <RoundList rounds={rounds} now={now} />
      </section>
      <section className="rounded-xl bg-white p-4 shadow-sm">
        <h2 className="mb-1 text-lg font-semibold">{t("rounds.create")}</h2>
        {schoolName ? <p className="mb-3 text-sm text-slate-600">{t("teacherRounds.forSchool", { school: schoolName })}</p> : null}
        <Form method="post" className="flex flex-col gap-4" noValidate>
          {failed?.problem ? <Notice tone="error">{t(failed.problem.key, failed.problem.params)}</Notice> : null}
          {failed && Object.keys(failed.errors).length > 0 ? <Notice tone="error">{t("form.fixErrors")}</Notice> : null}
          <RoundFormFields topics={form.topics} releases={form.releases} units={null} values={failed?.values} errors={failed?.errors} defaults={defaults} picker={failed?.picker} />
          <Button type="submit">{t("rounds.createSubmit")}</Button>
        </Form>
      </section>
    </div>
  );
}
