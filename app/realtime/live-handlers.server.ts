import { randomBytes } from "node:crypto";
import type { Socket } from "socket.io";
import type { z } from "zod";
import type { GameRunner } from "~/live/game-runner.server";
import { sameSecret } from "~/live/join-links.server";
import { hashToken, newPlayerToken, openGameByPin, resolvePlayerUnit } from "~/live/live-games.server";
import type { LiveRegistry } from "~/live/live-registry.server";
import { findPlayer } from "~/live/players";
import { displayView, encodedViewHead, encodePlayerView, hostView, type PlayerCommonView, type PlayerPersonal } from "~/live/player-view";
import type { PrismaClient } from "~/utils/db.server";
import type { PlayerUnit } from "~/live/game-state";
import type { Server } from "socket.io";
import type { Ack, ClientToServerEvents, LiveSocketData, ServerToClientEvents, SocketData } from "./events";
import {
  answerSubmitSchema,
  displayWatchSchema,
  hostCommandSchema,
  hostPlayAlongSchema,
  hostWatchSchema,
  playerJoinSchema,
  playerPathSchema,
  playerResumeSchema,
} from "./live-schemas";
import { homePlayer } from "~/live/play-along";
import type { TokenBucket } from "~/utils/rate-limit";
import { joinThrottle as defaultJoinThrottle, type createJoinThrottle } from "~/live/join-throttle.server";

/**
 * Thin handlers: check the payload and who is asking, hand the event to the game's runner, ack
 * with the outcome once it is stored. The runner's messages reach sockets through `output` below.
 */

export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** The room of one distribution path's home players (docs/decisions/038): one emit per path, encoded once. */
const pathRoom = (gameId: string, pathId: string) => `game:${gameId}:path:${pathId}`;

/** A school or area read once a minute at most: a wave of joins names the same few hundred units. */
const UNIT_CACHE_MS = 60_000;
const UNIT_CACHE_SIZE = 5_000;

const HOST_ROLES = new Set(["host", "organizer", "teacher", "admin"]);

type Listener = (this: LiveSocket, payload: unknown, ack: unknown) => void;

/**
 * A player's sockets: the socket itself while they have one, as nearly all do, and a set only while
 * they have more: a set per player cost ~100 bytes of 10,000 players' memory.
 */
type PlayerSockets = Map<string, LiveSocket | Set<LiveSocket>>;

/** A game's sockets. The room names are made once per game: each socket's membership holds the name it was given. */
type GameSockets = {
  players: PlayerSockets;
  hosts: Set<LiveSocket>;
  displays: Set<LiveSocket>;
  /** The staff's room. Players are not in it: nothing is sent to it that they need. */
  room: string;
  /** The room of the game's players: a broadcast's common part goes to it in one emit, encoded once. */
  playersRoom: string;
  /** Play-along: per path, its home players' sockets (kept apart, so a studio broadcast never walks them). */
  home: Map<string, PlayerSockets>;
};

function eachSocket(entry: LiveSocket | Set<LiveSocket> | undefined): Iterable<LiveSocket> {
  return entry === undefined ? [] : entry instanceof Set ? [...entry] : [entry];
}

function addSocket(owners: PlayerSockets, playerId: string, socket: LiveSocket): void {
  const current = owners.get(playerId);
  if (current === undefined) owners.set(playerId, socket);
  else if (current instanceof Set) current.add(socket);
  else if (current !== socket) owners.set(playerId, new Set([current, socket]));
}

/** Forgets one of a player's sockets; true when it was their last. */
function removeSocket(owners: PlayerSockets, playerId: string, socket: LiveSocket): boolean {
  const current = owners.get(playerId);
  let gone = false;
  if (current === socket) gone = true;
  else if (current instanceof Set) {
    current.delete(socket);
    if (current.size === 1) owners.set(playerId, [...current][0]);
    gone = current.size === 0;
  }
  if (gone) owners.delete(playerId);
  return gone;
}

export type LiveContext = {
  registry: LiveRegistry;
  db: PrismaClient;
  now: () => number;
  log: (message: string, error?: unknown) => void;
  /** Per-address limits on PIN lookups and joins (the process-wide one unless a test brings its own). */
  joinThrottle?: ReturnType<typeof createJoinThrottle>;
  /** Several processes (app/live/cluster): each request goes to the process that runs its game. */
  cluster?: LiveRouting;
};

