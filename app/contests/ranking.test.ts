import { describe, expect, it } from "vitest";
import { predictionTruth, rankContest, rankRound, type AttemptResult, type RankedEntry } from "./ranking";

const SECOND = 1_000;
const T = Date.UTC(2026, 10, 2, 1, 0);

function attempt(
  participantId: string,
  attemptNumber: number,
  correct: number,
  prediction: number | null,
  timeSeconds: number,
  finishedAfterSeconds: number,
): AttemptResult {
  return {
    participantId,
    attemptNumber,
    correct,
    questionCount: 10,
    prediction,
    timeUsedMs: timeSeconds * SECOND,
    finishedAt: T + finishedAfterSeconds * SECOND,
  };
}

// Two participants answer all 10 right (ana on her second attempt), so the "all-correct" truth is 2.
const results: AttemptResult[] = [
  attempt("ana", 1, 8, 3, 280, 600),
  attempt("ana", 2, 10, 3, 300, 1_500),
  attempt("binh", 1, 10, 5, 200, 400),
  attempt("binh", 2, 10, 5, 150, 900),
  attempt("chi", 1, 9, 2, 100, 1_000),
  attempt("dung", 1, 9, 2, 100, 1_000),
  attempt("em", 1, 9, 2, 100, 900),
  attempt("giang", 1, 9, null, 50, 100),
  attempt("hoa", 1, 7, 2, 60, 200),
];

describe("prediction truth", () => {
  it("counts participants, not attempts", () => {
    expect(predictionTruth(results, "all-correct")).toBe(2);
    expect(predictionTruth(results, "participants")).toBe(7);
    expect(predictionTruth([], "participants")).toBe(0);
  });
});

describe("rankRound", () => {
  it("ranks by correct, prediction distance, time, then finish; ties share a rank", () => {
    const ranked = rankRound(results, predictionTruth(results, "all-correct"));
    expect(ranked.map(({ rank, tied, participantId, attemptNumber, correct, predictionDistance }) => ({
      rank,
      tied,
      participantId,
      attemptNumber,
      correct,
      predictionDistance,
    }))).toEqual([
      { rank: 1, tied: false, participantId: "ana", attemptNumber: 2, correct: 10, predictionDistance: 1 },
      { rank: 2, tied: false, participantId: "binh", attemptNumber: 2, correct: 10, predictionDistance: 3 },
      // Same correct, distance and time: the earlier finish wins.
      { rank: 3, tied: false, participantId: "em", attemptNumber: 1, correct: 9, predictionDistance: 0 },
      { rank: 4, tied: true, participantId: "chi", attemptNumber: 1, correct: 9, predictionDistance: 0 },
      { rank: 4, tied: true, participantId: "dung", attemptNumber: 1, correct: 9, predictionDistance: 0 },
      // No prediction ranks after every prediction, however fast.
      { rank: 6, tied: false, participantId: "giang", attemptNumber: 1, correct: 9, predictionDistance: null },
      { rank: 7, tied: false, participantId: "hoa", attemptNumber: 1, correct: 7, predictionDistance: 0 },
    ]);
  });

  it("picks the best attempt by the same rules: the faster of two equal scores", () => {
    const binh = rankRound(results, 2).find((entry) => entry.participantId === "binh");
    expect(binh).toMatchObject({ attemptNumber: 2, timeUsedMs: 150 * SECOND, finishedAt: T + 900 * SECOND });
  });

  it("follows the organizer's choice of what the prediction counts", () => {
    // 7 took part: binh's 5 is now closer than ana's 3.
    const ranked = rankRound(results, predictionTruth(results, "participants"));
    expect(ranked.slice(0, 2).map((entry) => [entry.participantId, entry.predictionDistance])).toEqual([
      ["binh", 2],
      ["ana", 4],
    ]);
  });

  it("gives a shared first place as 1, 1, 3", () => {
    const ranked = rankRound([attempt("x", 1, 5, 1, 10, 10), attempt("y", 1, 5, 1, 10, 10), attempt("z", 1, 4, 1, 10, 10)], 1);
    expect(ranked.map((entry) => [entry.participantId, entry.rank, entry.tied])).toEqual([
      ["x", 1, true],
      ["y", 1, true],
      ["z", 3, false],
    ]);
  });

  it("does not depend on the order results arrive in", () => {
    expect(rankRound([...results].reverse(), 2)).toEqual(rankRound(results, 2));
  });
});

describe("rankContest", () => {
  const entry = (participantId: string, correct: number, predictionDistance: number | null, timeSeconds: number): RankedEntry => ({
    rank: 0,
    tied: false,
    participantId,
    attemptNumber: 1,
    correct,
    prediction: predictionDistance,
    predictionDistance,
    timeUsedMs: timeSeconds * SECOND,
    finishedAt: T,
  });
  const roundOne = [entry("a", 10, 1, 300), entry("b", 9, 0, 200), entry("c", 8, 2, 100), entry("d", 10, null, 100), entry("f", 10, 1, 300)];
  const roundTwo = [entry("a", 8, 2, 300), entry("b", 9, 1, 250), entry("c", 10, 1, 100), entry("e", 10, 0, 50), entry("f", 8, 2, 300)];

  it("sums best correct, then distances, then time over the rounds", () => {
    // By hand: a 18/3/600 s, b 18/1/450 s, c 18/3/200 s, f = a, d 10 (no prediction) /100 s, e 10/0/50 s.
    expect(rankContest([roundOne, roundTwo]).map(({ rank, tied, participantId, correct, roundsPlayed, roundsPredicted, predictionDistance, timeUsedMs }) => ({
      rank,
      tied,
      participantId,
      correct,
      roundsPlayed,
      roundsPredicted,
      predictionDistance,
      seconds: timeUsedMs / SECOND,
    }))).toEqual([
      { rank: 1, tied: false, participantId: "b", correct: 18, roundsPlayed: 2, roundsPredicted: 2, predictionDistance: 1, seconds: 450 },
      { rank: 2, tied: false, participantId: "c", correct: 18, roundsPlayed: 2, roundsPredicted: 2, predictionDistance: 3, seconds: 200 },
      { rank: 3, tied: true, participantId: "a", correct: 18, roundsPlayed: 2, roundsPredicted: 2, predictionDistance: 3, seconds: 600 },
      { rank: 3, tied: true, participantId: "f", correct: 18, roundsPlayed: 2, roundsPredicted: 2, predictionDistance: 3, seconds: 600 },
      // Equal correct: one prediction made beats a smaller sum over none.
      { rank: 5, tied: false, participantId: "e", correct: 10, roundsPlayed: 1, roundsPredicted: 1, predictionDistance: 0, seconds: 50 },
      { rank: 6, tied: false, participantId: "d", correct: 10, roundsPlayed: 1, roundsPredicted: 0, predictionDistance: 0, seconds: 100 },
    ]);
  });

  it("is empty without rounds", () => {
    expect(rankContest([])).toEqual([]);
  });
});
