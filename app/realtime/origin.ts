/**
 * Browsers always send Origin on a WebSocket or polling request from a page; a page of another
 * site must not drive a player's or a host's socket. Requests without an Origin (native clients,
 * tests, load generators) carry no ambient cookie authority, so they are let through.
 */
export function isOriginAllowed(origin: string | undefined, host: string | undefined, allowedOrigins: readonly string[]): boolean {
  if (!origin) return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
