import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatNumber, formatPercent, toVietnamWallClock } from "./format";

describe("Vietnamese dates and numbers", () => {
  it("writes moments in Viet Nam time as dd/mm/yyyy hh:mm", () => {
    // 10:03 UTC is 17:03 in Viet Nam; 20:30 UTC on the 6th is already the 7th there.
    expect(formatDateTime(Date.UTC(2026, 11, 6, 10, 3))).toBe("06/12/2026 17:03");
    expect(formatDate(Date.UTC(2026, 11, 6, 20, 30))).toBe("07/12/2026");
    expect(formatDateTime("2026-01-05T00:00:00.000Z")).toBe("05/01/2026 07:00");
    expect(formatDateTime(null)).toBe("—");
  });

  it("gives spreadsheets the wall-clock time of Viet Nam", () => {
    expect(toVietnamWallClock(Date.UTC(2026, 11, 6, 10, 3)).toISOString()).toBe("2026-12-06T17:03:00.000Z");
  });

  it("uses Vietnamese separators in Vietnamese", () => {
    expect(formatNumber(12345.5, "vi")).toBe("12.345,5");
    expect(formatNumber(12345.5, "en")).toBe("12,345.5");
    expect(formatPercent(0.125, "vi")).toMatch(/^12,5\s?%$/);
  });
});
