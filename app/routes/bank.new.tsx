import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { loadTaxonomy } from "~/bank/bank-folder.server";
import { writeNewQuestion } from "~/bank/new-question.server";
import type { QuestionFormErrors, QuestionFormValues } from "~/bank/question-form";
import { QuestionFormFields } from "~/components/bank/question-form-fields";
import { topicOptions } from "~/components/bank/topic-options";
import { Button, Notice } from "~/components/ui/field";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formValues } from "~/utils/forms";
import { useT } from "~/utils/i18n/use-translation";
import "~/utils/i18n/messages/journeys-more";
import { pageTitle } from "~/utils/page-title";

// Writing a new question in the web form: checked like a file and an import, saved as a draft that
// a second organizer reviews (app/bank/new-question.server.ts).

export const meta: MetaFunction = pageTitle("bankNew.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "organizer", "teacher");
  const topics = topicOptions(await loadTaxonomy());
  // Starting values: a single-answer question of medium difficulty in the first topic.
  const values: QuestionFormValues = { topic: topics[0]?.value ?? "", difficulty: "medium", type: "single" };
  return { topics, values };
}

type ActionResult = { errors: QuestionFormErrors; values: QuestionFormValues };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "organizer", "teacher");
  const values = formValues(await request.formData());
  const result = await writeNewQuestion(prisma, { values, taxonomy: await loadTaxonomy(), authorId: user.id, now: new Date() });
  if (!result.ok) return data<ActionResult>({ errors: result.errors, values }, { status: 400 });
  await prisma.auditEntry.create({
    data: { actorId: user.id, action: "bank.new", subject: result.questionId, detail: `revision ${result.number}` },
  });
  return redirect(`/bank/${result.questionId}?saved=${result.number}`);
}

export default function NewQuestion() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const values = result?.values ?? loaded.values;
  return (
    <div className="flex flex-col gap-5">
      <Link to="/bank" className="text-sm text-brand-700 underline">
        {t("bank.question.back")}
      </Link>
      <h1 className="text-2xl font-bold">{t("bankNew.title")}</h1>
      <p className="text-slate-700">{t("bankNew.intro")}</p>
      {result ? <Notice tone="error">{t("form.fixErrors")}</Notice> : null}
      {/* The key resets the inputs to the submitted values after a refused save. */}
      <Form method="post" className="flex flex-col gap-5" noValidate key={JSON.stringify(values)}>
        <QuestionFormFields values={values} errors={result?.errors ?? {}} topics={loaded.topics} isNew />
        <div>
          <Button type="submit" disabled={navigation.state === "submitting"}>
            {t("bankNew.save")}
          </Button>
        </div>
      </Form>
    </div>
  );
}
