import { accountMessages } from "./messages/accounts";
import { accountSecurityMessages } from "./messages/account-security";
import { bankMessages } from "./messages/bank";
import { commonMessages } from "./messages/common";
import { contestMessages } from "./messages/contests";
import { journeyMessages } from "./messages/journeys";
import { liveMessages } from "./messages/live";
import { opsMessages } from "./messages/ops";
import { securityMessages } from "./messages/security";
import { statsMessages } from "./messages/stats";
import { statsReportMessages } from "./messages/stats-report";
import { statsGlanceMessages } from "./messages/stats-glance";
import { unitMessages } from "./messages/units";
import { securityDataMessages } from "./messages/security-data";
import type { Language } from "./languages";

export { defaultLanguage, isLanguage, languages, type Language } from "./languages";

/**
 * The one i18n layer: every user-facing string is a key here, Vietnamese first, English second.
 * Each domain keeps its messages in its own file under messages/ and is merged here.
 */
const messages = {
  ...commonMessages,
  ...accountMessages,
  ...accountSecurityMessages,
  ...bankMessages,
  ...unitMessages,
  ...liveMessages,
  ...contestMessages,
  ...opsMessages,
  ...securityDataMessages,
  ...securityMessages,
  ...statsMessages,
  ...statsReportMessages,
  ...statsGlanceMessages,
  ...journeyMessages,
};

export type MessageKey = keyof typeof messages;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(messages, value);
}

export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = messages[key][language];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

export function translator(language: Language): Translate {
  return (key, params) => translate(language, key, params);
}
