import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AUDIENCES } from "~/bank/question-file";
import { GuardianFieldset, PlaceFields, useParticipantFormState } from "~/components/contests/participant-fields";
import { SelectField } from "~/components/contests/select-field";
import { Button, Field, Notice } from "~/components/ui/field";
import { CONSENT_VERSION, GUARDIAN_AGE, registrationSchema, unitRequestSchema } from "~/contests/registration";
import { registerParticipant, requestMissingUnit } from "~/contests/registration.server";
import { requireUser, safeRedirectPath } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { fieldErrors, formValues, type FieldErrors } from "~/utils/forms";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/i18n/use-translation";
import { unitChoicesToday } from "~/units/unit-choices.server";
import { approvedUnitFor } from "~/units/unit-requests.server";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("register.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const profile = await prisma.participantProfile.findUnique({ where: { userId: user.id }, select: { id: true } });
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/rounds");
  if (profile) throw redirect(redirectTo);
  const now = new Date();
  const [choices, approved] = await Promise.all([unitChoicesToday(prisma, now), approvedUnitFor(prisma, user.id, now)]);
  return {
    displayName: user.displayName,
    ...choices,
    // The school an admin added at this pupil's request, chosen for them.
    approved,
    currentYear: new Date().getFullYear(),
    redirectTo,
  };
}

type ActionResult = { errors: FieldErrors; values: Record<string, string>; notice?: MessageKey };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = formValues(await request.formData());
  if (values.intent === "request-unit") {
    const parsed = unitRequestSchema.safeParse(values);
    if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
    await requestMissingUnit(user.id, parsed.data.requestName, parsed.data.requestAreaId || null);
    return data<ActionResult>({ errors: {}, values, notice: "register.requestSent" });
  }
  const now = new Date();
  const parsed = registrationSchema(now.getFullYear()).safeParse(values);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const result = await registerParticipant(user.id, parsed.data, now);
  if (!result.ok) return data<ActionResult>({ errors: { [result.field]: result.key }, values }, { status: 400 });
  throw redirect(safeRedirectPath(values.redirectTo, "/rounds"));
}

export default function Register() {
  const t = useT();
  const { displayName, areas, areaLevel, schools, currentYear, redirectTo, approved } = useLoaderData<typeof loader>();
  const level = t(`units.level.${areaLevel}`);
  const result = useActionData<typeof action>();
  const values = result?.values ?? (approved ? { areaId: approved.areaId, unitId: approved.unitId } : {});
  const errors = result?.errors ?? {};
  const form = useParticipantFormState(values, schools);
  const youngest = currentYear - GUARDIAN_AGE;
  const guardianShown = form.mayBeMinor(youngest);
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <div className="rounded-xl bg-white p-6 shadow-sm">
        <h1 className="mb-2 text-2xl font-bold">{t("register.title")}</h1>
        <p className="mb-4 text-sm text-slate-700">{t("register.intro")}</p>
        {result?.notice ? <Notice tone="success">{t(result.notice)}</Notice> : null}
        {approved && !result ? <Notice tone="success">{t("unitRequests.approvedForYou")}</Notice> : null}
        {errors.form ? <Notice tone="error">{t(errors.form)}</Notice> : null}
        <Form method="post" className="flex flex-col gap-4" noValidate>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <Field label={t("register.displayName")} name="displayName" defaultValue={values.displayName ?? displayName} error={errors.displayName} hint={t("register.displayNameHint")} required />
          <Field
            label={t("register.birthYear")}
            name="birthYear"
            type="number"
            inputMode="numeric"
            min={currentYear - 100}
            max={currentYear - 6}
            value={form.birthYear}
            onChange={(event) => form.setBirthYear(event.currentTarget.value)}
            error={errors.birthYear}
            required
          />
          <SelectField label={t("register.audience")} name="audience" defaultValue={values.audience ?? ""} error={errors.audience}>
            <option value="">—</option>
            {AUDIENCES.map((audience) => (
              <option key={audience} value={audience}>
                {t(`contests.audience.${audience}`)}
              </option>
            ))}
          </SelectField>
          <PlaceFields areas={areas} areaLevel={areaLevel} form={form} values={values} errors={errors} />
          <fieldset className="flex flex-col gap-2 rounded border border-slate-200 p-3">
            <legend className="px-1 text-sm font-semibold">{t("register.consentTitle")}</legend>
            <p className="text-sm text-slate-700">{t("register.consentText")}</p>
            <p className="text-xs text-slate-500">{t("register.consentVersion", { version: CONSENT_VERSION })}</p>
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="consent" className="mt-1" defaultChecked={values.consent === "on"} />
              {t("register.consent")}
            </label>
            {errors.consent ? <span className="text-sm text-red-700">{t(errors.consent)}</span> : null}
          </fieldset>
          {guardianShown ? <GuardianFieldset youngest={youngest} values={values} errors={errors} /> : null}
          <p className="text-xs text-slate-500">{t("register.noContact")}</p>
          <Button type="submit">{t("register.submit")}</Button>
        </Form>
      </div>
      <details className="rounded-xl bg-white p-4 shadow-sm">
        <summary className="cursor-pointer font-semibold">{t("register.missingUnit")}</summary>
        <Form method="post" className="mt-3 flex flex-col gap-3">
          <input type="hidden" name="intent" value="request-unit" />
          <Field label={t("register.requestName")} name="requestName" error={errors.requestName} />
          <SelectField label={t("register.requestArea", { level })} name="requestAreaId" defaultValue="">
            <option value="">—</option>
            {areas.map((area) => (
              <option key={area.id} value={area.id}>
                {area.name}
              </option>
            ))}
          </SelectField>
          <Button type="submit">{t("register.requestSubmit")}</Button>
        </Form>
      </details>
      <Link to="/me/data" className="text-sm text-brand-700 underline">
        {t("myData.link")}
      </Link>
    </div>
  );
}
