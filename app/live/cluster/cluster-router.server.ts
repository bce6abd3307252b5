import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { Server } from "socket.io";
import type { PrismaClient } from "~/utils/db.server";
import { openGameByPin } from "../live-games.server";
import type { LiveRegistry } from "../live-registry.server";
import { sendEncoded, type HandlerResult, type LiveRouting, type LiveSocket, type LiveTransport } from "~/realtime/live-handlers.server";
import type { GameLeases } from "./game-leases.server";

/**
 * Sockets on every process, each game run by one (docs/decisions/036, 037). A request for a game
 * run elsewhere is sent to that process over its Redis channel, run there by the same handler
 * against a stand-in for the socket (a "ghost": what the handler sends to it comes back over the
 * channel to the real socket), and its ack comes back the same way. Room broadcasts go through
 * the Socket.IO Redis adapter. Each process remembers, per socket, the request that bound it to
 * its game (a watch, a join, a resume); when another process takes the game over (a crash, a lost
 * lease) it replays them there, and the screens get a fresh snapshot without reloading.
 */

type Binding = { gameId: string; event: string; payload: unknown };

type SocketFacts = { id: string; user: LiveSocket["data"]["user"]; address: string | undefined };

type Message =
  | { kind: "call"; id: string; from: string; gameId: string; socket: SocketFacts; event: string; payload: unknown }
  | { kind: "reply"; id: string; result: HandlerResult<unknown> | null }
  | { kind: "gone"; socketId: string }
  | { kind: "emit"; socketId: string; event: string; args: unknown[] }
  | { kind: "packet"; socketId: string; packet: string }
  | { kind: "join"; socketId: string; rooms: string[] }
  | { kind: "leave"; socketId: string; room: string }
  | { kind: "disconnect"; socketId: string }
  /** What one turn of the event loop sent one process, in order; `packet`s there lack their common `prefix`. */
  | { kind: "batch"; prefix: string; messages: Message[] };

/** `processId` null: the game ended and left memory; nobody runs it until a request loads it again. */
type OwnerNotice = { gameId: string; processId: string | null };

export type ClusterRouterOptions = {
  /** Commands and publishing. */
  redis: Redis;
  /** A connection of its own in subscriber mode. */
  subscriber: Redis;
  leases: GameLeases;
  registry: LiveRegistry;
  db: PrismaClient;
  io: Server;
  keyPrefix: string;
  log: (message: string, error?: unknown) => void;
  /** How long a forwarded request waits for the process that runs the game before asking again. */
  callTimeoutMs?: number;
};

const BINDING_EVENTS = new Set(["host:watch", "display:watch", "player:join", "player:resume"]);
const PIN_CACHE_MS = 10_000;
/** How long a process remembers a forwarded request it ran, for the caller's retries of it (see `answerCall`). */
const ANSWERED_CALL_MS = 60_000;
const WATCH_EVERY_MS = 250;

class CallTimeout extends Error {}

export class ClusterRouter implements LiveRouting {
  private transport: LiveTransport | null = null;
  /** Game → the process that runs it, as last learnt. */
  private readonly owners = new Map<string, string>();
  /** Socket of this process → the request that bound it to its game. */
  private readonly bindings = new Map<string, Binding>();
  /** Sockets of other processes in games this process runs. */
  private readonly ghosts = new Map<string, LiveSocket & { edge: string }>();
  private readonly calls = new Map<string, { resolve: (result: HandlerResult<unknown> | null) => void; timer: ReturnType<typeof setTimeout> }>();
  /** Requests of other processes this one ran (or runs), by caller and call id, oldest first. */
  private readonly answeredCalls = new Map<string, { result: Promise<HandlerResult<unknown> | null>; at: number }>();
  private readonly pins = new Map<string, { gameId: string; at: number }>();
  /** Sockets of this process whose binding is being replayed on the game's new process. */
  private readonly replaying = new Map<string, Promise<void>>();
  /** Ended games let go from memory: nobody holds their lease, and that is not a crash to take over from. */
  private readonly endedGames = new Set<string>();
  /** Per process, what this turn of the event loop sends it: one publish each (see `send`). */
  private readonly outbox = new Map<string, Message[]>();
  private watchTimer: ReturnType<typeof setInterval> | null = null;
  private readonly callTimeoutMs: number;
  private readonly me: string;

