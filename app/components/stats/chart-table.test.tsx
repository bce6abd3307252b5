import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { StatsTable } from "~/stats/tables";
import { ChartTable, SERIES_COLOURS, StatsChart } from "./chart-table";

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

  it("puts the table in a keyboard-reachable scrolling region named like the table", () => {
    const html = renderToString(<ChartTable table={table} exportHref={(format) => `/x.${format}`} language="vi" />);
    expect(html).toMatch(/<div role="region" aria-label="Bảng số liệu: Theo địa bàn" tabindex="0"[^>]*overflow-x-auto[^>]*><table/);
  });

  it("writes the legend in the text colour and draws each series at 3:1 or more against white", () => {
    const twoSeries: StatsTable = { ...table, chart: { kind: "bar", labelKey: "name", series: ["participants", "participationRate"] } };
    const html = renderToString(<StatsChart table={twoSeries} language="vi" />);
    expect(html).toContain('<span class="text-slate-700">Người tham gia</span>');
    expect(html).toContain('<span class="text-slate-700">Tỉ lệ tham gia</span>');
    const channel = (hex: string) => {
      const value = parseInt(hex, 16) / 255;
      return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    };
    const luminance = (colour: string) => {
      const [r, g, b] = [1, 3, 5].map((start) => channel(colour.slice(start, start + 2)));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    // The amber the charts used before: too light to see a bar against the card.
    expect(1.05 / (luminance("#f59e0b") + 0.05)).toBeLessThan(3);
    for (const colour of SERIES_COLOURS) expect(1.05 / (luminance(colour) + 0.05)).toBeGreaterThanOrEqual(3);
  });
});
