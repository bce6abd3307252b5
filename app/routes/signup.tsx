import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { signUpSchema } from "~/accounts/account-forms";
import { createUser, getUser, safeRedirectPath } from "~/utils/auth.server";
import { authThrottle } from "~/accounts/throttle.server";
import { Button, Field, Notice } from "~/components/ui/field";
import { fieldErrors, formValues, type FieldErrors } from "~/utils/forms";
import { clientAddressOf } from "~/utils/load-context";
import { useT } from "~/utils/i18n/use-translation";
import { roleHomePath } from "~/utils/roles";
import { redirectWithNewSession } from "~/utils/session.server";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("auth.signUp.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(roleHomePath[user.role]);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = formValues(form);
  const parsed = signUpSchema.safeParse(values);
  if (!parsed.success) {
    return data({ errors: fieldErrors(parsed.error), values, takenUsername: null, throttled: false }, { status: 400 });
  }
  // A refusal writes nothing: an audit row per refused request would let a flood fill the log.
  if (!authThrottle.signUp(clientAddressOf(context), Date.now())) {
    return data({ errors: {}, values, takenUsername: null, throttled: true }, { status: 429 });
  }
  const created = await createUser({ ...parsed.data, role: "participant" });
  if (!created.ok) {
    const errors: FieldErrors = { username: "auth.usernameTaken" };
    return data({ errors, values, takenUsername: parsed.data.username, throttled: false }, { status: 409 });
  }
  // An invitation link (/r/CODE) sent the pupil here: back to it, not to an empty home page.
  return redirectWithNewSession(created.user.id, safeRedirectPath(form.get("redirectTo"), roleHomePath.participant));
}

export default function SignUp() {
  const t = useT();
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const redirectTo = useSearchParams()[0].get("redirectTo") ?? "";
  return (
    <div className="mx-auto max-w-sm rounded-xl bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("auth.signUp.title")}</h1>
      <Form method="post" className="flex flex-col gap-4" noValidate>
        {result?.throttled ? <Notice tone="error">{t("account.throttled")}</Notice> : null}
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field
          label={t("auth.username")}
          name="username"
          autoComplete="username"
          hint={t("auth.usernameHint")}
          defaultValue={result?.values.username}
          error={result?.errors.username}
          errorParams={{ username: result?.takenUsername ?? "" }}
          required
        />
        <Field
          label={t("auth.displayName")}
          name="displayName"
          autoComplete="nickname"
          defaultValue={result?.values.displayName}
          error={result?.errors.displayName}
          required
        />
        <Field
          label={t("auth.password")}
          name="password"
          type="password"
          autoComplete="new-password"
          hint={t("auth.passwordHint")}
          error={result?.errors.password}
          required
        />
        <Button type="submit" disabled={submitting}>
          {t("auth.submitSignUp")}
        </Button>
      </Form>
      <p className="mt-4 text-sm">
        {t("auth.haveAccount")}{" "}
        <Link to={redirectTo ? `/login?${new URLSearchParams({ redirectTo })}` : "/login"} className="text-brand-700 underline">
          {t("nav.signIn")}
        </Link>
      </p>
    </div>
  );
}
