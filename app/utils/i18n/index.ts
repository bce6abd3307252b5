import { accountMessages } from "./messages/accounts";
import { accountSecurityMessages } from "./messages/account-security";
import { bankMessages } from "./messages/bank";
import { broadcastMessages } from "./messages/broadcast";
import { commonMessages } from "./messages/common";
import { contestMessages } from "./messages/contests";
import { journeyMessages } from "./messages/journeys";
import { liveMessages } from "./messages/live";
import { opsMessages } from "./messages/ops";
import { playAlongMessages } from "./messages/play-along";
import { securityMessages } from "./messages/security";
import { statsMessages } from "./messages/stats";
import { statsReportMessages } from "./messages/stats-report";
import { statsGlanceMessages } from "./messages/stats-glance";
import { unitMessages } from "./messages/units";
import { securityDataMessages } from "./messages/security-data";
import type { Message } from "./define-messages";
import type { Language } from "./languages";

export { defaultLanguage, isLanguage, languages, type Language } from "./languages";

/**
 * The one i18n layer: every user-facing string is a key here, Vietnamese first, English second.
 * Each domain keeps its messages in its own file under messages/. The files merged here reach every
 * page's JavaScript; a file that only some pages need registers itself instead (`registerMessages`)
 * and is imported by the modules that name its keys, so the bundler ships it with those routes
 * only (docs/decisions/026; app/utils/i18n/i18n-coverage.test.ts keeps the imports honest).
 */
const coreMessages = {
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
  ...broadcastMessages,
  ...playAlongMessages,
};

/** Keys of the files that register themselves with the routes that use them. */
type RouteMessages = typeof import("./messages/journeys-more").moreJourneyMessages;

export type MessageKey = keyof typeof coreMessages | keyof RouteMessages;

const messages: Partial<Record<MessageKey, Message>> = { ...coreMessages };

/** Adds a file of messages loaded with the routes that use it; the server loads every route, so every file. */
export function registerMessages(more: Partial<Record<MessageKey, Message>>): void {
  Object.assign(messages, more);
}
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(messages, value);
}

export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const entry = messages[key];
  // A key whose file this page did not load: the key, never a crash (the coverage test prevents it).
  if (!entry) return key;
  const template = entry[language];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

export function translator(language: Language): Translate {
  return (key, params) => translate(language, key, params);
}
