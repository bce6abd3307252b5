import type { AppLoadContext } from "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address (app/http/guard-requests.server.ts: the proxy's X-Forwarded-For only with TRUST_PROXY). */
    clientAddress?: string;
  }
}

/** The key per-address limits use; "unknown" groups requests whose address could not be read. */
export function clientAddressOf(context: AppLoadContext | undefined): string {
  return context?.clientAddress || "unknown";
}
