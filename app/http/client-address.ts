/**
 * The visitor's network address, for per-address limits. Behind a reverse proxy every request comes
 * from the proxy, so with TRUST_PROXY=true the address is the last X-Forwarded-For entry — the one
 * our own proxy appended; earlier entries are whatever the client claimed and are ignored.
 */
export function clientAddress(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: boolean): string {
  if (trustProxy && forwardedFor) {
    const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
    const last = header.split(",").map((entry) => entry.trim()).filter(Boolean).at(-1);
    if (last) return last;
  }
  return remoteAddress ?? "unknown";
}
