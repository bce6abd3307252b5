import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { translator, type MessageKey, type MessageParams } from "~/utils/i18n";
import { languageCookie } from "~/utils/i18n/language.server";
import { defaultLanguage, isLanguage } from "~/utils/i18n/languages";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * The page the server answers with when it refuses a request before Remix sees it (too large, from
 * another site): a small HTML page in the visitor's language, never a stack trace.
 */
export async function sendRefusal(
  req: ExpressRequest,
  res: ExpressResponse,
  status: number,
  title: MessageKey,
  message: MessageKey,
  params?: MessageParams,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  let language = defaultLanguage;
  try {
    const value: unknown = await languageCookie.parse(req.headers.cookie ?? null);
    if (isLanguage(value)) language = value;
  } catch {
    // A malformed cookie only costs the visitor their language choice.
  }
  if (res.headersSent) return;
  const t = translator(language);
  const html = `<!DOCTYPE html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t(title))}</title></head><body><main><h1>${escapeHtml(t(title))}</h1><p role="alert">${escapeHtml(t(message, params))}</p><p><a href="/">${escapeHtml(t("security.backHome"))}</a></p></main></body></html>`;
  res.status(status).set({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...extraHeaders }).send(html);
}