/** What the cluster's router does for the transport (app/live/cluster/cluster-router.server.ts). */
export type LiveRouting = {
  /** Runs the request here (`runHere`) if this process runs its game, or forwards it to the process that does. */
  route(socket: LiveSocket, event: string, payload: unknown, runHere: () => Promise<HandlerResult<unknown>>): Promise<HandlerResult<unknown>>;
  /** A new socket on this process. */
  socketConnected(socket: LiveSocket): void;
};

export class LiveTransport {
  private readonly games = new Map<string, GameSockets>();
  /** PIN → game, for games this process runs: a join asks the database only the first time. */
  private readonly pins = new Map<string, string>();
  private readonly units = new Map<string, { unit: PlayerUnit | null; at: number }>();

  constructor(
    private readonly context: LiveContext,
    private readonly io: LiveServer,
  ) {
    context.registry.connect((gameId) => ({
      connectedPlayers: () => this.socketsOf(gameId).players.keys(),
      toPlayer: (playerId, view) => {
        for (const socket of eachSocket(this.playerEntry(gameId, playerId))) socket.emit("game:state", view);
      },
      connectedHomePlayers: (pathId) => this.socketsOf(gameId).home.get(pathId)?.keys() ?? [],
      toPath: (pathId, common, personal) => {
        const sockets = this.socketsOf(gameId).home.get(pathId) ?? new Map();
        this.sendBroadcast(pathRoom(gameId, pathId), sockets, common, personal);
      },
      toPlayers: (common, personal) => {
        const game = this.socketsOf(gameId);
        this.sendBroadcast(game.playersRoom, game.players, common, personal);
      },
      toStaff: ({ host, display }) => {
        const sockets = this.socketsOf(gameId);
        if (sockets.hosts.size > 0) {
          const view = host();
          for (const socket of sockets.hosts) socket.emit("game:state", view);
        }
        if (sockets.displays.size > 0) {
          const view = display();
          for (const socket of sockets.displays) socket.emit("game:state", view);
        }
      },
      kick: (playerId) => {
        for (const socket of eachSocket(this.playerEntry(gameId, playerId))) {
          this.detach(socket, false);
          socket.emit("game:kicked", { gameId });
          socket.disconnect();
        }
      },
    }));
    this.defineHandlers();
  }

  /**
   * Gives a new socket the game's events. The listeners are the same functions for every socket
   * (Socket.IO calls them with the socket as `this`): 10,000 sockets do not each hold a dozen
   * closures of their own.
   */
  handle(socket: LiveSocket, bucket: TokenBucket): void {
    socket.data.bucket = bucket;
    for (const [event, listener] of this.listeners) (socket.on as (event: string, listener: Listener) => void)(event, listener);
    socket.on("disconnect", this.onDisconnect);
    this.context.cluster?.socketConnected(socket);
  }

  private readonly handlers = new Map<string, (socket: LiveSocket, payload: unknown) => Promise<HandlerResult<unknown>>>();

  /**
   * Runs a request as its handler would, without the rate limit: for a socket of another process
   * (checked there) or a request this process replays itself (app/live/cluster).
   */
  async runForwarded(socket: LiveSocket, event: string, payload: unknown): Promise<HandlerResult<unknown>> {
    const handler = this.handlers.get(event);
    if (!handler) return refused("invalid-payload");
    try {
      return await handler(socket, payload);
    } catch (error) {
      this.context.log(`${event} failed`, error);
      return refused("server-error");
    }
  }

  /** A socket of another process went away: as its own disconnect would. */
  socketGone(socket: LiveSocket): void {
    this.detach(socket, true);
  }

  /** Forgets a socket's game without telling the game: another process runs it now. */
  detachQuietly(socket: LiveSocket): void {
    this.detach(socket, false);
  }

  /** Forgets what this process knew of a game's sockets and PIN: another process runs it now. */
  forgetGame(gameId: string): void {
    this.games.delete(gameId);
    for (const [pin, id] of this.pins) if (id === gameId) this.pins.delete(pin);
  }

