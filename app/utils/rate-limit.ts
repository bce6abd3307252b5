// The one token-bucket limiter of the app: a bucket is data plus the caller's clock, so every
// limit (answer saving, sign-in, joins, socket events) is tested by stepping time, never by sleeping.

export type Bucket = { tokens: number; updatedAt: number };
/** `name` labels the refusals an operator sees in the metrics ("sign-in", "join", …). */
export type BucketRule = { capacity: number; refillPerSecond: number; name?: string };

let refusalObserver: ((limiter: string) => void) | null = null;

/** The metrics count every refusal of every limiter through this one hook (app/ops). */
export function observeRefusals(observer: ((limiter: string) => void) | null): void {
  refusalObserver = observer;
}

function refused(rule: BucketRule): void {
  refusalObserver?.(rule.name ?? "unnamed");
}

/**
 * Takes `cost` tokens (one by default) from `bucket` (a full one when absent) at time `now` (ms). A
 * negative cost gives tokens back, up to the capacity: sign-in takes one before checking a password
 * and returns it when the password was right, so only failures count.
 */
export function takeToken(bucket: Bucket | undefined, rule: BucketRule, now: number, cost = 1): { allowed: boolean; bucket: Bucket } {
  const current = bucket ?? { tokens: rule.capacity, updatedAt: now };
  const refilled = Math.min(rule.capacity, current.tokens + (Math.max(0, now - current.updatedAt) / 1000) * rule.refillPerSecond);
  if (cost > 0 && refilled < cost) return { allowed: false, bucket: { tokens: refilled, updatedAt: now } };
  return { allowed: true, bucket: { tokens: Math.min(rule.capacity, refilled - cost), updatedAt: now } };
}

/**
 * Buckets by key (an account, an address, a game) for one process, at most `maxKeys` of them: the
 * least recently used key is forgotten first, so a flood of keys costs bounded memory. Several app
 * nodes each keep their own buckets: the limit is per node.
 */
export function createRateLimiter(rule: BucketRule, maxKeys = 50_000) {
  const buckets = new Map<string, Bucket>();
  return (key: string, now: number, cost = 1): boolean => {
    const { allowed, bucket } = takeToken(buckets.get(key), rule, now, cost);
    buckets.delete(key);
    if (buckets.size >= maxKeys) {
      const oldest = buckets.keys().next().value;
      if (oldest !== undefined) buckets.delete(oldest);
    }
    buckets.set(key, bucket);
    if (!allowed) refused(rule);
    return allowed;
  };
}

/** One bucket owned by one holder (a socket): `capacity` requests at once, refilled at `perSecond`. */
export class TokenBucket {
  private bucket: Bucket;
  private readonly rule: BucketRule;

  constructor(capacity: number, perSecond: number, now: number, name = "socket") {
    this.rule = { capacity, refillPerSecond: perSecond, name };
    this.bucket = { tokens: capacity, updatedAt: now };
  }

  take(now: number): boolean {
    const { allowed, bucket } = takeToken(this.bucket, this.rule, now);
    this.bucket = bucket;
    if (!allowed) refused(this.rule);
    return allowed;
  }
}
