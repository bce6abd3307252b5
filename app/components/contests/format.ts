import { VIETNAM_TIME_ZONE } from "~/contests/round-form";
import type { Language } from "~/utils/i18n";

/** A moment as people in Viet Nam read it, on the server and in the browser alike. */
export function formatDateTime(epochMs: number | string | Date, language: Language): string {
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "vi-VN", {
    timeZone: VIETNAM_TIME_ZONE,
    dateStyle: "short",
    timeStyle: "short",
  }).format(new Date(epochMs));
}

/** m:ss */
export function formatClock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

export function formatPercent(rate: number | null, language: Language): string {
  if (rate === null) return "—";
  return new Intl.NumberFormat(language === "en" ? "en-GB" : "vi-VN", { style: "percent", maximumFractionDigits: 1 }).format(rate);
}

export function formatNumber(value: number | null, language: Language): string {
  if (value === null) return "—";
  return new Intl.NumberFormat(language === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: 2 }).format(value);
}
