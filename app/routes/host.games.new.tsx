import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { RundownList } from "~/components/broadcast/rundown-list";
import { QuestionPicker } from "~/components/contests/question-picker";
import { Button, Field, Notice } from "~/components/ui/field";
import { PICK_SEARCH_INTENT, pickedIdsFrom, type PickerState } from "~/contests/question-picker";
import { pickerStateFor } from "~/contests/question-picker.server";
import { bankTopics } from "~/contests/pool.server";
import { RUNDOWN_INTENT, createGameFromForm, newGameSchema, rundownFromForm, topicChoices, type RundownFromForm } from "~/live/host-games.server";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { fieldErrors, formValues, type FieldErrors } from "~/utils/forms";
import type { MessageKey } from "~/utils/i18n";
import { getLanguage } from "~/utils/i18n/language.server";
import { useT } from "~/utils/i18n/use-translation";
import { areaLevelAt } from "~/units/history.server";
import "~/utils/i18n/messages/journeys-more";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("live.new.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "host", "organizer", "teacher");
  const [releases, topics, areaLevel, pickerTopics] = await Promise.all([
    prisma.bankRelease.findMany({ select: { id: true, name: true }, orderBy: { createdAt: "desc" } }),
    topicChoices(prisma, await getLanguage(request)),
    areaLevelAt(prisma, new Date()),
    bankTopics(),
  ]);
  return { releases, topics, areaLevel, pickerTopics };
}

type ActionData = {
  errors: FieldErrors;
  message?: { key: MessageKey; params?: Record<string, string> };
  values: Record<string, string>;
  picker: PickerState;
  rundown?: Extract<RundownFromForm, { ok: true }>["draft"];
};

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "host", "organizer", "teacher");
  const formData = await request.formData();
  const values = formValues(formData);
  const picker = await pickerStateFor(values.releaseId || null, values);
  // The picker's search only lists questions; nothing is created.
  if (values.intent === PICK_SEARCH_INTENT) return { errors: {}, values, picker } satisfies ActionData;
  // Questions ticked in the picker follow any typed ids, in the order the list shows them.
  const questionIds = [...new Set([...(values.questionIds ?? "").split(/[\s,;]+/).filter(Boolean), ...pickedIdsFrom(values)])].join("\n");
  const parsed = newGameSchema.safeParse({ ...values, questionIds, topics: formData.getAll("topics").map(String) });
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values, picker } satisfies ActionData, { status: 400 });
  // The rundown steps show (and move or swap) the questions the game would get; nothing is created.
  const intent = String(formData.get("intent") ?? "create");
  if (RUNDOWN_INTENT.test(intent)) {
    const shown = await rundownFromForm(prisma, parsed.data, intent);
    if (!shown.ok) return data({ errors: {}, message: { key: shown.message, params: shown.params }, values, picker } satisfies ActionData, { status: 400 });
    return { errors: {}, values: { ...values, ...shown.values }, picker, rundown: shown.draft } satisfies ActionData;
  }
  const created = await createGameFromForm(prisma, user, parsed.data);
  if (!created.ok) return data({ errors: {}, message: { key: created.message, params: created.params }, values, picker } satisfies ActionData, { status: 400 });
  return redirect(`/host/games/${created.gameId}`);
}

