import type { AppLoadContext } from "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address as Express sees it (req.ip: honours the app's `trust proxy` setting). */
    clientAddress?: string;
  }
}

/** For server.ts: what every loader and action gets besides the request. */
export function loadContextFor(request: { ip?: string; socket: { remoteAddress?: string } }): AppLoadContext {
  return { clientAddress: request.ip ?? request.socket.remoteAddress };
}

/** The key per-address limits use; "unknown" groups requests whose address could not be read. */
export function clientAddressOf(context: AppLoadContext | undefined): string {
  return context?.clientAddress || "unknown";
}
