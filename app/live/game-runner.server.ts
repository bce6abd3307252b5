import type { Effect, GameEvent, GameState, OutcomeCode, PersistedAnswer, TimerRef } from "./game-state";
import type { LiveStore } from "./live-store.server";
import {
  broadcastViews,
  composePlayerView,
  displayView,
  hostView,
  playerCommonView,
  playerPersonal,
  sentPersonal,
  type PlayerCommonView,
  type PlayerPersonal,
  type PlayerView,
  type SentPersonal,
  type StaffView,
} from "./player-view";
import { draftPlayers, sealPlayers } from "./players";
import { homePlayerView, pathBroadcast } from "./play-along-views";
import { restoreAfterRestart } from "./restore";
import { isCorrectSelection } from "./scoring";
import { transition } from "./transition";

/**
 * The runner of one live game in this process (docs/decisions/004 and 005): the only place with
 * timers and a clock. It feeds events to the pure `transition`, keeps the resulting state, and
 * carries out the effects in order: writes first (answers in group commits, snapshots), then
 * messages. A client is acknowledged only once what it did is stored (`stored`).
 */

/** Where the runner's messages go: the transport (Socket.IO) implements it. */
export type RunnerOutput = {
  /** Players with at least one open socket: the only ones a broadcast builds views for. */
  connectedPlayers(): Iterable<string>;
  /** A whole snapshot to one player's sockets. */
  toPlayer(playerId: string, view: PlayerView): void;
  /**
   * One broadcast: `common` to every player of the game (one room emit, encoded once), except the
   * players in `personal`, who get their whole snapshot, `composePlayerView(common, personal)`,
   * instead (docs/decisions/029).
   */
  toPlayers(common: PlayerCommonView, personal: readonly (readonly [string, PlayerPersonal])[]): void;
  /** Views are built only if a host or display is watching. */
  toStaff(views: { host: () => StaffView; display: () => StaffView }): void;
  kick(playerId: string): void;
  /** Play-along (docs/decisions/038): the home players of one path with an open socket. */
  connectedHomePlayers?(pathId: string): Iterable<string>;
  /** Play-along: one broadcast to one path's room, as `toPlayers` does for the studio's players. */
  toPath?(pathId: string, common: PlayerCommonView, personal: readonly (readonly [string, PlayerPersonal])[]): void;
};

export type RunnerTiming = {
  /** Answers wait at most this long for the batch they are committed in. */
  answerFlushMs: number;
  /** A batch is committed at once when it has this many answers. */
  answerBatchSize: number;
  /** A snapshot that is not urgent (a join) is written within this delay, coalesced. */
  snapshotDelayMs: number;
  /** Host and display counters are sent at most this often. */
  staffIntervalMs: number;
};

export const DEFAULT_TIMING: RunnerTiming = {
  answerFlushMs: 25,
  answerBatchSize: 200,
  snapshotDelayMs: 1_000,
  staffIntervalMs: 300,
};

/**
 * With a store that commits in order and groups commits itself (the SQLite writer thread), a
 * batch need not wait to fill: it is handed over on the next turn of the event loop.
 */
const ORDERED_STORE_TIMING: Partial<RunnerTiming> = { answerFlushMs: 0, answerBatchSize: 2_000 };

export type RunnerOptions = {
  store: LiveStore;
  output: RunnerOutput;
  now?: () => number;
  timing?: Partial<RunnerTiming>;
  log?: (message: string, error?: unknown) => void;
  /** Told how long each broadcast took to hand to every connected player (operator metrics). */
  onBroadcast?: (players: number, ms: number) => void;
  /** The game has just ended and everything that said so is stored and sent (the registry lets it go later). */
  onEnded?: () => void;
};

export type DispatchOutcome = {
  ok: boolean;
  code: OutcomeCode;
  /** Resolves once the writes this event asked for are committed; rejects if they could not be. */
  stored: Promise<void>;
  /** Resolves once every effect has been carried out. */
  done: Promise<void>;
};

const SNAPSHOT_ATTEMPTS = 3;

