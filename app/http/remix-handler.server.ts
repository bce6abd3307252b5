import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import { createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { BodyTooLargeError, bodyLimitFor, formatByteLimit } from "./body-limit";
import { lingerBeforeClosing } from "./linger.server";
import { cacheRouteMatches } from "./route-match-cache.server";
import { sendRefusal } from "./refusal.server";
import { narrowStaticHandlers } from "./static-handler-subsets.server";

type BuildSource = ServerBuild | (() => Promise<ServerBuild>);

/**
 * Remix behind Express, like @remix-run/express's handler, except that the request body Remix reads
 * is a stream that counts the bytes actually received and stops at the path's limit
 * (app/http/body-limit.ts, docs/decisions/011). A declared Content-Length over the limit is refused
 * before a byte is read; a chunked or lying body is cut off when it passes the limit: the request's
 * signal is aborted (Remix then logs nothing), the rest is never handed to Remix, and the visitor gets
 * 413 on a connection that lingers briefly before closing (app/http/linger.server.ts).
 */
export function createRemixHandler(options: {
  build: BuildSource;
  mode: string;
  getLoadContext?: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
}) {
  // Route matches remembered per path: the same answer for a fraction of the CPU (route-match-cache.server.ts).
  cacheRouteMatches();
  // The router's own match, per request, over only the routes that can match its first segment (static-handler-subsets.server.ts).
  narrowStaticHandlers();
  const handle = createRequestHandler(options.build as ServerBuild, options.mode);
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const limit = bodyLimitFor(req.path);
      const tooLarge = () => {
        lingerBeforeClosing(req);
        return sendRefusal(req, res, 413, "security.bodyTooLarge.title", "security.bodyTooLarge", { limit: formatByteLimit(limit) }, {
          // The rest of the body is discarded, not handled: the connection cannot carry another request.
          Connection: "close",
        });
      };
      const declared = Number(req.headers["content-length"]);
      if (hasBody && Number.isFinite(declared) && declared > limit) {
        await tooLarge();
        return;
      }

      const controller = new AbortController();
      res.on("close", () => {
        if (!res.writableFinished) controller.abort();
      });
      let refused = false;
      const body = hasBody
        ? limitedBody(req, limit, () => {
            refused = true;
            controller.abort(new BodyTooLargeError(limit));
            void tooLarge();
          })
        : undefined;
      const request = new Request(requestUrl(req), {
        method: req.method,
        headers: requestHeaders(req),
        signal: controller.signal,
        ...(body ? { body, duplex: "half" } : {}),
      } as RequestInit);
      const response = await handle(request, options.getLoadContext?.(req, res));
      if (refused || res.headersSent) return;
      await sendResponse(res, response);
    } catch (error) {
      if (res.headersSent) return;
      next(error);
    }
  };
}

/** The request body as a web stream, read with backpressure, that errors past `limit` bytes. */
function limitedBody(req: ExpressRequest, limit: number, onOverflow: () => void): ReadableStream<Uint8Array> {
  let received = 0;
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on("data", (chunk: Buffer) => {
          if (done) return;
          received += chunk.length;
          if (received > limit) {
            done = true;
            req.pause();
            req.removeAllListeners("data");
            controller.error(new BodyTooLargeError(limit));
            onOverflow();
            return;
          }
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.on("end", () => {
          if (done) return;
          done = true;
          controller.close();
        });
        req.on("error", (error) => {
          if (done) return;
          done = true;
          controller.error(error);
        });
        req.pause();
      },
      pull() {
        if (!done) req.resume();
      },
      cancel() {
        done = true;
        req.pause();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  );
}

function requestUrl(req: ExpressRequest): string {
  // As @remix-run/express: the Host header's port, Express's hostname (which honours "trust proxy").
  const port = req.get("host")?.split(":")[1];
  return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`).href;
}

function requestHeaders(req: ExpressRequest): Headers {
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (values === undefined) continue;
    for (const value of Array.isArray(values) ? values : [values]) headers.append(key, value);
  }
  return headers;
}

async function sendResponse(res: ExpressResponse, response: globalThis.Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (response.headers.get("Content-Type")?.match(/text\/event-stream/i)) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
