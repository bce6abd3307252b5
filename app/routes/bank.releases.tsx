import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { bankDir, shownBankDir } from "~/bank/bank-folder.server";
import { createRelease, exportQuestions, writeQuestionFiles } from "~/bank/import.server";
import { listReleases, suggestReleaseName } from "~/bank/review.server";
import { formatBankDate } from "~/components/bank/format-date";
import { Button, Field, Notice } from "~/components/ui/field";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { formValues } from "~/utils/forms";
import { type MessageKey, type MessageParams } from "~/utils/i18n";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("bank.releases.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "organizer");
  const summary = await listReleases(prisma);
  return {
    ...summary,
    suggestedName: suggestReleaseName(
      summary.releases.map((release) => release.name),
      new Date(),
    ),
  };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create"), name: z.string().trim().max(40) }),
  z.object({ intent: z.literal("export-files") }),
]);

type ActionResult = { tone: "success" | "error"; key: MessageKey; params?: MessageParams };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "organizer");
  const parsed = actionSchema.safeParse(formValues(await request.formData()));
  if (!parsed.success) return data<ActionResult>({ tone: "error", key: "bank.releases.error.release-name-invalid" }, { status: 400 });

  if (parsed.data.intent === "export-files") {
    const folder = bankDir();
    const written = await writeQuestionFiles(folder, await exportQuestions(prisma));
    await prisma.auditEntry.create({
      data: { actorId: user.id, action: "bank.export", subject: "question-bank", detail: `${written.length} files` },
    });
    return data<ActionResult>({
      tone: "success",
      key: "bank.export.done",
      params: { count: written.length, folder: shownBankDir(folder) },
    });
  }

  const result = await createRelease(prisma, { name: parsed.data.name, createdById: user.id, now: new Date() });
  if (!result.ok) return data<ActionResult>({ tone: "error", key: `bank.releases.error.${result.code}` }, { status: 400 });
  await prisma.auditEntry.create({
    data: { actorId: user.id, action: "bank.release", subject: result.name, detail: `${result.pinned} questions` },
  });
  return data<ActionResult>({
    tone: "success",
    key: "bank.releases.created",
    params: { name: result.name, pinned: result.pinned, published: result.published.length },
  });
}

export default function Releases() {
  const t = useT();
  const language = useLanguage();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="flex flex-col gap-5">
      <Link to="/bank" className="text-sm text-brand-700 underline">
        {t("bank.question.back")}
      </Link>
      <h1 className="text-2xl font-bold">{t("bank.releases.title")}</h1>
      <p className="text-slate-700">{t("bank.releases.intro")}</p>
      {result ? <Notice tone={result.tone}>{t(result.key, result.params)}</Notice> : null}

      <section className="flex flex-col gap-3 rounded-xl bg-white p-5 shadow-sm">
        <p>{t("bank.releases.waiting", { approved: loaded.approvedWaiting, drafts: loaded.drafts })}</p>
        <Form method="post" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="create" />
          <Field label={t("bank.releases.name")} name="name" defaultValue={loaded.suggestedName} hint={t("bank.releases.nameHint")} required />
          <Button type="submit">{t("bank.releases.create")}</Button>
        </Form>
      </section>

      <section className="rounded-xl bg-white p-5 shadow-sm">
        {loaded.releases.length === 0 ? (
          <p className="text-slate-600">{t("bank.releases.none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b">
                  <th className="py-1 pr-3">{t("bank.releases.name")}</th>
                  <th className="py-1 pr-3">{t("bank.releases.questions")}</th>
                  <th className="py-1 pr-3">{t("bank.releases.createdAt")}</th>
                  <th className="py-1 pr-3">{t("bank.releases.createdBy")}</th>
                  <th className="py-1 pr-3" />
                </tr>
              </thead>
              <tbody>
                {loaded.releases.map((release) => (
                  <tr key={release.id} className="border-b border-slate-100">
                    <td className="py-1 pr-3 font-semibold">{release.name}</td>
                    <td className="py-1 pr-3">{release.questions}</td>
                    <td className="whitespace-nowrap py-1 pr-3">{formatBankDate(release.createdAt, language)}</td>
                    <td className="py-1 pr-3">{release.createdBy}</td>
                    <td className="py-1 pr-3">
                      <Link to={`/bank?release=${encodeURIComponent(release.name)}`} className="text-brand-700 underline">
                        {t("bank.releases.browse")}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="flex flex-col gap-3 rounded-xl bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold">{t("bank.export.title")}</h2>
        <p className="text-sm text-slate-700">{t("bank.export.intro")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="export-files" />
          <Button type="submit">{t("bank.export.button")}</Button>
        </Form>
      </section>
    </div>
  );
}
