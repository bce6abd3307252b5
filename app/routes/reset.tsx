import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { resetWithCodeSchema } from "~/accounts/account-forms";
import { redeemResetCode } from "~/accounts/account-security.server";
import { authThrottle } from "~/accounts/throttle.server";
import { Button, Field, Notice } from "~/components/ui/field";
import { getUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { fieldErrors, formValues, type FieldErrors } from "~/utils/forms";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/i18n/use-translation";
import { clientAddressOf } from "~/utils/load-context";
import { roleHomePath } from "~/utils/roles";
import { redirectWithNewSession } from "~/utils/session.server";
import { NewPasswordFields } from "~/components/accounts/new-password-fields";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("reset.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect("/account");
  return null;
}

type ActionResult = { errors: FieldErrors; problem: MessageKey | null; values: Record<string, string> };

export async function action({ request, context }: ActionFunctionArgs) {
  const form = formValues(await request.formData());
  const values = { username: form.username ?? "", code: form.code ?? "" };
  const parsed = resetWithCodeSchema.safeParse(form);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), problem: null, values }, { status: 400 });
  const address = clientAddressOf(context);
  if (!authThrottle.reset(parsed.data.username, address, Date.now())) {
    return data<ActionResult>({ errors: {}, problem: "account.throttled", values }, { status: 429 });
  }
  const result = await redeemResetCode(parsed.data);
  if (!result.ok) {
    await prisma.auditEntry.create({
      data: { actorId: null, action: "auth.reset-code-failed", subject: parsed.data.username.slice(0, 64), detail: address.slice(0, 64) },
    });
    return data<ActionResult>({ errors: {}, problem: "reset.invalid", values }, { status: 400 });
  }
  const user = await prisma.user.findUniqueOrThrow({ where: { id: result.userId }, select: { role: true } });
  return redirectWithNewSession(result.userId, roleHomePath[user.role as keyof typeof roleHomePath] ?? "/");
}

export default function ResetWithCode() {
  const t = useT();
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  return (
    <div className="mx-auto max-w-sm rounded-xl bg-white p-6 shadow-sm">
      <h1 className="mb-2 text-2xl font-bold">{t("reset.title")}</h1>
      <p className="mb-4 text-sm text-slate-700">{t("reset.intro")}</p>
      <Form method="post" className="flex flex-col gap-4" noValidate>
        {result?.problem ? <Notice tone="error">{t(result.problem)}</Notice> : null}
        <Field
          label={t("auth.username")}
          name="username"
          autoComplete="username"
          defaultValue={result?.values.username}
          required
          error={result?.errors.username}
        />
        <Field
          label={t("reset.code")}
          name="code"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          defaultValue={result?.values.code}
          required
          error={result?.errors.code}
        />
        <NewPasswordFields errors={result?.errors ?? {}} />
        <Button type="submit" disabled={submitting}>
          {t("reset.submit")}
        </Button>
      </Form>
    </div>
  );
}
