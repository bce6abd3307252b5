import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/http/nonce";
import { withoutNulBytes } from "~/http/without-nul-bytes.server";
import { logger } from "~/ops/logger.server";
import { warmStatistics } from "~/stats/warm-up.server";
import { prisma } from "~/utils/db.server";
import { startFileWorker } from "~/utils/task-worker-files.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** This response's CSP nonce, set by server.ts (app/http/security-headers.server.ts). */
    cspNonce?: string;
    /** The visitor's network address, for per-address limits (app/http/client-address.ts). */
    clientAddress?: string;
  }
}

const ABORT_DELAY = 5_000;

/**
 * Called by server.ts once it listens, on this build's own modules (a build carries its own copy of
 * every module, so the statistics' facts must be loaded by the copy the routes read): loads them
 * in the background, a page at a time, so the first statistics page and public board need not
 * wait (docs/decisions/024). Meanwhile, on its own thread, the file worker loads its modules and
 * makes a small file of each kind, so the first report or export does not wait for them
 * (docs/decisions/043). Resolves when both are done (benchmarks wait for it; the server does not).
 */
export function warmUp(): Promise<void> {
  const started = performance.now();
  const facts = warmStatistics(prisma).then(
    (loaded) => logger().info({ ...loaded, ms: Math.round(performance.now() - started) }, "statistics: facts loaded"),
    (error) => logger().error({ err: error }, "statistics: loading the facts failed"),
  );
  const files = startFileWorker().then((ready) => {
    if (!ready) logger().warn("files: the file worker did not start; the first file will try again");
    else logger().info({ ms: Math.round(performance.now() - started) }, "files: the file worker is ready");
  });
  return Promise.all([facts, files]).then(() => undefined);
}

/**
 * Remix's default Node entry, plus the CSP nonce: every inline script React or Remix streams carries
 * it, so the content security policy can refuse every other inline script (docs/decisions/011).
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  // Crawlers and the SPA build get the whole page at once; browsers get the shell as soon as it is ready.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      const body = withoutNulBytes();
      responseHeaders.set("Content-Type", "text/html");
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        ...(waitForAll ? { onAllReady: ready } : { onShellReady: ready }),
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell reject and are logged by Remix; later ones only here.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
