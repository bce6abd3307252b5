import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/field";
import { requestedReport } from "~/stats/report-request.server";
import { cellText, type ReportTable } from "~/stats/yearly-report";
import { reportUnits } from "~/stats/yearly-report.server";
import { prisma } from "~/utils/db.server";
import { useT } from "~/utils/i18n/use-translation";

// The yearly report's print view: the same model as the DOCX, on A4 with the document's margins.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.model.title} ${data.model.year}` : "" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { query, model } = await requestedReport(request);
  const { province, areas } = await reportUnits(prisma);
  return { query, model, units: [...(province ? [province] : []), ...areas] };
}

const PRINT_CSS = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
@media print {
  body * { visibility: hidden; }
  .report-page, .report-page * { visibility: visible; }
  .report-page { position: absolute; left: 0; top: 0; width: 100%; box-shadow: none !important; padding: 0 !important; }
  .report-table { break-inside: auto; }
  .report-table tr { break-inside: avoid; }
  .report-chart { break-inside: avoid; }
}
`;

export default function YearlyReportPage() {
  const t = useT();
  const { query, model, units } = useLoaderData<typeof loader>();
  const search = new URLSearchParams({ year: String(query.year), ...(query.unit ? { unit: query.unit } : {}) }).toString();
  return (
    <div className="flex flex-col gap-5">
      <style>{PRINT_CSS}</style>
      <h1 className="text-2xl font-bold">{t("yearReport.title")}</h1>
      <p className="text-slate-700">{t("yearReport.intro")}</p>
      <Form method="get" className="flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 shadow-sm">
        <label className="flex flex-col gap-1 text-sm">
          {t("yearReport.year")}
          <input name="year" type="number" min={2000} max={2100} defaultValue={query.year} className="w-28 rounded border border-slate-300 px-2 py-1" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("yearReport.unit")}
          <select name="unit" defaultValue={query.unit} className="rounded border border-slate-300 px-2 py-1">
            {units.map((unit, index) => (
              <option key={unit.id} value={index === 0 ? "" : unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit">{t("yearReport.show")}</Button>
        <a href={`/organizer/stats/report.docx?${search}`} className="rounded border border-brand-700 px-3 py-1.5 text-brand-700" download>
          {t("yearReport.docx")}
        </a>
        <a href={`/organizer/stats/report.xlsx?${search}`} className="rounded border border-brand-700 px-3 py-1.5 text-brand-700" download>
          {t("yearReport.xlsx")}
        </a>
        <button type="button" onClick={() => window.print()} className="rounded border px-3 py-1.5">
          {t("yearReport.print")}
        </button>
      </Form>

      <article className="report-page mx-auto w-full max-w-[210mm] bg-white px-[15mm] py-[20mm] pl-[30mm] font-serif text-[14pt] leading-snug text-black shadow" lang="vi">
        <div className="grid grid-cols-[2fr_3fr] gap-4 text-center text-[13pt]">
          <div>
            <p>{model.issuerParent}</p>
            <p className="font-bold">{model.issuer}</p>
            <p className="mx-auto my-1 w-1/3 border-t border-black" />
            <p>{model.documentNumber}</p>
          </div>
          <div>
            <p className="font-bold">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
            <p className="font-bold text-[14pt]">Độc lập - Tự do - Hạnh phúc</p>
            <p className="mx-auto my-1 w-1/2 border-t border-black" />
            <p className="italic text-[14pt]">{model.placeAndDate}</p>
          </div>
        </div>
        <h2 className="mt-6 text-center font-bold">{model.title}</h2>
        <p className="mb-4 text-center font-bold">{model.subtitle}</p>
        <p className="indent-[12.7mm] text-justify">{model.opening}</p>
        {model.sections.map((section) => (
          <section key={section.heading} className="mt-4">
            <h3 className="font-bold">{section.heading}</h3>
            {section.paragraphs.map((paragraph) => (
              <p key={paragraph} className="my-1 indent-[12.7mm] text-justify">
                {paragraph}
              </p>
            ))}
            {section.tables.map((table) => (
              <PrintTable key={table.id} table={table} />
            ))}
          </section>
        ))}
        <p className="mt-3 indent-[12.7mm] text-justify">{model.closing}</p>
        <div className="mt-6 grid grid-cols-2 gap-4">
          <div className="text-[11pt]">
            <p className="text-[12pt] font-bold italic">Nơi nhận:</p>
            {model.recipients.map((recipient, index) => (
              <p key={recipient}>
                - {recipient}
                {index === model.recipients.length - 1 ? "." : ";"}
              </p>
            ))}
          </div>
          <div className="text-center">
            <p className="font-bold">{model.signerTitle}</p>
            <p className="mb-20 text-[12pt] italic">(Ký, ghi rõ họ tên và đóng dấu)</p>
            <p className="font-bold">{model.signerName}</p>
          </div>
        </div>
      </article>
    </div>
  );
}

function PrintTable({ table }: { table: ReportTable }) {
  // Part of the filed report, Vietnamese whatever the page's language (decision 017).
  return (
    <div className="mt-3" lang="vi">
      <p className="font-bold italic text-[13pt]">{table.title}</p>
      {table.rows.length === 0 ? (
        <p className="indent-[12.7mm]">(Không có số liệu.)</p>
      ) : (
        <>
          <table className="report-table w-full border-collapse text-[11pt]" data-table={table.id}>
            <thead>
              <tr>
                {table.columns.map((column) => (
                  <th key={column.label} className="border border-black px-1 text-center">
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((value, c) => (
                    <td key={c} className={`border border-black px-1 ${table.columns[c].kind === "text" ? "" : "text-right"}`}>
                      {cellText(value, table.columns[c].kind)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {table.chartColumn !== undefined ? <BarChart table={table} column={table.chartColumn} /> : null}
        </>
      )}
    </div>
  );
}

/** Horizontal bars, drawn on the server as SVG so the print view needs no script. */
function BarChart({ table, column }: { table: ReportTable; column: number }) {
  const kind = table.columns[column].kind;
  const values = table.rows.map((row) => (typeof row[column] === "number" ? (row[column] as number) : 0));
  const max = Math.max(...values, kind === "percent" ? 0.0001 : 1);
  const rowHeight = 18;
  const labelWidth = 220;
  const barWidth = 360;
  return (
    <svg
      className="report-chart mt-2"
      role="img"
      aria-label={`${table.title} — ${table.columns[column].label}`}
      viewBox={`0 0 ${labelWidth + barWidth + 80} ${rowHeight * values.length + 4}`}
      width="100%"
    >
      {table.rows.map((row, index) => (
        <g key={index} transform={`translate(0 ${index * rowHeight + 2})`}>
          <text x={labelWidth - 6} y={rowHeight * 0.7} textAnchor="end" fontSize="11">
            {String(row[0]).slice(0, 38)}
          </text>
          <rect x={labelWidth} y={2} height={rowHeight - 5} width={(values[index] / max) * barWidth} fill="#0f766e" />
          <text x={labelWidth + (values[index] / max) * barWidth + 4} y={rowHeight * 0.7} fontSize="11">
            {cellText(row[column], kind)}
          </text>
        </g>
      ))}
    </svg>
  );
}
