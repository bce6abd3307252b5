import { isMessageKey, type Translate } from "~/utils/i18n";

/** A code from the server (an ack's error) in the reader's language. */
export function codeText(t: Translate, code: string): string {
  const key = `live.code.${code}`;
  return isMessageKey(key) ? t(key) : t("live.code.generic");
}
