import type { Language } from "./languages";

/** A message in every language, side by side so that no translation can go missing. */
export type Message = Record<Language, string>;

export function defineMessages<const T extends Record<string, Message>>(messages: T): T {
  return messages;
}
