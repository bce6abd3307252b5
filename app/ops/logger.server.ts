import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import pino, { type DestinationStream, type Logger } from "pino";
import { httpDuration, routePattern } from "./metrics.server";

// Structured JSON lines (pino), one per request and per significant game event, each with a
// request or game id. Personal data never goes in: callers log ids only, and the fields that
// could carry a person's name, birth year or guardian are censored should one slip through.

export const PERSONAL_FIELDS = [
  "name",
  "displayName",
  "guardianName",
  "birthYear",
  "username",
  "password",
  "className",
  "cookie",
  "authorization",
  "token",
];

const redactPaths = PERSONAL_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);

export type LoggerOptions = { level?: string; pretty?: boolean; destination?: DestinationStream };

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info");
  const base = {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactPaths, censor: "[hidden]" },
    formatters: { level: (label: string) => ({ level: label }) },
  };
  if (options.destination) return pino(base, options.destination);
  if (options.pretty) {
    // Human-readable in development; the transport runs in its own worker thread. Named by its
    // path: inside Vite's module runner pino cannot find a package by name from the caller's file.
    const target = createRequire(import.meta.url).resolve("pino-pretty");
    return pino({ ...base, transport: { target, options: { translateTime: "SYS:HH:MM:ss", ignore: "pid" } } });
  }
  return pino(base);
}

let shared: Logger | null = null;

/** The process's logger: JSON lines in production, readable lines in development. */
export function logger(): Logger {
  shared ??= createLogger({ pretty: process.env.NODE_ENV === "development" });
  return shared;
}

/** Replaces the process's logger (server start-up with its settings; tests capturing lines). */
export function setLogger(next: Logger): void {
  shared = next;
}

const QUIET_PATHS = new Set(["/healthz", "/readyz", "/metrics"]);
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * One line per request when it finishes (method, route pattern, status, duration; never the query
 * string, which may hold tokens), and the duration in the metrics. Probes and assets are counted,
 * not logged.
 */
export function requestLogging() {
  return (request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const incoming = request.get("x-request-id");
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    response.setHeader("X-Request-Id", requestId);
    response.on("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routePattern(request.path);
      httpDuration.observe({ route, method: request.method, status: `${Math.floor(response.statusCode / 100)}xx` }, seconds);
      if (QUIET_PATHS.has(request.path) || route === "/assets/*") return;
      const line = { requestId, method: request.method, route, status: response.statusCode, ms: Math.round(seconds * 1000) };
      if (response.statusCode >= 500) logger().error(line, "request failed");
      else logger().info(line, "request");
    });
    next();
  };
}
