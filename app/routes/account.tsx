import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { changePasswordSchema } from "~/accounts/account-forms";
import { changeOwnPassword } from "~/accounts/account-security.server";
import { Button, Field, Notice } from "~/components/ui/field";
import { requireUser } from "~/utils/auth.server";
import { fieldErrors, formValues, type FieldErrors } from "~/utils/forms";
import { useT } from "~/utils/i18n/use-translation";
import { createSession } from "~/utils/session.server";
import { NewPasswordFields } from "~/components/accounts/new-password-fields";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("account.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { username: user.username };
}

type ActionResult = { errors: FieldErrors; changed: boolean };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = changePasswordSchema.safeParse(formValues(await request.formData()));
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), changed: false }, { status: 400 });
  const result = await changeOwnPassword(user.id, parsed.data.currentPassword, parsed.data.newPassword);
  if (!result.ok) return data<ActionResult>({ errors: { currentPassword: "account.wrongPassword" }, changed: false }, { status: 400 });
  // Every session ended with the change; this browser gets a fresh one.
  return data<ActionResult>({ errors: {}, changed: true }, { headers: { "Set-Cookie": await createSession(user.id) } });
}

export default function Account() {
  const t = useT();
  const { username } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("account.title")}</h1>
      <p className="text-slate-700">{t("account.signedInAs", { username })}</p>
      <section className="rounded-xl bg-white p-6 shadow-sm">
        <h2 className="mb-4 text-lg font-semibold">{t("account.changePassword")}</h2>
        <Form method="post" className="flex flex-col gap-4" noValidate key={result?.changed ? "changed" : "form"}>
          {result?.changed ? <Notice tone="success">{t("account.passwordChanged")}</Notice> : null}
          <Field
            label={t("account.currentPassword")}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            error={result?.errors.currentPassword}
          />
          <NewPasswordFields errors={result?.errors ?? {}} />
          <Button type="submit" disabled={submitting}>
            {t("account.changePassword")}
          </Button>
        </Form>
      </section>
    </div>
  );
}
