import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { signInSchema } from "~/accounts/account-forms";
import { Button, Field, Notice } from "~/components/ui/field";
import { signIn } from "~/accounts/sign-in.server";
import { getUser } from "~/utils/auth.server";
import { fieldErrors, formValues } from "~/utils/forms";
import type { MessageKey } from "~/utils/i18n";
import { clientAddressOf } from "~/utils/load-context";
import { safeRedirectPath } from "~/utils/safe-redirect";
import { useT } from "~/utils/i18n/use-translation";
import { roleHomePath } from "~/utils/roles";
import { redirectWithNewSession } from "~/utils/session.server";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("auth.signIn.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(roleHomePath[user.role]);
  return null;
}

const refusals: Record<"throttled" | "wrong-credentials" | "disabled", { key: MessageKey; status: number }> = {
  throttled: { key: "account.throttled", status: 429 },
  "wrong-credentials": { key: "auth.wrongCredentials", status: 400 },
  disabled: { key: "account.disabled", status: 403 },
};

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = signInSchema.safeParse(formValues(await request.formData()));
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), problem: null }, { status: 400 });
  const result = await signIn({ ...parsed.data, address: clientAddressOf(context) });
  if (!result.ok) {
    const refusal = refusals[result.reason];
    return data({ errors: {}, problem: refusal.key }, { status: refusal.status });
  }
  const { user } = result;
  return redirectWithNewSession(user.id, safeRedirectPath(parsed.data.redirectTo ?? null, roleHomePath[user.role]));
}

export default function Login() {
  const t = useT();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const submitting = useNavigation().state === "submitting";
  return (
    <div className="mx-auto max-w-sm rounded-xl bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("auth.signIn.title")}</h1>
      <Form method="post" className="flex flex-col gap-4" noValidate>
        {result?.problem ? <Notice tone="error">{t(result.problem)}</Notice> : null}
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field label={t("auth.username")} name="username" autoComplete="username" required error={result?.errors.username} />
        <Field
          label={t("auth.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={result?.errors.password}
        />
        <Button type="submit" disabled={submitting}>
          {t("auth.submitSignIn")}
        </Button>
      </Form>
      <p className="mt-4 text-sm">
        <Link to="/reset" className="text-brand-700 underline">
          {t("account.forgotPassword")}
        </Link>
      </p>
      <p className="mt-2 text-sm">
        {t("auth.noAccount")}{" "}
        <Link to={searchParams.get("redirectTo") ? `/signup?${new URLSearchParams({ redirectTo: searchParams.get("redirectTo")! })}` : "/signup"} className="text-brand-700 underline">
          {t("nav.signUp")}
        </Link>
      </p>
    </div>
  );
}