  constructor(private readonly options: ClusterRouterOptions) {
    this.me = options.leases.processId;
    this.callTimeoutMs = options.callTimeoutMs ?? 2_000;
  }

  private channel(processId: string): string {
    return `${this.options.keyPrefix}proc:${processId}`;
  }

  private get ownerChannel(): string {
    return `${this.options.keyPrefix}owner`;
  }

  /** Starts listening; `transport` runs the requests sent to this process. */
  async connect(transport: LiveTransport): Promise<void> {
    this.transport = transport;
    const { subscriber } = this.options;
    subscriber.on("message", (channel: string, text: string) => {
      try {
        if (channel === this.ownerChannel) this.onOwner(JSON.parse(text) as OwnerNotice);
        else this.onMessage(JSON.parse(text) as Message);
      } catch (error) {
        this.options.log("cluster message failed", error);
      }
    });
    await subscriber.subscribe(this.channel(this.me), this.ownerChannel);
    // Notices a game whose process stopped renewing its lease, and takes it over.
    // Four times a second: one MGET of a few keys, and a takeover starts at most 250 ms after the lease ran out.
    this.watchTimer = setInterval(() => void this.watch().catch((error) => this.options.log("cluster watch failed", error)), WATCH_EVERY_MS);
    this.watchTimer.unref();
  }

  stop(): void {
    if (this.watchTimer) clearInterval(this.watchTimer);
    this.watchTimer = null;
  }

  /** Tells every process that this one now runs the game (after its lease and fencing token are taken). */
  announceOwner(gameId: string): void {
    this.owners.set(gameId, this.me);
    void this.options.redis.publish(this.ownerChannel, JSON.stringify({ gameId, processId: this.me } satisfies OwnerNotice));
  }

  /** This process lets go of an ended game: tells every process, before its lease goes, not to take it over. */
  async ended(gameId: string): Promise<void> {
    await this.options.redis.publish(this.ownerChannel, JSON.stringify({ gameId, processId: null } satisfies OwnerNotice));
  }

  /** This process lost the game's lease: another may run it already; forget it without writing. */
  lost(gameId: string): void {
    this.owners.delete(gameId);
    void this.options.registry.drop(gameId);
    this.transport?.forgetGame(gameId);
    for (const [socketId, ghost] of this.ghosts) if (ghost.data.live?.gameId === gameId) this.ghosts.delete(socketId);
  }

  socketConnected(socket: LiveSocket): void {
    socket.on("disconnect", () => {
      const binding = this.bindings.get(socket.id);
      this.bindings.delete(socket.id);
      if (!binding) return;
      const owner = this.owners.get(binding.gameId);
      if (owner && owner !== this.me) this.send(owner, { kind: "gone", socketId: socket.id });
    });
  }

  async route(socket: LiveSocket, event: string, payload: unknown, runHere: () => Promise<HandlerResult<unknown>>): Promise<HandlerResult<unknown>> {
    const gameId = await this.gameOf(event, payload);
    if (!gameId) return runHere();
    // A socket being bound again to its game's new process: its request follows, or it would reach
    // that process before the socket is known there (an answer refused as "not-joined").
    await this.replaying.get(socket.id);
    const result = await this.dispatch(gameId, socket, event, payload, runHere);
    if (result.ok && BINDING_EVENTS.has(event)) this.bindings.set(socket.id, bindingOf(gameId, event, payload, result.data));
    return result;
  }

