import { describe, expect, it } from "vitest";
import { vietnamDayAndWeekStart } from "./vietnam-calendar";

describe("vietnamDayAndWeekStart", () => {
  it("starts the day at midnight in Viet Nam, not UTC", () => {
    // Monday 07/12/2026 01:30 in Viet Nam is Sunday 18:30 UTC.
    const now = Date.UTC(2026, 11, 6, 18, 30);
    const { dayStart, weekStart } = vietnamDayAndWeekStart(now);
    expect(new Date(dayStart).toISOString()).toBe("2026-12-06T17:00:00.000Z");
    expect(weekStart).toBe(dayStart);
  });

  it("starts the week on Monday", () => {
    // Sunday 13/12/2026 23:59 in Viet Nam.
    const now = Date.UTC(2026, 11, 13, 16, 59);
    const { dayStart, weekStart } = vietnamDayAndWeekStart(now);
    expect(new Date(dayStart).toISOString()).toBe("2026-12-12T17:00:00.000Z");
    expect(new Date(weekStart).toISOString()).toBe("2026-12-06T17:00:00.000Z");
  });
});