export default function NewGame() {
  const { releases, topics, areaLevel, pickerTopics } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const navigation = useNavigation();
  const t = useT();
  const values = actionData?.values ?? {};
  const errors = actionData?.errors ?? {};
  const [source, setSource] = useState(values.source ?? "filter");
  // A rundown step answers with a list of ids: the form switches to it.
  const [answered, setAnswered] = useState(actionData);
  if (answered !== actionData) {
    setAnswered(actionData);
    setSource(actionData?.values.source ?? source);
  }

  return (
    // A rundown step sends back a new list of ids: the form starts again from what the server says.
    <Form method="post" className="flex max-w-2xl flex-col gap-4" key={`${values.source ?? ""}:${values.questionIds ?? ""}`}>
      {values.seed ? <input type="hidden" name="seed" value={values.seed} /> : null}
      <h1 className="text-2xl font-bold">{t("live.new.title")}</h1>
      {actionData?.message ? <Notice tone="error">{t(actionData.message.key, actionData.message.params)}</Notice> : null}
      <Field label={t("live.new.name")} name="title" required defaultValue={values.title ?? ""} error={errors.title} />
      <Select label={t("live.new.release")} name="releaseId" defaultValue={values.releaseId} error={errors.releaseId}>
        {releases.map((release) => (
          <option key={release.id} value={release.id}>
            {release.name}
          </option>
        ))}
      </Select>
      <Select label={t("live.new.mode")} name="mode" defaultValue={values.mode ?? "classic"}>
        <option value="classic">{t("live.mode.classic")}</option>
        <option value="elimination">{t("live.mode.elimination")}</option>
      </Select>
      <Select label={t("live.new.teams")} name="teamsBy" defaultValue={values.teamsBy ?? "none"}>
        <option value="none">{t("live.teams.none")}</option>
        <option value="school">{t("live.teams.school")}</option>
        <option value="area">{t("live.teams.area", { level: t(`units.level.${areaLevel}`) })}</option>
      </Select>
      <Field
        label={t("live.new.timeLimit")}
        name="timeLimitSeconds"
        type="number"
        min={5}
        max={120}
        required
        defaultValue={values.timeLimitSeconds ?? "20"}
        error={errors.timeLimitSeconds}
      />
      <fieldset className="flex flex-col gap-2 rounded border border-slate-300 p-3">
        <legend className="px-1 text-sm font-medium">{t("live.new.source")}</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="source" value="filter" checked={source === "filter"} onChange={() => setSource("filter")} />
          {t("live.new.source.filter")}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="source" value="pick" checked={source === "pick"} onChange={() => setSource("pick")} />
          {t("live.new.source.pick")}
        </label>
      </fieldset>
      {source === "filter" ? (
        <>
          <fieldset className="flex flex-col gap-1">
            <legend className="text-sm font-medium">{t("live.new.topics")}</legend>
            {topics.map((topic) => (
              <label key={topic.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="topics" value={topic.id} />
                {topic.label}
              </label>
            ))}
          </fieldset>
          <Select label={t("live.new.difficulty")} name="difficulty" defaultValue={values.difficulty ?? "any"}>
            <option value="any">{t("live.new.difficulty.any")}</option>
            <option value="easy">{t("live.new.difficulty.easy")}</option>
            <option value="medium">{t("live.new.difficulty.medium")}</option>
            <option value="hard">{t("live.new.difficulty.hard")}</option>
          </Select>
          <Field label={t("live.new.count")} name="count" type="number" min={1} max={200} required defaultValue={values.count ?? "10"} error={errors.count} />
        </>
      ) : (
        <>
          <input type="hidden" name="count" value="1" />
          <QuestionPicker state={actionData?.picker ?? null} topics={pickerTopics} hint={t("roundPick.gameHint")} />
          <div className="flex flex-col gap-1">
            <label htmlFor="questionIds" className="text-sm font-medium">
              {t("live.new.questionIds")}
            </label>
            <textarea
              id="questionIds"
              name="questionIds"
              rows={6}
              defaultValue={values.questionIds ?? ""}
              aria-describedby="questionIds-hint"
              className="rounded border border-slate-300 px-3 py-2 font-mono text-sm"
            />
            <p id="questionIds-hint" className="text-xs text-slate-500">
              {t("live.new.questionIdsHint")}
            </p>
            {errors.questionIds ? <p className="text-sm text-red-700">{t(errors.questionIds)}</p> : null}
          </div>
        </>
      )}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="create" disabled={navigation.state !== "idle"}>
          {t("live.new.submit")}
        </Button>
        <button
          type="submit"
          name="intent"
          value="rundown"
          disabled={navigation.state !== "idle"}
          className="rounded border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-700 disabled:opacity-60"
        >
          {t("broadcast.rundown.show")}
        </button>
      </div>
      {actionData?.rundown ? <RundownList entries={actionData.rundown.entries} game={actionData.rundown.game} title={values.title ?? ""} /> : null}
    </Form>
  );
}

function Select({
  label,
  name,
  defaultValue,
  error,
  children,
}: {
  label: string;
  name: string;
  defaultValue?: string;
  error?: MessageKey;
  children: React.ReactNode;
}) {
  const t = useT();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={`select-${name}`} className="text-sm font-medium">
        {label}
      </label>
      <select id={`select-${name}`} name={name} defaultValue={defaultValue} className="rounded border border-slate-300 px-3 py-2">
        {children}
      </select>
      {error ? <p className="text-sm text-red-700">{t(error)}</p> : null}
    </div>
  );
}
