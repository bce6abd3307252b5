import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { changeRoleSchema, createStaffSchema } from "~/accounts/account-forms";
import { findUsers } from "~/accounts/user-directory.server";
import { parseUserQuery, userQueryString } from "~/accounts/user-query";
import { UserDirectoryFilters, UserDirectoryPager } from "~/components/accounts/user-directory";
import { Button, Field, Notice } from "~/components/ui/field";
import { createUser, requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { fieldErrors, formValues, type FieldErrors } from "~/utils/forms";
import type { MessageKey, MessageParams } from "~/utils/i18n";
import { useT } from "~/utils/i18n/use-translation";
import { roles } from "~/utils/roles";
import { revokeUserSessions } from "~/utils/session.server";
import "~/utils/i18n/messages/journeys-more";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("admin.users.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  const query = parseUserQuery(new URL(request.url).searchParams);
  const [directory, units] = await Promise.all([
    findUsers(prisma, query),
    prisma.unit.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { directory, query, units };
}

type ActionResult = { errors: FieldErrors; done?: { key: MessageKey; params: MessageParams }; problem?: MessageKey };

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request, "admin");
  const values = formValues(await request.formData());
  if (values.intent === "change-role") {
    const parsed = changeRoleSchema.safeParse(values);
    if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error) }, { status: 400 });
    if (parsed.data.userId === admin.id && parsed.data.role !== "admin") {
      return data<ActionResult>({ errors: {}, problem: "admin.users.cannotDemoteSelf" }, { status: 400 });
    }
    const target = await prisma.user.findUnique({ where: { id: parsed.data.userId }, select: { username: true } });
    if (!target) return data<ActionResult>({ errors: {}, problem: "admin.users.unknownUser" }, { status: 404 });
    await prisma.$transaction([
      prisma.user.update({ where: { id: parsed.data.userId }, data: { role: parsed.data.role } }),
      prisma.auditEntry.create({
        data: { actorId: admin.id, action: "user.role-changed", subject: target.username, detail: parsed.data.role },
      }),
    ]);
    // A changed role takes effect at the next sign-in, so a demoted account loses its old powers now.
    await revokeUserSessions(parsed.data.userId);
    return data<ActionResult>({ errors: {}, done: { key: "admin.users.roleChanged", params: { username: target.username } } });
  }
  const parsed = createStaffSchema.safeParse(values);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error) }, { status: 400 });
  if (parsed.data.unitId && !(await prisma.unit.findUnique({ where: { id: parsed.data.unitId }, select: { id: true } }))) {
    return data<ActionResult>({ errors: { unitId: "admin.users.unknownUnit" } }, { status: 400 });
  }
  const created = await createUser(parsed.data);
  if (!created.ok) return data<ActionResult>({ errors: { username: "auth.usernameTaken" } }, { status: 409 });
  await prisma.auditEntry.create({
    data: { actorId: admin.id, action: "user.created", subject: created.user.username, detail: created.user.role },
  });
  return data<ActionResult>({ errors: {}, done: { key: "admin.users.created", params: { username: created.user.username } } });
}

export default function AdminUsers() {
  const t = useT();
  const { directory, query, units } = useLoaderData<typeof loader>();
  const users = directory.rows;
  const result = useActionData<typeof action>();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("admin.users.title")}</h1>
      {result?.done ? <Notice tone="success">{t(result.done.key, result.done.params)}</Notice> : null}
      {result?.problem ? <Notice tone="error">{t(result.problem)}</Notice> : null}
      <section className="rounded-xl bg-white p-5 shadow-sm">
        <h2 className="mb-3 text-lg font-semibold">{t("admin.users.create")}</h2>
        <Form method="post" className="grid gap-3 sm:grid-cols-2" noValidate>
          <input type="hidden" name="intent" value="create" />
          <Field label={t("auth.username")} name="username" error={result?.errors.username} errorParams={{ username: "" }} required />
          <Field label={t("auth.displayName")} name="displayName" error={result?.errors.displayName} required />
          <Field label={t("auth.password")} name="password" type="password" autoComplete="new-password" error={result?.errors.password} required />
          <div className="flex flex-col gap-1">
            <label htmlFor="create-role" className="text-sm font-medium">
              {t("admin.users.role")}
            </label>
            <select id="create-role" name="role" defaultValue="teacher" className="rounded border border-slate-300 px-3 py-2">
              {roles.map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1 sm:col-span-2">
            <label htmlFor="create-unit" className="text-sm font-medium">
              {t("admin.users.unit")}
            </label>
            <select id="create-unit" name="unitId" defaultValue="" className="rounded border border-slate-300 px-3 py-2">
              <option value="">{t("admin.users.noUnit")}</option>
              {units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </select>
            {result?.errors.unitId ? <p className="text-sm text-red-700">{t(result.errors.unitId)}</p> : null}
          </div>
          <div>
            <Button type="submit">{t("admin.users.create")}</Button>
          </div>
        </Form>
      </section>
      <section className="rounded-xl bg-white p-5 shadow-sm">
        <h2 className="mb-3 text-lg font-semibold">{t("admin.users.list")}</h2>
        <UserDirectoryFilters query={query} total={directory.total} />
        <ul className="divide-y divide-slate-200">
          {users.map((user) => (
            <li key={user.id} className="flex flex-wrap items-center gap-3 py-2">
              <div className="min-w-40 flex-1">
                <p className="font-medium">{user.displayName}</p>
                <p className="text-sm text-slate-500">
                  {user.username}
                  {user.unitName ? ` · ${user.unitName}` : ""}
                  {user.className ? ` · ${t("rounds.classShort", { name: user.className })}` : ""}
                  {user.disabled ? ` · ${t("usersList.disabled")}` : ""}
                </p>
              </div>
              <Link
                to={`/admin/users/${user.id}`}
                className="text-sm text-brand-700 underline"
                aria-label={`${t("admin.account.manage")} — ${user.username}`}
              >
                {t("admin.account.manage")}
              </Link>
              <Form method="post" className="flex items-center gap-2">
                <input type="hidden" name="intent" value="change-role" />
                <input type="hidden" name="userId" value={user.id} />
                <label className="sr-only" htmlFor={`role-${user.id}`}>
                  {t("admin.users.role")} — {user.username}
                </label>
                <select id={`role-${user.id}`} name="role" defaultValue={user.role} className="rounded border border-slate-300 px-2 py-1">
                  {roles.map((role) => (
                    <option key={role} value={role}>
                      {t(`role.${role}`)}
                    </option>
                  ))}
                </select>
                <button type="submit" className="rounded border border-brand-700 px-2 py-1 text-sm text-brand-700">
                  {t("admin.users.changeRole")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        <UserDirectoryPager page={directory.page} pageCount={directory.pageCount} href={(page) => `/admin/users${userQueryString(query, { page })}`} />
      </section>
    </div>
  );
}
