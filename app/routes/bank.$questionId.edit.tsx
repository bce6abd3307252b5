import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { loadTaxonomy } from "~/bank/bank-folder.server";
import { LIVE_STATUSES } from "~/bank/browse.server";
import { revisionContent, type RevisionStatus } from "~/bank/import.server";
import { parseQuestionForm, questionToFormValues, type QuestionFormErrors, type QuestionFormValues } from "~/bank/question-form";
import { createDraft } from "~/bank/review.server";
import { QuestionFormFields } from "~/components/bank/question-form-fields";
import { topicOptions } from "~/components/bank/topic-options";
import { Button, Notice } from "~/components/ui/field";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formValues } from "~/utils/forms";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/i18n/use-translation";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.questionId} · ASEAN` : "" }];

/** The revision an edit starts from: the question's latest live revision (a pending draft included). */
async function currentRevision(questionId: string) {
  return prisma.questionRevision.findFirst({
    where: { questionId, status: { in: LIVE_STATUSES } },
    select: { number: true, status: true, content: true },
    orderBy: { number: "desc" },
  });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "organizer");
  const questionId = params.questionId ?? "";
  const current = await currentRevision(questionId);
  if (!current) throw new Response("Not found", { status: 404 });
  const latest = await prisma.question.findUniqueOrThrow({ where: { id: questionId }, select: { latestRevisionNumber: true } });
  return {
    questionId,
    baseRevision: current.number,
    baseStatus: current.status as RevisionStatus,
    nextNumber: latest.latestRevisionNumber + 1,
    values: questionToFormValues(revisionContent(current.content)),
    topics: topicOptions(await loadTaxonomy()),
  };
}

type ActionResult = { errors: QuestionFormErrors; values: QuestionFormValues; problem?: MessageKey };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "organizer");
  const questionId = params.questionId ?? "";
  const values = formValues(await request.formData());
  const parsed = parseQuestionForm(questionId, values, await loadTaxonomy());
  if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values, problem: "form.fixErrors" }, { status: 400 });
  const result = await createDraft(prisma, {
    questionId,
    baseRevision: parsed.baseRevision,
    question: parsed.question,
    authorId: user.id,
    now: new Date(),
  });
  if (!result.ok) {
    if (result.code === "question-not-found" || result.code === "id-mismatch") throw new Response("Not found", { status: 404 });
    const problem: MessageKey = result.code === "stale-revision" ? "bank.edit.stale" : "bank.edit.unchanged";
    return data<ActionResult>({ errors: {}, values, problem }, { status: result.code === "stale-revision" ? 409 : 400 });
  }
  await prisma.auditEntry.create({
    data: { actorId: user.id, action: "bank.draft", subject: questionId, detail: `revision ${result.number}` },
  });
  return redirect(`/bank/${questionId}?saved=${result.number}`);
}

export default function EditQuestion() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const values = result?.values ?? loaded.values;
  return (
    <div className="flex flex-col gap-5">
      <Link to={`/bank/${loaded.questionId}`} className="text-sm text-brand-700 underline">
        ← {t("bank.question.title", { id: loaded.questionId })}
      </Link>
      <h1 className="text-2xl font-bold">{t("bank.edit.title", { id: loaded.questionId })}</h1>
      <p className="text-slate-700">
        {t("bank.edit.basedOn", { number: loaded.baseRevision, status: t(`bank.revision.${loaded.baseStatus}`) })}{" "}
        {t("bank.edit.intro", { number: loaded.nextNumber })}
      </p>
      {result?.problem ? <Notice tone="error">{t(result.problem)}</Notice> : null}
      {/* The key resets the inputs to the submitted values after a refused save. */}
      <Form method="post" className="flex flex-col gap-5" noValidate key={JSON.stringify(values)}>
        <input type="hidden" name="baseRevision" value={loaded.baseRevision} />
        <QuestionFormFields values={values} errors={result?.errors ?? {}} topics={loaded.topics} />
        <div>
          <Button type="submit" disabled={navigation.state === "submitting"}>
            {t("bank.edit.save")}
          </Button>
        </div>
      </Form>
    </div>
  );
}
