import { describe, expect, it } from "vitest";
import { seededRandom, seededShuffle } from "./shuffle";

describe("seededShuffle", () => {
  const items = ["a", "b", "c", "d", "e", "f"];

  it("gives the same order for the same seed, every time", () => {
    expect(seededShuffle(items, "game-42:0")).toEqual(seededShuffle(items, "game-42:0"));
  });

  it("is a permutation and leaves its input alone", () => {
    const copy = items.slice();
    const shuffled = seededShuffle(items, "any seed");
    expect(shuffled.slice().sort()).toEqual(items);
    expect(items).toEqual(copy);
  });

  it("gives different orders for different seeds", () => {
    const orders = new Set(Array.from({ length: 50 }, (_, index) => seededShuffle(items, `seed-${index}`).join("")));
    expect(orders.size).toBeGreaterThan(40);
  });

  it("puts the first item everywhere about equally often", () => {
    const firstAt = [0, 0, 0, 0];
    for (let index = 0; index < 4_000; index++) firstAt[seededShuffle(["x", "b", "c", "d"], `s${index}`).indexOf("x")] += 1;
    for (const count of firstAt) expect(count).toBeGreaterThan(850);
  });
});

describe("seededRandom", () => {
  it("yields numbers in [0, 1)", () => {
    const random = seededRandom("range");
    for (let index = 0; index < 1_000; index++) {
      const value = random();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});