export class GameRunner {
  private current: GameState;
  private readonly store: LiveStore;
  private readonly output: RunnerOutput;
  private readonly clock: () => number;
  private readonly timing: RunnerTiming;
  private readonly log: (message: string, error?: unknown) => void;
  private readonly onBroadcast: (players: number, ms: number) => void;
  private readonly onEnded: () => void;
  private readonly writes: WriteQueue;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Play-along: when the studio's next step airs on some path (one timer, like `timer`). */
  private airingTimer: ReturnType<typeof setTimeout> | null = null;
  private staffTimer: ReturnType<typeof setTimeout> | null = null;
  private lastStaffAt = 0;
  private snapshotTimer: ReturnType<typeof setTimeout> | null = null;
  /**
   * Per player, the personal part of the last whole snapshot sent: a broadcast sends a player only
   * the common part when that still shows what their own part would (docs/decisions/029).
   */
  private readonly sentPersonal = new Map<string, SentPersonal>();
  /** Token hash → player, for the players who joined or came back while this runner ran: a reconnect storm asks no database. */
  private readonly tokens = new Map<string, string>();
  private answerQueue: { event: GameEvent; options: { replyTo?: string }; resolve: (outcome: DispatchOutcome) => void; reject: (error: unknown) => void }[] = [];
  private stopped = false;
  private draining = false;

  constructor(state: GameState, options: RunnerOptions) {
    this.current = state;
    this.store = options.store;
    this.output = options.output;
    this.clock = options.now ?? Date.now;
    this.timing = { ...DEFAULT_TIMING, ...(options.store.ordered ? ORDERED_STORE_TIMING : {}), ...options.timing };
    this.log = options.log ?? ((message, error) => console.error(`[live] ${message}`, error ?? ""));
    this.onBroadcast = options.onBroadcast ?? (() => undefined);
    this.onEnded = options.onEnded ?? (() => undefined);
    this.writes = new WriteQueue(this.store, this.timing);
  }

  get state(): GameState {
    return this.current;
  }

  get gameId(): string {
    return this.current.gameId;
  }

  now(): number {
    return this.clock();
  }

  /**
   * A planned restart is about to cut every connection: what the sockets' closing says about
   * players and the host leaving is the server's doing, not theirs, and must not pause the game.
   */
  drain(): void {
    this.draining = true;
  }

  /**
   * An answer, applied together with the others that arrive in the same turn of the event loop:
   * one copy of the players for the whole burst (players.ts, draftPlayers), each answer still its
   * own event with its own outcome, in arrival order.
   */
  submitAnswer(event: Extract<GameEvent, { type: "answer-submitted" }>): Promise<DispatchOutcome> {
    return this.submit(event);
  }

  /**
   * An event of one player among many arriving together (an answer, a join, a reconnection, a
   * socket closing), applied with the others of the same turn of the event loop, in arrival order,
   * to one draft copy of the players. A wave of 3,000 reconnections or 10,000 joins copied the
   * 10,000 players once per event before (about 80 KB each, most of the storm's collector time).
   */
  submit(event: GameEvent, options: { replyTo?: string } = {}): Promise<DispatchOutcome> {
    return new Promise((resolve, reject) => {
      this.answerQueue.push({ event, options, resolve, reject });
      if (this.answerQueue.length === 1) setImmediate(() => this.applyQueued());
    });
  }

  private applyQueued(): void {
    const queued = this.answerQueue;
    this.answerQueue = [];
    const draft = draftPlayers(this.current.players);
    const home = this.current.playAlong;
    // A play-along game's home players take answers too: one copy of them for the burst as well.
    const homeDraft = home ? (draftPlayers(home.players) as typeof home.players) : null;
    this.current = { ...this.current, players: draft, ...(home && homeDraft ? { playAlong: { ...home, players: homeDraft } } : {}) };
    try {
      for (const { event, options, resolve, reject } of queued) {
        try {
          resolve(this.dispatch(event, options));
        } catch (error) {
          reject(error);
        }
      }
    } finally {
      sealPlayers(draft);
      if (homeDraft) sealPlayers(homeDraft);
    }
  }

