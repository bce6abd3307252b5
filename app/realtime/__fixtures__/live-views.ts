import type { Socket } from "socket.io-client";
import { currentView, receiveCommon, receiveView, type PlayerStream } from "~/live/player-stream";
import type { PlayerView, StaffView } from "~/live/player-view";
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

/** What a host's or display's screen shows; `waitFor` finds the next view that passes a test. */
export function staffScreen(socket: Client) {
  const views: StaffView[] = [];
  let cursor = 0;
  const waiting: (() => void)[] = [];
  onView(socket, (view) => {
    views.push(view as StaffView);
    for (const wake of waiting.splice(0)) wake();
  });
  return {
    views,
    /** The step of the newest view by epoch and version: an ack and the messages around it may arrive in either order. */
    newestStep(): number | undefined {
      const newest = views.reduce<StaffView | undefined>((best, view) => (!best || view.epoch > best.epoch || (view.epoch === best.epoch && view.version > best.version) ? view : best), undefined);
      return newest?.controls?.step;
    },
    async waitFor(test: (view: StaffView) => boolean): Promise<StaffView> {
      for (;;) {
        const found = views.findIndex((view, index) => index >= cursor && test(view));
        if (found !== -1) {
          cursor = found + 1;
          return views[found];
        }
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
    },
  };
}
