import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Field, Notice } from "~/components/ui/field";
import { getOrganisation, organisationSchema, saveOrganisation } from "~/units/organisation.server";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { fieldErrors, formValues, type FieldErrors } from "~/utils/forms";
import { useT } from "~/utils/i18n/use-translation";
import { pageTitle } from "~/utils/page-title";

// Who organises, broadcasts, issues and receives the yearly report, and signs it: settings, since
// agencies were merged in 2025 and differ between provinces.

export const meta: MetaFunction = pageTitle("organisation.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  return { organisation: await getOrganisation(prisma) };
}

type ActionResult = { errors: FieldErrors; saved?: boolean; values?: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request, "admin");
  const values = formValues(await request.formData());
  const parsed = organisationSchema.safeParse(values);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  await saveOrganisation(prisma, parsed.data);
  await prisma.auditEntry.create({ data: { actorId: admin.id, action: "organisation.update", subject: "organisation", detail: parsed.data.organizerName } });
  return data<ActionResult>({ errors: {}, saved: true });
}

export default function OrganisationSettings() {
  const t = useT();
  const { organisation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  const value = (key: keyof typeof organisation) =>
    result?.values?.[key] ?? (Array.isArray(organisation[key]) ? (organisation[key] as string[]).join("\n") : String(organisation[key]));
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("organisation.title")}</h1>
      <p className="text-sm text-slate-700">{t("organisation.intro")}</p>
      {result?.saved ? <Notice tone="success">{t("organisation.saved")}</Notice> : null}
      <Form method="post" className="flex flex-col gap-3 rounded-xl bg-white p-5 shadow-sm">
        <Field label={t("organisation.organizerName")} name="organizerName" defaultValue={value("organizerName")} error={errors.organizerName} />
        <Field label={t("organisation.broadcasterName")} name="broadcasterName" defaultValue={value("broadcasterName")} error={errors.broadcasterName} />
        <Field label={t("organisation.reportIssuer")} name="reportIssuer" defaultValue={value("reportIssuer")} error={errors.reportIssuer} />
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("organisation.reportRecipients")}
          <textarea name="reportRecipients" rows={4} defaultValue={value("reportRecipients")} className="rounded border border-slate-300 px-3 py-2" />
          <span className="text-xs text-slate-500">{t("organisation.recipientsHint")}</span>
          {errors.reportRecipients ? <span className="text-sm text-red-700">{t(errors.reportRecipients)}</span> : null}
        </label>
        <Field label={t("organisation.signerTitle")} name="signerTitle" defaultValue={value("signerTitle")} error={errors.signerTitle} />
        <Field label={t("organisation.signerName")} name="signerName" defaultValue={value("signerName")} error={errors.signerName} />
        <Field label={t("organisation.provinceUnitCode")} name="provinceUnitCode" defaultValue={value("provinceUnitCode")} error={errors.provinceUnitCode} />
        <Button type="submit">{t("organisation.save")}</Button>
      </Form>
    </div>
  );
}
