import type { Language } from "~/utils/i18n";

/** A moment in Viet Nam's time, so the server's render and the browser's agree. */
export function formatBankDate(value: Date | string | null, language: Language): string {
  if (value === null) return "—";
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "vi-VN", {
    timeZone: "Asia/Ho_Chi_Minh",
    dateStyle: "short",
    timeStyle: "short",
  }).format(new Date(value));
}
