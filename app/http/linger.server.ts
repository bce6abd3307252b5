import type { Request as ExpressRequest } from "express";

/** How much of a refused body is read and thrown away, at most, before the connection is cut. */
const LINGER_MAX_BYTES = 8 * 1024 * 1024;
const LINGER_MAX_MS = 5_000;

/**
 * Close a connection whose request body is refused without wiping out the refusal.
 *
 * A client that is still uploading when we answer 413 keeps sending. If the server then closes the
 * socket with those bytes unread, the kernel answers with a reset, and a reset makes the client drop
 * what it had received but not yet read: the visitor sees "connection reset" instead of our message
 * (seen in CI in about one run in six). So, as nginx's lingering close does, the response is sent,
 * the connection half-closed, and what still arrives is read and discarded for a short while,
 * bounded in bytes and time, before the socket is destroyed.
 */
export function lingerBeforeClosing(req: ExpressRequest): void {
  const socket = req.socket;
  let discarded = 0;
  req.removeAllListeners("data");
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > LINGER_MAX_BYTES) socket.destroy();
  });
  req.resume();
  // Node's HTTP server calls destroySoon() once a "Connection: close" response is written; this
  // socket half-closes instead and is destroyed when the client is done or the time is up.
  (socket as typeof socket & { destroySoon: () => void }).destroySoon = function lingeringClose() {
    socket.end();
    const timer = setTimeout(() => socket.destroy(), LINGER_MAX_MS);
    timer.unref();
    socket.once("end", () => socket.destroy());
    socket.once("close", () => clearTimeout(timer));
  };
}
