// A token bucket per key, as data plus the caller's clock, so it is tested by stepping time.

export type Bucket = { tokens: number; updatedAt: number };
export type BucketRule = { capacity: number; refillPerSecond: number };

/** Saving answers: a burst of 20 (clicking through options), then 2 a second on average. */
export const ANSWER_SAVE_RULE: BucketRule = { capacity: 20, refillPerSecond: 2 };

export function takeToken(bucket: Bucket | undefined, rule: BucketRule, now: number): { allowed: boolean; bucket: Bucket } {
  const current = bucket ?? { tokens: rule.capacity, updatedAt: now };
  const refilled = Math.min(rule.capacity, current.tokens + (Math.max(0, now - current.updatedAt) / 1000) * rule.refillPerSecond);
  if (refilled < 1) return { allowed: false, bucket: { tokens: refilled, updatedAt: now } };
  return { allowed: true, bucket: { tokens: refilled - 1, updatedAt: now } };
}

/** The buckets of one process. Several app nodes each keep their own: the limit is per node (README). */
export function createRateLimiter(rule: BucketRule, maxKeys = 50_000) {
  const buckets = new Map<string, Bucket>();
  return (key: string, now: number): boolean => {
    const { allowed, bucket } = takeToken(buckets.get(key), rule, now);
    buckets.delete(key);
    if (buckets.size >= maxKeys) {
      const oldest = buckets.keys().next().value;
      if (oldest !== undefined) buckets.delete(oldest);
    }
    buckets.set(key, bucket);
    return allowed;
  };
}
