import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { Button, Notice } from "~/components/ui/field";
import { UNITS_CSV_MAX_BYTES, type UnitImportError, type UnitRow } from "~/units/units-csv";
import { importUnitsCsv } from "~/units/units.server";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import type { MessageKey } from "~/utils/i18n";
import { useLanguage, useT } from "~/utils/i18n/use-translation";
import { kindName } from "~/units/unit-kinds";
import { formatDate, formatPercent } from "~/utils/format";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = pageTitle("units.import");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  return null;
}

type ImportResult =
  | { stage: "problem"; problem: MessageKey }
  | { stage: "errors"; errors: UnitImportError[] }
  | { stage: "preview"; rows: UnitRow[]; csv: string }
  | { stage: "done"; count: number };

/** The CSV text: from the uploaded file at preview, from the hidden field at commit. */
async function readCsv(form: FormData): Promise<{ text: string } | { problem: MessageKey }> {
  const text = form.get("csv");
  if (typeof text === "string" && text.length > 0) {
    return text.length > UNITS_CSV_MAX_BYTES ? { problem: "units.import.tooLarge" } : { text };
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { problem: "units.import.noFile" };
  if (file.size > UNITS_CSV_MAX_BYTES) return { problem: "units.import.tooLarge" };
  return { text: await file.text() };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request, "admin");
  const declaredLength = Number(request.headers.get("Content-Length") ?? 0);
  if (declaredLength > UNITS_CSV_MAX_BYTES + 64 * 1024) {
    return data<ImportResult>({ stage: "problem", problem: "units.import.tooLarge" }, { status: 413 });
  }
  const form = await request.formData();
  const upload = await readCsv(form);
  if ("problem" in upload) return data<ImportResult>({ stage: "problem", problem: upload.problem }, { status: 400 });
  const csv = upload.text;
  const commit = form.get("intent") === "commit";
  const result = await importUnitsCsv(csv, { commit });
  if (!result.ok) return data<ImportResult>({ stage: "errors", errors: result.errors }, { status: 400 });
  if (!commit) return data<ImportResult>({ stage: "preview", rows: result.rows, csv });
  await prisma.auditEntry.create({
    data: { actorId: admin.id, action: "unit.import", subject: "units", detail: `${result.rows.length} rows` },
  });
  return data<ImportResult>({ stage: "done", count: result.rows.length });
}

export default function ImportUnits() {
  const t = useT();
  const language = useLanguage();
  const result = useActionData<typeof action>();
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-2xl font-bold">{t("units.import")}</h1>
      <p className="text-slate-700">{t("units.import.hint")}</p>
      {result?.stage === "problem" ? <Notice tone="error">{t(result.problem)}</Notice> : null}
      {result?.stage === "done" ? (
        <Notice tone="success">
          {t("units.import.done", { count: result.count })}{" "}
          <Link to="/admin/units" className="underline">
            {t("units.title")}
          </Link>
        </Notice>
      ) : null}
      {result?.stage === "errors" ? (
        <Notice tone="error">
          <p className="font-semibold">{t("units.import.errorsTitle", { count: result.errors.length })}</p>
          <ul className="mt-2 list-disc pl-5">
            {result.errors.map((error, index) => (
              <li key={index}>
                {error.row === null
                  ? t(error.key, error.params)
                  : t("units.import.rowError", { row: error.row, message: t(error.key, error.params) })}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {result?.stage === "preview" ? (
        <section className="rounded-xl bg-white p-5 shadow-sm">
          <h2 className="mb-3 text-lg font-semibold">{t("units.import.previewTitle", { count: result.rows.length })}</h2>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b">
                  <th className="py-1 pr-3">#</th>
                  <th className="py-1 pr-3">{t("units.code")}</th>
                  <th className="py-1 pr-3">{t("units.name")}</th>
                  <th className="py-1 pr-3">{t("units.kind")}</th>
                  <th className="py-1 pr-3">{t("units.parent")}</th>
                  <th className="py-1 pr-3">{t("units.enrolment")}</th>
                  <th className="py-1 pr-3">{t("units.period")}</th>
                  <th className="py-1 pr-3">{t("units.predecessors")}</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((row) => (
                  <tr key={row.code} className="border-b border-slate-100">
                    <td className="py-1 pr-3">{row.row}</td>
                    <td className="py-1 pr-3">{row.code}</td>
                    <td className="py-1 pr-3">{row.name}</td>
                    <td className="py-1 pr-3">{kindName(row.kind, t)}</td>
                    <td className="py-1 pr-3">{row.parentCode ?? "—"}</td>
                    <td className="py-1 pr-3">{row.enrolment ?? "—"}</td>
                    <td className="py-1 pr-3">
                      {row.validFrom || row.validTo ? `${formatDate(row.validFrom) || "…"} – ${formatDate(row.validTo) || "…"}` : "—"}
                    </td>
                    <td className="py-1 pr-3">
                      {row.predecessors.length > 0
                        ? row.predecessors.map((predecessor) => (predecessor.share === 1 ? predecessor.code : `${predecessor.code} (${formatPercent(predecessor.share, language)})`)).join(", ")
                        : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Form method="post" className="mt-4">
            <input type="hidden" name="intent" value="commit" />
            <input type="hidden" name="csv" value={result.csv} />
            <Button type="submit">{t("units.import.confirm", { count: result.rows.length })}</Button>
          </Form>
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="flex flex-col gap-3 rounded-xl bg-white p-5 shadow-sm">
        <input type="hidden" name="intent" value="preview" />
        <label htmlFor="units-file" className="text-sm font-medium">
          {t("units.import.file")}
        </label>
        <input id="units-file" name="file" type="file" accept=".csv,text/csv" />
        <div>
          <Button type="submit">{t("units.import.preview")}</Button>
        </div>
      </Form>
    </div>
  );
}
