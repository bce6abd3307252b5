import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, XAxis, YAxis } from "recharts";
import type { Cell, Column, StatsTable } from "~/stats/tables";
import { formatDate, formatNumber, formatPercent } from "~/utils/format";
import { translator, type Language } from "~/utils/i18n";
import { useHydrated } from "~/utils/use-hydrated";
import { ScrollRegion } from "~/components/ui/scroll-region";

// One dashboard table and its chart, side by side. The chart is drawn by Recharts from the table's
// own rows, with a fixed size (no measuring), once the page runs in the browser; the server sends
// the table and a frame of the chart's size. Each bar and point carries its value in a data
// attribute, which the browser test compares with the table.

// Bars and lines keep 3:1 against the white card (WCAG 1.4.11); the legend's words are drawn in the
// text colour, not the series colour, so they keep 4.5:1 whatever the series (WCAG 1.4.3).
export const SERIES_COLOURS = ["#1d4ed8", "#b45309", "#059669"];
const legendText = (value: string) => <span className="text-slate-700">{value}</span>;

export function formatCell(value: Cell, column: Column, language: Language): string {
  if (value === null) return "—";
  if (value instanceof Date) return formatDate(value);
  if (typeof value === "string") return value;
  if (column.type === "rate") return formatPercent(value, language);
  return formatNumber(value, language);
}

export function ChartTable({ table, exportHref, language }: { table: StatsTable; exportHref: (format: "csv" | "xlsx") => string; language: Language }) {
  const t = translator(language);
  // The chart is drawn in the browser: a page of a dozen charts (a year by day, every live game)
  // is about a megabyte of SVG whose rendering on the server held the event loop for half a second.
  const hydrated = useHydrated();
  const headingId = `stats-${table.id}`;
  return (
    <section aria-labelledby={headingId} className="rounded-xl bg-white p-4 shadow-sm" data-table={table.id}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold">
          {table.title}
        </h2>
        <div className="flex gap-3 text-sm">
          <a className="text-brand-700 underline" href={exportHref("csv")} download>
            {t("stats.export.csv")}
          </a>
          <a className="text-brand-700 underline" href={exportHref("xlsx")} download>
            {t("stats.export.xlsx")}
          </a>
        </div>
      </div>
      {table.rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("stats.empty")}</p>
      ) : (
        <div className="flex flex-col gap-4 xl:flex-row">
          <figure role="img" aria-label={t("stats.chart.label", { title: table.title })} className="shrink-0 overflow-x-auto" data-chart={table.id}>
            {hydrated ? <StatsChart table={table} language={language} /> : <div style={chartSize(table)} aria-hidden="true" />}
          </figure>
          <ScrollRegion label={t("stats.table.label", { title: table.title })} className="min-w-0 grow">
            <table className="w-full text-sm" aria-label={t("stats.table.label", { title: table.title })}>
              <thead>
                <tr className="border-b border-slate-200 text-left">
                  {table.columns.map((column) => (
                    <th key={column.key} scope="col" className="px-2 py-1 font-medium">
                      {column.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, rowIndex) => (
                  <tr key={rowIndex} className="border-b border-slate-100">
                    {table.columns.map((column) => (
                      <td key={column.key} className={column.type === "text" ? "px-2 py-1" : "px-2 py-1 text-right tabular-nums"} data-column={column.key} data-value={typeof row[column.key] === "number" ? String(row[column.key]) : undefined}>
                        {formatCell(row[column.key] ?? null, column, language)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      )}
    </section>
  );
}

const chartWidth = 560;
const isHorizontal = (table: StatsTable) => table.chart.kind === "bar" && table.rows.length > 8;
function chartSize(table: StatsTable) {
  return { width: chartWidth, height: isHorizontal(table) ? Math.max(200, table.rows.length * 26 + 60) : 280 };
}

/** The chart of one table, from the table's own rows, at a fixed size (no measuring). */
export function StatsChart({ table, language }: { table: StatsTable; language: Language }) {
  const seriesColumns = table.chart.series.map((key) => table.columns.find((column) => column.key === key)!);
  const data = table.rows.map((row) => {
    const label = row[table.chart.labelKey];
    return {
      label: label instanceof Date ? formatDate(label) : String(label ?? "—"),
      ...Object.fromEntries(table.chart.series.map((key) => [key, typeof row[key] === "number" ? row[key] : 0])),
    };
  });
  const horizontal = isHorizontal(table);
  const chartProps = { ...chartSize(table), data, margin: { top: 10, right: 20, bottom: 10, left: horizontal ? 140 : 10 } };
  // Counts on the axis as in the table: "120.000" in Vietnamese.
  const countTick = (value: number) => formatNumber(value, language);
  const axes = horizontal ? (
    <>
      <XAxis type="number" allowDecimals={false} tickFormatter={countTick} />
      <YAxis type="category" dataKey="label" width={140} interval={0} tick={{ fontSize: 11 }} />
    </>
  ) : (
    <>
      <XAxis dataKey="label" tick={{ fontSize: 11 }} />
      <YAxis allowDecimals={false} tickFormatter={countTick} width={64} />
    </>
  );
  return table.chart.kind === "line" ? (
    <LineChart {...chartProps}>
      <CartesianGrid strokeDasharray="3 3" />
      {axes}
      <Legend formatter={legendText} />
      {seriesColumns.map((column, index) => (
        <Line key={column.key} type="monotone" dataKey={column.key} name={column.label} stroke={SERIES_COLOURS[index]} isAnimationActive={false} dot={<ValueDot series={column.key} />} />
      ))}
    </LineChart>
  ) : (
    <BarChart {...chartProps} layout={horizontal ? "vertical" : "horizontal"}>
      <CartesianGrid strokeDasharray="3 3" />
      {axes}
      <Legend formatter={legendText} />
      {seriesColumns.map((column, index) => (
        <Bar key={column.key} dataKey={column.key} name={column.label} fill={SERIES_COLOURS[index]} isAnimationActive={false} shape={<ValueBar series={column.key} />} />
      ))}
    </BarChart>
  );
}

type ShapeProps = { x?: number; y?: number; width?: number; height?: number; fill?: string; payload?: Record<string, unknown>; series: string };

/** A plain bar that says which row and value it draws. */
function ValueBar({ x = 0, y = 0, width = 0, height = 0, fill, payload, series }: ShapeProps) {
  return <rect x={x} y={y} width={Math.max(0, width)} height={Math.max(0, height)} fill={fill} data-series={series} data-label={String(payload?.label ?? "")} data-value={String(payload?.[series] ?? "")} />;
}

function ValueDot({ cx = 0, cy = 0, payload, series }: { cx?: number; cy?: number; payload?: Record<string, unknown>; series: string }) {
  return <circle cx={cx} cy={cy} r={3} fill="#fff" stroke="#1d4ed8" data-series={series} data-label={String(payload?.label ?? "")} data-value={String(payload?.[series] ?? "")} />;
}
