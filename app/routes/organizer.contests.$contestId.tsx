import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RoundFormFields } from "~/components/contests/round-form-fields";
import { RoundList } from "~/components/contests/round-list";
import { Button, Notice } from "~/components/ui/field";
import { ContestEditSection, type ContestEditOutcome } from "~/components/contests/contest-edit-section";
import { contestOpenedAt, shiftContestRounds, shiftContestSchema, updateContest } from "~/contests/contest-edit.server";
import { createRoundFromForm, roundFormData } from "~/contests/round-action.server";
import { contestFormSchema, toVietnamLocal } from "~/contests/round-form";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { fieldErrors, formValues } from "~/utils/forms";
import { useT } from "~/utils/i18n/use-translation";
import "~/utils/i18n/messages/journeys-more";
import { titled } from "~/utils/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titled(matches, data?.contest.title);

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
  const openedAt = await contestOpenedAt(prisma, contest.id, now);
  return {
    openedAt: openedAt ? formatDateTime(openedAt) : null,
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
  const values = formValues(await request.formData());
  if (values.intent === "edit-contest" || values.intent === "shift-contest") {
    return contestEditAction(user.id, contest.id, values);
  }
  const result = await createRoundFromForm(user, values, contest.id);
  if (result.ok) throw redirect(`/rounds/${result.roundId}/results`);
  // A search of the question picker is not a refusal.
  return data(result, { status: result.picker.results ? 200 : 400 });
}

/** The contest's own edits (title and rules, moving every round), refused once a round has opened. */
async function contestEditAction(actorId: string, contestId: string, values: Record<string, string>) {
  const now = Date.now();
  if (values.intent === "edit-contest") {
    const parsed = contestFormSchema.safeParse(values);
    if (!parsed.success) return data<ContestEditOutcome>({ contestEdit: { errors: fieldErrors(parsed.error), values } }, { status: 400 });
    const result = await updateContest(prisma, contestId, parsed.data, now);
    if (!result.ok) return data<ContestEditOutcome>({ contestEdit: { errors: {}, values, problem: result } }, { status: 409 });
    await prisma.auditEntry.create({ data: { actorId, action: "contest.edited", subject: contestId, detail: parsed.data.title } });
    return data<ContestEditOutcome>({ contestEdit: { errors: {}, values, done: "contestEdit.saved" } });
  }
  const parsed = shiftContestSchema.safeParse(values);
  if (!parsed.success) return data<ContestEditOutcome>({ contestEdit: { errors: fieldErrors(parsed.error), values } }, { status: 400 });
  const result = await shiftContestRounds(prisma, contestId, parsed.data.days, now);
  if (!result.ok) return data<ContestEditOutcome>({ contestEdit: { errors: {}, values, problem: result } }, { status: 409 });
  await prisma.auditEntry.create({ data: { actorId, action: "contest.shifted", subject: contestId, detail: `${parsed.data.days} days` } });
  return data<ContestEditOutcome>({ contestEdit: { errors: {}, values, done: "contestEdit.shifted" } });
}

export default function ContestPage() {
  const t = useT();
  const { contest, form, now, defaults, openedAt } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && "ok" in result && !result.ok ? result : null;
  const contestEdit = result && "contestEdit" in result ? result.contestEdit : null;
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
      <ContestEditSection contest={contest} openedAt={openedAt} outcome={contestEdit} />
      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">{t("rounds.title")}</h2>
        <RoundList rounds={contest.rounds} now={now} />
      </section>
      <section className="rounded-xl bg-white p-4 shadow-sm">
        <h2 className="mb-3 text-lg font-semibold">{t("rounds.create")}</h2>
        <Form method="post" className="flex flex-col gap-4" noValidate>
          {failed?.problem ? <Notice tone="error">{t(failed.problem.key, failed.problem.params)}</Notice> : null}
          {failed && Object.keys(failed.errors).length > 0 ? <Notice tone="error">{t("form.fixErrors")}</Notice> : null}
          <RoundFormFields topics={form.topics} releases={form.releases} units={form.units} values={failed?.values} errors={failed?.errors} defaults={defaults} picker={failed?.picker} />
          <Button type="submit">{t("rounds.createSubmit")}</Button>
        </Form>
      </section>
    </div>
  );
}
