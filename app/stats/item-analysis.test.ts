import { describe, expect, it } from "vitest";
import { itemAnalysis, masteryGrid, median, topicMastery, type ItemResponse, type RevisionKey } from "./item-analysis";

// Six sittings, three questions, every sitting shown all three.
// q1: single, 4 options, key A (0). q2: single, 3 options, key B (1). q3: true/false, key "Đúng" (0).
// Cells are the written option chosen, "-" for no answer.
//            q1 q2 q3    correct  total
const grid: Record<string, [string, string, string]> = {
  p1: ["0", "1", "0"], // ✓ ✓ ✓  3
  p2: ["0", "1", "1"], // ✓ ✓ ✗  2
  p3: ["0", "2", "0"], // ✓ ✗ ✓  2
  p4: ["1", "1", "1"], // ✗ ✓ ✗  1
  p5: ["2", "0", "0"], // ✗ ✗ ✓  1
  p6: ["1", "-", "0"], // ✗ - ✓  1
};
const keys = new Map<string, RevisionKey>([
  ["q1-r1", { optionCount: 4, correctOptions: [0] }],
  ["q2-r1", { optionCount: 3, correctOptions: [1] }],
  ["q3-r2", { optionCount: 2, correctOptions: [0] }],
]);
const topics = ["economic", "economic", "socio-cultural"];
const revisions = ["q1-r1", "q2-r1", "q3-r2"];
const q1Times: Record<string, number | null> = { p1: 10_000, p2: 20_000, p3: 30_000, p4: 40_000, p5: 5_000, p6: null };

const responses: ItemResponse[] = Object.entries(grid).flatMap(([participantId, row]) =>
  row.map((cell, index) => {
    const revisionId = revisions[index];
    const chosen = cell === "-" ? [] : [Number(cell)];
    return {
      participantId,
      questionId: `q${index + 1}`,
      revisionId,
      topic: topics[index],
      chosen,
      correct: chosen.length === 1 && keys.get(revisionId)!.correctOptions.includes(chosen[0]),
      elapsedMs: index === 0 ? q1Times[participantId] : null,
    };
  }),
);

