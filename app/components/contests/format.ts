export { formatClock, formatNumber, formatPercent } from "~/utils/format";
import { formatDateTime as formatVietnamDateTime } from "~/utils/format";
import type { Language } from "~/utils/i18n";

/** A moment as people in Viet Nam read it ("06/12/2026 17:03"), in either language. */
export function formatDateTime(epochMs: number | string | Date, _language: Language): string {
  return formatVietnamDateTime(epochMs);
}