  /** Runs the request where its game runs, waiting through a takeover when that process is gone. */
  private async dispatch(
    gameId: string,
    socket: LiveSocket,
    event: string,
    payload: unknown,
    runHere: () => Promise<HandlerResult<unknown>>,
  ): Promise<HandlerResult<unknown>> {
    const giveUpAt = Date.now() + this.options.leases.leaseDurationMs + 3 * this.callTimeoutMs;
    // One id for every try: a call that timed out may still have run (a busy owner), and its
    // owner answers a retry with that run's result instead of running a host's "next" twice.
    const callId = randomBytes(8).toString("base64url");
    for (;;) {
      const owner = await this.ownerOf(gameId);
      if (owner === null || owner === this.me) return runHere();
      try {
        const result = await this.call(owner, callId, gameId, socket, event, payload);
        if (result) return result;
        // The process says it no longer runs the game: ask again who does.
      } catch (error) {
        if (!(error instanceof CallTimeout)) throw error;
      }
      this.owners.delete(gameId);
      if (Date.now() > giveUpAt) return { ok: false, error: "server-error" };
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** The process that runs the game; this one if nobody does (it takes it); null for an unknown game. */
  private async ownerOf(gameId: string): Promise<string | null> {
    const { leases, registry } = this.options;
    if (leases.holds(gameId) && registry.has(gameId)) return this.me;
    const cached = this.owners.get(gameId);
    if (cached && cached !== this.me) return cached;
    const holder = await leases.holder(gameId);
    if (holder && holder.processId !== this.me) {
      this.owners.set(gameId, holder.processId);
      return holder.processId;
    }
    if (await registry.get(gameId)) return this.me;
    const after = await leases.holder(gameId);
    if (!after || after.processId === this.me) return null;
    this.owners.set(gameId, after.processId);
    return after.processId;
  }

  private async gameOf(event: string, payload: unknown): Promise<string | null> {
    const fields = payload as { gameId?: unknown; pin?: unknown };
    if (typeof fields.gameId === "string") return fields.gameId;
    if (event !== "player:join" || typeof fields.pin !== "string") return null;
    const cached = this.pins.get(fields.pin);
    if (cached && Date.now() - cached.at < PIN_CACHE_MS) return cached.gameId;
    const game = await openGameByPin(this.options.db, fields.pin);
    if (!game) return null;
    this.pins.set(fields.pin, { gameId: game.id, at: Date.now() });
    return game.id;
  }

  private call(owner: string, id: string, gameId: string, socket: LiveSocket, event: string, payload: unknown): Promise<HandlerResult<unknown> | null> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.calls.delete(id);
        reject(new CallTimeout(`${event} to ${owner} timed out`));
      }, this.callTimeoutMs);
      this.calls.set(id, { resolve, timer });
      const facts: SocketFacts = { id: socket.id, user: socket.data.user, address: socket.data.address };
      this.send(owner, { kind: "call", id, from: this.me, gameId, socket: facts, event, payload });
    });
  }

  /**
   * Messages to one process within one turn of the event loop go as one publish, in order. A
   * reveal gives every player a snapshot of their own: without this, one publish per player on
   * another process (10,000 for a game of 10,000); with it, one per process. The snapshots of one
   * broadcast share their common part's JSON (decision 029), sent once as the batch's prefix.
   */
  private send(processId: string, message: Message): void {
    let queued = this.outbox.get(processId);
    if (!queued) {
      queued = [];
      this.outbox.set(processId, queued);
      if (this.outbox.size === 1) setImmediate(() => this.flush());
    }
    queued.push(message);
  }

  private flush(): void {
    const outbox = [...this.outbox];
    this.outbox.clear();
    for (const [processId, messages] of outbox) {
      const message = messages.length === 1 ? messages[0] : batchOf(messages);
      this.options.redis.publish(this.channel(processId), JSON.stringify(message)).catch((error) => this.options.log("cluster publish failed", error));
    }
  }

  private onMessage(message: Message): void {
    switch (message.kind) {
      case "call":
        void this.answerCall(message);
        return;
      case "reply": {
        const call = this.calls.get(message.id);
        if (!call) return;
        this.calls.delete(message.id);
        clearTimeout(call.timer);
        call.resolve(message.result);
        return;
      }
      case "batch":
        for (const inner of message.messages) this.onMessage(inner.kind === "packet" ? { ...inner, packet: message.prefix + inner.packet } : inner);
        return;
      case "gone": {
        const ghost = this.ghosts.get(message.socketId);
        this.ghosts.delete(message.socketId);
        if (ghost) this.transport?.socketGone(ghost);
        return;
      }
      default:
        return this.toLocalSocket(message);
    }
  }

  /**
   * A request from a socket of another process, for a game this process should run. A retry of a
   * call already run here (the caller timed out waiting) gets that run's result: requests are not
   * idempotent (a second "next" would be refused as stale, a second join as already playing).
   */
  private async answerCall(message: Extract<Message, { kind: "call" }>): Promise<void> {
    const key = `${message.from} ${message.id}`;
    let answered = this.answeredCalls.get(key);
    if (!answered) {
      this.forgetOldCalls();
      answered = { result: this.runCall(message), at: Date.now() };
      this.answeredCalls.set(key, answered);
    }
    const result = await answered.result;
    // "Not here": the caller asks again who runs the game; should it be this process after all, it runs then.
    if (result === null) this.answeredCalls.delete(key);
    this.send(message.from, { kind: "reply", id: message.id, result });
  }

  private async runCall(message: Extract<Message, { kind: "call" }>): Promise<HandlerResult<unknown> | null> {
    const { leases } = this.options;
    const holder = leases.holds(message.gameId) ? null : await leases.holder(message.gameId).catch(() => null);
    if (holder && holder.processId !== this.me) return null;
    const ghost = this.ghostFor(message.socket, message.from);
    return (await this.transport?.runForwarded(ghost, message.event, message.payload)) ?? { ok: false, error: "server-error" };
  }

  private forgetOldCalls(): void {
    const before = Date.now() - ANSWERED_CALL_MS;
    for (const [key, answered] of this.answeredCalls) {
      if (answered.at >= before) break;
      this.answeredCalls.delete(key);
    }
  }

  private ghostFor(facts: SocketFacts, edge: string): LiveSocket & { edge: string } {
    let ghost = this.ghosts.get(facts.id);
    if (!ghost || ghost.edge !== edge) {
      const socketId = facts.id;
      const send = (message: Message) => this.send(created.edge, message);
      const created = {
        id: socketId,
        edge,
        data: {} as LiveSocket["data"],
        emit: (event: string, ...args: unknown[]) => (send({ kind: "emit", socketId, event, args }), true),
        join: (rooms: string | string[]) => send({ kind: "join", socketId, rooms: [rooms].flat() }),
        leave: (room: string) => send({ kind: "leave", socketId, room }),
        disconnect: () => send({ kind: "disconnect", socketId }),
        // sendEncoded (live-handlers): a snapshot already encoded, written as it is by the real socket.
        client: { _packet: (packet: string) => send({ kind: "packet", socketId, packet }) },
      };
      ghost = created as unknown as LiveSocket & { edge: string };
      this.ghosts.set(socketId, ghost);
    }
    ghost.data.user = facts.user;
    ghost.data.address = facts.address;
    return ghost;
  }

  /** What a game run elsewhere sends one of this process's sockets. */
  private toLocalSocket(message: Exclude<Message, { kind: "call" | "reply" | "gone" | "batch" }>): void {
    const socket = this.options.io.of("/").sockets.get(message.socketId) as LiveSocket | undefined;
    if (!socket) return;
    switch (message.kind) {
      case "emit":
        (socket.emit as (event: string, ...args: unknown[]) => boolean)(message.event, ...message.args);
        return;
      case "packet":
        return sendEncoded(socket, message.packet);
      case "join":
        void socket.join(message.rooms);
        return;
      case "leave":
        void socket.leave(message.room);
        return;
      case "disconnect":
        this.bindings.delete(socket.id);
        socket.disconnect();
        return;
    }
  }

  /** Another process (or this one) now runs a game: sockets bound to it here are bound there again. */
  private onOwner(notice: OwnerNotice): void {
    if (notice.processId === null) {
      // Sockets stay bound (their disconnects still reach the process that ran the game and clean
      // up there); the watch leaves the game alone until some process loads it again.
      this.endedGames.add(notice.gameId);
      return;
    }
    this.endedGames.delete(notice.gameId);
    const previous = this.owners.get(notice.gameId);
    this.owners.set(notice.gameId, notice.processId);
    if (notice.processId !== this.me && this.options.registry.has(notice.gameId)) this.lost(notice.gameId);
    if (notice.processId !== this.me) {
      for (const [socketId, ghost] of this.ghosts) if (ghost.data.live?.gameId === notice.gameId) this.ghosts.delete(socketId);
    }
    if (previous === undefined && notice.processId === this.me) return;
    for (const [socketId, binding] of this.bindings) {
      if (binding.gameId !== notice.gameId) continue;
      const socket = this.options.io.of("/").sockets.get(socketId) as LiveSocket | undefined;
      if (!socket) {
        this.bindings.delete(socketId);
        continue;
      }
      const replayed = this.replay(socket, binding)
        .catch((error) => this.options.log(`rebinding a socket to game ${binding.gameId}`, error))
        .finally(() => {
          if (this.replaying.get(socketId) === replayed) this.replaying.delete(socketId);
        });
      this.replaying.set(socketId, replayed);
    }
  }

  private async replay(socket: LiveSocket, binding: Binding): Promise<void> {
    const transport = this.transport;
    if (!transport) return;
    transport.detachQuietly(socket);
    const result = await this.dispatch(binding.gameId, socket, binding.event, binding.payload, () =>
      transport.runForwarded(socket, binding.event, binding.payload),
    );
    if (!result.ok) return;
    const data = result.data as { view?: unknown; audience?: unknown };
    const view = binding.event === "player:resume" ? data.view : data;
    if (view) (socket.emit as (event: string, view: unknown) => boolean)("game:state", view);
  }

  /** Every WATCH_EVERY_MS: games of this process's sockets that nobody runs any more are taken over here. */
  private async watch(): Promise<void> {
    const { leases, registry } = this.options;
    const bound = new Set([...this.bindings.values()].map((binding) => binding.gameId));
    for (const gameId of this.endedGames) if (!bound.has(gameId)) this.endedGames.delete(gameId);
    const games = [...bound].filter((gameId) => !leases.holds(gameId) && !this.endedGames.has(gameId));
    if (games.length === 0) return;
    const holders = await leases.holders(games);
    for (const [index, gameId] of games.entries()) {
      const holder = holders[index];
      if (holder) {
        if (this.owners.get(gameId) !== holder.processId) this.owners.set(gameId, holder.processId);
        continue;
      }
      // registry.get claims the lease; announceOwner then tells every process, this one included.
      void registry.get(gameId).catch((error) => this.options.log(`taking over game ${gameId}`, error));
    }
  }
}

/** What to replay to bind a socket again: a join becomes a resume with the token it returned. */
function bindingOf(gameId: string, event: string, payload: unknown, data: unknown): Binding {
  if (event === "player:join") return { gameId, event: "player:resume", payload: { gameId, token: (data as { token: string }).token } };
  return { gameId, event, payload };
}

/** Several messages as one; the packets' common beginning (a broadcast's common part) is sent once. */
function batchOf(messages: Message[]): Extract<Message, { kind: "batch" }> {
  let prefix: string | null = null;
  for (const message of messages) {
    if (message.kind !== "packet") continue;
    prefix = prefix === null ? message.packet : commonPrefix(prefix, message.packet);
  }
  if (prefix === null || prefix.length < 64) return { kind: "batch", prefix: "", messages };
  const cut = prefix.length;
  return { kind: "batch", prefix, messages: messages.map((message) => (message.kind === "packet" ? { ...message, packet: message.packet.slice(cut) } : message)) };
}

function commonPrefix(a: string, b: string): string {
  const length = Math.min(a.length, b.length);
  let index = 0;
  while (index < length && a.charCodeAt(index) === b.charCodeAt(index)) index += 1;
  return index === a.length ? a : a.slice(0, index);
}
