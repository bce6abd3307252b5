import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { estimateClockOffset, remainingOnClient, type PingSample } from "~/live/clock-sync";
import { CLOCK_SYNC_SAMPLES } from "~/live/constants";
import type { ClientToServerEvents, LiveView, ServerToClientEvents } from "~/realtime/events";

const RECONNECT_AFTER_SERVER_CLOSE_MS = 1_000;

export type LiveClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * One Socket.IO connection for a live screen, with the clock offset estimated from
 * `system:ping` round trips (clock-sync.ts), re-measured after every reconnect. `onConnect`
 * runs on the first connection and on every reconnect: that is where a screen (re)subscribes.
 */
export function useLiveSocket(onConnect: (socket: LiveClientSocket) => void) {
  const [socket, setSocket] = useState<LiveClientSocket | null>(null);
  const [connected, setConnected] = useState(false);
  const [offsetMs, setOffsetMs] = useState(0);
  const onConnectRef = useRef(onConnect);
  onConnectRef.current = onConnect;

  useEffect(() => {
    const client: LiveClientSocket = io({ transports: ["websocket", "polling"] });
    setSocket(client);
    client.on("connect", () => {
      setConnected(true);
      onConnectRef.current(client);
      void syncClock(client).then((offset) => offset !== null && setOffsetMs(offset));
    });
    client.on("disconnect", (reason) => {
      setConnected(false);
      // A server that shuts down cleanly closes the connection itself, which Socket.IO does not
      // retry on its own: come back once the restarted (or another) process answers.
      if (reason === "io server disconnect") setTimeout(() => client.connect(), RECONNECT_AFTER_SERVER_CLOSE_MS);
    });
    return () => {
      client.disconnect();
    };
  }, []);

  return { socket, connected, offsetMs };
}

async function syncClock(socket: LiveClientSocket): Promise<number | null> {
  const samples: PingSample[] = [];
  for (let index = 0; index < CLOCK_SYNC_SAMPLES; index += 1) {
    const clientSentAt = Date.now();
    try {
      const response = await socket.timeout(3000).emitWithAck("system:ping", { clientSentAt });
      if (response.ok) samples.push({ clientSentAt, serverTime: response.data.serverTime, clientReceivedAt: Date.now() });
    } catch {
      break;
    }
  }
  return estimateClockOffset(samples)?.offsetMs ?? null;
}

/**
 * Keeps the newest snapshot: views carry an epoch (a new one after the server restored the game)
 * and a version within it, and an older one never replaces a newer one.
 */
export function newer<V extends LiveView>(current: V | null, incoming: V): V {
  if (!current || current.gameId !== incoming.gameId) return incoming;
  if (incoming.epoch !== current.epoch) return incoming.epoch > current.epoch ? incoming : current;
  return incoming.version >= current.version ? incoming : current;
}

/**
 * Seconds left to a server deadline, seen through the clock offset, ticking a few times a second.
 * Paused, or without a deadline, it shows the time the snapshot says is left.
 */
export function useSecondsLeft(deadline: number | null, remainingMs: number, paused: boolean, offsetMs: number): number {
  const [clientNow, setClientNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === null || paused) return;
    const timer = setInterval(() => setClientNow(Date.now()), 200);
    return () => clearInterval(timer);
  }, [deadline, paused]);
  const left = deadline === null || paused ? remainingMs : remainingOnClient(deadline, clientNow, offsetMs);
  return Math.ceil(left / 1000);
}
