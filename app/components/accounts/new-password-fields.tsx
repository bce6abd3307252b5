import { Field } from "~/components/ui/field";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/i18n/use-translation";

type Errors = { newPassword?: MessageKey; confirmPassword?: MessageKey };

/**
 * A new password typed twice, as every form that sets one asks for it (account, reset code). An admin
 * setting someone else's password types it once (`confirm={false}`): they hand it over in writing.
 */
export function NewPasswordFields({ errors, confirm = true }: { errors: Errors; confirm?: boolean }) {
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
      {confirm ? (
        <Field
          label={t("account.confirmPassword")}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          error={errors.confirmPassword}
        />
      ) : null}
    </>
  );
}
