import type { Socket } from "socket.io-client";
import { currentView, receiveCommon, receiveView, type PlayerStream } from "~/live/player-stream";
import type { PlayerView } from "~/live/player-view";
import type { ClientToServerEvents, LiveView, ServerToClientEvents } from "../events";

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
type Listener = (view: LiveView) => void;

/**
 * What a screen shows, as the app's own screens build it: staff views as they come, and a
 * player's views joined from whole snapshots and the common parts broadcast to every player
 * (app/live/player-stream.ts), exactly as the phone does.
 */
const screens = new WeakMap<Client, { stream: PlayerStream | null; listeners: Set<Listener>; showPlayer: (stream: PlayerStream) => void }>();

function screenOf(socket: Client) {
  let screen = screens.get(socket);
  if (!screen) {
    const created = { stream: null as PlayerStream | null, listeners: new Set<Listener>(), showPlayer: (_stream: PlayerStream) => undefined as void };
    const show = (view: LiveView) => {
      for (const listener of [...created.listeners]) listener(view);
    };
    const showPlayer = (stream: PlayerStream) => {
      created.stream = stream;
      const view = currentView(stream);
      if (view) show(view);
    };
    created.showPlayer = showPlayer;
    socket.on("game:state", (view) => (view.audience === "player" ? showPlayer(receiveView(created.stream, view)) : show(view)));
    socket.on("game:common", (common) => showPlayer(receiveCommon(created.stream, common)));
    screens.set(socket, created);
    screen = created;
  }
  return screen;
}

/** Starts following what this socket's screen shows; call it before the socket joins anything. */
export function trackScreen<S extends Client>(socket: S): S {
  screenOf(socket);
  return socket;
}

/**
 * The reply to a request, as the phone reads it (play.$pin.tsx): a join's or a resume's ack
 * carries the player's snapshot, which is not sent again as a message.
 */
export function showReply(socket: Client, event: string, response: unknown): void {
  if (event !== "player:join" && event !== "player:resume") return;
  const reply = response as { ok: boolean; data?: { view?: PlayerView } };
  if (!reply.ok || !reply.data?.view) return;
  const screen = screenOf(socket);
  screen.showPlayer(receiveView(screen.stream, reply.data.view));
}

/** Every view this socket's screen shows from now on; returns the way to stop. */
export function onView(socket: Client, listener: Listener): () => void {
  const screen = screenOf(socket);
  screen.listeners.add(listener);
  return () => screen.listeners.delete(listener);
}

/** Resolves with the first view on this socket's screen that passes the test. */
export function nextView<V extends LiveView>(socket: Client, test: (view: V) => boolean): Promise<V> {
  return new Promise((resolve) => {
    const stop = onView(socket, (view) => {
      if (!test(view as V)) return;
      stop();
      resolve(view as V);
    });
  });
}
