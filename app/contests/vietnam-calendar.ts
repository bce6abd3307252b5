const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** Midnight today and Monday 00:00 of this week, in Viet Nam time, as instants. */
export function vietnamDayAndWeekStart(now: number): { dayStart: number; weekStart: number } {
  const local = now + VIETNAM_OFFSET_MS;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS - VIETNAM_OFFSET_MS;
  // 1970-01-01 was a Thursday: days since the epoch + 3, mod 7, counts from Monday.
  const weekday = (Math.floor(local / DAY_MS) + 3) % 7;
  return { dayStart, weekStart: dayStart - weekday * DAY_MS };
}
