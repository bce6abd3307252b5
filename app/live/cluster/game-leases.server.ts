import type { Redis } from "ioredis";

/**
 * Who runs each live game when several app processes share one database (docs/decisions/037).
 * A lease per game in Redis: `SET key "<process> <token>" NX PX leaseMs`, renewed every
 * renewEveryMs by the holder, lost when the holder stops renewing (a crash, a partition). The
 * token comes from one INCR counter, so every new lease of a game carries a larger token than
 * any before it; the database refuses writes made with an older token (fenced-store.server.ts).
 * A lease says who should run the game; the token is what makes a late writer harmless.
 */
export type GameLeasesOptions = {
  redis: Redis;
  processId: string;
  /** Keys are `${keyPrefix}lease:<gameId>` and `${keyPrefix}fence`. */
  keyPrefix: string;
  leaseMs?: number;
  renewEveryMs?: number;
  /** This process no longer holds the game: another may already run it. */
  onLost: (gameId: string) => void;
  log?: (message: string, error?: unknown) => void;
};

export type LeaseHolder = { processId: string; token: number };

export const DEFAULT_LEASE_MS = 3_000;
export const DEFAULT_RENEW_EVERY_MS = 1_000;

// Extends the lease only while it is still ours: a GET then PEXPIRE from the client could extend
// a lease that expired and was taken by another process in between.
const RENEW_SCRIPT = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("PEXPIRE", KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE_SCRIPT = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) else return 0 end`;

export class GameLeases {
  private readonly held = new Map<string, { token: number; value: string; renewedAt: number }>();
  private readonly leaseMs: number;
  private readonly renewEveryMs: number;
  private timer: ReturnType<typeof setInterval> | null = null;
  private renewing = false;

  constructor(private readonly options: GameLeasesOptions) {
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.renewEveryMs = options.renewEveryMs ?? DEFAULT_RENEW_EVERY_MS;
  }

  get processId(): string {
    return this.options.processId;
  }

  get leaseDurationMs(): number {
    return this.leaseMs;
  }

  private key(gameId: string): string {
    return `${this.options.keyPrefix}lease:${gameId}`;
  }

  /** Takes the game's lease if nobody holds it; the new fencing token, or null when another process holds it. */
  async acquire(gameId: string): Promise<number | null> {
    const mine = this.held.get(gameId);
    if (mine) return mine.token;
    const { redis, keyPrefix, processId } = this.options;
    const token = await redis.incr(`${keyPrefix}fence`);
    const value = `${processId} ${token}`;
    const renewedAt = Date.now();
    const taken = await redis.set(this.key(gameId), value, "PX", this.leaseMs, "NX");
    if (taken !== "OK") return null;
    this.held.set(gameId, { token, value, renewedAt });
    this.start();
    return token;
  }

  /** The fencing token of a game this process holds, or undefined. */
  tokenOf(gameId: string): number | undefined {
    return this.held.get(gameId)?.token;
  }

  holds(gameId: string): boolean {
    return this.held.has(gameId);
  }

  heldGames(): string[] {
    return [...this.held.keys()];
  }

  /** Who holds the lease now, as Redis says. */
  async holder(gameId: string): Promise<LeaseHolder | null> {
    return parseHolder(await this.options.redis.get(this.key(gameId)));
  }

  /** The holders of several games in one round trip. */
  async holders(gameIds: readonly string[]): Promise<(LeaseHolder | null)[]> {
    if (gameIds.length === 0) return [];
    const values = await this.options.redis.mget(...gameIds.map((gameId) => this.key(gameId)));
    return values.map(parseHolder);
  }

  /** Gives the game up at once (a clean shutdown), so another process need not wait for the lease to run out. */
  async release(gameId: string): Promise<void> {
    const mine = this.held.get(gameId);
    if (!mine) return;
    this.held.delete(gameId);
    await this.options.redis.eval(RELEASE_SCRIPT, 1, this.key(gameId), mine.value).catch(() => undefined);
  }

  /** Forgets the game without telling Redis: what a process that stops renewing looks like to the others (tests). */
  forget(gameId: string): void {
    this.held.delete(gameId);
  }

  async releaseAll(): Promise<void> {
    await Promise.all(this.heldGames().map((gameId) => this.release(gameId)));
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One renewal round now (the timer calls it every renewEveryMs). */
  async renew(): Promise<void> {
    if (this.renewing) return;
    this.renewing = true;
    try {
      const entries = [...this.held.entries()];
      if (entries.length === 0) return;
      const pipeline = this.options.redis.pipeline();
      for (const [gameId, lease] of entries) pipeline.eval(RENEW_SCRIPT, 1, this.key(gameId), lease.value, this.leaseMs);
      const startedAt = Date.now();
      let results: [Error | null, unknown][] | null = null;
      try {
        results = await pipeline.exec();
      } catch (error) {
        this.options.log?.("lease renewal failed", error);
      }
      for (const [index, [gameId, lease]] of entries.entries()) {
        if (this.held.get(gameId) !== lease) continue;
        const [error, renewed] = results?.[index] ?? [new Error("no answer"), 0];
        if (!error && renewed === 1) {
          lease.renewedAt = startedAt;
          continue;
        }
        // Refused (another process holds it), or Redis unreachable for as long as a lease lasts:
        // either way another process may run this game now.
        if (!error || Date.now() - lease.renewedAt >= this.leaseMs) {
          this.held.delete(gameId);
          this.options.onLost(gameId);
        }
      }
    } finally {
      this.renewing = false;
    }
  }

  private start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.renew(), this.renewEveryMs);
    this.timer.unref();
  }
}

function parseHolder(value: string | null): LeaseHolder | null {
  if (!value) return null;
  const [processId, token] = value.split(" ");
  return processId && token ? { processId, token: Number(token) } : null;
}
