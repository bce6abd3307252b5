import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { adminAccountSchema } from "~/accounts/account-forms";
import { adminSetPassword, issueResetCode, setAccountDisabled } from "~/accounts/account-security.server";
import { mergeAccounts, previewMerge } from "~/accounts/merge-accounts.server";
import { MergeSection, type MergeOutcome } from "~/components/accounts/merge-section";
import { NewPasswordFields } from "~/components/accounts/new-password-fields";
import { isConfirmed } from "~/components/ui/confirm";
import { Button, Notice } from "~/components/ui/field";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { fieldErrors, formValues, type FieldErrors } from "~/utils/forms";
import type { MessageKey, MessageParams } from "~/utils/i18n";
import { useT } from "~/utils/i18n/use-translation";
import "~/utils/i18n/messages/journeys-more";
import { titled, translatorFrom } from "~/utils/page-title";

async function loadTarget(userId: string | undefined) {
  const user = userId
    ? await prisma.user.findUnique({
        where: { id: userId },
        select: { id: true, username: true, displayName: true, role: true, disabledAt: true },
      })
    : null;
  if (!user) throw new Response("Not found", { status: 404 });
  return user;
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titled(matches, data && translatorFrom(matches)("admin.account.title", { username: data.user.username }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireUser(request, "admin");
  const user = await loadTarget(params.userId);
  return { user: { ...user, disabledAt: user.disabledAt ? formatDateTime(user.disabledAt) : null }, isSelf: user.id === admin.id };
}

type ActionResult = { errors: FieldErrors; done?: { key: MessageKey; params: MessageParams }; problem?: MessageKey };

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireUser(request, "admin");
  const target = await loadTarget(params.userId);
  const form = await request.formData();
  const values = formValues(form);
  if (values.intent === "merge-preview" || values.intent === "merge") return mergeAction(admin.id, target.id, values, isConfirmed(form));
  const parsed = adminAccountSchema.safeParse(values);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error) }, { status: 400 });
  const username = target.username;
  switch (parsed.data.intent) {
    case "set-password":
      await adminSetPassword(admin, target.id, parsed.data.newPassword);
      return data<ActionResult>({ errors: {}, done: { key: "admin.account.passwordSet", params: { username } } });
    case "issue-code": {
      const issued = await issueResetCode(admin, target.id);
      if (!issued.ok) return data<ActionResult>({ errors: {}, problem: "account.resetForbidden" }, { status: 403 });
      const done = { username, code: issued.code, expiresAt: formatDateTime(issued.expiresAt) };
      return data<ActionResult>({ errors: {}, done: { key: "pupils.codeIssued", params: done } });
    }
    case "disable":
    case "enable": {
      const disabled = parsed.data.intent === "disable";
      const result = await setAccountDisabled(admin, target.id, disabled);
      if (!result.ok) return data<ActionResult>({ errors: {}, problem: "admin.account.cannotSelf" }, { status: 400 });
      const key = disabled ? "admin.account.disabledDone" : "admin.account.enabledDone";
      return data<ActionResult>({ errors: {}, done: { key, params: { username } } });
    }
  }
}

/** Merging a duplicate into this account: preview first, then only with the consequence confirmed. */
async function mergeAction(adminId: string, keepId: string, values: Record<string, string>, confirmed: boolean) {
  const duplicate = (values.duplicate ?? "").trim().toLowerCase().slice(0, 64);
  const now = Date.now();
  if (!duplicate) return data<MergeOutcome>({ merge: { duplicate, problem: { key: "merge.error.duplicateRequired" } } }, { status: 400 });
  if (values.intent === "merge" && confirmed) {
    const merged = await mergeAccounts(prisma, { keepId, duplicateUsername: duplicate, adminId, now });
    if (!merged.ok) return data<MergeOutcome>({ merge: { duplicate, problem: merged } }, { status: 409 });
    return data<MergeOutcome>({ merge: { duplicate, done: { movedAttempts: merged.movedAttempts, renumberedRounds: merged.renumberedRounds, duplicate } } });
  }
  const preview = await previewMerge(prisma, keepId, duplicate, now);
  if (!preview.ok) return data<MergeOutcome>({ merge: { duplicate, problem: preview } }, { status: 400 });
  const { ok: _ok, ...shown } = preview;
  return data<MergeOutcome>({ merge: { duplicate, preview: shown, confirmStep: values.intent === "merge" } });
}

export default function AdminAccount() {
  const t = useT();
  const { user, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const result = actionData && "errors" in actionData ? actionData : null;
  const merge = actionData && "merge" in actionData ? actionData.merge : null;
  return (
    <div className="flex max-w-xl flex-col gap-4">
      <p>
        <Link to="/admin/users" className="text-brand-700 underline">
          {t("admin.users.title")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("admin.account.title", { username: user.username })}</h1>
      <p className="text-slate-700">
        {user.displayName} · {t(`role.${user.role as "admin"}`)} ·{" "}
        {user.disabledAt ? t("admin.account.statusDisabled", { since: user.disabledAt }) : t("admin.account.statusActive")}
      </p>
      {result?.done ? <Notice tone="success">{t(result.done.key, result.done.params)}</Notice> : null}
      {result?.problem ? <Notice tone="error">{t(result.problem)}</Notice> : null}
      <section className="rounded-xl bg-white p-5 shadow-sm">
        <h2 className="mb-3 text-lg font-semibold">{t("admin.account.setPassword")}</h2>
        <Form method="post" className="flex flex-col gap-3" noValidate>
          <input type="hidden" name="intent" value="set-password" />
          <NewPasswordFields errors={result?.errors ?? {}} confirm={false} />
          <div>
            <Button type="submit">{t("admin.account.setPassword")}</Button>
          </div>
        </Form>
      </section>
      {!isSelf ? (
        <section className="flex flex-wrap gap-3 rounded-xl bg-white p-5 shadow-sm">
          <Form method="post">
            <input type="hidden" name="intent" value="issue-code" />
            <Button type="submit">{t("pupils.issueCode")}</Button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value={user.disabledAt ? "enable" : "disable"} />
            <button type="submit" className="rounded border border-red-700 px-4 py-2 font-semibold text-red-700">
              {user.disabledAt ? t("admin.account.enable") : t("admin.account.disable")}
            </button>
          </Form>
        </section>
      ) : null}
      {!isSelf && user.role === "participant" ? <MergeSection userId={user.id} username={user.username} outcome={merge} /> : null}
    </div>
  );
}
