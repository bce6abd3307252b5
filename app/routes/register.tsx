import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { AUDIENCES } from "~/bank/question-file";
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
import { capitalize } from "~/units/unit-kinds";

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
  const [areaId, setAreaId] = useState(values.areaId ?? "");
  const [birthYear, setBirthYear] = useState(values.birthYear ?? "");
  const youngest = currentYear - GUARDIAN_AGE;
  // Without JavaScript every school is listed and the guardian part is shown; the server checks both.
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const guardianShown = !enhanced || !/^\d{4}$/.test(birthYear) || Number(birthYear) >= youngest;
  const shownSchools = enhanced && areaId ? schools.filter((school) => school.parentId === areaId) : schools;
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
            value={birthYear}
            onChange={(event) => setBirthYear(event.currentTarget.value)}
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
          <SelectField
            label={t("register.area", { level: capitalize(level) })}
            name="areaId"
            value={areaId}
            onChange={(event) => setAreaId(event.currentTarget.value)}
            error={errors.areaId}
          >
            <option value="">—</option>
            {areas.map((area) => (
              <option key={area.id} value={area.id}>
                {area.province ? t("register.provinceRun", { name: area.name }) : area.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("register.unit")} name="unitId" defaultValue={values.unitId ?? ""} error={errors.unitId}>
            <option value="">—</option>
            {shownSchools.map((school) => (
              <option key={school.id} value={school.id}>
                {school.name}
              </option>
            ))}
          </SelectField>
          <Field label={t("register.className")} name="className" defaultValue={values.className} error={errors.className} hint={t("register.classNameHint")} />
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
          {guardianShown ? (
            <fieldset className="flex flex-col gap-2 rounded border border-amber-300 bg-amber-50 p-3">
              <legend className="px-1 text-sm font-semibold">{t("register.guardianTitle")}</legend>
              <p className="text-sm text-slate-700">{t("register.guardianIntro", { year: youngest })}</p>
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="childConsent" className="mt-1" defaultChecked={values.childConsent === "on"} />
                {t("register.childConsent")}
              </label>
              {errors.childConsent ? <span className="text-sm text-red-700">{t(errors.childConsent)}</span> : null}
              <Field label={t("register.guardianName")} name="guardianName" defaultValue={values.guardianName} error={errors.guardianName} />
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="guardianConsent" className="mt-1" defaultChecked={values.guardianConsent === "on"} />
                {t("register.guardianConsent")}
              </label>
              {errors.guardianConsent ? <span className="text-sm text-red-700">{t(errors.guardianConsent)}</span> : null}
            </fieldset>
          ) : null}
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
