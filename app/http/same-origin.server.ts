import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { sendRefusal } from "./refusal.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Why a request that may change something comes from another site, or null when it does not.
 * Browsers send `Origin` on every cross-origin POST; when it is absent, `Sec-Fetch-Site` still
 * tells a cross-site request. A request with neither (curl, tests, server-to-server) carries no
 * visitor's cookies by accident, so it is not a forgery and passes.
 */
export function crossOriginReason(method: string, headers: { origin?: string; host?: string; "sec-fetch-site"?: string }): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const origin = headers.origin;
  if (origin !== undefined) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      // "null" (a sandboxed frame, a privacy redirect) and garbage are not this site.
    }
    return originHost !== null && originHost === headers.host ? null : `origin ${origin}`;
  }
  return headers["sec-fetch-site"] === "cross-site" ? "sec-fetch-site cross-site" : null;
}

/**
 * Refuses a cross-site POST (or PUT, PATCH, DELETE) with 403 and one log line, before Remix runs any
 * action — sign-in included (docs/decisions/011).
 */
export function refuseCrossOrigin() {
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    const reason = crossOriginReason(req.method, {
      origin: req.headers.origin,
      host: req.headers.host,
      "sec-fetch-site": headerValue(req.headers["sec-fetch-site"]),
    });
    if (reason === null) return next();
    console.warn(`[security] refused cross-site ${req.method} ${JSON.stringify(req.originalUrl.slice(0, 200))}: ${JSON.stringify(reason.slice(0, 200))}`);
    req.pause();
    void sendRefusal(req, res, 403, "security.crossOrigin.title", "security.crossOrigin", undefined, { Connection: "close" });
  };
}

const headerValue = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