  private readonly listeners: [string, Listener][] = [];
  private readonly onDisconnect = (() => {
    const transport = this;
    return function (this: LiveSocket) {
      transport.detach(this, true);
    };
  })();

  private defineHandlers(): void {
    const { registry, db, now } = this.context;

    this.define("host:watch", hostWatchSchema, async (socket, { gameId }) => {
      const user = socket.data.user;
      if (!user || !HOST_ROLES.has(user.role)) return refused("forbidden");
      const game = await db.liveGame.findUnique({ where: { id: gameId }, select: { hostId: true } });
      if (!game) return refused("unknown-game");
      if (game.hostId !== user.id && user.role !== "admin") return refused("forbidden");
      const runner = await registry.get(gameId);
      if (!runner) return refused("unknown-game");
      this.attach(socket, { role: "host", gameId });
      await settle(runner.dispatch({ type: "host-connected" }));
      return accepted(hostView(runner.state, runner.now()));
    });

    this.define("display:watch", displayWatchSchema, async (socket, { gameId, token }) => {
      const game = await db.liveGame.findUnique({ where: { id: gameId }, select: { displayToken: true } });
      if (!game || !sameSecret(game.displayToken, token)) return refused("forbidden");
      const runner = await registry.get(gameId);
      if (!runner) return refused("unknown-game");
      this.attach(socket, { role: "display", gameId });
      return accepted(displayView(runner.state, runner.now()));
    });

    this.define("host:command", hostCommandSchema, async (socket, payload) => {
      const live = socket.data.live;
      if (live?.role !== "host" || live.gameId !== payload.gameId) return refused("not-watching");
      const runner = await registry.get(payload.gameId);
      if (!runner) return refused("unknown-game");
      const command =
        payload.command === "kick"
          ? ({ command: "kick", playerId: payload.playerId } as const)
          : "step" in payload
            ? ({ command: payload.command, step: payload.step } as const)
            : ({ command: payload.command } as const);
      const outcome = runner.dispatch({ type: "host-command", ...command });
      if (!outcome.ok) return refused(outcome.code);
      return (await settle(outcome)) ? accepted({ code: outcome.code }) : refused("not-stored");
    });

    this.define("player:join", playerJoinSchema, async (socket, { pin, name, unitId, pathId }) => {
      const throttle = this.context.joinThrottle ?? defaultJoinThrottle;
      const address = socket.data.address ?? "unknown";
      if (!throttle.allowPinLookup(address, now())) return refused("too-many-joins");
      const game = await this.gameByPin(pin);
      if (!game) return refused("unknown-pin");
      const { gameId, runner } = game;
      // One socket is one player: more names need more connections, and those count per address.
      const current = socket.data.live;
      if (current?.role === "player" && current.gameId === gameId) return refused("already-playing");
      if (!throttle.allowJoin(address, gameId, now())) return refused("too-many-joins");
      const unit = unitId ? await this.unit(unitId) : null;
      if (unitId && !unit) return refused("unknown-unit");

      const playerId = `p_${randomBytes(9).toString("base64url")}`;
      const { token, tokenHash } = newPlayerToken();
      // The row first: answers reference it, and a restart must find the token. Rows of joins
      // arriving together are committed together (the store groups them).
      await registry.store.insertPlayers([
        { id: playerId, gameId, displayName: name, unitId: unit ? unitId : null, areaId: unit?.areaId ?? null, tokenHash, joinedAt: now(), homePath: pathId ?? null },
      ]);
      this.attach(socket, { role: "player", gameId, playerId, ...(pathId ? { pathId } : {}) });
      const outcome = await runner.submit(
        pathId ? { type: "home-player-joined", playerId, name, unit, pathId } : { type: "player-joined", playerId, name, unit },
        { replyTo: playerId },
      );
      if (!outcome.ok) {
        this.detach(socket, false);
        // Through the store: in order after the insert on SQLite, fenced by the game's lease with several processes.
        await registry.store.deletePlayer(gameId, playerId).catch((error) => this.context.log("removing a refused player's row", error));
        return refused(outcome.code);
      }
      runner.rememberToken(tokenHash, playerId);
      await settle(outcome);
      const view = runner.viewFor(playerId);
      return view ? accepted({ gameId, playerId, token, view }) : refused("unknown-player");
    });

    this.define("player:resume", playerResumeSchema, async (socket, { gameId, token }) => {
      const tokenHash = hashToken(token);
      const runner = await registry.get(gameId);
      // A player who joined in this process is known by their token's hash; after a restart, the row says who it is.
      const remembered = runner?.playerForToken(tokenHash);
      const row = remembered
        ? { id: remembered, gameId, displayName: "", unitId: null, homePath: homePlayer(runner!.state, remembered)?.pathId ?? null }
        : await db.livePlayer.findUnique({ where: { tokenHash }, select: { id: true, gameId: true, displayName: true, unitId: true, homePath: true } });
      if (!row || row.gameId !== gameId) return refused("unknown-player");
      if (!runner) return refused("unknown-game");
      // A home player's path is the one they are on in the game (they may have changed it in the lobby).
      const home = homePlayer(runner.state, row.id);
      const pathId = home?.pathId ?? row.homePath;
      this.attach(socket, { role: "player", gameId, playerId: row.id, ...(pathId ? { pathId } : {}) });
      const known = home ?? findPlayer(runner.state.players, row.id);
      const unit = async () => (row.unitId ? await resolvePlayerUnit(db, row.unitId) : null);
      // A player who joined after the last snapshot before a restart is not in the restored game: join them again.
      const event = known
        ? ({ type: "player-reconnected", playerId: row.id } as const)
        : pathId
          ? ({ type: "home-player-joined", playerId: row.id, name: row.displayName, unit: await unit(), pathId } as const)
          : ({ type: "player-joined", playerId: row.id, name: row.displayName, unit: await unit() } as const);
      const outcome = await runner.submit(event, { replyTo: row.id });
      if (!outcome.ok) {
        this.detach(socket, false);
        return refused(outcome.code);
      }
      runner.rememberToken(tokenHash, row.id);
      await settle(outcome);
      const view = runner.viewFor(row.id);
      return view ? accepted({ playerId: row.id, view }) : refused("unknown-player");
    });

    this.define("player:path", playerPathSchema, async (socket, { gameId, pathId }) => {
      const live = socket.data.live;
      if (live?.role !== "player" || live.gameId !== gameId || !live.pathId) return refused("not-joined");
      const runner = await registry.get(gameId);
      if (!runner) return refused("unknown-game");
      const outcome = runner.dispatch({ type: "home-path-changed", playerId: live.playerId, pathId });
      if (!outcome.ok) return refused(outcome.code);
      if (!(await settle(outcome))) return refused("not-stored");
      this.attach(socket, { role: "player", gameId, playerId: live.playerId, pathId });
      await registry.store.setHomePath(gameId, live.playerId, pathId);
      const view = runner.viewFor(live.playerId);
      return view ? accepted({ code: outcome.code, view }) : refused("unknown-player");
    });

    this.define("host:play-along", hostPlayAlongSchema, async (socket, { gameId, paths }) => {
      const live = socket.data.live;
      if (live?.role !== "host" || live.gameId !== gameId) return refused("not-watching");
      const runner = await registry.get(gameId);
      if (!runner) return refused("unknown-game");
      const outcome = runner.dispatch({ type: "play-along-configured", paths });
      if (!outcome.ok) return refused(outcome.code);
      if (!(await settle(outcome))) return refused("not-stored");
      // The join page reads the paths from the row, without the game's runner.
      await registry.store.setPlayAlongPaths(gameId, paths);
      return accepted({ code: outcome.code });
    });

    this.define("answer:submit", answerSubmitSchema, async (socket, payload) => {
      const live = socket.data.live;
      if (live?.role !== "player" || live.gameId !== payload.gameId) return refused("not-joined");
      const runner = await registry.get(payload.gameId);
      if (!runner) return refused("unknown-game");
      const outcome = await runner.submitAnswer({
        type: "answer-submitted",
        playerId: live.playerId,
        answerId: payload.answerId,
        questionIndex: payload.questionIndex,
        optionIds: payload.optionIds,
      });
      if (!outcome.ok) return refused(outcome.code);
      // Acknowledged only once the answer's row is committed (docs/decisions/005).
      return (await settle(outcome)) ? accepted({ code: outcome.code }) : refused("not-stored");
    });

  }

