import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { loadTaxonomy } from "~/bank/bank-folder.server";
import type { BankIssue } from "~/bank/issues";
import { formField } from "~/bank/question-form";
import { AUDIENCES, DIFFICULTIES } from "~/bank/question-file";
import { IMPORT_FORMATS, IMPORT_MAX_BYTES, QUIZ_FORMATS, type ImportFormat } from "~/bank/import-formats";
import { checkImport, commitImport, quizDefaultsSchema, type QuizDefaults } from "~/bank/web-import.server";
import { IssueList } from "~/components/bank/issue-list";
import { Select } from "~/components/bank/question-form-fields";
import { topicOptions } from "~/components/bank/topic-options";
import { Button, Field, Notice } from "~/components/ui/field";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formValues } from "~/utils/forms";
import { type MessageKey, type MessageParams } from "~/utils/i18n";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("bank.import.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "organizer", "teacher");
  return { topics: topicOptions(await loadTaxonomy()) };
}

type PreviewRow = { number: number; line?: number; row?: number; id: string; prompt: string; action: "new" | "revised" | "unchanged" };
type ImportResult =
  | { stage: "problem"; problem: MessageKey; params?: MessageParams; defaultsErrors?: Record<string, MessageKey> }
  | { stage: "errors"; issues: BankIssue[] }
  | { stage: "preview"; rows: PreviewRow[]; counts: Record<PreviewRow["action"], number>; payload: string; fields: Record<string, string> }
  | { stage: "done"; created: number; revised: number; unchanged: number };

const isFormat = (value: unknown): value is ImportFormat => IMPORT_FORMATS.includes(value as ImportFormat);

/** The form's defaults for quiz formats, or the inputs they are missing. */
function readDefaults(values: Record<string, string>): { ok: true; defaults: QuizDefaults } | { ok: false; errors: Record<string, MessageKey> } {
  const parsed = quizDefaultsSchema.safeParse({
    ...values,
    audiences: AUDIENCES.filter((audience) => values[formField.audience(audience)] === "on"),
  });
  if (parsed.success) return { ok: true, defaults: parsed.data };
  const errors: Record<string, MessageKey> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message === "invalid-format" ? "bank.issue.invalid-format" : "bank.issue.required";
  }
  return { ok: false, errors };
}

/** The fields to send again with the commit, so it checks exactly what the preview checked. */
const DEFAULT_FIELDS = ["topic", "difficulty", "source_title", "source_date", "source_publisher", "source_url", "explanation"];

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "organizer", "teacher");
  // The file travels once as an upload and once, at commit, as base64 text (4/3 of its size).
  if (Number(request.headers.get("Content-Length") ?? 0) > IMPORT_MAX_BYTES * 1.5) {
    return data<ImportResult>({ stage: "problem", problem: "bank.import.tooLarge" }, { status: 413 });
  }
  const form = await request.formData();
  const values = formValues(form);
  const format = values.format;
  if (!isFormat(format)) return data<ImportResult>({ stage: "problem", problem: "bank.import.noFile" }, { status: 400 });

  let bytes: Buffer;
  const file = form.get("file");
  if (values.intent === "commit" && values.payload) bytes = Buffer.from(values.payload, "base64");
  else if (file instanceof File && file.size > 0) bytes = Buffer.from(await file.arrayBuffer());
  else return data<ImportResult>({ stage: "problem", problem: "bank.import.noFile" }, { status: 400 });
  if (bytes.length > IMPORT_MAX_BYTES) return data<ImportResult>({ stage: "problem", problem: "bank.import.tooLarge" }, { status: 413 });

  let defaults: QuizDefaults | null = null;
  if (QUIZ_FORMATS.includes(format)) {
    const read = readDefaults(values);
    if (!read.ok) {
      return data<ImportResult>({ stage: "problem", problem: "bank.import.fixDefaults", defaultsErrors: read.errors }, { status: 400 });
    }
    defaults = read.defaults;
  }

  const checked = await checkImport(prisma, { format, bytes, taxonomy: await loadTaxonomy(), defaults });
  if (!checked.ok) return data<ImportResult>({ stage: "errors", issues: checked.issues }, { status: 400 });
  const changed = checked.questions.filter((entry) => entry.action !== "unchanged");

  if (values.intent !== "commit") {
    const fields: Record<string, string> = { format };
    if (defaults) {
      for (const name of DEFAULT_FIELDS) if (values[name]) fields[name] = values[name];
      for (const audience of defaults.audiences) fields[formField.audience(audience)] = "on";
    }
    const counts = { new: 0, revised: 0, unchanged: 0 };
    for (const entry of checked.questions) counts[entry.action] += 1;
    return data<ImportResult>({
      stage: "preview",
      rows: checked.questions.map((entry, index) => ({
        number: index + 1,
        ...entry.location,
        id: entry.question.id,
        prompt: entry.question.prompt.vi,
        action: entry.action,
      })),
      counts,
      payload: bytes.toString("base64"),
      fields,
    });
  }
  if (changed.length === 0) return data<ImportResult>({ stage: "problem", problem: "bank.import.nothingToDo" }, { status: 400 });
  const report = await commitImport(prisma, checked.questions, { authorId: user.id, now: new Date() });
  await prisma.auditEntry.create({
    data: {
      actorId: user.id,
      action: "bank.import",
      subject: format,
      detail: `${report.created.length} new, ${report.revised.length} revised`,
    },
  });
  return data<ImportResult>({
    stage: "done",
    created: report.created.length,
    revised: report.revised.length,
    unchanged: report.unchanged,
  });
}

