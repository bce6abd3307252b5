import "dotenv/config";
import "~/http/production-by-default.server";
import { createServer, type Server as HttpServer } from "node:http";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { guardRequests } from "~/http/guard-requests.server";
import { publicFiles } from "~/http/public-files.server";
import { createRemixHandler } from "~/http/remix-handler.server";
import { IDLE_SWEEP_EVERY_MS, closeIdleLobbies } from "~/live/idle-lobbies.server";
import { LiveRegistry } from "~/live/live-registry.server";
import { liveStoreFor } from "~/live/live-writer.server";
import { createReadinessCheck, migrationsFolderFor } from "~/ops/health.server";
import { claimLiveGames, type LiveGamesClaim } from "~/ops/live-games-owner.server";
import { ClusterConfigError, startCluster, type Cluster } from "~/live/cluster/cluster.server";
import { createLogger, logger, requestLogging, setLogger } from "~/ops/logger.server";
import { setMetricsSources } from "~/ops/metrics.server";
import {
  createShutdown,
  instrumentedStore,
  instrumentRealtime,
  mountProbes,
  observeBroadcast,
  startMetricsServer,
  trackConnections,
} from "~/ops/operations.server";
import { attachRealtime } from "~/realtime/io.server";
import { productionStartProblem } from "~/accounts/demo-mode.server";
import { prisma } from "~/utils/db.server";
import { EnvError, env } from "~/utils/env.server";

/** How long an idle kept-alive connection stays open (docs/decisions/044). */
const HTTP_KEEP_ALIVE_MS = 65_000;
/** Connections waiting to be accepted (docs/decisions/044). */
const HTTP_LISTEN_BACKLOG = 4_096;

