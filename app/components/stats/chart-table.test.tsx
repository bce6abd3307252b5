import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { StatsTable } from "~/stats/tables";
import { ChartTable, StatsChart } from "./chart-table";

// The chart has a fixed size, so Recharts draws it without measuring: here to a string, in the
// browser after hydration (the browser test compares it with the table there). The server's HTML
// carries the table and a frame of the chart's size only.

const table: StatsTable = {
  id: "byArea",
  title: "Theo địa bàn",
  columns: [
    { key: "name", label: "Tên", type: "text" },
    { key: "participants", label: "Người tham gia", type: "count" },
    { key: "participationRate", label: "Tỉ lệ tham gia", type: "rate" },
  ],
  rows: [
    { name: "Huyện An", participants: 12, participationRate: 0.25 },
    { name: "Huyện Bình", participants: 0, participationRate: 0 },
    { name: "Huyện Cát", participants: 7, participationRate: null },
  ],
  chart: { kind: "bar", labelKey: "name", series: ["participants"] },
};

describe("ChartTable and StatsChart", () => {
  it("sends the table and a frame of the chart's size, not the chart", () => {
    const html = renderToString(<ChartTable table={table} exportHref={(format) => `/x.${format}`} language="vi" />);
    expect(html).not.toContain("<svg");
    expect(html).toContain('aria-label="Biểu đồ: Theo địa bàn"');
    expect(html).toMatch(/width:560px;height:280px/);
    const cells = [...html.matchAll(/data-column="participants" data-value="(\d+)"/g)].map((match) => match[1]);
    expect(cells).toEqual(["12", "0", "7"]);
    expect(html).toContain("25%");
    expect(html).toContain("—");
  });

  it("draws an SVG bar per row with the table's numbers", () => {
    const html = renderToString(<StatsChart table={table} language="vi" />);
    expect(html).toContain("<svg");
    const bars = [...html.matchAll(/<rect[^>]*data-series="participants"[^>]*>/g)].map((match) => [
      /data-label="([^"]*)"/.exec(match[0])![1],
      /data-value="([^"]*)"/.exec(match[0])![1],
    ]);
    expect(bars).toEqual([
      ["Huyện An", "12"],
      ["Huyện Bình", "0"],
      ["Huyện Cát", "7"],
    ]);
  });

  it("writes the axis counts as the table does (Vietnamese thousands with a dot)", () => {
    const large = { ...table, rows: [{ name: "Xã Một", participants: 12_000, participationRate: 0.5 }, { name: "Xã Hai", participants: 7_000, participationRate: null }] };
    const ticks = (language: "vi" | "en") =>
      [...renderToString(<StatsChart table={large} language={language} />).matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((match) => match[1]);
    expect(ticks("vi")).toContain("12.000");
    expect(ticks("en")).toContain("12,000");
  });
});
