/**
 * The game server of the live benchmark: the live part of server.ts (Socket.IO, the realtime
 * layer, the registry of game runners on DATABASE_URL, the operator's instruments) without Remix,
 * which plays no part in a game's messages. Prints `{"port":N}` on stdout once listening; SIGTERM
 * writes every game and exits (so --cpu-prof can write its profile).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { LiveRegistry } from "~/live/live-registry.server";
import { liveStoreFor } from "~/live/live-writer.server";
import { instrumentedStore, instrumentRealtime, observeBroadcast } from "~/ops/operations.server";
import { attachRealtime } from "~/realtime/io.server";
import { prisma } from "~/utils/db.server";
import { serverStats } from "./server-stats";

const stats = serverStats();
const registry = new LiveRegistry({
  store: instrumentedStore(liveStoreFor(prisma, process.env.DATABASE_URL!)),
  onBroadcast: observeBroadcast,
  log: (message, error) => console.error(`[live] ${message}`, error ?? ""),
});
const http = createServer((request, response) => {
  if (!stats(request, response)) response.writeHead(404).end();
});
// Players come from many addresses (the generator says which in X-Forwarded-For), so the
// per-address join limits apply as they would on air.
const io = attachRealtime(http, { allowedOrigins: [], trustProxy: true, live: { registry, db: prisma } });
instrumentRealtime(io);
http.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: (http.address() as AddressInfo).port })));

process.on("SIGTERM", () => {
  void registry
    .close()
    .catch((error) => console.error(error))
    .finally(() => process.exit(0));
});
