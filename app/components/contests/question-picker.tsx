import { DIFFICULTIES } from "~/bank/question-file";
import { SelectField } from "~/components/contests/select-field";
import { Field } from "~/components/ui/field";
import { pickFieldName, PICK_SEARCH_INTENT, type PickerQuestion, type PickerState } from "~/contests/question-picker";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import "~/utils/i18n/messages/journeys-more";

type Props = {
  state: PickerState | null;
  topics: { id: string; vi: string; en: string }[];
  /** What the picked questions are for: a round draws them in every attempt, a live game plays them in order. */
  hint: string;
};

/**
 * Hand-picking questions by searching the release (app/contests/question-picker.ts). Lives inside
 * the round or game form: its search button submits that form with intent=pick-search and comes
 * first in the document, so Enter in any field searches rather than creates.
 */
export function QuestionPicker({ state, topics, hint }: Props) {
  const t = useT();
  const language = useLanguage();
  const picked = state?.picked ?? [];
  const results = state?.results ?? null;
  const topicName = (id: string) => {
    const topic = topics.find((candidate) => candidate.id === id);
    return topic ? topic[language] : id;
  };
  const line = (question: PickerQuestion, checked: boolean) => (
    <li key={question.id} className="py-1">
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name={pickFieldName(question.id)} defaultChecked={checked} className="mt-1 h-5 w-5 shrink-0" />
        <span>
          <span className="block">{language === "en" && question.prompt.en ? question.prompt.en : question.prompt.vi}</span>
          <span className="block text-xs text-slate-500">
            <span className="font-mono">{question.id}</span> · {topicName(question.topic)} · {t(`rounds.difficulty.${question.difficulty}`)} ·{" "}
            {t("roundPick.options", { count: question.optionCount })}
          </span>
        </span>
      </label>
    </li>
  );
  return (
    <fieldset className="flex min-w-0 flex-col gap-3 rounded border border-slate-200 p-3" aria-labelledby="picker-legend">
      <legend id="picker-legend" className="px-1 text-sm font-medium">
        {t("roundPick.title")}
      </legend>
      <p className="text-xs text-slate-500">{hint}</p>
      <section aria-label={t("roundPick.pickedList")}>
        {picked.length === 0 ? (
          <p className="text-sm text-slate-600">{t("roundPick.noneYet")}</p>
        ) : (
          <>
            <p className="text-sm font-medium">{t("roundPick.pickedCount", { count: picked.length })}</p>
            <ol className="divide-y divide-slate-100">{picked.map((question) => line(question, true))}</ol>
          </>
        )}
      </section>
      <div className="grid gap-2 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
        <Field label={t("roundPick.search")} name="pickQuery" defaultValue={state?.query.q ?? ""} hint={t("roundPick.searchHint")} />
        <SelectField label={t("rounds.field.topic")} name="pickTopic" defaultValue={state?.query.topic ?? ""}>
          <option value="">{t("rounds.difficulty.any")}</option>
          {topics.map((topic) => (
            <option key={topic.id} value={topic.id}>
              {topic[language]}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("roundPick.difficulty")} name="pickDifficulty" defaultValue={state?.query.difficulty ?? ""}>
          <option value="">{t("rounds.difficulty.any")}</option>
          {DIFFICULTIES.map((difficulty) => (
            <option key={difficulty} value={difficulty}>
              {t(`rounds.difficulty.${difficulty}`)}
            </option>
          ))}
        </SelectField>
        <button
          type="submit"
          name="intent"
          value={PICK_SEARCH_INTENT}
          className="rounded border border-brand-700 px-3 py-2 text-sm font-semibold text-brand-700"
        >
          {t("roundPick.searchSubmit")}
        </button>
      </div>
      {results !== null ? (
        <section aria-label={t("roundPick.results")}>
          {results.length === 0 ? (
            <p className="text-sm text-slate-600">{t("roundPick.noResults")}</p>
          ) : (
            <>
              <p className="text-sm">{t("roundPick.resultsHint", { count: results.length })}</p>
              <ul className="divide-y divide-slate-100">{results.map((question) => line(question, false))}</ul>
            </>
          )}
        </section>
      ) : null}
    </fieldset>
  );
}
