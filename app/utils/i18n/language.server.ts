import { createCookie } from "@remix-run/node";
import { defaultLanguage, isLanguage, type Language } from "./languages";

// A plain preference, not a secret: readable, long-lived, sent on every request.
export const languageCookie = createCookie("lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export async function getLanguage(request: Request): Promise<Language> {
  const value = await languageCookie.parse(request.headers.get("Cookie"));
  return isLanguage(value) ? value : defaultLanguage;
}
