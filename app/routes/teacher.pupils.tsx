import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { issueResetCode } from "~/accounts/account-security.server";
import { Notice } from "~/components/ui/field";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import type { MessageKey, MessageParams } from "~/utils/i18n";
import { useT } from "~/utils/i18n/use-translation";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("pupils.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const teacher = await requireUser(request, "teacher");
  if (!teacher.unitId) return { hasSchool: false, pupils: [] };
  const pupils = await prisma.user.findMany({
    where: {
      role: "participant",
      OR: [{ unitId: teacher.unitId }, { participantProfile: { unitId: teacher.unitId } }],
    },
    select: { id: true, username: true, displayName: true, participantProfile: { select: { className: true } } },
    orderBy: { displayName: "asc" },
    take: 1000,
  });
  return { hasSchool: true, pupils };
}

const issueSchema = z.object({ intent: z.literal("issue-code"), userId: z.string().min(1).max(64) });

type ActionResult = { done?: { key: MessageKey; params: MessageParams }; problem?: MessageKey };

export async function action({ request }: ActionFunctionArgs) {
  const teacher = await requireUser(request, "teacher");
  const parsed = issueSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data<ActionResult>({ problem: "account.unknownUser" }, { status: 400 });
  const issued = await issueResetCode(teacher, parsed.data.userId);
  if (!issued.ok) {
    const problem = issued.error === "unknown-user" ? "account.unknownUser" : "account.resetForbidden";
    return data<ActionResult>({ problem }, { status: issued.error === "unknown-user" ? 404 : 403 });
  }
  return data<ActionResult>({
    done: {
      key: "pupils.codeIssued",
      params: { username: issued.username, code: issued.code, expiresAt: formatDateTime(issued.expiresAt) },
    },
  });
}

export default function TeacherPupils() {
  const t = useT();
  const { hasSchool, pupils } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("pupils.title")}</h1>
      <p className="text-slate-700">{t("pupils.intro")}</p>
      {result?.done ? <Notice tone="success">{t(result.done.key, result.done.params)}</Notice> : null}
      {result?.problem ? <Notice tone="error">{t(result.problem)}</Notice> : null}
      {!hasSchool ? <p>{t("pupils.noSchool")}</p> : pupils.length === 0 ? <p>{t("pupils.empty")}</p> : null}
      {pupils.length > 0 ? (
        <ul className="divide-y divide-slate-200 rounded-xl bg-white px-5 shadow-sm">
          {pupils.map((pupil) => (
            <li key={pupil.id} className="flex flex-wrap items-center gap-3 py-2">
              <div className="min-w-40 flex-1">
                <p className="font-medium">{pupil.displayName}</p>
                <p className="text-sm text-slate-500">
                  {pupil.username}
                  {pupil.participantProfile?.className ? ` · ${pupil.participantProfile.className}` : ""}
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="issue-code" />
                <input type="hidden" name="userId" value={pupil.id} />
                <button
                  type="submit"
                  aria-label={t("pupils.issueCodeFor", { username: pupil.username })}
                  className="rounded border border-brand-700 px-2 py-1 text-sm text-brand-700"
                >
                  {t("pupils.issueCode")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
