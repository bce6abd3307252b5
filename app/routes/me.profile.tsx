import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AUDIENCES } from "~/bank/question-file";
import { GuardianFieldset, PlaceFields, useParticipantFormState } from "~/components/contests/participant-fields";
import { SelectField } from "~/components/contests/select-field";
import { Button, Field, Notice } from "~/components/ui/field";
import { profileEditSchema } from "~/contests/profile-edit";
import { updateParticipantProfile } from "~/contests/profile-edit.server";
import { GUARDIAN_AGE } from "~/contests/registration";
import { unitChoicesToday } from "~/units/unit-choices.server";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { fieldErrors, formValues, type FieldErrors } from "~/utils/forms";
import { useT } from "~/utils/i18n/use-translation";
import "~/utils/i18n/messages/journeys-more";
import { pageTitle } from "~/utils/page-title";

// A participant corrects their profile (app/contests/profile-edit.ts): school, class, group,
// birth year, name. Past attempts keep the school they were made under.

export const meta: MetaFunction = pageTitle("profile.title");

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
  const form = useParticipantFormState(values, schools);
  const youngest = currentYear - GUARDIAN_AGE;
  const guardianShown = !hasGuardian && form.mayBeMinor(youngest);
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
            value={form.birthYear}
            onChange={(event) => form.setBirthYear(event.currentTarget.value)}
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
          <PlaceFields areas={areas} areaLevel={areaLevel} form={form} values={values} errors={errors} />
          {guardianShown ? <GuardianFieldset youngest={youngest} values={values} errors={errors} /> : null}
          <p className="text-xs text-slate-500">{t("profile.pastStays")}</p>
          <Button type="submit">{t("profile.save")}</Button>
        </Form>
      </div>
    </div>
  );
}
