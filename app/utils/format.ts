import type { Language } from "~/utils/i18n";

// How every page and export writes times and numbers: Viet Nam's time zone (UTC+7, no daylight
// saving) whatever the server's or browser's own, and dates as Vietnamese readers write them,
// "06/12/2026 17:03", in both languages. The parts are computed, not left to the platform's
// locale data, so the server's render and the browser's hydration always agree.

export const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

type Moment = number | string | Date;

function vietnamParts(value: Moment) {
  const shifted = new Date(new Date(value).getTime() + VIETNAM_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    day: pad(shifted.getUTCDate()),
    month: pad(shifted.getUTCMonth() + 1),
    year: String(shifted.getUTCFullYear()),
    hour: pad(shifted.getUTCHours()),
    minute: pad(shifted.getUTCMinutes()),
  };
}

/** "06/12/2026" in Viet Nam time. */
export function formatDate(value: Moment | null): string {
  if (value === null) return "—";
  const { day, month, year } = vietnamParts(value);
  return `${day}/${month}/${year}`;
}

/** "06/12/2026 17:03" in Viet Nam time. */
export function formatDateTime(value: Moment | null): string {
  if (value === null) return "—";
  const { day, month, year, hour, minute } = vietnamParts(value);
  return `${day}/${month}/${year} ${hour}:${minute}`;
}

/** A local wall-clock time in Viet Nam as a Date whose UTC fields hold it: for spreadsheet date cells, which have no zone. */
export function toVietnamWallClock(value: Moment): Date {
  return new Date(new Date(value).getTime() + VIETNAM_OFFSET_MS);
}

/** m:ss */
export function formatClock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

function numberLocale(language: Language): string {
  return language === "en" ? "en-GB" : "vi-VN";
}

/** 12.345,5 in Vietnamese, 12,345.5 in English. */
// Making a formatter costs far more than using one (a statistics page writes thousands of numbers).
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: Language, style: "number" | "percent"): Intl.NumberFormat {
  const key = `${language}:${style}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(numberLocale(language), style === "percent" ? { style: "percent", maximumFractionDigits: 1 } : { maximumFractionDigits: 2 });
    numberFormats.set(key, format);
  }
  return format;
}

export function formatNumber(value: number | null, language: Language): string {
  if (value === null) return "—";
  return numberFormat(language, "number").format(value);
}

export function formatPercent(rate: number | null, language: Language): string {
  if (rate === null) return "—";
  return numberFormat(language, "percent").format(rate);
}
