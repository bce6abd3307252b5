import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientToServerEvents, ServerToClientEvents } from "./events";
import { attachRealtime, type RealtimeServer } from "./io.server";

let httpServer: HttpServer;
let realtime: RealtimeServer;
let url: string;
const sockets: Socket[] = [];

function client(options: Parameters<typeof connect>[1] = {}): Socket<ServerToClientEvents, ClientToServerEvents> {
  const socket = connect(url, { transports: ["websocket"], reconnection: false, forceNew: true, ...options });
  sockets.push(socket);
  return socket;
}

beforeAll(async () => {
  httpServer = createServer();
  realtime = attachRealtime(httpServer, { allowedOrigins: ["https://studio.example"], now: () => 1_700_000_000_000 });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await realtime.close();
});

describe("the Socket.IO server", () => {
  it("answers a clock ping with the server's time through the ack", async () => {
    const socket = client();
    const response = await socket.timeout(5000).emitWithAck("system:ping", { clientSentAt: 42 });
    expect(response).toEqual({ ok: true, data: { clientSentAt: 42, serverTime: 1_700_000_000_000 } });
  });

  it("refuses a malformed payload with an error code, not a crash", async () => {
    const socket = client();
    const response = await socket.timeout(5000).emitWithAck("system:ping", { clientSentAt: "soon" } as never);
    expect(response).toEqual({ ok: false, error: "invalid-payload" });
    const after = await socket.timeout(5000).emitWithAck("system:ping", { clientSentAt: 1 });
    expect(after.ok).toBe(true);
  });

  it("refuses a connection from another site's page and accepts a configured origin", async () => {
    const foreign = client({ extraHeaders: { Origin: "https://evil.example" }, transports: ["polling"] });
    const refused = await new Promise<string>((resolve) => {
      foreign.on("connect", () => resolve("connected"));
      foreign.on("connect_error", () => resolve("refused"));
    });
    expect(refused).toBe("refused");

    const studio = client({ extraHeaders: { Origin: "https://studio.example" }, transports: ["polling"] });
    const accepted = await new Promise<string>((resolve) => {
      studio.on("connect", () => resolve("connected"));
      studio.on("connect_error", (error) => resolve(`refused: ${error.message}`));
    });
    expect(accepted).toBe("connected");
  });
});
