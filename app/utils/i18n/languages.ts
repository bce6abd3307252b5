export const languages = ["vi", "en"] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = "vi";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}
