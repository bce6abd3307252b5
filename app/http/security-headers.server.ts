import { randomBytes } from "node:crypto";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import helmet from "helmet";

/** Pages that broadcast software may embed (the 1920×1080 display and its overlays). */
export const FRAMABLE_PATH = /^\/display\//;

/**
 * Security headers by helmet (docs/decisions/011): a content security policy whose scripts need this
 * response's nonce (Remix's inline scripts get it through entry.server and root), frame-ancestors
 * 'none' except for the display pages, which `frameAncestors` (FRAME_ANCESTORS) may open to a
 * broadcast tool, Referrer-Policy, and HSTS in production only (a development server on plain HTTP
 * must not pin localhost to HTTPS).
 */
export function securityHeaders(options: { production: boolean; frameAncestors: readonly string[] }) {
  const displayAncestors = ["'self'", ...options.frameAncestors];
  const policy = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as ExpressResponse).locals.cspNonce as string}'`],
        // React's style attributes (bar widths, colours) and Vite's development CSS are inline.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        // 'self' covers Socket.IO's polling and its ws:/wss: upgrade to the same host.
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: [(req) => (FRAMABLE_PATH.test((req as ExpressRequest).path) ? displayAncestors.join(" ") : "'none'")],
      },
    },
    // frame-ancestors decides framing; X-Frame-Options cannot express an allow-list.
    xFrameOptions: false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    strictTransportSecurity: options.production ? { maxAge: 180 * 24 * 60 * 60, includeSubDomains: false } : false,
    // Socket.IO clients and the QR image come from this origin; nothing needs cross-origin isolation.
    crossOriginEmbedderPolicy: false,
  });
  return [
    (_req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
      res.locals.cspNonce = randomBytes(16).toString("base64");
      next();
    },
    policy,
  ];
}
