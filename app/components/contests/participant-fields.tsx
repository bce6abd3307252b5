import { useEffect, useState } from "react";
import { SelectField } from "~/components/contests/select-field";
import { Field } from "~/components/ui/field";
import type { FieldErrors } from "~/utils/forms";
import { useT } from "~/utils/i18n/use-translation";
import { capitalize, type AreaLevel } from "~/units/unit-kinds";

// The parts of a participant's profile form that registration and correction share
// (app/contests/registration.ts, profile-edit.ts): where they study or work, and a guardian's consent.

export type AreaChoice = { id: string; name: string; province: boolean };
export type SchoolChoice = { id: string; name: string; parentId: string | null };
type Values = Record<string, string | undefined>;

/**
 * The form's live state. Without JavaScript every school is listed and the guardian part shown;
 * the server checks both, so the enhanced form only narrows what is offered.
 */
export function useParticipantFormState(values: Values, schools: readonly SchoolChoice[]) {
  const [areaId, setAreaId] = useState(values.areaId ?? "");
  const [birthYear, setBirthYear] = useState(values.birthYear ?? "");
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const shownSchools = enhanced && areaId ? schools.filter((school) => school.parentId === areaId) : schools;
  /** Whether a guardian's consent may be needed for the birth year typed so far. */
  const mayBeMinor = (youngest: number) => !enhanced || !/^\d{4}$/.test(birthYear) || Number(birthYear) >= youngest;
  return { areaId, setAreaId, birthYear, setBirthYear, shownSchools, mayBeMinor };
}

type PlaceProps = {
  areas: readonly AreaChoice[];
  areaLevel: AreaLevel;
  form: ReturnType<typeof useParticipantFormState>;
  values: Values;
  errors: FieldErrors;
};

/** Area (commune, ward… since 2025), school or workplace under it, and class. */
export function PlaceFields({ areas, areaLevel, form, values, errors }: PlaceProps) {
  const t = useT();
  const level = t(`units.level.${areaLevel}`);
  return (
    <>
      <SelectField
        label={t("register.area", { level: capitalize(level) })}
        name="areaId"
        value={form.areaId}
        onChange={(event) => form.setAreaId(event.currentTarget.value)}
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
        {form.shownSchools.map((school) => (
          <option key={school.id} value={school.id}>
            {school.name}
          </option>
        ))}
      </SelectField>
      <Field label={t("register.className")} name="className" defaultValue={values.className} error={errors.className} hint={t("register.classNameHint")} />
    </>
  );
}

/** A guardian's consent for a participant under GUARDIAN_AGE (born in `youngest` or later). */
export function GuardianFieldset({ youngest, values, errors }: { youngest: number; values: Values; errors: FieldErrors }) {
  const t = useT();
  return (
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
  );
}