  /** One request handler for every socket: an ack always, a rate limit, zod first, no stack trace to the client. */
  private define<E extends Exclude<keyof ClientToServerEvents, "system:ping">, S extends z.ZodType>(
    event: E,
    schema: S,
    handler: (socket: LiveSocket, payload: z.output<S>) => Promise<HandlerResult<AckData<E>>>,
  ): void {
    const { now, log, cluster } = this.context;
    const checked = async (socket: LiveSocket, payload: unknown): Promise<HandlerResult<unknown>> => {
      const parsed = schema.safeParse(payload);
      return parsed.success ? handler(socket, parsed.data) : refused("invalid-payload");
    };
    this.handlers.set(event, checked);
    const listener = async function (this: LiveSocket, payload: unknown, ack: unknown) {
      if (typeof ack !== "function") return;
      const reply = ack as Ack<AckData<E>>;
      if (!this.data.bucket?.take(now())) return reply({ ok: false, error: "rate-limited" });
      const parsed = schema.safeParse(payload);
      if (!parsed.success) return reply({ ok: false, error: "invalid-payload" });
      try {
        if (cluster) return reply((await cluster.route(this, event, parsed.data, () => handler(this, parsed.data))) as HandlerResult<AckData<E>>);
        reply(await handler(this, parsed.data));
      } catch (error) {
        log(`${event} failed`, error);
        reply({ ok: false, error: "server-error" });
      }
    };
    this.listeners.push([event, listener as Listener]);
  }

