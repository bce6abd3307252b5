import type { BankQuestion } from "~/bank/question-file";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { topicLabel, type TopicOption } from "./topic-options";

/** A question as a reviewer reads it: both languages, the correct options marked, its source. */
export function QuestionView({ question, topics }: { question: BankQuestion; topics: readonly TopicOption[] }) {
  const t = useT();
  const language = useLanguage();
  const { source } = question;
  return (
    <article className="flex flex-col gap-4 rounded-xl bg-white p-5 shadow-sm">
      <div className="flex flex-wrap gap-2 text-xs">
        <Tag>{topicLabel(topics, question.topic, question.subtopic, language)}</Tag>
        <Tag>{t(`bank.difficulty.${question.difficulty}`)}</Tag>
        <Tag>{t(`bank.type.${question.type}`)}</Tag>
        {question.audiences.map((audience) => (
          <Tag key={audience}>{t(`bank.audience.${audience}`)}</Tag>
        ))}
        <Tag>{t(`bank.status.${question.status}`)}</Tag>
      </div>
      <section>
        <h2 className="sr-only">{t("bank.question.prompt")}</h2>
        <p className="text-lg font-semibold" lang="vi" data-testid="prompt-vi">
          {question.prompt.vi}
        </p>
        {question.prompt.en ? (
          <p className="text-slate-600" lang="en">
            {question.prompt.en}
          </p>
        ) : null}
      </section>
      <section>
        <h2 className="sr-only">{t("bank.question.options")}</h2>
        <ol className="flex flex-col gap-2">
          {question.options.map((option, index) => (
            <li
              key={index}
              className={`rounded border px-3 py-2 ${option.correct ? "border-green-500 bg-green-50" : "border-slate-200"}`}
            >
              <span className="mr-2 font-mono text-sm text-slate-500">{index + 1}.</span>
              <span lang="vi">{option.vi}</span>
              {option.en ? (
                <span className="text-slate-600" lang="en">
                  {" "}
                  / {option.en}
                </span>
              ) : null}
              {option.correct ? <span className="ml-2 text-sm font-semibold text-green-800">✓ {t("bank.question.correct")}</span> : null}
            </li>
          ))}
        </ol>
      </section>
      <section>
        <h2 className="text-sm font-semibold text-slate-600">{t("bank.question.explanation")}</h2>
        <p className="whitespace-pre-line" lang="vi">
          {question.explanation.vi}
        </p>
        {question.explanation.en ? (
          <p className="whitespace-pre-line text-slate-600" lang="en">
            {question.explanation.en}
          </p>
        ) : null}
      </section>
      <section className="text-sm">
        <h2 className="font-semibold text-slate-600">{t("bank.question.source")}</h2>
        <p>
          {source.url ? (
            <a href={source.url} className="text-brand-700 underline" rel="noreferrer noopener" target="_blank">
              {source.title}
            </a>
          ) : (
            source.title
          )}
          {source.publisher ? `, ${source.publisher}` : ""} ({source.date}){source.locator ? `, ${source.locator}` : ""}
        </p>
        {question.locality ? (
          <p className="mt-1 text-slate-600">
            {t("bank.question.locality")}: {question.locality}
          </p>
        ) : null}
      </section>
    </article>
  );
}

export function Tag({ children }: { children: React.ReactNode }) {
  return <span className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-700">{children}</span>;
}
