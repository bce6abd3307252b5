import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Field, Notice } from "~/components/ui/field";
import { isActiveAt } from "~/units/history";
import { isAreaKind, kindName } from "~/units/unit-kinds";
import { approveRequest, approveRequestSchema, decidedRequests, openRequests, rejectRequest, rejectRequestSchema } from "~/units/unit-requests.server";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { fieldErrors, formValues, type FieldErrors } from "~/utils/forms";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/i18n/use-translation";
import "~/utils/i18n/messages/journeys-more";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("unitRequests.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  const now = new Date();
  const parents = (
    await prisma.unit.findMany({
      where: { OR: [{ validTo: null }, { validTo: { gt: now } }] },
      select: { id: true, name: true, kind: true, validFrom: true, validTo: true },
      orderBy: { name: "asc" },
    })
  ).filter((unit) => (isAreaKind(unit.kind) || unit.kind === "province") && isActiveAt(unit, now));
  return {
    open: await openRequests(prisma),
    decided: await decidedRequests(prisma),
    parents: parents.map(({ id, name, kind }) => ({ id, name, kind })),
  };
}

type ActionResult = {
  errors: FieldErrors;
  requestId?: string;
  problem?: { key: MessageKey; params?: Record<string, string> };
  done?: { key: MessageKey; name: string };
  relinked?: string | null;
};

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request, "admin");
  const values = formValues(await request.formData());
  const now = new Date();
  if (values.intent === "reject") {
    const parsed = rejectRequestSchema.safeParse(values);
    if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), requestId: values.requestId }, { status: 400 });
    const outcome = await rejectRequest(prisma, parsed.data, now);
    if (!outcome.ok) return data<ActionResult>({ errors: {}, requestId: values.requestId, problem: outcome }, { status: 400 });
    await prisma.auditEntry.create({ data: { actorId: admin.id, action: "unitRequest.reject", subject: parsed.data.requestId, detail: parsed.data.reason } });
    return data<ActionResult>({ errors: {}, done: { key: "unitRequests.rejected", name: outcome.name } });
  }
  const parsed = approveRequestSchema.safeParse(values);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), requestId: values.requestId }, { status: 400 });
  const outcome = await approveRequest(prisma, parsed.data, now);
  if (!outcome.ok) return data<ActionResult>({ errors: {}, requestId: values.requestId, problem: outcome }, { status: 400 });
  await prisma.auditEntry.create({ data: { actorId: admin.id, action: "unitRequest.approve", subject: parsed.data.code, detail: parsed.data.name } });
  return data<ActionResult>({ errors: {}, done: { key: "unitRequests.approved", name: outcome.name }, relinked: outcome.relinked });
}

export default function UnitRequests() {
  const t = useT();
  const { open, decided, parents } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("unitRequests.title")}</h1>
      {result?.done ? (
        <Notice tone="success">
          {t(result.done.key, { name: result.done.name })}
          {result.relinked ? ` ${t("unitRequests.relinked", { pupil: result.relinked, name: result.done.name })}` : ""}
        </Notice>
      ) : null}
      {result?.problem ? <Notice tone="error">{t(result.problem.key, result.problem.params)}</Notice> : null}
      {open.length === 0 ? <p>{t("unitRequests.none")}</p> : null}
      {open.map((request) => {
        const errors = result?.requestId === request.id ? result.errors : {};
        return (
          <section key={request.id} className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm">
            <h2 className="font-semibold">{request.name}</h2>
            <p className="text-sm text-slate-600">
              {t("unitRequests.from", {
                who: request.requestedBy ? `${request.requestedBy.displayName} (${request.requestedBy.username})` : "—",
                area: request.area?.name ?? "—",
                when: formatDateTime(request.createdAt),
              })}
            </p>
            <Form method="post" className="flex flex-wrap items-end gap-3">
              <input type="hidden" name="intent" value="approve" />
              <input type="hidden" name="requestId" value={request.id} />
              <Field label={t("units.name")} name="name" defaultValue={request.name} error={errors.name} />
              <Field label={t("units.code")} name="code" error={errors.code} />
              <label className="flex flex-col gap-1 text-sm font-medium">
                {t("units.kind")}
                <select name="kind" className="rounded border border-slate-300 px-3 py-2" defaultValue="school">
                  <option value="school">{kindName("school", t)}</option>
                  <option value="workplace">{kindName("workplace", t)}</option>
                </select>
              </label>
              <label className="flex flex-col gap-1 text-sm font-medium">
                {t("units.parent")}
                <select name="parentId" className="rounded border border-slate-300 px-3 py-2" defaultValue={request.area?.id ?? ""}>
                  <option value="">—</option>
                  {parents.map((parent) => (
                    <option key={parent.id} value={parent.id}>
                      {parent.name} ({kindName(parent.kind, t)})
                    </option>
                  ))}
                </select>
                {errors.parentId ? <span className="text-sm text-red-700">{t(errors.parentId)}</span> : null}
              </label>
              <Button type="submit">{t("unitRequests.approve")}</Button>
            </Form>
            <Form method="post" className="flex flex-wrap items-end gap-3">
              <input type="hidden" name="intent" value="reject" />
              <input type="hidden" name="requestId" value={request.id} />
              <Field label={t("unitRequests.reason")} name="reason" error={errors.reason} hint={t("unitRequests.reasonHint")} />
              <Button type="submit">{t("unitRequests.reject")}</Button>
            </Form>
          </section>
        );
      })}
      {decided.length > 0 ? (
        <section className="rounded-xl bg-white p-4 shadow-sm">
          <h2 className="mb-2 font-semibold">{t("unitRequests.decided")}</h2>
          <ul className="text-sm">
            {decided.map((request) => (
              <li key={request.id}>
                {request.name} · {t(`unitRequests.status.${request.status === "done" ? "done" : "rejected"}`)}
                {request.unit ? ` → ${request.unit.name}` : ""}
                {request.reason ? ` — ${request.reason}` : ""} · {formatDateTime(request.decidedAt)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
