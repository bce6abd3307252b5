import { describe, expect, it } from "vitest";
import { isCorrectSelection, scoreAnswer, speedPoints, streakBonus } from "./scoring";

describe("speedPoints (10 s question)", () => {
  it("gives the full 1000 within the first half second", () => {
    expect(speedPoints(0, 10_000)).toBe(1000);
    expect(speedPoints(300, 10_000)).toBe(1000);
    expect(speedPoints(500, 10_000)).toBe(1000);
  });

  it("gives half at the deadline", () => {
    expect(speedPoints(10_000, 10_000)).toBe(500);
  });

  it("falls linearly in between", () => {
    // 9.5 s of slope worth 500 points: 1 point per 19 ms.
    expect(speedPoints(5_250, 10_000)).toBe(750);
    expect(speedPoints(2_400, 10_000)).toBe(900);
    expect(speedPoints(7_150, 10_000)).toBe(650);
    expect(speedPoints(519, 10_000)).toBe(999);
  });

  it("rounds to whole points", () => {
    expect(speedPoints(1_000, 10_000)).toBe(974); // 1000 - 500 * 500 / 9500 = 973.68
  });

  it("scores an answer in the grace window as one at the deadline", () => {
    expect(speedPoints(10_400, 10_000)).toBe(500);
  });

  it("scales with the time limit", () => {
    expect(speedPoints(2_750, 5_000)).toBe(750);
    expect(speedPoints(60_250, 120_000)).toBe(750);
  });
});

describe("streakBonus", () => {
  it("is +100 per consecutive correct answer after the first, capped at +500", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(streakBonus)).toEqual([0, 100, 200, 300, 400, 500, 500, 500]);
  });
});

describe("isCorrectSelection", () => {
  it("needs exactly the correct options, in any order", () => {
    expect(isCorrectSelection(["a"], ["a"])).toBe(true);
    expect(isCorrectSelection(["c", "a"], ["a", "c"])).toBe(true);
    expect(isCorrectSelection(["a"], ["a", "c"])).toBe(false);
    expect(isCorrectSelection(["a", "b", "c"], ["a", "c"])).toBe(false);
    expect(isCorrectSelection([], ["a"])).toBe(false);
  });
});

describe("scoreAnswer", () => {
  const base = { correctOptionIds: ["a"], elapsedMs: 500, timeLimitMs: 10_000 };

  it("adds the streak bonus to a correct answer's speed points", () => {
    expect(scoreAnswer({ ...base, chosen: ["a"], previousStreak: 0 })).toEqual({ correct: true, points: 1000, streakBonus: 0, streak: 1 });
    expect(scoreAnswer({ ...base, chosen: ["a"], previousStreak: 2 })).toEqual({ correct: true, points: 1200, streakBonus: 200, streak: 3 });
    expect(scoreAnswer({ ...base, chosen: ["a"], elapsedMs: 10_000, previousStreak: 9 })).toEqual({
      correct: true,
      points: 1000,
      streakBonus: 500,
      streak: 10,
    });
  });

  it("gives nothing for a wrong or missing answer and ends the streak", () => {
    expect(scoreAnswer({ ...base, chosen: ["b"], previousStreak: 4 })).toEqual({ correct: false, points: 0, streakBonus: 0, streak: 0 });
    expect(scoreAnswer({ ...base, chosen: null, previousStreak: 4 })).toEqual({ correct: false, points: 0, streakBonus: 0, streak: 0 });
  });
});
