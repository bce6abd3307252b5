import type { MetaDescriptor } from "@remix-run/node";
import { defaultLanguage, isLanguage, translate, translator, type Language, type MessageKey, type MessageParams, type Translate } from "./i18n";

// A page's <title> (the browser tab, the history, a screen reader's first words): what the page is,
// then the site's name, both in the reader's language.

type Match = { id: string; data: unknown };

/** The reader's language as the root loader found it. */
export function languageFrom(matches: readonly Match[]): Language {
  const root = matches.find((match) => match.id === "root")?.data as { language?: string } | undefined;
  return root?.language && isLanguage(root.language) ? root.language : defaultLanguage;
}

/** Messages in the reader's language, for a title made of a message and data. */
export function translatorFrom(matches: readonly Match[]): Translate {
  return translator(languageFrom(matches));
}

/** The title of a page named `page` (a contest's, a school's name…); the site's name alone without one. */
export function titled(matches: readonly Match[], page: string | null | undefined): MetaDescriptor[] {
  const site = translate(languageFrom(matches), "app.name");
  return [{ title: page ? `${page} — ${site}` : site }];
}

/** The meta function of a page titled by one message, usually its heading's. */
export function pageTitle(key: MessageKey, params?: MessageParams) {
  return ({ matches }: { matches: readonly Match[] }): MetaDescriptor[] => titled(matches, translate(languageFrom(matches), key, params));
}