  /**
   * Applies one event now. The state changes at once; effects follow in order. `replyTo` names a
   * player whose snapshot the caller sends in its reply (the join and resume acks carry it, via
   * `viewFor`): the event's own `send` to that player is left out, one message instead of two.
   */
  dispatch(event: GameEvent, options: { replyTo?: string } = {}): DispatchOutcome {
    if (this.draining && (event.type === "host-disconnected" || event.type === "player-left")) {
      const ignored = Promise.resolve();
      return { ok: true, code: "ok", stored: ignored, done: ignored };
    }
    if (this.stopped) {
      const refused = Promise.reject(new Error("runner stopped"));
      refused.catch(() => undefined);
      return { ok: false, code: "game-ended", stored: refused, done: refused };
    }
    const result = transition(this.current, event, this.clock());
    const ended = result.state.phase.name === "ended" && this.current.phase.name !== "ended";
    this.current = result.state;
    const replyTo = options.replyTo;
    const effects = replyTo === undefined ? result.effects : result.effects.filter((effect) => !(effect.type === "send" && effect.to.role === "player" && effect.to.playerId === replyTo));
    const performed = this.perform(result.state, effects);
    if (ended) performed.done.then(() => this.onEnded(), () => undefined);
    return { ok: result.ok, code: result.code, ...performed };
  }

  /** Starts the runner on a state loaded from the database, with the effects restoring asked for. */
  resume(effects: Effect[]): Promise<void> {
    return this.perform(this.current, effects).stored;
  }

  rememberToken(tokenHash: string, playerId: string): void {
    this.tokens.set(tokenHash, playerId);
  }

  playerForToken(tokenHash: string): string | null {
    return this.tokens.get(tokenHash) ?? null;
  }

  /** Sends one player their snapshot now (a reconnect that changed nothing still needs it). */
  sendPlayer(playerId: string): void {
    const view = this.viewFor(playerId);
    if (view) this.output.toPlayer(playerId, view);
  }

  /**
   * A player's whole snapshot as of now, for a message or an ack that goes to them at once; null
   * for an unknown or kicked player. Recorded as what that player was last sent.
   */
  viewFor(playerId: string): PlayerView | null {
    const personal = playerPersonal(this.current, playerId);
    if (!personal) {
      const home = this.current.playAlong ? homePlayerView(this.current, playerId, this.clock()) : null;
      if (!home) return null;
      this.sentPersonal.set(playerId, sentPersonal(home.aired, playerId, home.view, home.personal));
      return home.view;
    }
    const view = composePlayerView(playerCommonView(this.current, this.clock()), personal);
    this.sentPersonal.set(playerId, sentPersonal(this.current, playerId, view, personal));
    return view;
  }

  sendStaff(): void {
    this.clearStaffTimer();
    this.lastStaffAt = this.clock();
    const state = this.current;
    const now = this.lastStaffAt;
    this.output.toStaff({ host: () => hostView(state, now), display: () => displayView(state, now) });
  }

  /**
   * Writes what is pending and stops the timers: a clean shutdown. With `resumeOnLoad` (a restart
   * the operator asked for) the game carries on by itself when the next process loads it.
   */
  async close(options: { resumeOnLoad?: boolean } = {}): Promise<void> {
    this.stopTimers();
    this.stopped = true;
    const running = this.current.phase.name !== "ended";
    await this.writes.snapshot(options.resumeOnLoad && running ? { ...this.current, resumeOnLoad: true } : this.current);
  }

  /**
   * An ended game let go from memory: stops the timers and waits for the writes already asked for
   * (the end's scores), without writing its snapshot again.
   */
  async retire(): Promise<void> {
    this.stopTimers();
    this.stopped = true;
    await this.writes.idle();
  }

  /** Stops without writing anything more: what a crash leaves behind (tests), or a game dropped from memory. */
  abandon(): void {
    this.stopTimers();
    this.stopped = true;
    this.writes.abandon();
  }

