import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { z } from "zod";
import { getUserFromCookie } from "~/utils/auth.server";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "./events";
import { isOriginAllowed } from "./origin";

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export type RealtimeOptions = {
  allowedOrigins: readonly string[];
  now?: () => number;
};

// A quiz answer or command is tiny; anything bigger is a mistake or an attack.
const MAX_PAYLOAD_BYTES = 16 * 1024;

const pingSchema = z.object({ clientSentAt: z.number().finite() });

/** Socket.IO on the same HTTP server as Remix: one port, one process. */
export function attachRealtime(httpServer: HttpServer, options: RealtimeOptions): RealtimeServer {
  const now = options.now ?? Date.now;
  const io: RealtimeServer = new Server(httpServer, {
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
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

  io.on("connection", (socket) => {
    socket.on("system:ping", (payload, ack) => {
      if (typeof ack !== "function") return;
      const parsed = pingSchema.safeParse(payload);
      if (!parsed.success) return ack({ ok: false, error: "invalid-payload" });
      ack({ ok: true, data: { clientSentAt: parsed.data.clientSentAt, serverTime: now() } });
    });
  });

  return io;
}