export default function ImportQuestions() {
  const t = useT();
  const language = useLanguage();
  const { topics } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const defaultsErrors = result?.stage === "problem" ? (result.defaultsErrors ?? {}) : {};
  return (
    <div className="flex flex-col gap-5">
      <Link to="/bank" className="text-sm text-brand-700 underline">
        {t("bank.question.back")}
      </Link>
      <h1 className="text-2xl font-bold">{t("bank.import.title")}</h1>
      <p className="text-slate-700">{t("bank.import.intro")}</p>
      {result?.stage === "problem" ? <Notice tone="error">{t(result.problem, result.params)}</Notice> : null}
      {result?.stage === "errors" ? <IssueList issues={result.issues} /> : null}
      {result?.stage === "done" ? (
        <Notice tone="success">
          {t("bank.import.done", { created: result.created, revised: result.revised, unchanged: result.unchanged })}{" "}
          <Link to="/bank/review" className="underline">
            {t("bank.review.title")}
          </Link>
        </Notice>
      ) : null}
      {result?.stage === "preview" ? (
        <section className="rounded-xl bg-white p-5 shadow-sm">
          <h2 className="mb-1 text-lg font-semibold">{t("bank.import.previewTitle", { count: result.rows.length })}</h2>
          <p className="mb-3 text-sm">
            {t("bank.import.summary", { new: result.counts.new, revised: result.counts.revised, unchanged: result.counts.unchanged })}
          </p>
          <div className="max-h-96 overflow-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b">
                  <th className="py-1 pr-3">#</th>
                  <th className="py-1 pr-3">{t("bank.import.idColumn")}</th>
                  <th className="py-1 pr-3">{t("bank.question.prompt")}</th>
                  <th className="py-1 pr-3" />
                </tr>
              </thead>
              <tbody>
                {result.rows.map((row) => (
                  <tr key={row.number} className="border-b border-slate-100 align-top">
                    <td className="py-1 pr-3">{row.line ?? row.row ?? row.number}</td>
                    <td className="py-1 pr-3 font-mono text-xs">{row.id}</td>
                    <td className="py-1 pr-3">{row.prompt}</td>
                    <td className="py-1 pr-3">{t(`bank.import.action.${row.action}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Form method="post" className="mt-4">
            <input type="hidden" name="intent" value="commit" />
            <input type="hidden" name="payload" value={result.payload} />
            {Object.entries(result.fields).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <Button type="submit" disabled={navigation.state === "submitting" || result.counts.new + result.counts.revised === 0}>
              {t("bank.import.confirm", { count: result.counts.new + result.counts.revised })}
            </Button>
          </Form>
        </section>
      ) : null}

      <Form method="post" encType="multipart/form-data" className="flex flex-col gap-4 rounded-xl bg-white p-5 shadow-sm">
        <input type="hidden" name="intent" value="preview" />
        <Select label={t("bank.import.format")} name="format" defaultValue="csv">
          {IMPORT_FORMATS.map((value) => (
            <option key={value} value={value}>
              {t(`bank.import.format.${value}`)}
            </option>
          ))}
        </Select>
        <div className="flex flex-col gap-1">
          <label htmlFor="bank-import-file" className="text-sm font-medium">
            {t("bank.import.file")}
          </label>
          <input id="bank-import-file" name="file" type="file" accept=".csv,.xlsx,.txt,.gift,text/plain,text/csv" />
        </div>
        {/* The server reads these only for quiz formats. */}
        <fieldset className="grid gap-3 rounded border border-slate-200 p-4 sm:grid-cols-2">
          <legend className="px-1 font-semibold">{t("bank.import.defaults")}</legend>
          <p className="text-sm text-slate-600 sm:col-span-2">{t("bank.import.defaultsHint")}</p>
          <Select label={t("bank.topic")} name="topic" defaultValue="" error={defaultsErrors.topic} id="import-topic">
            <option value="" />
            {topics.map((topic) => (
              <option key={topic.value} value={topic.value}>
                {topic[language]}
              </option>
            ))}
          </Select>
          <Select label={t("bank.difficulty")} name="difficulty" defaultValue="medium" error={defaultsErrors.difficulty} id="import-difficulty">
            {DIFFICULTIES.map((value) => (
              <option key={value} value={value}>
                {t(`bank.difficulty.${value}`)}
              </option>
            ))}
          </Select>
          <fieldset className="flex flex-col gap-1 sm:col-span-2">
            <legend className="text-sm font-medium">{t("bank.audiences")}</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {AUDIENCES.map((audience) => (
                <label key={audience} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name={formField.audience(audience)} />
                  {t(`bank.audience.${audience}`)}
                </label>
              ))}
            </div>
            {defaultsErrors.audiences ? <p className="text-sm text-red-700">{t(defaultsErrors.audiences)}</p> : null}
          </fieldset>
          <Field label={t("bank.edit.sourceTitle")} name="source_title" id="import-source-title" error={defaultsErrors.source_title} />
          <Field
            label={t("bank.edit.sourceDate")}
            name="source_date"
            id="import-source-date"
            hint={t("bank.edit.sourceDateHint")}
            error={defaultsErrors.source_date}
          />
          <Field label={t("bank.edit.sourcePublisher")} name="source_publisher" id="import-source-publisher" />
          <Field label={t("bank.edit.sourceUrl")} name="source_url" id="import-source-url" error={defaultsErrors.source_url} />
          <div className="sm:col-span-2">
            <Field
              label={t("bank.import.defaultExplanation")}
              name="explanation"
              id="import-explanation"
              hint={t("bank.import.defaultExplanationHint")}
            />
          </div>
        </fieldset>
        <div>
          <Button type="submit" disabled={navigation.state === "submitting"}>
            {t("bank.import.preview")}
          </Button>
        </div>
      </Form>
    </div>
  );
}
