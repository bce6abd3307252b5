import "dotenv/config";
import "~/http/production-by-default.server";
import { createServer } from "node:http";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { guardRequests } from "~/http/guard-requests.server";
import { createRemixHandler } from "~/http/remix-handler.server";
import { IDLE_SWEEP_EVERY_MS, closeIdleLobbies } from "~/live/idle-lobbies.server";
import { LiveRegistry } from "~/live/live-registry.server";
import { prismaLiveStore } from "~/live/live-store.server";
import { attachRealtime } from "~/realtime/io.server";
import { prisma } from "~/utils/db.server";
import { EnvError, env } from "~/utils/env.server";

/** One Node process serves Remix and Socket.IO on one port (docs/decisions/001-one-server.md). */
async function main() {
  const config = env();
  const app = express();
  const production = config.NODE_ENV === "production";
  // Before anything else: a forged cross-site post never reaches an action (docs/decisions/011).
  const { getLoadContext } = guardRequests(app, {
    production,
    frameAncestors: config.FRAME_ANCESTORS,
    trustProxy: config.TRUST_PROXY,
  });
  const httpServer = createServer(app);
  // Live games run in this process (decisions 004, 005); the registry writes them back on shutdown.
  const liveGames = new LiveRegistry({ store: prismaLiveStore(prisma) });
  const realtime = attachRealtime(httpServer, {
    allowedOrigins: config.ALLOWED_ORIGINS,
    trustProxy: config.TRUST_PROXY,
    live: { registry: liveGames, db: prisma },
  });

  // Forgotten lobbies close and free their PIN (app/live/idle-lobbies.server.ts).
  const idleSweep = setInterval(() => {
    closeIdleLobbies(prisma, liveGames, Date.now()).catch((error) => console.error("[live] idle sweep failed", error));
  }, IDLE_SWEEP_EVERY_MS);
  idleSweep.unref();

  if (production) {
    const buildDir = path.resolve(process.env.REMIX_BUILD_DIR ?? "build");
    const clientDir = path.join(buildDir, "client");
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(clientDir, { maxAge: "1h" }));
    const build = (await import(path.join(buildDir, "server/index.js"))) as ServerBuild;
    app.all("*", createRemixHandler({ build, mode: "production", getLoadContext }));
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
  httpServer.listen(config.PORT, host, () => {
    console.log(`Sân chơi ASEAN: http://${host ?? "localhost"}:${config.PORT} (${config.NODE_ENV})`);
  });

  const shutdown = () => {
    clearInterval(idleSweep);
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