  private stopTimers(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.airingTimer) clearTimeout(this.airingTimer);
    this.airingTimer = null;
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.clearStaffTimer();
    this.timer = null;
    this.snapshotTimer = null;
  }

  private perform(state: GameState, effects: Effect[]): { stored: Promise<void>; done: Promise<void> } {
    // The common case, thousands of times a second: an answer to store, then the staff's counters.
    // Its write is the batch's own promise, shared by every answer of the batch.
    const [first, second] = effects;
    if (first?.type === "persist-answer" && (effects.length === 1 || (effects.length === 2 && second.type === "refresh-staff"))) {
      const stored = this.performOne(state, first) ?? Promise.resolve();
      const done = stored.then(
        () => {
          if (second) this.refreshStaff();
        },
        (error: unknown) => this.log(`write failed in game ${state.gameId}`, error),
      );
      return { stored, done };
    }
    let markStored!: () => void;
    let failStored!: (error: unknown) => void;
    const stored = new Promise<void>((resolve, reject) => {
      markStored = resolve;
      failStored = reject;
    });
    stored.catch(() => undefined);
    const lastWrite = effects.findLastIndex((effect) => effect.type === "persist-answer" || (effect.type === "persist-state" && effect.urgent));

    const gameId = state.gameId;
    // The state is let go once no effect left needs it: thousands of answers waiting for their
    // commit must not each keep a copy of the game alive.
    const lastUse = effects.findLastIndex(
      (effect) =>
        effect.type === "persist-state" || effect.type === "broadcast" || effect.type === "broadcast-path" || effect.type === "persist-answer" || effect.type === "persist-scores",
    );
    const done = (async (held: GameState | null) => {
      if (lastWrite === -1) markStored();
      for (const [index, effect] of effects.entries()) {
        try {
          const pending = this.performOne(held!, effect);
          if (index >= lastUse) held = null;
          await pending;
        } catch (error) {
          // Nothing after a failed write is announced: what was not stored must not be seen as done.
          this.log(`write failed in game ${gameId}`, error);
          failStored(error);
          return;
        }
        if (index === lastWrite) markStored();
      }
    })(state);
    return { stored, done };
  }

  /** Carries out one effect; what it must wait for is the promise it returns, begun before it returns. */
  private performOne(state: GameState, effect: Effect): Promise<void> | void {
    if (this.stopped) return;
    switch (effect.type) {
      case "persist-answer": {
        const question = state.questions[effect.answer.questionIndex];
        const correct = isCorrectSelection(
          effect.answer.optionIds,
          question.options.filter((option) => option.correct).map((option) => option.id),
        );
        return this.writes.answer(effect.answer, correct);
      }
      case "persist-state": {
        if (!effect.urgent) return this.snapshotSoon();
        const written = this.writes.snapshot(state);
        if (state.phase.name === "reveal" || state.phase.name === "podium" || state.phase.name === "ended") {
          // Scores in the tables are derived data for results pages: written after, never awaited
          // by players. A reveal's are asked for only once its snapshot is in and the reveal sent
          // (a turn later): asked for together, a store that groups commits put 10,000 score
          // updates in the snapshot's transaction, and every player waited for them. The last
          // ones (podium, end) go with the snapshot, so that a shutdown right after keeps them.
          const writeScores = () => this.writes.scores(state).catch((error) => this.log(`scores not written for game ${state.gameId}`, error));
          if (state.phase.name === "reveal") written.then(() => setImmediate(writeScores), writeScores);
          else writeScores();
        }
        return written;
      }
      case "schedule":
        return this.arm(effect.timer, effect.at);
      case "cancel-timer":
        if (this.timer) clearTimeout(this.timer);
        this.timer = null;
        return;
      case "broadcast": {
        const now = this.clock();
        const started = performance.now();
        // The common part once for everyone; a whole snapshot only to players whose own part
        // shows something new (at a reveal, everyone: their outcome, score and rank).
        const { common, personal, players } = broadcastViews(state, now, this.output.connectedPlayers(), this.sentPersonal);
        this.output.toPlayers(common, personal);
        this.onBroadcast(players, performance.now() - started);
        this.clearStaffTimer();
        this.lastStaffAt = now;
        this.output.toStaff({ host: () => hostView(state, now), display: () => displayView(state, now) });
        return;
      }
      case "send":
        if (effect.to.role === "player") return this.sendPlayer(effect.to.playerId);
        return this.sendStaff();
      case "refresh-staff":
        return this.refreshStaff();
      case "disconnect":
        return this.output.kick(effect.playerId);
      case "schedule-airing":
        return this.armAiring(effect.at);
      case "persist-scores":
        // As after a studio reveal: asked for once the snapshot is in and the path's reveal sent
        // (this effect comes after both), a turn later, and never awaited by a player.
        setImmediate(() => this.writes.scores(state, effect.pathIds).catch((error) => this.log(`home scores not written for game ${state.gameId}`, error)));
        return;
      case "broadcast-path": {
        const now = this.clock();
        const started = performance.now();
        const players = this.output.connectedHomePlayers?.(effect.pathId) ?? [];
        const built = pathBroadcast(state, effect.pathId, now, players, this.sentPersonal);
        if (!built) return;
        this.output.toPath?.(effect.pathId, built.common, built.personal);
        this.onBroadcast(built.players, performance.now() - started);
        return;
      }
    }
  }

  private arm(timer: TimerRef, at: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        const outcome = this.dispatch({ type: "timer-fired", timer });
        outcome.done.catch(() => undefined);
      },
      Math.max(0, at - this.clock()),
    );
  }

  /** Play-along: the studio's next step airs on some path at `at` (play-along.ts). */
  private armAiring(at: number): void {
    if (this.airingTimer) clearTimeout(this.airingTimer);
    this.airingTimer = setTimeout(
      () => {
        this.airingTimer = null;
        const outcome = this.dispatch({ type: "paths-aired" });
        outcome.done.catch(() => undefined);
      },
      Math.max(0, at - this.clock()),
    );
  }

  /** Counters for the host and display screens, a few times a second at most (STACK.md: never per answer). */
  private refreshStaff(): void {
    if (this.staffTimer) return;
    const wait = Math.max(0, this.lastStaffAt + this.timing.staffIntervalMs - this.clock());
    this.staffTimer = setTimeout(() => {
      this.staffTimer = null;
      this.sendStaff();
    }, wait);
  }

  private clearStaffTimer(): void {
    if (this.staffTimer) clearTimeout(this.staffTimer);
    this.staffTimer = null;
  }

  private snapshotSoon(): void {
    if (this.snapshotTimer) return;
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null;
      this.writes.snapshot(this.current).catch((error) => this.log(`snapshot failed for game ${this.gameId}`, error));
    }, this.timing.snapshotDelayMs);
  }
}

