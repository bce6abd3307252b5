import { describe, expect, it } from "vitest";
import { itemAnalysis, topicMastery, type ItemResponse } from "./item-analysis";

const topicOf: Record<string, string> = { q1: "economic", q2: "economic", q3: "socio-cultural", q4: "socio-cultural", q5: "socio-cultural" };

// One row per participant: "1" right, "0" wrong, "-" not shown.
//            q1 q2 q3 q4 q5   total
const grid: Record<string, string> = {
  p01: "1111-", // 4
  p02: "1110-", // 3
  p03: "1101-", // 3
  p04: "10100", // 2
  p05: "110--", // 2
  p06: "1000-", // 1
  p07: "010--", // 1
  p08: "1000-", // 1
  p09: "0000-", // 0
  p10: "000--", // 0
};

const responses: ItemResponse[] = Object.entries(grid).flatMap(([participantId, row]) =>
  [...row].flatMap((cell, index) => {
    const questionId = `q${index + 1}`;
    return cell === "-" ? [] : [{ participantId, questionId, topic: topicOf[questionId], correct: cell === "1" }];
  }),
);

describe("itemAnalysis", () => {
  // 10 participants: the 27% groups have round(2.7) = 3 members, upper p01–p03, lower p08–p10.
  const stats = Object.fromEntries(itemAnalysis(responses).map((item) => [item.questionId, item]));

  it("gives the share correct as difficulty", () => {
    expect(stats.q1).toMatchObject({ topic: "economic", responses: 10, correct: 7, difficulty: 0.7 });
    expect(stats.q2).toMatchObject({ responses: 10, correct: 5, difficulty: 0.5 });
    expect(stats.q3).toMatchObject({ responses: 10, correct: 3, difficulty: 0.3 });
    expect(stats.q4).toMatchObject({ responses: 7, correct: 2, difficulty: 2 / 7 });
  });

  it("gives upper minus lower 27% as discrimination", () => {
    // q1: upper 3/3, lower 1/3 (p08).
    expect(stats.q1.discrimination).toBeCloseTo(2 / 3, 10);
    // q2: upper 3/3, lower 0/3.
    expect(stats.q2.discrimination).toBe(1);
    // q3: upper 2/3, lower 0/3.
    expect(stats.q3.discrimination).toBeCloseTo(2 / 3, 10);
  });

  it("uses only the group members who were shown the question", () => {
    // q4 was not drawn for p10: the lower group counts p08 and p09 only.
    expect(stats.q4).toMatchObject({ upperResponses: 3, lowerResponses: 2 });
    expect(stats.q4.discrimination).toBeCloseTo(2 / 3, 10);
    // q5 reached only p04, in neither group.
    expect(stats.q5).toMatchObject({ responses: 1, correct: 0, difficulty: 0, discrimination: null, upperResponses: 0, lowerResponses: 0 });
  });

  it("has no discrimination with too few participants to form groups", () => {
    const single = itemAnalysis([{ participantId: "p", questionId: "q", topic: "economic", correct: true }]);
    expect(single).toEqual([
      { questionId: "q", topic: "economic", responses: 1, correct: 1, difficulty: 1, discrimination: null, upperResponses: 0, lowerResponses: 0 },
    ]);
  });

  it("lists questions by id", () => {
    expect(itemAnalysis(responses).map((item) => item.questionId)).toEqual(["q1", "q2", "q3", "q4", "q5"]);
  });
});

describe("topicMastery", () => {
  it("gives the share correct per topic within each group, leaving out participants without one", () => {
    const groupOf = (participantId: string) =>
      participantId === "p10" ? null : participantId <= "p05" ? "lower-secondary" : "upper-secondary";
    expect(topicMastery(responses, groupOf)).toEqual([
      // q1 5/5 + q2 4/5.
      { group: "lower-secondary", topic: "economic", responses: 10, correct: 9, mastery: 0.9 },
      // q3 3/5 + q4 2/4 + q5 0/1.
      { group: "lower-secondary", topic: "socio-cultural", responses: 10, correct: 5, mastery: 0.5 },
      // p06–p09: q1 2/4 + q2 1/4.
      { group: "upper-secondary", topic: "economic", responses: 8, correct: 3, mastery: 0.375 },
      // q3 0/4 + q4 0/3.
      { group: "upper-secondary", topic: "socio-cultural", responses: 7, correct: 0, mastery: 0 },
    ]);
  });
});