describe("itemAnalysis", () => {
  const stats = Object.fromEntries(itemAnalysis(responses, keys, { minResponsesForFlags: 1 }).map((item) => [item.questionId, item]));

  it("gives the share correct per revision, blank answers counting as wrong", () => {
    expect(stats.q1).toMatchObject({ revisionId: "q1-r1", topic: "economic", responses: 6, answered: 6, correct: 3, difficulty: 0.5 });
    expect(stats.q2).toMatchObject({ responses: 6, answered: 5, correct: 3, difficulty: 0.5 });
    expect(stats.q3).toMatchObject({ revisionId: "q3-r2", responses: 6, correct: 4, difficulty: 4 / 6 });
  });

  it("counts how often each option was chosen, as a share of those who answered", () => {
    expect(stats.q1.options).toEqual([
      { option: 0, correct: true, chosen: 3, share: 0.5 },
      { option: 1, correct: false, chosen: 2, share: 2 / 6 },
      { option: 2, correct: false, chosen: 1, share: 1 / 6 },
      { option: 3, correct: false, chosen: 0, share: 0 },
    ]);
    expect(stats.q2.options.map((option) => [option.chosen, option.share])).toEqual([
      [1, 0.2],
      [3, 0.6],
      [1, 0.2],
    ]);
  });

  it("gives upper minus lower 27 % as D, ties at the boundary split by id", () => {
    // round(6 × 0.27) = 2: upper p1 and p2 (p2 before p3 at 2/3), lower p5 and p6 (p4 before them at 1/3).
    expect(stats.q1).toMatchObject({ discrimination: 1, upperResponses: 2, lowerResponses: 2 });
    expect(stats.q2.discrimination).toBe(1);
    // q3: upper 1/2 (p1), lower 2/2.
    expect(stats.q3.discrimination).toBe(-0.5);
  });

  it("gives the item–rest point-biserial", () => {
    // q1: right x = 1,1,1,0,0,0; rest share y = 1, ½, ½, ½, ½, ½ → r = 1/√5 (worked in the decision record's way).
    expect(stats.q1.pointBiserial).toBeCloseTo(1 / Math.sqrt(5), 10);
    // q2: x = 1,1,0,1,0,0; y = 1, ½, 1, 0, ½, ½ → r = −1/√17: D says good, the correlation says not.
    expect(stats.q2.pointBiserial).toBeCloseTo(-1 / Math.sqrt(17), 10);
    // q3: x = 1,0,1,0,1,1; y = 1, 1, ½, ½, 0, 0 → r = −√3/4.
    expect(stats.q3.pointBiserial).toBeCloseTo(-Math.sqrt(3) / 4, 10);
  });

  it("gives the median time of those who answered with a known time", () => {
    // 5, 10, 20, 30, 40 seconds (p6's time unknown).
    expect(stats.q1.medianMs).toBe(20_000);
    expect(stats.q2.medianMs).toBeNull();
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("flags negative discrimination", () => {
    expect(stats.q1.flags).toEqual([]);
    expect(stats.q2.flags).toEqual([{ kind: "negative-discrimination" }]);
    expect(stats.q3.flags).toEqual([{ kind: "negative-discrimination" }]);
  });

  it("does not flag on fewer responses than the threshold (20 by default)", () => {
    expect(itemAnalysis(responses, keys).every((item) => item.flags.length === 0)).toBe(true);
  });

  it("flags a wrong option chosen more often than the key", () => {
    const key = new Map([["r", { optionCount: 3, correctOptions: [0] }]]);
    // 20 sittings of one question: A ×5, B ×9, C ×6. Every sitting has one question, so no correlation.
    const choices = [...Array(5).fill(0), ...Array(9).fill(1), ...Array(6).fill(2)] as number[];
    const list: ItemResponse[] = choices.map((option, index) => ({
      participantId: `s${String(index).padStart(2, "0")}`,
      questionId: "q",
      revisionId: "r",
      topic: "economic",
      chosen: [option],
      correct: option === 0,
      elapsedMs: null,
    }));
    const [item] = itemAnalysis(list, key);
    expect(item.pointBiserial).toBeNull();
    expect(item.flags).toEqual([
      { kind: "distractor-beats-key", option: 1 },
      { kind: "distractor-beats-key", option: 2 },
    ]);
  });

  it("flags a distractor chosen by under 5 % once at least 100 answered", () => {
    const key = new Map([["r", { optionCount: 4, correctOptions: [2] }]]);
    const build = (counts: number[]): ItemResponse[] =>
      counts.flatMap((count, option) =>
        Array.from({ length: count }, (_, index) => ({
          participantId: `o${option}-${index}`,
          questionId: "q",
          revisionId: "r",
          topic: "economic",
          chosen: [option],
          correct: option === 2,
          elapsedMs: null,
        })),
      );
    // 100 answered: A 4 % (flagged), B 5 % (not: the rule is under 5 %), C the key, D 31 %.
    const [hundred] = itemAnalysis(build([4, 5, 60, 31]), key);
    expect(hundred.flags).toEqual([{ kind: "weak-distractor", option: 0 }]);
    // 99 answered: too few to judge a distractor.
    const [ninetyNine] = itemAnalysis(build([3, 5, 60, 31]), key);
    expect(ninetyNine.flags).toEqual([]);
  });

  it("has no discrimination with too few sittings to form groups", () => {
    const [single] = itemAnalysis(
      [{ participantId: "p", questionId: "q", revisionId: "r", topic: "economic", chosen: [0], correct: true, elapsedMs: 3000 }],
      new Map([["r", { optionCount: 2, correctOptions: [0] }]]),
    );
    expect(single).toMatchObject({ responses: 1, correct: 1, difficulty: 1, discrimination: null, pointBiserial: null, medianMs: 3000, flags: [] });
  });
});

describe("topicMastery", () => {
  const groupOf = (participantId: string) => (participantId === "p6" ? null : participantId <= "p3" ? "Trường A" : "Trường B");
  const cells = topicMastery(responses, groupOf);

  it("gives the share correct per topic within each group, leaving out participants without one", () => {
    expect(cells).toEqual([
      // p1–p3: q1 3/3 + q2 2/3.
      { group: "Trường A", topic: "economic", responses: 6, correct: 5, mastery: 5 / 6 },
      // q3 2/3.
      { group: "Trường A", topic: "socio-cultural", responses: 3, correct: 2, mastery: 2 / 3 },
      // p4–p5: q1 0/2 + q2 1/2.
      { group: "Trường B", topic: "economic", responses: 4, correct: 1, mastery: 0.25 },
      // q3 1/2.
      { group: "Trường B", topic: "socio-cultural", responses: 2, correct: 1, mastery: 0.5 },
    ]);
  });

  it("lays the cells out as a group × topic grid with gaps as null", () => {
    const layout = masteryGrid([...cells.slice(0, 3)]);
    expect(layout.groups).toEqual(["Trường A", "Trường B"]);
    expect(layout.topics).toEqual(["economic", "socio-cultural"]);
    expect(layout.grid[1][1]).toBeNull();
    expect(layout.grid[0][1]?.mastery).toBe(2 / 3);
  });
});
