import type { MetaDescriptor } from "@remix-run/node";
import { defaultLanguage, isLanguage, translate, type Language, type MessageKey, type MessageParams } from "./i18n";

// A page's <title> (the browser tab, the history, a screen reader's first words): what the page is,
// in the reader's language, then the site's name.

export const SITE_NAME = "Sân chơi ASEAN";

type Match = { id: string; data: unknown };

/** The reader's language as the root loader found it. */
export function languageFrom(matches: readonly Match[]): Language {
  const root = matches.find((match) => match.id === "root")?.data as { language?: string } | undefined;
  return root?.language && isLanguage(root.language) ? root.language : defaultLanguage;
}

/** The title of a page named `page` (a contest's, a school's name…); the site's name alone without one. */
export function titled(page: string | null | undefined): MetaDescriptor[] {
  return [{ title: page ? `${page} — ${SITE_NAME}` : SITE_NAME }];
}

/** The meta function of a page titled by one message, usually its heading's. */
export function pageTitle(key: MessageKey, params?: MessageParams) {
  return ({ matches }: { matches: readonly Match[] }): MetaDescriptor[] => titled(translate(languageFrom(matches), key, params));
}
