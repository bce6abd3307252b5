import { describe, expect, it } from "vitest";

import { mapOntoCurrent, vietnamDay, type Succession } from "~/units/history";
import { areaBoard, type AreaResult } from "./area-board";

const REFORM = vietnamDay("2025-07-01");
const now = vietnamDay("2026-12-07");

// Old tree: districts A (merged whole into X) and B (split 60/40 into X and Y). New tree: X, Y, Z.
const successions: Succession[] = [
  { predecessorId: "A", successorId: "X", share: 1, effectiveAt: REFORM },
  { predecessorId: "B", successorId: "X", share: 0.6, effectiveAt: REFORM },
  { predecessorId: "B", successorId: "Y", share: 0.4, effectiveAt: REFORM },
];
const oldAreas = [
  { id: "A", name: "Huyện A", kind: "district" },
  { id: "B", name: "Huyện B", kind: "district" },
];
const newAreas = [
  { id: "X", name: "Xã X", kind: "commune" },
  { id: "Y", name: "Phường Y", kind: "ward" },
  { id: "Z", name: "Xã Z", kind: "commune" },
];
// 2024: A has two pupils (8 and 6: total 14), B has three (10, 10, 4: total 24); 5 pupils, 38 points.
const results2024: AreaResult[] = [
  { participantId: "a1", score: 8, areaId: "A" },
  { participantId: "a2", score: 6, areaId: "A" },
  { participantId: "b1", score: 10, areaId: "B" },
  { participantId: "b2", score: 10, areaId: "B" },
  { participantId: "b3", score: 4, areaId: "B" },
  { participantId: "lost", score: 9, areaId: null },
];

describe("areaBoard", () => {
  it("ranks last year's results by the districts they were given under (as it was)", () => {
    const board = areaBoard(results2024, oldAreas, (id) => [{ unitId: id, share: 1 }]);
    expect(board.map((row) => [row.unitName, row.rank, row.participants, row.averageScore])).toEqual([
      ["Huyện B", 1, 3, 8],
      ["Huyện A", 2, 2, 7],
    ]);
  });

  it("maps old results onto today's communes with the shares of a split, keeping the totals", () => {
    const board = areaBoard(results2024, newAreas, (id) => mapOntoCurrent(successions, id, now));
    const x = board.find((row) => row.unitId === "X");
    const y = board.find((row) => row.unitId === "Y");
    // X: all of A (2 pupils, 14 points) + 60% of B (1.8 pupils, 14.4 points) → 3.8 pupils, 28.4 points.
    expect(x?.participants).toBeCloseTo(3.8, 9);
    expect(x?.averageScore).toBeCloseTo(28.4 / 3.8, 9);
    // Y: 40% of B → 1.2 pupils, 9.6 points: average 8, ahead of X (≈7.47).
    expect(y?.participants).toBeCloseTo(1.2, 9);
    expect(y?.averageScore).toBeCloseTo(8, 9);
    expect(board.map((row) => [row.unitName, row.rank])).toEqual([
      ["Phường Y", 1],
      ["Xã X", 2],
      ["Xã Z", null],
    ]);
    const pupils = board.reduce((sum, row) => sum + row.participants, 0);
    const points = board.reduce((sum, row) => sum + (row.averageScore ?? 0) * row.participants, 0);
    expect(pupils).toBeCloseTo(5, 9);
    expect(points).toBeCloseTo(38, 9);
  });

  it("ranks this year's results by commune directly", () => {
    const board = areaBoard(
      [
        { participantId: "p1", score: 9, areaId: "X" },
        { participantId: "p2", score: 9, areaId: "Z" },
        { participantId: "p3", score: 9, areaId: "Z" },
      ],
      newAreas,
      (id) => mapOntoCurrent(successions, id, now),
    );
    expect(board.map((row) => [row.unitName, row.rank, row.tied, row.participants])).toEqual([
      ["Xã Z", 1, false, 2],
      ["Xã X", 2, false, 1],
      ["Phường Y", null, false, 0],
    ]);
  });
});
