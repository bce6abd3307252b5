import { nextAiringAt, unscoredHomeQuestions } from "./play-along";
import { GameRunner, type RunnerOutput, type RunnerTiming } from "./game-runner.server";
import type { LiveStore } from "./live-store.server";
import { restoreAfterRestart } from "./restore";

/**
 * The runners of the games this process owns (one process per game: decision 004). A game is
 * loaded on first use from its snapshot and its stored answers: a game that was running when the
 * process stopped comes back paused (restoreAfterRestart), and the host resumes or ends it.
 */
export type GameOverview = {
  gameId: string;
  phase: string;
  paused: boolean;
  players: number;
  connectedPlayers: number;
};

export type LiveRegistryOptions = {
  store: LiveStore;
  now?: () => number;
  timing?: Partial<RunnerTiming>;
  log?: (message: string, error?: unknown) => void;
  onBroadcast?: (players: number, ms: number) => void;
  /**
   * Several processes (app/live/cluster): takes the game for this process before it is loaded;
   * false when another process runs it, and nothing is loaded.
   */
  claim?: (gameId: string) => Promise<boolean>;
  /** A game found running after a crash carries on by itself (a failover) instead of waiting for its host. */
  resumeAfterCrash?: boolean;
  /**
   * How long an ended game stays in memory (screens that reconnect to the final results find it
   * there); then it is let go, and loaded again from the database if asked for. Default 10 s.
   */
  endedLingerMs?: number;
  /** An ended game was let go from memory, its writes done (app/live/cluster: gives up its lease). */
  onRetired?: (gameId: string) => Promise<void>;
};

const DEFAULT_ENDED_LINGER_MS = 10_000;

export class LiveRegistry {
  private readonly runners = new Map<string, Promise<GameRunner | null>>();
  private outputFor: ((gameId: string) => RunnerOutput) | null = null;

  constructor(private readonly options: LiveRegistryOptions) {}

  /** Where the games are written (a join's player row goes through it too). */
  get store(): LiveStore {
    return this.options.store;
  }

  /** The transport says where messages go; called once by attachRealtime. */
  connect(outputFor: (gameId: string) => RunnerOutput): void {
    this.outputFor = outputFor;
  }

  /** The game's runner, loading it on first use; null for an unknown game. */
  get(gameId: string): Promise<GameRunner | null> {
    let runner = this.runners.get(gameId);
    if (!runner) {
      runner = this.load(gameId);
      this.runners.set(gameId, runner);
      // A failed load is retried by the next request rather than cached.
      runner.catch(() => this.runners.delete(gameId));
    }
    return runner;
  }

  /** Whether this process has the game in memory (or is loading it). */
  has(gameId: string): boolean {
    return this.runners.has(gameId);
  }

  /** Drops one game without writing anything: another process runs it now (app/live/cluster). */
  async drop(gameId: string): Promise<void> {
    const runner = this.runners.get(gameId);
    if (!runner) return;
    this.runners.delete(gameId);
    (await runner.catch(() => null))?.abandon();
  }

  loaded(): number {
    return this.runners.size;
  }

  /** The games in memory with their phase and players, for the operator's figures. */
  async overview(): Promise<GameOverview[]> {
    const runners = await Promise.all([...this.runners.values()].map((runner) => runner.catch(() => null)));
    return runners.flatMap((runner) => {
      if (!runner) return [];
      const state = runner.state;
      const players = state.players.filter((player) => !player.kicked);
      return [
        {
          gameId: state.gameId,
          phase: state.phase.name,
          paused: state.paused !== null,
          players: players.length,
          connectedPlayers: players.filter((player) => player.connected).length,
        },
      ];
    });
  }

  /** Before a planned restart cuts the connections (GameRunner.drain). */
  async drain(): Promise<void> {
    const runners = await Promise.all([...this.runners.values()].map((runner) => runner.catch(() => null)));
    for (const runner of runners) runner?.drain();
  }

  /**
   * Writes every game's state and stops their timers. `resumeOnLoad`: a planned restart, after
   * which each game carries on by itself instead of waiting paused for its host.
   */
  async close(options: { resumeOnLoad?: boolean } = {}): Promise<void> {
    const runners = await Promise.all([...this.runners.values()].map((runner) => runner.catch(() => null)));
    await Promise.all(runners.map((runner) => runner?.close(options).catch(() => undefined)));
    this.runners.clear();
    await this.options.store.close?.();
  }

  /** Drops every game without writing anything: what a crash does (tests). */
  async abandon(): Promise<void> {
    const runners = await Promise.all([...this.runners.values()].map((runner) => runner.catch(() => null)));
    for (const runner of runners) runner?.abandon();
    this.runners.clear();
  }

  /**
   * An ended game leaves memory after endedLingerMs (once the end has aired on every play-along
   * path). Until it is gone a request still finds it
   * (ended: every command refused as it would be anyway); after, a request loads it again.
   */
  private retireLater(gameId: string): void {
    const entry = this.runners.get(gameId);
    if (!entry) return;
    const timer = setTimeout(() => {
      // Dropped, closed or loaded again since: not this timer's game any more.
      if (this.runners.get(gameId) !== entry) return;
      void (async () => {
        const runner = await entry.catch(() => null);
        if (!runner || runner.state.phase.name !== "ended") return;
        // Play-along (decisions 038, 039): the studio's end airs on a delayed path up to two minutes
        // later, and its home players still answer until then. Gone only once every path shows it.
        if (nextAiringAt(runner.state) !== null) return this.retireLater(gameId);
        await runner.retire();
        if (this.runners.get(gameId) === entry) this.runners.delete(gameId);
        await this.options.onRetired?.(gameId);
      })().catch((error) => this.options.log?.(`letting go of ended game ${gameId}`, error));
    }, this.options.endedLingerMs ?? DEFAULT_ENDED_LINGER_MS);
    timer.unref();
  }

  private async load(gameId: string): Promise<GameRunner | null> {
    if (!this.outputFor) throw new Error("LiveRegistry is not connected to a transport");
    if (this.options.claim && !(await this.options.claim(gameId))) {
      // Run elsewhere: not remembered, so a later takeover loads it.
      this.runners.delete(gameId);
      return null;
    }
    const snapshot = await this.options.store.loadSnapshot(gameId);
    if (!snapshot) return null;
    const now = (this.options.now ?? Date.now)();
    // The studio's open question, and each question a play-along path has not scored yet: a
    // home window may be open on an older one than the studio's (docs/decisions/038, 039).
    const questions = [...new Set([...(snapshot.phase.name === "question" ? [snapshot.phase.questionIndex] : []), ...unscoredHomeQuestions(snapshot)])];
    const answers = (await Promise.all(questions.map((questionIndex) => this.options.store.loadAnswers(gameId, questionIndex)))).flat();
    const restored = restoreAfterRestart(snapshot, now, answers);
    const runner = new GameRunner(restored.state, {
      store: this.options.store,
      output: this.outputFor(gameId),
      now: this.options.now,
      timing: this.options.timing,
      log: this.options.log,
      onBroadcast: this.options.onBroadcast,
      onEnded: () => this.retireLater(gameId),
    });
    await runner.resume(restored.effects);
    if (runner.state.phase.name === "ended") this.retireLater(gameId);
    if ((snapshot.resumeOnLoad || this.options.resumeAfterCrash) && runner.state.paused?.reason === "restart") {
      // A planned restart: players had only a short "reconnecting"; the clock goes on from where it stood.
      await runner.dispatch({ type: "host-command", command: "resume", step: runner.state.step }).stored;
    }
    return runner;
  }
}
