import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { AUDIENCES } from "~/bank/question-file";
import { SelectField } from "~/components/contests/select-field";
import { Button, Field, Notice } from "~/components/ui/field";
import { profileEditSchema } from "~/contests/profile-edit";
import { updateParticipantProfile } from "~/contests/profile-edit.server";
import { GUARDIAN_AGE } from "~/contests/registration";
import { unitChoicesToday } from "~/units/unit-choices.server";
import { capitalize } from "~/units/unit-kinds";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { fieldErrors, formValues, type FieldErrors } from "~/utils/forms";
import { useT } from "~/utils/i18n/use-translation";
import "~/utils/i18n/messages/journeys-more";

// A participant corrects their profile (app/contests/profile-edit.ts): school, class, group,
// birth year, name. Past attempts keep the school they were made under.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "participant");
  const profile = await prisma.participantProfile.findUnique({
    where: { userId: user.id },
    select: { displayName: true, birthYear: true, audience: true, className: true, guardianDeclaredAt: true, unit: { select: { id: true, parentId: true } } },
  });
  if (!profile) throw redirect(`/register?redirectTo=${encodeURIComponent("/me/profile")}`);
  const now = new Date();
  return {
    current: {
      displayName: profile.displayName,
      birthYear: String(profile.birthYear),
      audience: profile.audience,
      areaId: profile.unit.parentId ?? "",
      unitId: profile.unit.id,
      className: profile.className ?? "",
    },
    hasGuardian: profile.guardianDeclaredAt !== null,
    ...(await unitChoicesToday(prisma, now)),
    currentYear: now.getFullYear(),
  };
}

type ActionResult = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "participant");
  const values = formValues(await request.formData());
  const now = new Date();
  const parsed = profileEditSchema(now.getFullYear()).safeParse(values);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const result = await updateParticipantProfile(prisma, user.id, parsed.data, now);
  if (!result.ok) return data<ActionResult>({ errors: { [result.field]: result.key }, values }, { status: 400 });
  throw redirect("/me/data?profile=saved");
}

export default function EditProfile() {
  const t = useT();
  const { current, hasGuardian, areas, areaLevel, schools, currentYear } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values: Record<string, string> = result?.values ?? current;
  const errors = result?.errors ?? {};
  const level = t(`units.level.${areaLevel}`);
  const [areaId, setAreaId] = useState(values.areaId ?? "");
  const [birthYear, setBirthYear] = useState(values.birthYear ?? "");
  // Without JavaScript every school is listed and the guardian part shown; the server checks both.
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const youngest = currentYear - GUARDIAN_AGE;
  const guardianShown = !hasGuardian && (!enhanced || !/^\d{4}$/.test(birthYear) || Number(birthYear) >= youngest);
  const shownSchools = enhanced && areaId ? schools.filter((school) => school.parentId === areaId) : schools;
  const ageQuestioned = errors.birthYear === "profile.error.ageQuestioned" || values.confirmAge === "on";
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <Link to="/me/data" className="text-sm text-brand-700 underline">
        {t("myData.title")}
      </Link>
      <div className="rounded-xl bg-white p-6 shadow-sm">
        <h1 className="mb-2 text-2xl font-bold">{t("profile.title")}</h1>
        <p className="mb-4 text-sm text-slate-700">{t("profile.intro")}</p>
        {errors.form ? <Notice tone="error">{t(errors.form)}</Notice> : null}
        <Form method="post" className="flex flex-col gap-4" noValidate>
          <Field label={t("register.displayName")} name="displayName" defaultValue={values.displayName} error={errors.displayName} required />
          <Field
            label={t("register.birthYear")}
            name="birthYear"
            type="number"
            inputMode="numeric"
            value={birthYear}
            onChange={(event) => setBirthYear(event.currentTarget.value)}
            error={errors.birthYear}
            required
          />
          {ageQuestioned ? (
            <label className="flex items-start gap-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
              <input type="checkbox" name="confirmAge" className="mt-1" defaultChecked={values.confirmAge === "on"} />
              {t("profile.confirmAge")}
            </label>
          ) : null}
          <SelectField label={t("register.audience")} name="audience" defaultValue={values.audience} error={errors.audience}>
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
          <SelectField label={t("register.unit")} name="unitId" defaultValue={values.unitId} error={errors.unitId}>
            <option value="">—</option>
            {shownSchools.map((school) => (
              <option key={school.id} value={school.id}>
                {school.name}
              </option>
            ))}
          </SelectField>
          <Field label={t("register.className")} name="className" defaultValue={values.className} error={errors.className} hint={t("register.classNameHint")} />
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
          <p className="text-xs text-slate-500">{t("profile.pastStays")}</p>
          <Button type="submit">{t("profile.save")}</Button>
        </Form>
      </div>
    </div>
  );
}
