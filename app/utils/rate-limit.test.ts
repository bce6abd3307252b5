import { describe, expect, it } from "vitest";
import { createRateLimiter, takeToken, TokenBucket, type BucketRule } from "./rate-limit";

describe("takeToken", () => {
  it("refuses once the burst is spent and refills with time", () => {
    const rule: BucketRule = { capacity: 3, refillPerSecond: 1 };
    let bucket = undefined;
    const results: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      const taken = takeToken(bucket, rule, 0);
      results.push(taken.allowed);
      bucket = taken.bucket;
    }
    expect(results).toEqual([true, true, true, false]);
    expect(takeToken(bucket, rule, 500).allowed).toBe(false);
    expect(takeToken(bucket, rule, 1000).allowed).toBe(true);
  });
});

describe("TokenBucket", () => {
  it("allows a burst up to its capacity, then refills over time", () => {
    const bucket = new TokenBucket(3, 2, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.take(400)).toBe(false);
    expect(bucket.take(500)).toBe(true);
    expect(bucket.take(10_000)).toBe(true);
    expect([bucket.take(10_000), bucket.take(10_000), bucket.take(10_000)]).toEqual([true, true, false]);
  });
});

describe("createRateLimiter", () => {
  it("keeps one bucket per key and forgets the least recently used past its bound", () => {
    const limit = createRateLimiter({ capacity: 1, refillPerSecond: 0 }, 2);
    expect(limit("a", 0)).toBe(true);
    expect(limit("a", 0)).toBe(false);
    expect(limit("b", 0)).toBe(true);
    expect(limit("c", 0)).toBe(true);
    // "a" was the oldest key and was forgotten: it starts again with a full bucket.
    expect(limit("a", 0)).toBe(true);
  });

  it("gives tokens back with a negative cost, never past the capacity", () => {
    const limit = createRateLimiter({ capacity: 2, refillPerSecond: 0 });
    expect([limit("a", 0), limit("a", 0), limit("a", 0)]).toEqual([true, true, false]);
    limit("a", 0, -1);
    expect([limit("a", 0), limit("a", 0)]).toEqual([true, false]);
    for (let index = 0; index < 5; index += 1) limit("b", 0, -1);
    expect([limit("b", 0), limit("b", 0), limit("b", 0)]).toEqual([true, true, false]);
  });
});
