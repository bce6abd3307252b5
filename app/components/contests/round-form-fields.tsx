import { AUDIENCES } from "~/bank/question-file";
import { QuestionPicker } from "~/components/contests/question-picker";
import { Field } from "~/components/ui/field";
import type { PickerState } from "~/contests/question-picker";
import { GRID_COLUMNS, gridFieldName, PREDICTION_BASES } from "~/contests/round-form";
import type { FieldErrors } from "~/utils/forms";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import "~/utils/i18n/messages/journeys-more";

type Props = {
  topics: { id: string; vi: string; en: string }[];
  releases: { id: string; name: string }[];
  /** Units an organizer may scope a round to; a teacher's round is always for their own school. */
  units: { id: string; name: string }[] | null;
  values?: Record<string, string>;
  errors?: FieldErrors;
  defaults: { opensAt: string; closesAt: string };
  /** The hand-picked questions and the last search, as the action sent them back. */
  picker?: PickerState | null;
};

const selectClass = "rounded border border-slate-300 px-3 py-2 text-base";

/** The fields of a round: window, draw grid (topics × difficulty), limits, prediction, scope. */
export function RoundFormFields({ topics, releases, units, values = {}, errors = {}, defaults, picker = null }: Props) {
  const t = useT();
  const language = useLanguage();
  const teacher = units === null;
  return (
    <div className="flex flex-col gap-4">
      <Field label={t("rounds.field.title")} name="title" defaultValue={values.title} error={errors.title} required />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t("rounds.field.opensAt")}
          name="opensAt"
          type="datetime-local"
          defaultValue={values.opensAt ?? defaults.opensAt}
          error={errors.opensAt}
          required
        />
        <Field
          label={t("rounds.field.closesAt")}
          name="closesAt"
          type="datetime-local"
          defaultValue={values.closesAt ?? defaults.closesAt}
          error={errors.closesAt}
          required
        />
      </div>
      <p className="text-xs text-slate-500">{t("rounds.field.timeZone")}</p>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("rounds.field.release")}
        <select name="releaseId" defaultValue={values.releaseId} className={selectClass}>
          {releases.map((release) => (
            <option key={release.id} value={release.id}>
              {release.name}
            </option>
          ))}
        </select>
      </label>
      {/* min-w-0: a fieldset is as wide as its content by default, and the grid scrolls inside it on a phone. */}
      <fieldset className="flex min-w-0 flex-col gap-2">
        <legend className="text-sm font-medium">{t("rounds.field.mix")}</legend>
        <p className="text-xs text-slate-500">{t("rounds.field.mixHint")}</p>
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead>
              <tr>
                <th className="p-1 text-left">{t("rounds.field.topic")}</th>
                {GRID_COLUMNS.map((column) => (
                  <th key={column} className="p-1">
                    {t(`rounds.difficulty.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {topics.map((topic) => (
                <tr key={topic.id} className="border-t border-slate-100">
                  <th scope="row" className="p-1 text-left font-normal">
                    {language === "en" ? topic.en : topic.vi}
                  </th>
                  {GRID_COLUMNS.map((column) => (
                    <td key={column} className="p-1">
                      <input
                        type="number"
                        min={0}
                        max={100}
                        inputMode="numeric"
                        name={gridFieldName(topic.id, column)}
                        aria-label={`${language === "en" ? topic.en : topic.vi} — ${t(`rounds.difficulty.${column}`)}`}
                        defaultValue={values[gridFieldName(topic.id, column)]}
                        className="w-16 rounded border border-slate-300 px-2 py-1"
                      />
                    </td>
                  ))}
                </tr>
              ))}
              <tr className="border-t border-slate-100">
                <th scope="row" className="p-1 text-left font-normal">
                  {t("rounds.field.anyTopic")}
                </th>
                <td className="p-1">
                  <input
                    type="number"
                    min={0}
                    max={100}
                    inputMode="numeric"
                    name="mix.any"
                    aria-label={t("rounds.field.anyTopic")}
                    defaultValue={values["mix.any"]}
                    className="w-16 rounded border border-slate-300 px-2 py-1"
                  />
                </td>
              </tr>
            </tbody>
          </table>
        </div>
        {errors.mix ? <p className="text-sm text-red-700">{t(errors.mix)}</p> : null}
      </fieldset>
      <QuestionPicker state={picker} topics={topics} hint={t("roundPick.roundHint")} />
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("rounds.field.questionAudience")}
        <select name="questionAudience" defaultValue={values.questionAudience ?? ""} className={selectClass}>
          <option value="">{t("rounds.field.anyAudience")}</option>
          {AUDIENCES.map((audience) => (
            <option key={audience} value={audience}>
              {t(`contests.audience.${audience}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t("rounds.field.timeLimit")}
          name="timeLimitMinutes"
          type="number"
          step="0.25"
          min={0.25}
          defaultValue={values.timeLimitMinutes ?? "10"}
          error={errors.timeLimitMinutes}
          required
        />
        <Field
          label={t("rounds.field.maxAttempts")}
          name="maxAttempts"
          type="number"
          min={1}
          max={10}
          defaultValue={values.maxAttempts ?? "2"}
          error={errors.maxAttempts}
          hint={t("rounds.field.maxAttemptsHint")}
          required
        />
      </div>
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium">{t("rounds.field.audiences")}</legend>
        <p className="text-xs text-slate-500">{t("rounds.field.audiencesHint")}</p>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {AUDIENCES.map((audience) => (
            <label key={audience} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={`audience.${audience}`} defaultChecked={values[`audience.${audience}`] === "on"} />
              {t(`contests.audience.${audience}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">{t("rounds.field.predictionTitle")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="prediction" defaultChecked={values.prediction === "on"} />
          {t("rounds.field.prediction")}
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("rounds.field.predictionBasis")}
          <select name="predictionBasis" defaultValue={values.predictionBasis ?? "all-correct"} className={selectClass}>
            {PREDICTION_BASES.map((basis) => (
              <option key={basis} value={basis}>
                {t(`rounds.basis.${basis}`)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">{t("rounds.field.scope")}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {(teacher ? (["school", "class"] as const) : (["province", "school", "class"] as const)).map((scope) => (
            <label key={scope} className="flex items-center gap-2 text-sm">
              <input type="radio" name="scope" value={scope} defaultChecked={(values.scope ?? (teacher ? "class" : "province")) === scope} />
              {t(`rounds.scope.${scope}`)}
            </label>
          ))}
        </div>
        {errors.scope ? <p className="text-sm text-red-700">{t(errors.scope)}</p> : null}
        {units ? (
          <label className="flex flex-col gap-1 text-sm">
            {t("rounds.field.scopeUnit")}
            <select name="scopeUnitId" defaultValue={values.scopeUnitId ?? ""} className={selectClass}>
              <option value="">—</option>
              {units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </select>
            {errors.scopeUnitId ? <span className="text-sm text-red-700">{t(errors.scopeUnitId)}</span> : null}
          </label>
        ) : null}
        <Field
          label={t("rounds.field.scopeClass")}
          name="scopeClass"
          defaultValue={values.scopeClass}
          error={errors.scopeClass}
          hint={t("rounds.field.scopeClassHint")}
        />
      </fieldset>
    </div>
  );
}
