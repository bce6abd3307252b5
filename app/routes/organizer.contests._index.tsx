import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Field } from "~/components/ui/field";
import { contestFormSchema } from "~/contests/round-form";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { fieldErrors, formValues } from "~/utils/forms";
import { useT } from "~/utils/i18n/use-translation";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("contests.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "organizer");
  const contests = await prisma.contest.findMany({
    select: { id: true, title: true, createdAt: true, _count: { select: { rounds: true } } },
    orderBy: { createdAt: "desc" },
  });
  return { contests };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "organizer");
  const values = formValues(await request.formData());
  const parsed = contestFormSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const contest = await prisma.contest.create({ data: { ...parsed.data, createdById: user.id }, select: { id: true } });
  await prisma.auditEntry.create({ data: { actorId: user.id, action: "contest.created", subject: contest.id, detail: parsed.data.title } });
  throw redirect(`/organizer/contests/${contest.id}`);
}

export default function Contests() {
  const t = useT();
  const { contests } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("contests.title")}</h1>
      {contests.length === 0 ? (
        <p className="text-slate-600">{t("contests.none")}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {contests.map((contest) => (
            <li key={contest.id} className="rounded-lg bg-white p-3 shadow-sm">
              <Link to={`/organizer/contests/${contest.id}`} className="font-semibold text-brand-700 underline">
                {contest.title}
              </Link>
              <span className="ml-2 text-sm text-slate-600">{t("contests.roundCount", { count: contest._count.rounds })}</span>
            </li>
          ))}
        </ul>
      )}
      <section className="rounded-xl bg-white p-4 shadow-sm">
        <h2 className="mb-3 text-lg font-semibold">{t("contests.create")}</h2>
        <Form method="post" className="flex flex-col gap-4" noValidate>
          <Field label={t("contests.field.title")} name="title" defaultValue={result?.values.title} error={result?.errors.title} required />
          <Field
            label={t("contests.field.description")}
            name="description"
            defaultValue={result?.values.description}
            error={result?.errors.description}
          />
          <Button type="submit">{t("contests.createSubmit")}</Button>
        </Form>
      </section>
    </div>
  );
}
