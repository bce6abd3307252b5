import { accountMessages } from "./messages/accounts";
import { bankMessages } from "./messages/bank";
import { commonMessages } from "./messages/common";
import { contestMessages } from "./messages/contests";
import { journeyMessages } from "./messages/journeys";
import { liveMessages } from "./messages/live";
import { unitMessages } from "./messages/units";
import type { Language } from "./languages";

export { defaultLanguage, isLanguage, languages, type Language } from "./languages";

/**
 * The one i18n layer: every user-facing string is a key here, Vietnamese first, English second.
 * Each domain keeps its messages in its own file under messages/ and is merged here.
 */
const messages = {
  ...commonMessages,
  ...accountMessages,
  ...bankMessages,
  ...unitMessages,
  ...liveMessages,
  ...contestMessages,
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
