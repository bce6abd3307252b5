import type { Express, Request, Response } from "express";
import { clientAddress } from "./client-address";
import { refuseCrossOrigin } from "./same-origin.server";
import { securityHeaders } from "./security-headers.server";

/**
 * What every request passes before a page, an asset or Remix sees it (server.ts and its tests use this
 * one function): cross-site writes refused, then the security headers and this response's CSP nonce.
 * The body limit sits in the Remix handler itself (remix-handler.server.ts), around the stream Remix reads.
 */
export function guardRequests(app: Express, options: { production: boolean; frameAncestors: readonly string[]; trustProxy?: boolean }) {
  app.disable("x-powered-by");
  // TRUST_PROXY: one reverse proxy in front; req.ip and clientAddress() both take its X-Forwarded-For entry.
  if (options.trustProxy) app.set("trust proxy", 1);
  app.use(refuseCrossOrigin());
  app.use(securityHeaders(options));
  return {
    getLoadContext: (req: Request, res: Response) => ({
      cspNonce: res.locals.cspNonce as string,
      clientAddress: clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], options.trustProxy ?? false),
    }),
  };
}
