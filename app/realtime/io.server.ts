import type { Server as HttpServer } from "node:http";
import { Server, type ServerOptions } from "socket.io";
import { z } from "zod";
import { getUserFromCookie } from "~/utils/auth.server";
import { onSessionsRevoked } from "~/utils/session.server";
import type { LiveRegistry } from "~/live/live-registry.server";
import type { PrismaClient } from "~/utils/db.server";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "./events";
import { LiveTransport, type LiveContext, type LiveRouting } from "./live-handlers.server";
import { isOriginAllowed } from "./origin";
import { TokenBucket } from "~/utils/rate-limit";
import { clientAddress } from "~/http/client-address";

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type RealtimeSocket = Parameters<Parameters<RealtimeServer["on"]>[1]>[0];

export type RealtimeOptions = {
  allowedOrigins: readonly string[];
  now?: () => number;
  /** Take the client's address from X-Forwarded-For (TRUST_PROXY), for per-address limits. */
  trustProxy?: boolean;
  /** Live games: the registry of this process's game runners and the database behind them. */
  live?: {
    registry: LiveRegistry;
    db: PrismaClient;
    joinThrottle?: LiveContext["joinThrottle"];
    /** Several processes: where each request goes, set once the transport exists (app/live/cluster). */
    cluster?: (transport: LiveTransport, io: RealtimeServer, registry: LiveRegistry) => LiveRouting;
  };
  /** Several processes: the Socket.IO Redis adapter carries room broadcasts to every process (docs/decisions/036). */
  adapter?: ServerOptions["adapter"];
};

// Per socket: a burst of 20 requests (a clock sync takes 8), then 10 a second.
const BUCKET_CAPACITY = 20;
const BUCKET_PER_SECOND = 10;

// A quiz answer or command is tiny; anything bigger is a mistake or an attack.
const MAX_PAYLOAD_BYTES = 16 * 1024;

const pingSchema = z.object({ clientSentAt: z.number().finite() });

/** Socket.IO on the same HTTP server as Remix: one port, one process. */
export function attachRealtime(httpServer: HttpServer, options: RealtimeOptions): RealtimeServer {
  const now = options.now ?? Date.now;
  const io: RealtimeServer = new Server(httpServer, {
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    ...(options.adapter ? { adapter: options.adapter } : {}),
    // Vite's HMR websocket shares this HTTP server in development; leave upgrades that are not ours alone.
    destroyUpgrade: false,
    allowRequest: (request, callback) => {
      callback(null, isOriginAllowed(request.headers.origin, request.headers.host, options.allowedOrigins));
    },
  });

  // The session cookie identifies staff; players are anonymous here and get a game-scoped token later.
  io.use(async (socket, next) => {
    try {
      const user = await getUserFromCookie(socket.handshake.headers.cookie);
      socket.data.user = user ? { id: user.id, role: user.role, displayName: user.displayName } : null;
      next();
    } catch (error) {
      next(error instanceof Error ? error : new Error("authentication failed"));
    }
  });

  // Host rights come from a session; they end with it. Each host request re-reads the session (one
  // indexed query; a host sends a few per question), which also covers revocations made by another
  // app node; a revocation in this process drops the user's sockets at once.
  // Players have no session: their sockets carry no such check (one closure less per player).
  io.use((socket, next) => {
    if (!socket.data.user) return next();
    socket.use(([event, , ack], proceed) => {
      if (typeof event !== "string" || !event.startsWith("host:")) return proceed();
      void stillTheSameUser(socket.handshake.headers.cookie, socket.data.user).then(
        (same) => {
          if (same) return proceed();
          if (typeof ack === "function") ack({ ok: false, error: "forbidden" });
          socket.disconnect(true);
        },
        () => {
          if (typeof ack === "function") ack({ ok: false, error: "server-error" });
        },
      );
    });
    next();
  });
  const stopListening = onSessionsRevoked((userId) => {
    for (const socket of io.of("/").sockets.values()) {
      if (socket.data.user?.id === userId) socket.disconnect(true);
    }
  });
  httpServer.once("close", stopListening);

  const cluster: { routing?: LiveRouting } = {};
  const live = options.live
    ? new LiveTransport(
        {
          registry: options.live.registry,
          db: options.live.db,
          joinThrottle: options.live.joinThrottle,
          now,
          log: (message, error) => console.error(`[live] ${message}`, error ?? ""),
          cluster: options.live.cluster ? routingOf(cluster) : undefined,
        },
        io,
      )
    : null;

  // One listener for every socket (Socket.IO calls it with the socket as `this`), not a closure each.
  const onPing = function (this: RealtimeSocket, payload: unknown, ack: unknown) {
    if (typeof ack !== "function") return;
    const reply = ack as (response: unknown) => void;
    if (!this.data.bucket?.take(now())) return reply({ ok: false, error: "rate-limited" });
    const parsed = pingSchema.safeParse(payload);
    if (!parsed.success) return reply({ ok: false, error: "invalid-payload" });
    reply({ ok: true, data: { clientSentAt: parsed.data.clientSentAt, serverTime: now() } });
  };
  if (live && options.live?.cluster) cluster.routing = options.live.cluster(live, io, options.live.registry);

  io.on("connection", (socket) => {
    socket.data.address = clientAddress(socket.handshake.address, socket.handshake.headers["x-forwarded-for"], options.trustProxy ?? false);
    const bucket = new TokenBucket(BUCKET_CAPACITY, BUCKET_PER_SECOND, now());
    socket.data.bucket = bucket;
    (socket.on as (event: string, listener: typeof onPing) => void)("system:ping", onPing);
    live?.handle(socket, bucket);
  });

  return io;
}

/** The router is made once the transport exists; the transport calls it through this. */
function routingOf(holder: { routing?: LiveRouting }): LiveRouting {
  return {
    route: (socket, event, payload, runHere) => (holder.routing ? holder.routing.route(socket, event, payload, runHere) : runHere()),
    socketConnected: (socket) => holder.routing?.socketConnected(socket),
  };
}

async function stillTheSameUser(cookie: string | undefined, user: SocketData["user"]): Promise<boolean> {
  if (!user) return true; // Anonymous sockets are refused by the handlers themselves.
  const current = await getUserFromCookie(cookie);
  return current !== null && current.id === user.id && current.role === user.role;
}
