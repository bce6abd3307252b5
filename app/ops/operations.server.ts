import { createServer, type Server as HttpServer } from "node:http";
import type { Express, Request, Response } from "express";
import { timingSafeEqual } from "node:crypto";
import type { Socket } from "node:net";
import type { LiveStore } from "~/live/live-store.server";
import type { RealtimeServer } from "~/realtime/io.server";
import { observeRefusals } from "~/utils/rate-limit";
import type { Readiness } from "./health.server";
import { logger } from "./logger.server";
import {
  ackLatency,
  answersStored,
  commitBatchSize,
  commitDuration,
  fanoutDuration,
  metricsContentType,
  metricsText,
  throttledRequests,
} from "./metrics.server";

// The operator's side of the server (docs/operations.md): probes, metrics, and the instruments
// on the live games' hot paths, kept out of the game code itself.

export type OperationsOptions = {
  readiness: () => Promise<Readiness>;
  /** With a token, /metrics is served on the app's port to `Authorization: Bearer <token>` only. */
  operatorToken?: string;
};

/** /healthz, /readyz and (with a token) /metrics, mounted before Remix. */
export function mountProbes(app: Express, options: OperationsOptions): void {
  app.get("/healthz", (_request, response) => {
    response.setHeader("Cache-Control", "no-store");
    response.json({ status: "ok" });
  });
  app.get("/readyz", async (_request, response) => {
    const readiness = await options.readiness();
    response.setHeader("Cache-Control", "no-store");
    response.status(readiness.ready ? 200 : 503).json({ status: readiness.ready ? "ready" : "not-ready", checks: readiness.checks });
  });
  if (options.operatorToken) {
    const token = options.operatorToken;
    app.get("/metrics", async (request, response) => {
      if (!bearerMatches(request, token)) return void response.status(401).setHeader("WWW-Authenticate", "Bearer").end();
      await sendMetrics(response);
    });
  }
}

/** Metrics on a port of their own (METRICS_PORT), for a scraper on the operator's network. */
export function startMetricsServer(port: number, host: string): HttpServer {
  const server = createServer((request, response) => {
    if (request.url !== "/metrics") {
      response.statusCode = 404;
      return response.end();
    }
    metricsText().then(
      (text) => {
        response.setHeader("Content-Type", metricsContentType);
        response.end(text);
      },
      (error: unknown) => {
        logger().error({ err: error }, "metrics failed");
        response.statusCode = 500;
        response.end();
      },
    );
  });
  server.listen(port, host, () => logger().info({ port, host }, "metrics listening"));
  return server;
}

async function sendMetrics(response: Response): Promise<void> {
  response.setHeader("Content-Type", metricsContentType);
  response.end(await metricsText());
}

function bearerMatches(request: Request, token: string): boolean {
  const given = Buffer.from(request.get("authorization")?.replace(/^Bearer /, "") ?? "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Group commits of live answers, timed and counted. */
export function instrumentedStore(store: LiveStore): LiveStore {
  return {
    ...store,
    writeAnswers: async (rows, correct) => {
      const started = performance.now();
      await store.writeAnswers(rows, correct);
      commitDuration.observe((performance.now() - started) / 1000);
      commitBatchSize.observe(rows.length);
    },
    writeSnapshot: (state) => store.writeSnapshot(state),
    writeScores: (state, pathIds) => store.writeScores(state, pathIds),
    deletePlayer: (gameId, playerId) => store.deletePlayer(gameId, playerId),
    setHomePath: (gameId, playerId, pathId) => store.setHomePath(gameId, playerId, pathId),
    setPlayAlongPaths: (gameId, paths) => store.setPlayAlongPaths(gameId, paths),
    loadSnapshot: (gameId) => store.loadSnapshot(gameId),
    loadAnswers: (gameId, questionIndex) => store.loadAnswers(gameId, questionIndex),
  };
}

export function observeBroadcast(_players: number, ms: number): void {
  fanoutDuration.observe(ms / 1000);
}

/**
 * Watches the realtime layer from the outside: answer acknowledgements are timed (arrival to
 * ack, which comes only after the answer is stored), and host commands are logged as the game's
 * significant events, with ids only.
 */
export function instrumentRealtime(io: RealtimeServer): void {
  observeRefusals((limiter) => throttledRequests.inc({ limiter }));
  io.on("connection", (socket) => {
    socket.use((packet, next) => {
      const [event, payload] = packet;
      const last = packet.length - 1;
      const ack = packet[last];
      if (event === "answer:submit" && typeof ack === "function") {
        const started = performance.now();
        packet[last] = (response: { ok?: boolean }) => {
          ackLatency.observe((performance.now() - started) / 1000);
          if (response?.ok) answersStored.inc();
          ack(response);
        };
      } else if (event === "host:command" && payload && typeof payload === "object") {
        const { gameId, command } = payload as { gameId?: unknown; command?: unknown };
        if (typeof gameId === "string" && typeof command === "string") {
          logger().info({ gameId: gameId.slice(0, 40), command: command.slice(0, 20) }, "host command");
        }
      }
      next();
    });
  });
}

/**
 * Every TCP connection of the server, WebSockets included (an upgraded connection is no longer
 * the HTTP server's to close), so a shutdown can cut them all at once.
 */
export function trackConnections(httpServer: HttpServer): () => void {
  const open = new Set<Socket>();
  httpServer.on("connection", (socket: Socket) => {
    open.add(socket);
    socket.once("close", () => open.delete(socket));
  });
  return () => {
    for (const socket of open) socket.destroy();
    open.clear();
  };
}

export type ShutdownParts = {
  httpServer: HttpServer;
  io: RealtimeServer;
  /** From trackConnections. */
  dropConnections: () => void;
  /** Tells the games the connections are about to be cut by the server itself (LiveRegistry.drain). */
  drainGames: () => Promise<void>;
  /** Flushes pending group commits and writes every game's snapshot. */
  closeGames: () => Promise<void>;
  closeDatabase: () => Promise<void>;
  extraServers?: HttpServer[];
  timeoutMs: number;
  exit?: (code: number) => void;
};

/**
 * A planned restart (SIGTERM): stop taking connections, drop every socket so clients start
 * reconnecting (to this process's successor, or to the game's new owner), store what is pending,
 * and exit, within a bounded time. Sockets go first, so no answer arrives after the games' last write.
 */
export function createShutdown(parts: ShutdownParts) {
  const exit = parts.exit ?? ((code: number) => process.exit(code));
  let started = false;
  return async function shutdown(signal: string): Promise<void> {
    if (started) return;
    started = true;
    const began = Date.now();
    logger().info({ signal }, "shutting down");
    const deadline = setTimeout(() => {
      logger().error({ ms: parts.timeoutMs }, "shutdown timed out");
      exit(1);
    }, parts.timeoutMs);
    deadline.unref();
    // No new connections, and every open one cut now, as a network drop would: clients retry on
    // their own (a polite close would wait for each WebSocket's closing handshake), and no answer
    // can arrive after the games' last write.
    parts.httpServer.close();
    await parts.drainGames();
    parts.io.engine.close();
    parts.dropConnections();
    try {
      await parts.closeGames();
      await parts.closeDatabase();
    } catch (error) {
      logger().error({ err: error }, "shutdown: writing the games failed");
      clearTimeout(deadline);
      return exit(1);
    }
    for (const server of parts.extraServers ?? []) server.close();
    clearTimeout(deadline);
    logger().info({ ms: Date.now() - began }, "shut down cleanly");
    exit(0);
  };
}
