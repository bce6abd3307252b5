import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RoundFormFields } from "~/components/contests/round-form-fields";
import { RoundList } from "~/components/contests/round-list";
import { Button, Notice } from "~/components/ui/field";
import { createRoundFromForm, roundFormData } from "~/contests/round-action.server";
import { toVietnamLocal } from "~/contests/round-form";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formValues } from "~/utils/forms";
import { useT } from "~/utils/i18n/use-translation";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "organizer");
  const contest = await prisma.contest.findUnique({
    where: { id: params.contestId },
    select: {
      id: true,
      title: true,
      description: true,
      rounds: {
        select: { id: true, title: true, code: true, opensAt: true, closesAt: true, questionCount: true, _count: { select: { attempts: true } } },
        orderBy: { opensAt: "asc" },
      },
    },
  });
  if (!contest) throw new Response("Not found", { status: 404 });
  const now = Date.now();
  return {
    contest: {
      ...contest,
      rounds: contest.rounds.map(({ _count, ...round }) => ({
        ...round,
        opensAt: round.opensAt.toISOString(),
        closesAt: round.closesAt.toISOString(),
        attempts: _count.attempts,
      })),
    },
    form: await roundFormData(true),
    now,
    defaults: { opensAt: toVietnamLocal(now), closesAt: toVietnamLocal(now + 7 * 86_400_000) },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "organizer");
  const contest = await prisma.contest.findUnique({ where: { id: params.contestId }, select: { id: true } });
  if (!contest) throw new Response("Not found", { status: 404 });
  const result = await createRoundFromForm(user, formValues(await request.formData()), contest.id);
  if (result.ok) throw redirect(`/rounds/${result.roundId}/results`);
  return data(result, { status: 400 });
}

export default function ContestPage() {
  const t = useT();
  const { contest, form, now, defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link to="/organizer/contests" className="text-sm text-brand-700 underline">
          {t("contests.back")}
        </Link>
        <h1 className="text-2xl font-bold">{contest.title}</h1>
        {contest.description ? <p className="text-slate-700">{contest.description}</p> : null}
        <Link to={`/leaderboard?contest=${contest.id}`} className="text-sm text-brand-700 underline">
          {t("boards.link")}
        </Link>
      </div>
      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">{t("rounds.title")}</h2>
        <RoundList rounds={contest.rounds} now={now} />
      </section>
      <section className="rounded-xl bg-white p-4 shadow-sm">
        <h2 className="mb-3 text-lg font-semibold">{t("rounds.create")}</h2>
        <Form method="post" className="flex flex-col gap-4" noValidate>
          {failed?.problem ? <Notice tone="error">{t(failed.problem.key, failed.problem.params)}</Notice> : null}
          {failed && Object.keys(failed.errors).length > 0 ? <Notice tone="error">{t("form.fixErrors")}</Notice> : null}
          <RoundFormFields topics={form.topics} releases={form.releases} units={form.units} values={failed?.values} errors={failed?.errors} defaults={defaults} />
          <Button type="submit">{t("rounds.createSubmit")}</Button>
        </Form>
      </section>
    </div>
  );
}