  /** The open game with this PIN and its runner, from the cache while the game is open here. */
  private async gameByPin(pin: string): Promise<{ gameId: string; runner: GameRunner } | null> {
    const { registry, db } = this.context;
    const cached = this.pins.get(pin);
    if (cached) {
      const runner = await registry.get(cached);
      if (runner && runner.state.phase.name !== "ended") return { gameId: cached, runner };
      this.pins.delete(pin);
    }
    const game = await openGameByPin(db, pin);
    if (!game) return null;
    const runner = await registry.get(game.id);
    if (!runner) return null;
    this.pins.set(pin, game.id);
    return { gameId: game.id, runner };
  }

  private async unit(unitId: string): Promise<PlayerUnit | null> {
    const now = this.context.now();
    const cached = this.units.get(unitId);
    if (cached && now - cached.at < UNIT_CACHE_MS) return cached.unit;
    const unit = await resolvePlayerUnit(this.context.db, unitId);
    if (this.units.size >= UNIT_CACHE_SIZE) this.units.clear();
    this.units.set(unitId, { unit, at: now });
    return unit;
  }

  /** The sockets of a player, in the studio or at home. */
  private playerEntry(gameId: string, playerId: string): LiveSocket | Set<LiveSocket> | undefined {
    const sockets = this.socketsOf(gameId);
    const studio = sockets.players.get(playerId);
    if (studio) return studio;
    for (const path of sockets.home.values()) {
      const owned = path.get(playerId);
      if (owned) return owned;
    }
    return undefined;
  }

  private pathSockets(sockets: GameSockets, pathId: string): PlayerSockets {
    let path = sockets.home.get(pathId);
    if (!path) {
      path = new Map();
      sockets.home.set(pathId, path);
    }
    return path;
  }

  /** One broadcast to a room of players: whole snapshots to those in `personal`, the common part to the rest in one emit. */
  private sendBroadcast(room: string, sockets: PlayerSockets, common: PlayerCommonView, personal: readonly (readonly [string, PlayerPersonal])[]): void {
    const except: string[] = [];
    const head = personal.length > 0 ? encodedViewHead(common) : "";
    for (const [playerId, part] of personal) {
      const owned = sockets.get(playerId);
      if (!owned) continue;
      const packet = `2["game:state",${encodePlayerView(head, common, part)}]`;
      for (const socket of eachSocket(owned)) {
        sendEncoded(socket, packet);
        except.push(socket.id);
      }
    }
    const members = this.io.of("/").adapter.rooms.get(room)?.size ?? 0;
    // Several processes: the room's members are on every process, and the adapter carries the emit to them.
    if (this.context.cluster || members > except.length) (except.length > 0 ? this.io.to(room).except(except) : this.io.to(room)).emit("game:common", common);
  }

