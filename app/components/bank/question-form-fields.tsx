import { formField, OPTION_NUMBERS, type QuestionFormErrors, type QuestionFormValues } from "~/bank/question-form";
import { AUDIENCES, DIFFICULTIES, QUESTION_TYPES } from "~/bank/question-file";
import { Field } from "~/components/ui/field";
import type { MessageKey } from "~/utils/i18n";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import type { TopicOption } from "./topic-options";

/** `isNew`: a question being written, which cannot start retired. */
type Props = { values: QuestionFormValues; errors: QuestionFormErrors; topics: readonly TopicOption[]; isNew?: boolean };

const inputClass =
  "rounded border border-slate-300 px-3 py-2 text-base focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30";

/** Every field of the question format, named as app/bank/question-form.ts reads them. */
export function QuestionFormFields({ values, errors, topics, isNew = false }: Props) {
  const t = useT();
  const language = useLanguage();
  const error = (field: string) => {
    const issue = errors[field];
    return issue ? { error: `bank.issue.${issue.code}` as MessageKey, errorParams: issue.params } : {};
  };
  return (
    <div className="flex flex-col gap-6">
      <fieldset className="flex flex-col gap-3 rounded-xl bg-white p-5 shadow-sm">
        <legend className="px-1 text-lg font-semibold">{t("bank.edit.sectionText")}</legend>
        <TextArea label={t("bank.edit.promptVi")} name="prompt_vi" defaultValue={values.prompt_vi} rows={3} {...error("prompt_vi")} />
        <TextArea label={t("bank.edit.promptEn")} name="prompt_en" defaultValue={values.prompt_en} rows={2} {...error("prompt_en")} />
        <p className="text-sm text-slate-600" id="options-hint">
          {t("bank.edit.optionsHint")}
        </p>
        {errors.options ? (
          <p className="text-sm text-red-700" role="alert">
            {t(`bank.issue.${errors.options.code}` as MessageKey, errors.options.params)}
          </p>
        ) : null}
        {OPTION_NUMBERS.map((number) => (
          <div key={number} className="grid gap-2 rounded border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
            <Field
              label={t("bank.edit.optionVi", { number })}
              name={formField.optionVi(number)}
              defaultValue={values[formField.optionVi(number)] ?? ""}
              {...error(formField.optionVi(number))}
            />
            <Field
              label={t("bank.edit.optionEn", { number })}
              name={formField.optionEn(number)}
              defaultValue={values[formField.optionEn(number)] ?? ""}
              {...error(formField.optionEn(number))}
            />
            <label className="flex items-center gap-2 py-2 text-sm">
              <input
                type="checkbox"
                name={formField.optionCorrect(number)}
                defaultChecked={values[formField.optionCorrect(number)] === "on"}
                className="h-5 w-5"
              />
              {t("bank.edit.optionCorrect", { number })}
            </label>
          </div>
        ))}
        <TextArea label={t("bank.edit.explanationVi")} name="explanation_vi" defaultValue={values.explanation_vi} rows={3} {...error("explanation_vi")} />
        <TextArea label={t("bank.edit.explanationEn")} name="explanation_en" defaultValue={values.explanation_en} rows={3} {...error("explanation_en")} />
      </fieldset>

      <fieldset className="grid gap-3 rounded-xl bg-white p-5 shadow-sm sm:grid-cols-2">
        <legend className="px-1 text-lg font-semibold">{t("bank.edit.sectionPlacement")}</legend>
        <Select label={t("bank.topic")} name="topic" defaultValue={values.topic} {...error("topic")}>
          {topics.map((topic) => (
            <option key={topic.value} value={topic.value}>
              {topic[language]}
            </option>
          ))}
        </Select>
        <Select label={t("bank.difficulty")} name="difficulty" defaultValue={values.difficulty} {...error("difficulty")}>
          {DIFFICULTIES.map((difficulty) => (
            <option key={difficulty} value={difficulty}>
              {t(`bank.difficulty.${difficulty}`)}
            </option>
          ))}
        </Select>
        <Select label={t("bank.type")} name="type" defaultValue={values.type} {...error("type")}>
          {QUESTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`bank.type.${type}`)}
            </option>
          ))}
        </Select>
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium">{t("bank.audiences")}</legend>
          {AUDIENCES.map((audience) => (
            <label key={audience} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={formField.audience(audience)} defaultChecked={values[formField.audience(audience)] === "on"} />
              {t(`bank.audience.${audience}`)}
            </label>
          ))}
          {errors.audiences ? (
            <p className="text-sm text-red-700">{t(`bank.issue.${errors.audiences.code}` as MessageKey, errors.audiences.params)}</p>
          ) : null}
        </fieldset>
        <Field label={t("bank.edit.locality")} name="locality" defaultValue={values.locality} {...error("locality")} />
        <Field label={t("bank.edit.image")} name="image" defaultValue={values.image} {...error("image")} />
        {isNew ? null : (
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input type="checkbox" name="retired" defaultChecked={values.retired === "on"} className="h-5 w-5" />
            {t("bank.edit.retire")}
          </label>
        )}
      </fieldset>

      <fieldset className="grid gap-3 rounded-xl bg-white p-5 shadow-sm sm:grid-cols-2">
        <legend className="px-1 text-lg font-semibold">{t("bank.edit.sectionSource")}</legend>
        <Field label={t("bank.edit.sourceTitle")} name="source_title" defaultValue={values.source_title} {...error("source_title")} />
        <Field label={t("bank.edit.sourcePublisher")} name="source_publisher" defaultValue={values.source_publisher} {...error("source_publisher")} />
        <Field label={t("bank.edit.sourceUrl")} name="source_url" type="url" defaultValue={values.source_url} {...error("source_url")} />
        <Field
          label={t("bank.edit.sourceDate")}
          name="source_date"
          hint={t("bank.edit.sourceDateHint")}
          defaultValue={values.source_date}
          {...error("source_date")}
        />
        <Field label={t("bank.edit.sourceLocator")} name="source_locator" defaultValue={values.source_locator} {...error("source_locator")} />
      </fieldset>
    </div>
  );
}

type ErrorProps = { error?: MessageKey; errorParams?: Record<string, string | number> };

function TextArea({
  label,
  name,
  error,
  errorParams,
  ...props
}: React.TextareaHTMLAttributes<HTMLTextAreaElement> & ErrorProps & { label: string; name: string }) {
  const t = useT();
  const id = `field-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={inputClass}
        {...props}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {t(error, errorParams)}
        </p>
      ) : null}
    </div>
  );
}

export function Select({
  label,
  name,
  error,
  errorParams,
  children,
  ...props
}: React.SelectHTMLAttributes<HTMLSelectElement> & ErrorProps & { label: string; name: string }) {
  const t = useT();
  const id = props.id ?? `field-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={inputClass}
        {...props}
      >
        {children}
      </select>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {t(error, errorParams)}
        </p>
      ) : null}
    </div>
  );
}
