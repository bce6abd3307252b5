import { randomBytes } from "node:crypto";
import type { Socket } from "socket.io";
import type { z } from "zod";
import type { GameRunner } from "~/live/game-runner.server";
import { sameSecret } from "~/live/join-links.server";
import { hashToken, newPlayerToken, openGameByPin, resolvePlayerUnit } from "~/live/live-games.server";
import type { LiveRegistry } from "~/live/live-registry.server";
import { findPlayer } from "~/live/players";
import { displayView, hostView, playerView } from "~/live/player-view";
import type { PrismaClient } from "~/utils/db.server";
import type { Ack, ClientToServerEvents, LiveSocketData, ServerToClientEvents, SocketData } from "./events";
import {
  answerSubmitSchema,
  displayWatchSchema,
  hostCommandSchema,
  hostWatchSchema,
  playerJoinSchema,
  playerResumeSchema,
} from "./live-schemas";
import type { TokenBucket } from "~/utils/rate-limit";

/**
 * Thin handlers: check the payload and who is asking, hand the event to the game's runner, ack
 * with the outcome once it is stored. The runner's messages reach sockets through `output` below.
 */

export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const HOST_ROLES = new Set(["host", "organizer", "teacher", "admin"]);

type GameSockets = { players: Map<string, Set<LiveSocket>>; hosts: Set<LiveSocket>; displays: Set<LiveSocket> };

export type LiveContext = {
  registry: LiveRegistry;
  db: PrismaClient;
  now: () => number;
  log: (message: string, error?: unknown) => void;
};

export class LiveTransport {
  private readonly games = new Map<string, GameSockets>();

  constructor(private readonly context: LiveContext) {
    context.registry.connect((gameId) => ({
      connectedPlayers: () => this.socketsOf(gameId).players.keys(),
      toPlayer: (playerId, view) => {
        for (const socket of this.socketsOf(gameId).players.get(playerId) ?? []) socket.emit("game:state", view);
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
        for (const socket of [...(this.socketsOf(gameId).players.get(playerId) ?? [])]) {
          this.detach(socket, false);
          socket.emit("game:kicked", { gameId });
          socket.disconnect();
        }
      },
    }));
  }