  private socketsOf(gameId: string): GameSockets {
    let sockets = this.games.get(gameId);
    if (!sockets) {
      sockets = { players: new Map(), hosts: new Set(), displays: new Set(), room: `game:${gameId}`, playersRoom: `game:${gameId}:players`, home: new Map() };
      this.games.set(gameId, sockets);
    }
    return sockets;
  }

  private attach(socket: LiveSocket, live: LiveSocketData): void {
    const previous = socket.data.live;
    if (previous && (previous.gameId !== live.gameId || previous.role !== live.role || playerOf(previous) !== playerOf(live))) {
      this.detach(socket, true);
    } else if (previous?.role === "player" && live.role === "player" && previous.pathId !== live.pathId) {
      // The same player on another path (in the lobby): move their socket, tell the game nothing.
      this.detach(socket, false);
    }
    socket.data.live = live;
    const sockets = this.socketsOf(live.gameId);
    if (live.role === "host") sockets.hosts.add(socket);
    else if (live.role === "display") sockets.displays.add(socket);
    else addSocket(live.pathId ? this.pathSockets(sockets, live.pathId) : sockets.players, live.playerId, socket);
    void socket.join(live.role !== "player" ? sockets.room : live.pathId ? pathRoom(live.gameId, live.pathId) : sockets.playersRoom);
  }

  /** Forgets a socket; the last socket of a player or of the host going away is an event for the game. */
  private detach(socket: LiveSocket, tellGame: boolean): void {
    const live = socket.data.live;
    if (!live) return;
    socket.data.live = undefined;
    const sockets = this.socketsOf(live.gameId);
    void socket.leave(live.role !== "player" ? sockets.room : live.pathId ? pathRoom(live.gameId, live.pathId) : sockets.playersRoom);
    let event: { type: "player-left"; playerId: string } | { type: "host-disconnected" } | null = null;
    if (live.role === "host") {
      sockets.hosts.delete(socket);
      if (sockets.hosts.size === 0) event = { type: "host-disconnected" };
    } else if (live.role === "display") {
      sockets.displays.delete(socket);
    } else {
      const owners = live.pathId ? this.pathSockets(sockets, live.pathId) : sockets.players;
      if (removeSocket(owners, live.playerId, socket)) {
        event = { type: "player-left", playerId: live.playerId };
      }
    }
    // A game no longer in memory (ended and let go, or run elsewhere now) need not hear it: loading
    // it marks everyone disconnected anyway, and loading it for this would take it back.
    if (!tellGame || !event || !this.context.registry.has(live.gameId)) return;
    const happened = event;
    this.context.registry
      .get(live.gameId)
      .then(async (runner) => runner && settle(await runner.submit(happened)))
      .catch((error) => this.context.log(`disconnect of a socket in game ${live.gameId}`, error));
  }
}

/**
 * Writes a Socket.IO packet already encoded (`2[…]`: an event on the main namespace), the way
 * Socket.IO's own adapters write a room broadcast: a player's snapshot is the common part's JSON,
 * encoded once per broadcast, joined with the player's own fields (player-parts.ts), instead of
 * 10,000 whole snapshots encoded one by one. `_packet` with `preEncoded` is the path Socket.IO 4
 * keeps for adapters (socket.io/dist/client.js); app/realtime/live.server.test.ts checks that real
 * clients receive these snapshots.
 */
export function sendEncoded(socket: LiveSocket, packet: string): void {
  const write = socket.client._packet as unknown as (packet: string, options: { preEncoded: boolean }) => void;
  write.call(socket.client, packet, { preEncoded: true });
}

function playerOf(live: LiveSocketData): string | null {
  return live.role === "player" ? live.playerId : null;
}

export type HandlerResult<T> = { ok: true; data: T } | { ok: false; error: string };

function accepted<T>(data: T): HandlerResult<T> {
  return { ok: true, data };
}

function refused(error: string): HandlerResult<never> {
  return { ok: false, error };
}

/** Waits for the event's writes; false when they failed. */
async function settle(outcome: ReturnType<GameRunner["dispatch"]>): Promise<boolean> {
  outcome.done.catch(() => undefined);
  try {
    await outcome.stored;
    return true;
  } catch {
    return false;
  }
}

type AckData<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[1] extends Ack<infer T> ? T : never;

