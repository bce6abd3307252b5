import "dotenv/config";
import { createServer } from "node:http";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { LiveRegistry } from "~/live/live-registry.server";
import { prismaLiveStore } from "~/live/live-store.server";
import { attachRealtime } from "~/realtime/io.server";
import { prisma } from "~/utils/db.server";
import { EnvError, env } from "~/utils/env.server";

/** One Node process serves Remix and Socket.IO on one port (docs/decisions/001-one-server.md). */
async function main() {
  const config = env();
  const app = express();
  app.disable("x-powered-by");
  // Pages and scripts go out brotli- or gzip-compressed: a phone on 3G loads a third of the bytes.
  app.use(compression());
  const httpServer = createServer(app);
  // Live games run in this process (decisions 004, 005); the registry writes them back on shutdown.
  const liveGames = new LiveRegistry({ store: prismaLiveStore(prisma) });
  const realtime = attachRealtime(httpServer, {
    allowedOrigins: config.ALLOWED_ORIGINS,
    live: { registry: liveGames, db: prisma },
  });

  if (config.NODE_ENV === "production") {
    const buildDir = path.resolve(process.env.REMIX_BUILD_DIR ?? "build");
    const clientDir = path.join(buildDir, "client");
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(clientDir, { maxAge: "1h" }));
    const build = (await import(path.join(buildDir, "server/index.js"))) as ServerBuild;
    app.all("*", createRequestHandler({ build, mode: "production" }));
  } else {
    const vite = await import("vite").then((module) =>
      module.createServer({ server: { middlewareMode: true, hmr: { server: httpServer } } }),
    );
    app.use(vite.middlewares);
    app.all(
      "*",
      createRequestHandler({
        build: () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>,
        mode: "development",
      }),
    );
  }

  httpServer.listen(config.PORT, () => {
    console.log(`Sân chơi ASEAN: http://localhost:${config.PORT} (${config.NODE_ENV})`);
  });

  const shutdown = () => {
    realtime.close();
    liveGames.close().finally(() => httpServer.close(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((error) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