type Batch = { rows: PersistedAnswer[]; correct: boolean[]; committed: Promise<void>; settle: (error?: unknown) => void };

/**
 * One game's writes, in the order they were asked for. Answers are grouped: a batch is committed
 * `answerFlushMs` after its first answer or as soon as it is full, in one transaction, and every
 * answer in it is acknowledged only after that commit. A snapshot first commits the open batch,
 * so a snapshot is never written ahead of an answer that came before it. With a store that
 * commits in call order (`ordered`), each write is handed over at once; otherwise each waits
 * for the one before.
 */
class WriteQueue {
  private tail: Promise<void> = Promise.resolve();
  private batch: Batch | null = null;
  private batchTimer: ReturnType<typeof setTimeout> | null = null;
  private abandoned = false;

  constructor(
    private readonly store: LiveStore,
    private readonly timing: RunnerTiming,
  ) {}

  answer(row: PersistedAnswer, correct: boolean): Promise<void> {
    if (this.abandoned) return Promise.reject(new Error("writes abandoned"));
    if (!this.batch) {
      let settle!: (error?: unknown) => void;
      const committed = new Promise<void>((resolve, reject) => {
        settle = (error) => (error === undefined ? resolve() : reject(error));
      });
      committed.catch(() => undefined);
      this.batch = { rows: [], correct: [], committed, settle };
      this.batchTimer = setTimeout(() => this.flush(), this.timing.answerFlushMs);
    }
    const batch = this.batch;
    batch.rows.push(row);
    batch.correct.push(correct);
    if (batch.rows.length >= this.timing.answerBatchSize) this.flush();
    return batch.committed;
  }

  snapshot(state: GameState): Promise<void> {
    this.flush();
    return this.enqueue(() => retry(() => this.store.writeSnapshot(state), SNAPSHOT_ATTEMPTS));
  }

  scores(state: GameState, pathIds?: readonly string[]): Promise<void> {
    return this.enqueue(() => this.store.writeScores(state, pathIds));
  }

  /** Once every write asked for so far is done (committed or failed). */
  idle(): Promise<void> {
    this.flush();
    return this.tail;
  }

  abandon(): void {
    this.abandoned = true;
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = null;
    this.batch = null;
  }

  private flush(): void {
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = null;
    const batch = this.batch;
    this.batch = null;
    if (!batch) return;
    this.enqueue(() => this.store.writeAnswers(batch.rows, batch.correct)).then(
      () => batch.settle(),
      (error: unknown) => batch.settle(error ?? new Error("answer batch failed")),
    );
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    if (this.abandoned) return Promise.reject(new Error("writes abandoned"));
    // A store that commits in call order needs no waiting here, and can group what it is given.
    if (this.store.ordered) {
      const run = job();
      // Committed in call order: the last one done means all are.
      this.tail = run.catch(() => undefined);
      return run;
    }
    const run = this.tail.then(job);
    this.tail = run.catch(() => undefined);
    return run;
  }
}

async function retry(job: () => Promise<void>, attempts: number): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await job();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
