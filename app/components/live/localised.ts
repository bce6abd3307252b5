import type { LocalisedText } from "~/live/game-state";
import type { Language } from "~/utils/i18n";

/** A question's text in the reader's language, Vietnamese when there is no translation. */
export function localised(text: LocalisedText, language: Language): string {
  return language === "en" && text.en ? text.en : text.vi;
}