/** One Node process serves Remix and Socket.IO on one port (docs/decisions/001-one-server.md). */
async function main() {
  const config = env();
  setLogger(createLogger({ level: config.LOG_LEVEL, pretty: config.NODE_ENV === "development" }));
  // With REDIS_URL, several processes share the live games, each game run by one of them
  // (docs/decisions/036, 037). Without it, one process runs a database's live games and a second
  // would split them, so it refuses to start (docs/decisions/032).
  let cluster: Cluster | null = null;
  let liveGamesClaim: LiveGamesClaim = { ok: true, release: async () => undefined };
  if (config.REDIS_URL) {
    try {
      cluster = startCluster({
        redisUrl: config.REDIS_URL,
        databaseUrl: config.DATABASE_URL,
        db: prisma,
        keyPrefix: config.REDIS_KEY_PREFIX,
        log: (message, error) => logger().error({ err: error }, `cluster: ${message}`),
      });
    } catch (error) {
      console.error(error instanceof ClusterConfigError ? error.message : error);
      process.exit(1);
    }
    logger().info({ processId: cluster.processId }, "live games: several processes (Redis)");
  } else {
    liveGamesClaim = await claimLiveGames(config.DATABASE_URL);
  }
  if (!liveGamesClaim.ok) {
    console.error(liveGamesClaim.message);
    process.exit(1);
  }
  // No public start while an account accepts a password printed in the README (docs/security.md).
  const startProblem = await productionStartProblem(prisma, config);
  if (startProblem) {
    console.error(startProblem);
    process.exit(1);
  }
  const app = express();
  const production = config.NODE_ENV === "production";
  // Before anything else: a forged cross-site post never reaches an action (docs/decisions/011).
  const { getLoadContext } = guardRequests(app, {
    production,
    frameAncestors: config.FRAME_ANCESTORS,
    trustProxy: config.TRUST_PROXY,
  });
  // Pages and scripts go out brotli- or gzip-compressed: a phone on 3G loads a third of the bytes.
  app.use(compression());
  const httpServer = createServer(app);
  // A thousand phones open a round within seconds and then save an answer every few seconds
  // (docs/decisions/044): a kept-alive connection outlives a slow page and a pause between answers
  // (Node closes it after 5 s; a phone would then open a new one into a busy listen queue). The
  // headers' timeout must outlast it, or a request that arrives as it ends is cut.
  httpServer.keepAliveTimeout = HTTP_KEEP_ALIVE_MS;
  httpServer.headersTimeout = HTTP_KEEP_ALIVE_MS + 1_000;
  const dropConnections = trackConnections(httpServer);
  // Live games run in this process (decisions 004, 005); the registry writes them back on shutdown.
  const liveGames = new LiveRegistry({
    // On SQLite the games' writes go through a writer thread of their own (docs/decisions/028).
    store: instrumentedStore(cluster ? cluster.store : liveStoreFor(prisma, config.DATABASE_URL)),
    onBroadcast: observeBroadcast,
    // Several processes: a game is loaded only by the process that takes its lease, and one taken
    // over from a process that died carries on by itself (a failover, docs/decisions/037).
    // An ended game leaves memory after a while, and its lease goes with it.
    ...(cluster ? { claim: cluster.claim, onRetired: cluster.retired, resumeAfterCrash: true } : {}),
    log: (message, error) => logger().error({ err: error }, `live: ${message}`),
  });
  const realtime = attachRealtime(httpServer, {
    allowedOrigins: config.ALLOWED_ORIGINS,
    trustProxy: config.TRUST_PROXY,
    live: { registry: liveGames, db: prisma, ...(cluster ? { cluster: cluster.routing } : {}) },
    ...(cluster ? { adapter: cluster.adapter } : {}),
  });
  instrumentRealtime(realtime);

  let shuttingDown = false;
  const readiness = createReadinessCheck({
    db: prisma,
    migrationsDir: migrationsFolderFor(config.DATABASE_URL),
    redisUrl: config.REDIS_URL,
    isShuttingDown: () => shuttingDown,
  });
  setMetricsSources({ connectedSockets: () => realtime.engine.clientsCount, liveGames: () => liveGames.overview() });
  mountProbes(app, { readiness, operatorToken: config.OPERATOR_TOKEN });
  const extraServers: HttpServer[] = [];
  if (config.METRICS_PORT) extraServers.push(startMetricsServer(config.METRICS_PORT, config.METRICS_HOST));
  app.use(requestLogging());

  // Forgotten lobbies close and free their PIN (app/live/idle-lobbies.server.ts).
  const idleSweep = setInterval(() => {
    closeIdleLobbies(prisma, liveGames, Date.now()).catch((error) => logger().error({ err: error }, "live: idle sweep failed"));
  }, IDLE_SWEEP_EVERY_MS);
  idleSweep.unref();

  // Statistics' facts are loaded in the background once the server listens (app/entry.server.tsx).
  let warmUp = () => {};
  if (production) {
    const buildDir = path.resolve(process.env.REMIX_BUILD_DIR ?? "build");
    const clientDir = path.join(buildDir, "client");
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }));
    app.use(publicFiles(clientDir, { maxAge: "1h" }));
    const build = (await import(path.join(buildDir, "server/index.js"))) as ServerBuild;
    app.all("*", createRemixHandler({ build, mode: "production", getLoadContext }));
    warmUp = () => warmUpBuild(build);
  } else {
    const vite = await import("vite").then((module) =>
      module.createServer({
        server: {
          middlewareMode: true,
          hmr: { server: httpServer },
          // Vite serves the browser's modules and nothing else: never the database, .env or scripts
          // (docs/decisions/012).
          fs: {
            strict: true,
            allow: ["app", "public", "node_modules"].map((folder) => path.resolve(folder)),
            deny: [".env", ".env.*", "*.{crt,pem,key}", "**/.git/**", "**/data/**", "**/prisma/**", "*.{db,db-*,sqlite,sqlite3}"],
          },
        },
      }),
    );
    // Server modules hold no secrets, but the browser never needs them: Vite need not show them.
    app.use((req, res, next) => (/\.server(\.[cm]?[jt]sx?)?$|\/\.server\//.test(req.path) ? res.sendStatus(404) : next()));
    app.use(vite.middlewares);
    warmUp = () =>
      void (vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>).then(warmUpBuild, (error) =>
        logger().error({ err: error }, "statistics: the build did not load"),
      );
    app.all(
      "*",
      createRemixHandler({
        build: () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>,
        mode: "development",
        getLoadContext,
      }),
    );
  }

  // A development server is for this machine only unless HOST says otherwise (docs/decisions/012).
  const host = config.HOST ?? (production ? undefined : "127.0.0.1");
  // A deeper listen queue than Node's 511: arrivals in a burst wait there instead of being dropped and
  // retried by the phone a second or more later (the kernel caps it at net.core.somaxconn).
  httpServer.listen({ port: config.PORT, host, backlog: HTTP_LISTEN_BACKLOG }, () => {
    logger().info({ port: config.PORT, mode: config.NODE_ENV }, `Sân chơi ASEAN: http://${host ?? "localhost"}:${config.PORT}`);
    warmUp();
  });

  const shutdown = createShutdown({
    httpServer,
    io: realtime,
    dropConnections,
    drainGames: () => liveGames.drain(),
    closeGames: () => liveGames.close({ resumeOnLoad: true }),
    closeDatabase: async () => {
      await liveGamesClaim.release();
      await cluster?.close();
      await prisma.$disconnect();
    },
    extraServers,
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });
  const onSignal = (signal: string) => {
    shuttingDown = true;
    clearInterval(idleSweep);
    void shutdown(signal);
  };
  process.on("SIGTERM", () => onSignal("SIGTERM"));
  process.on("SIGINT", () => onSignal("SIGINT"));
}

/** The build's entry may load what its pages need in the background (app/entry.server.tsx, warmUp). */
function warmUpBuild(build: ServerBuild): void {
  (build.entry.module as { warmUp?: () => void }).warmUp?.();
}

main().catch((error) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