  handle(socket: LiveSocket, bucket: TokenBucket): void {
    const { registry, db, now } = this.context;

    on(socket, bucket, now, this.context.log, "host:watch", hostWatchSchema, async ({ gameId }) => {
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

    on(socket, bucket, now, this.context.log, "display:watch", displayWatchSchema, async ({ gameId, token }) => {
      const game = await db.liveGame.findUnique({ where: { id: gameId }, select: { displayToken: true } });
      if (!game || !sameSecret(game.displayToken, token)) return refused("forbidden");
      const runner = await registry.get(gameId);
      if (!runner) return refused("unknown-game");
      this.attach(socket, { role: "display", gameId });
      return accepted(displayView(runner.state, runner.now()));
    });

    on(socket, bucket, now, this.context.log, "host:command", hostCommandSchema, async (payload) => {
      const live = socket.data.live;
      if (live?.role !== "host" || live.gameId !== payload.gameId) return refused("not-watching");
      const runner = await registry.get(payload.gameId);
      if (!runner) return refused("unknown-game");
      const command =
        payload.command === "kick"
          ? ({ command: "kick", playerId: payload.playerId } as const)
          : ({ command: payload.command, step: payload.step } as const);
      const outcome = runner.dispatch({ type: "host-command", ...command });
      if (!outcome.ok) return refused(outcome.code);
      return (await settle(outcome)) ? accepted({ code: outcome.code }) : refused("not-stored");
    });

    on(socket, bucket, now, this.context.log, "player:join", playerJoinSchema, async ({ pin, name, unitId }) => {
      const game = await openGameByPin(db, pin);
      if (!game) return refused("unknown-pin");
      const unit = unitId ? await resolvePlayerUnit(db, unitId) : null;
      if (unitId && !unit) return refused("unknown-unit");
      const runner = await registry.get(game.id);
      if (!runner) return refused("unknown-pin");

      const playerId = `p_${randomBytes(9).toString("base64url")}`;
      const { token, tokenHash } = newPlayerToken();
      // The row first: answers reference it, and a restart must find the token.
      await db.livePlayer.create({
        data: { id: playerId, gameId: game.id, displayName: name, unitId: unit ? unitId : null, areaId: unit?.areaId ?? null, tokenHash },
        select: { id: true },
      });
      this.attach(socket, { role: "player", gameId: game.id, playerId });
      const outcome = runner.dispatch({ type: "player-joined", playerId, name, unit });
      if (!outcome.ok) {
        this.detach(socket, false);
        await db.livePlayer.delete({ where: { id: playerId } }).catch(() => undefined);
        return refused(outcome.code);
      }
      await settle(outcome);
      const view = playerView(runner.state, playerId, runner.now());
      return view ? accepted({ gameId: game.id, playerId, token, view }) : refused("unknown-player");
    });

    on(socket, bucket, now, this.context.log, "player:resume", playerResumeSchema, async ({ gameId, token }) => {
      const row = await db.livePlayer.findUnique({
        where: { tokenHash: hashToken(token) },
        select: { id: true, gameId: true, displayName: true, unitId: true },
      });
      if (!row || row.gameId !== gameId) return refused("unknown-player");
      const runner = await registry.get(gameId);
      if (!runner) return refused("unknown-game");
      this.attach(socket, { role: "player", gameId, playerId: row.id });
      const known = findPlayer(runner.state.players, row.id);
      // A player who joined after the last snapshot before a restart is not in the restored game: join them again.
      const event = known
        ? ({ type: "player-reconnected", playerId: row.id } as const)
        : ({
            type: "player-joined",
            playerId: row.id,
            name: row.displayName,
            unit: row.unitId ? await resolvePlayerUnit(db, row.unitId) : null,
          } as const);
      const outcome = runner.dispatch(event);
      if (!outcome.ok) {
        this.detach(socket, false);
        return refused(outcome.code);
      }
      await settle(outcome);
      const view = playerView(runner.state, row.id, runner.now());
      return view ? accepted({ playerId: row.id, view }) : refused("unknown-player");
    });

    on(socket, bucket, now, this.context.log, "answer:submit", answerSubmitSchema, async (payload) => {
      const live = socket.data.live;
      if (live?.role !== "player" || live.gameId !== payload.gameId) return refused("not-joined");
      const runner = await registry.get(payload.gameId);
      if (!runner) return refused("unknown-game");
      const outcome = runner.dispatch({
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

    socket.on("disconnect", () => this.detach(socket, true));
  }

  private socketsOf(gameId: string): GameSockets {
    let sockets = this.games.get(gameId);
    if (!sockets) {
      sockets = { players: new Map(), hosts: new Set(), displays: new Set() };
      this.games.set(gameId, sockets);
    }
    return sockets;
  }

  private attach(socket: LiveSocket, live: LiveSocketData): void {
    const previous = socket.data.live;
    if (previous && (previous.gameId !== live.gameId || previous.role !== live.role || playerOf(previous) !== playerOf(live))) {
      this.detach(socket, true);
    }
    socket.data.live = live;
    const sockets = this.socketsOf(live.gameId);
    if (live.role === "host") sockets.hosts.add(socket);
    else if (live.role === "display") sockets.displays.add(socket);
    else {
      const set = sockets.players.get(live.playerId) ?? new Set();
      set.add(socket);
      sockets.players.set(live.playerId, set);
    }
    void socket.join(`game:${live.gameId}`);
  }

  /** Forgets a socket; the last socket of a player or of the host going away is an event for the game. */
  private detach(socket: LiveSocket, tellGame: boolean): void {
    const live = socket.data.live;
    if (!live) return;
    socket.data.live = undefined;
    void socket.leave(`game:${live.gameId}`);
    const sockets = this.socketsOf(live.gameId);
    let event: { type: "player-left"; playerId: string } | { type: "host-disconnected" } | null = null;
    if (live.role === "host") {
      sockets.hosts.delete(socket);
      if (sockets.hosts.size === 0) event = { type: "host-disconnected" };
    } else if (live.role === "display") {
      sockets.displays.delete(socket);
    } else {
      const set = sockets.players.get(live.playerId);
      set?.delete(socket);
      if (set && set.size === 0) {
        sockets.players.delete(live.playerId);
        event = { type: "player-left", playerId: live.playerId };
      }
    }
    if (!tellGame || !event) return;
    const happened = event;
    this.context.registry
      .get(live.gameId)
      .then((runner) => runner && settle(runner.dispatch(happened)))
      .catch((error) => this.context.log(`disconnect of a socket in game ${live.gameId}`, error));
  }
}

function playerOf(live: LiveSocketData): string | null {
  return live.role === "player" ? live.playerId : null;
}

type HandlerResult<T> = { ok: true; data: T } | { ok: false; error: string };

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

/** Registers one request handler: an ack always, a rate limit, zod first, no stack trace to the client. */
function on<E extends Exclude<keyof ClientToServerEvents, "system:ping">, S extends z.ZodType>(
  socket: LiveSocket,
  bucket: TokenBucket,
  now: () => number,
  log: (message: string, error?: unknown) => void,
  event: E,
  schema: S,
  handler: (payload: z.output<S>) => Promise<HandlerResult<AckData<E>>>,
): void {
  const listener = async (payload: unknown, ack: unknown) => {
    if (typeof ack !== "function") return;
    const reply = ack as Ack<AckData<E>>;
    if (!bucket.take(now())) return reply({ ok: false, error: "rate-limited" });
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return reply({ ok: false, error: "invalid-payload" });
    try {
      reply(await handler(parsed.data));
    } catch (error) {
      log(`${event} failed`, error);
      reply({ ok: false, error: "server-error" });
    }
  };
  (socket.on as (event: string, listener: (payload: unknown, ack: unknown) => void) => void)(event, listener);
}
