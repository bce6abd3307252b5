import { describe, expect, it } from "vitest";
import { attemptSeed, opaqueSeed, seededRandom, shuffled } from "./seeded-random";

describe("seeded random", () => {
  it("repeats its sequence for the same seed and differs for another", () => {
    const take = (seed: string) => {
      const random = seededRandom(seed);
      return Array.from({ length: 5 }, () => random());
    };
    expect(take("round-1:user-1:1")).toEqual(take("round-1:user-1:1"));
    expect(take("round-1:user-1:2")).not.toEqual(take("round-1:user-1:1"));
  });

  it("stays in [0, 1) and spreads over the interval", () => {
    const random = seededRandom("spread");
    const buckets = new Array<number>(10).fill(0);
    for (let index = 0; index < 10_000; index++) {
      const value = random();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      buckets[Math.floor(value * 10)]++;
    }
    // 1,000 expected per tenth; 850 is more than four standard deviations away.
    for (const count of buckets) expect(count).toBeGreaterThan(850);
  });

  it("shuffles into a permutation and leaves the input alone", () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const output = shuffled(input, seededRandom("x"));
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...output].sort()).toEqual(input);
    expect(shuffled(input, seededRandom("x"))).toEqual(output);
  });

  it("builds an attempt's seed from round, a random draw key and attempt number", () => {
    expect(attemptSeed({ roundId: "r1", drawKey: "u9", attemptNumber: 2 })).toBe('["r1","u9",2]');
    expect(attemptSeed({ roundId: "a:b", drawKey: "c", attemptNumber: 1 })).not.toBe(
      attemptSeed({ roundId: "a", drawKey: "b:c", attemptNumber: 1 }),
    );
  });

  it("turns a seed into an opaque one that draws exactly the same and keeps no id", () => {
    const legacy = JSON.stringify(["round-1", "cm123useraccountid", 1]);
    const opaque = opaqueSeed(legacy);
    expect(opaque).not.toContain("cm123useraccountid");
    expect(opaque).toMatch(/^h:\d+,\d+,\d+,\d+$/);
    const original = seededRandom(legacy);
    const replayed = seededRandom(opaque);
    for (let index = 0; index < 100; index++) expect(replayed()).toBe(original());
    expect(opaqueSeed(opaque)).toBe(opaque);
  });
});
