import { formatDateTime } from "~/utils/format";
import type { Language } from "~/utils/i18n";

/** A moment in Viet Nam's time ("06/12/2026 17:03"), so the server's render and the browser's agree. */
export function formatBankDate(value: Date | string | null, _language: Language): string {
  return formatDateTime(value);
}
