import { Field } from "~/components/ui/field";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/i18n/use-translation";

/** A new password typed twice, as every form that sets one asks for it (account, reset code). */
export function NewPasswordFields({ errors }: { errors: { newPassword?: MessageKey; confirmPassword?: MessageKey } }) {
  const t = useT();
  return (
    <>
      <Field
        label={t("account.newPassword")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={t("auth.passwordHint")}
        required
        error={errors.newPassword}
      />
      <Field
        label={t("account.confirmPassword")}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirmPassword}
      />
    </>
  );
}
