import { describe, expect, it } from "vitest";

import { isActiveAt, mapAmounts, mapOntoCurrent, shareProblems, vietnamDay, type Succession } from "./history";

const REFORM = vietnamDay("2025-07-01");
const before = vietnamDay("2024-11-15");
const after = vietnamDay("2026-12-01");

// A fixture with known totals: district A merges whole into commune X; district B is split 60/40
// between X and Y; district C becomes commune Z, which later (2026) merges into W.
const successions: Succession[] = [
  { predecessorId: "A", successorId: "X", share: 1, effectiveAt: REFORM },
  { predecessorId: "B", successorId: "X", share: 0.6, effectiveAt: REFORM },
  { predecessorId: "B", successorId: "Y", share: 0.4, effectiveAt: REFORM },
  { predecessorId: "C", successorId: "Z", share: 1, effectiveAt: REFORM },
  { predecessorId: "Z", successorId: "W", share: 1, effectiveAt: vietnamDay("2026-06-01") },
];

describe("isActiveAt", () => {
  it("treats validFrom as the first day and validTo as the first day it no longer existed", () => {
    const district = { validFrom: null, validTo: REFORM };
    const commune = { validFrom: REFORM, validTo: null };
    expect(isActiveAt(district, before)).toBe(true);
    expect(isActiveAt(district, REFORM)).toBe(false);
    expect(isActiveAt(commune, REFORM)).toBe(true);
    expect(isActiveAt(commune, new Date(REFORM.getTime() - 1))).toBe(false);
    expect(isActiveAt({ validFrom: null, validTo: null }, before)).toBe(true);
  });

  it("starts a day at midnight in Vietnam", () => {
    expect(REFORM.toISOString()).toBe("2025-06-30T17:00:00.000Z");
    expect(() => vietnamDay("2025-02-30")).toThrow();
    expect(() => vietnamDay("1/7/2025")).toThrow();
  });
});

describe("mapOntoCurrent", () => {
  it("maps a unit still valid to itself", () => {
    expect(mapOntoCurrent(successions, "X", after)).toEqual([{ unitId: "X", share: 1 }]);
  });

  it("maps a merged unit whole and a split unit by its shares", () => {
    expect(mapOntoCurrent(successions, "A", after)).toEqual([{ unitId: "X", share: 1 }]);
    expect(mapOntoCurrent(successions, "B", after)).toEqual([
      { unitId: "X", share: 0.6 },
      { unitId: "Y", share: 0.4 },
    ]);
  });

  it("follows successions transitively, but only those in effect at the date asked", () => {
    expect(mapOntoCurrent(successions, "C", after)).toEqual([{ unitId: "W", share: 1 }]);
    expect(mapOntoCurrent(successions, "C", vietnamDay("2025-12-31"))).toEqual([{ unitId: "Z", share: 1 }]);
    expect(mapOntoCurrent(successions, "C", before)).toEqual([{ unitId: "C", share: 1 }]);
  });

  it("sums paths that meet again and stops at a cycle in bad data", () => {
    const diamond: Succession[] = [
      { predecessorId: "P", successorId: "Q", share: 0.5, effectiveAt: REFORM },
      { predecessorId: "P", successorId: "R", share: 0.5, effectiveAt: REFORM },
      { predecessorId: "Q", successorId: "S", share: 1, effectiveAt: REFORM },
      { predecessorId: "R", successorId: "S", share: 1, effectiveAt: REFORM },
    ];
    expect(mapOntoCurrent(diamond, "P", after)).toEqual([{ unitId: "S", share: 1 }]);
    const loop: Succession[] = [
      { predecessorId: "L", successorId: "M", share: 1, effectiveAt: REFORM },
      { predecessorId: "M", successorId: "L", share: 1, effectiveAt: REFORM },
    ];
    expect(mapOntoCurrent(loop, "L", after)).toEqual([{ unitId: "M", share: 1 }]);
  });
});

describe("mapAmounts", () => {
  it("keeps the known totals when old results are mapped onto today's units", () => {
    // 2024 participants by district: A 10, B 20, C 5 (35 in all).
    const mapped = mapAmounts(successions, new Map([["A", 10], ["B", 20], ["C", 5]]), after);
    expect(Object.fromEntries([...mapped].map(([id, value]) => [id, Math.round(value * 1e9) / 1e9]))).toEqual({ X: 22, Y: 8, W: 5 });
    expect([...mapped.values()].reduce((sum, value) => sum + value, 0)).toBeCloseTo(35, 9);
  });
});

describe("shareProblems", () => {
  it("flags a predecessor whose shares do not sum to one", () => {
    expect(shareProblems(successions)).toEqual([]);
    expect(
      shareProblems([
        { predecessorId: "B", successorId: "X", share: 0.6, effectiveAt: REFORM },
        { predecessorId: "B", successorId: "Y", share: 0.6, effectiveAt: REFORM },
      ]),
    ).toEqual([{ predecessorId: "B", total: 1.2 }]);
  });
});
