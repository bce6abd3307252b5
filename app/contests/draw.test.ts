import { describe, expect, it } from "vitest";
import type { Audience, Difficulty, QuestionType } from "~/bank/question-file";
import { countsFromShares, drawQuestions, mayDraw, type DrawableQuestion, type DrawnQuestion, type DrawResult } from "./draw";
import { attemptSeed } from "./seeded-random";

function question(
  questionId: string,
  topic: string,
  difficulty: Difficulty,
  extra: { audiences?: Audience[]; type?: QuestionType; optionCount?: number } = {},
): DrawableQuestion {
  return {
    questionId,
    revisionId: `${questionId}@1`,
    topic,
    difficulty,
    audiences: extra.audiences ?? ["lower-secondary", "upper-secondary"],
    type: extra.type ?? "single",
    optionCount: extra.optionCount ?? 4,
  };
}

// 4 topics × 3 difficulties × 4 questions = 48 questions.
const topics = ["asean-basics", "economic", "socio-cultural", "member-states"];
const difficulties: Difficulty[] = ["easy", "medium", "hard"];
const pool: DrawableQuestion[] = topics.flatMap((topic) =>
  difficulties.flatMap((difficulty) => [1, 2, 3, 4].map((n) => question(`${topic}-${difficulty}-${n}`, topic, difficulty))),
);
const byId = new Map(pool.map((entry) => [entry.questionId, entry]));

const mix = {
  kind: "mix" as const,
  buckets: [
    { topic: "economic", difficulty: "easy" as const, count: 3 },
    { topic: "socio-cultural", count: 4 },
    { difficulty: "hard" as const, count: 2 },
    { count: 1 },
  ],
};

const seed = attemptSeed({ roundId: "round-1", drawKey: "user-7", attemptNumber: 1 });

function drawn(result: DrawResult): DrawnQuestion[] {
  if (!result.ok) throw new Error(`draw failed: ${JSON.stringify(result.error)}`);
  return result.questions;
}

describe("drawQuestions", () => {
  it("draws the same questions, order and option order again from the same seed", () => {
    const first = drawn(drawQuestions({ pool, rule: mix, seed, audience: null }));
    const again = drawn(drawQuestions({ pool, rule: mix, seed, audience: null }));
    expect(again).toEqual(first);
  });

  it("does not depend on the order the pool arrives in", () => {
    const first = drawn(drawQuestions({ pool, rule: mix, seed, audience: null }));
    const reversed = drawn(drawQuestions({ pool: [...pool].reverse(), rule: mix, seed, audience: null }));
    expect(reversed).toEqual(first);
  });

  it("draws differently for another attempt of the same participant", () => {
    const first = drawn(drawQuestions({ pool, rule: mix, seed, audience: null }));
    const second = drawn(
      drawQuestions({ pool, rule: mix, seed: attemptSeed({ roundId: "round-1", drawKey: "user-7", attemptNumber: 2 }), audience: null }),
    );
    expect(second.map((entry) => entry.questionId)).not.toEqual(first.map((entry) => entry.questionId));
  });

  it("follows the mix and never repeats a question, whatever the seed", () => {
    for (let attemptNumber = 1; attemptNumber <= 200; attemptNumber++) {
      const questions = drawn(
        drawQuestions({ pool, rule: mix, seed: attemptSeed({ roundId: "r", drawKey: "p", attemptNumber }), audience: null }),
      );
      expect(questions).toHaveLength(10);
      expect(new Set(questions.map((entry) => entry.questionId)).size).toBe(10);
      const inBucket = (index: number) => questions.filter((entry) => entry.bucketIndex === index).map((entry) => byId.get(entry.questionId)!);
      expect(inBucket(0)).toHaveLength(3);
      expect(inBucket(0).every((entry) => entry.topic === "economic" && entry.difficulty === "easy")).toBe(true);
      expect(inBucket(1)).toHaveLength(4);
      expect(inBucket(1).every((entry) => entry.topic === "socio-cultural")).toBe(true);
      expect(inBucket(2)).toHaveLength(2);
      expect(inBucket(2).every((entry) => entry.difficulty === "hard")).toBe(true);
      expect(inBucket(3)).toHaveLength(1);
      for (const entry of questions) expect(entry.revisionId).toBe(`${entry.questionId}@1`);
    }
  });

  it("reaches every question of a bucket over many draws", () => {
    const seen = new Set<string>();
    for (let attemptNumber = 1; attemptNumber <= 100; attemptNumber++) {
      const questions = drawn(
        drawQuestions({
          pool,
          rule: { kind: "mix", buckets: [{ topic: "economic", difficulty: "hard", count: 1 }] },
          seed: attemptSeed({ roundId: "r", drawKey: "p", attemptNumber }),
          audience: null,
        }),
      );
      seen.add(questions[0].questionId);
    }
    expect([...seen].sort()).toEqual(["economic-hard-1", "economic-hard-2", "economic-hard-3", "economic-hard-4"]);
  });

  it("draws only questions written for the participant's audience", () => {
    const mixedPool = [
      question("a", "economic", "easy", { audiences: ["university"] }),
      question("b", "economic", "easy", { audiences: ["lower-secondary", "university"] }),
      question("c", "economic", "easy", { audiences: ["young-workers"] }),
    ];
    const rule = { kind: "mix" as const, buckets: [{ count: 2 }] };
    const questions = drawn(drawQuestions({ pool: mixedPool, rule, seed, audience: "university" }));
    expect(questions.map((entry) => entry.questionId).sort()).toEqual(["a", "b"]);
    expect(drawQuestions({ pool: mixedPool, rule, seed, audience: "lower-secondary" })).toEqual({
      ok: false,
      error: { code: "bucket-short", bucketIndex: 0, topic: null, difficulty: null, needed: 2, available: 1 },
    });
  });

  it("names the bucket the pool cannot fill", () => {
    const result = drawQuestions({
      pool,
      rule: { kind: "mix", buckets: [{ topic: "economic", count: 2 }, { topic: "member-states", difficulty: "medium", count: 5 }] },
      seed,
      audience: null,
    });
    expect(result).toEqual({
      ok: false,
      error: { code: "bucket-short", bucketIndex: 1, topic: "member-states", difficulty: "medium", needed: 5, available: 4 },
    });
  });

  it("reports overlapping buckets that each fit but cannot all be filled together", () => {
    const small = [question("e1", "economic", "easy"), question("e2", "economic", "easy"), question("s1", "socio-cultural", "easy")];
    const result = drawQuestions({
      pool: small,
      rule: { kind: "mix", buckets: [{ topic: "economic", count: 2 }, { difficulty: "easy", count: 2 }] },
      seed,
      audience: null,
    });
    expect(result).toEqual({
      ok: false,
      error: { code: "buckets-compete", bucketIndex: 1, topic: null, difficulty: "easy", needed: 2, filled: 1 },
    });
  });

  it("fills overlapping buckets whenever an assignment exists, even if a greedy pick would block it", () => {
    // "Easy" may only take s1: taking e1 would leave "economic" one question short.
    const small = [question("e1", "economic", "easy"), question("e2", "economic", "hard"), question("s1", "socio-cultural", "easy")];
    for (let attemptNumber = 1; attemptNumber <= 50; attemptNumber++) {
      const questions = drawn(
        drawQuestions({
          pool: small,
          rule: { kind: "mix", buckets: [{ difficulty: "easy", count: 1 }, { topic: "economic", count: 2 }] },
          seed: attemptSeed({ roundId: "r", drawKey: "p", attemptNumber }),
          audience: null,
        }),
      );
      const bucketOf = Object.fromEntries(questions.map((entry) => [entry.questionId, entry.bucketIndex]));
      expect(bucketOf).toEqual({ s1: 0, e1: 1, e2: 1 });
    }
  });

  it("refuses an empty rule, a bad count and a pool with a question twice", () => {
    expect(drawQuestions({ pool, rule: { kind: "mix", buckets: [] }, seed, audience: null })).toEqual({ ok: false, error: { code: "empty-rule" } });
    expect(drawQuestions({ pool, rule: { kind: "mix", buckets: [{ count: 2 }, { count: 0 }] }, seed, audience: null })).toEqual({
      ok: false,
      error: { code: "invalid-count", bucketIndex: 1 },
    });
    expect(drawQuestions({ pool, rule: { kind: "proportions", total: 0, shares: [{ weight: 1 }] }, seed, audience: null })).toEqual({
      ok: false,
      error: { code: "invalid-total" },
    });
    expect(drawQuestions({ pool: [...pool, pool[0]], rule: mix, seed, audience: null })).toEqual({
      ok: false,
      error: { code: "duplicate-question", questionId: pool[0].questionId },
    });
  });

  it("turns proportions into counts that add up to the total", () => {
    expect(countsFromShares(10, [{ weight: 1 }, { weight: 1 }, { weight: 1 }])).toEqual([4, 3, 3]);
    expect(countsFromShares(20, [{ weight: 50 }, { weight: 30 }, { weight: 20 }])).toEqual([10, 6, 4]);
    // 7 × (0.5, 0.3, 0.2) = 3.5, 2.1, 1.4 → floors 3, 2, 1 and the spare one to the largest remainder.
    expect(countsFromShares(7, [{ weight: 0.5 }, { weight: 0.3 }, { weight: 0.2 }])).toEqual([4, 2, 1]);

    const questions = drawn(
      drawQuestions({
        pool,
        rule: { kind: "proportions", total: 7, shares: [{ difficulty: "easy", weight: 5 }, { difficulty: "medium", weight: 3 }, { difficulty: "hard", weight: 2 }] },
        seed,
        audience: null,
      }),
    );
    const count = (difficulty: Difficulty) => questions.filter((entry) => byId.get(entry.questionId)!.difficulty === difficulty).length;
    expect([count("easy"), count("medium"), count("hard")]).toEqual([4, 2, 1]);
  });

  it("shuffles options per attempt but keeps true/false in its written order", () => {
    const withTrueFalse = [...pool, question("tf-1", "economic", "easy", { type: "true-false", optionCount: 2 })];
    const orders = new Set<string>();
    for (let attemptNumber = 1; attemptNumber <= 30; attemptNumber++) {
      const questions = drawn(
        drawQuestions({ pool: withTrueFalse, rule: { kind: "mix", buckets: [{ count: 49 }] }, seed: attemptSeed({ roundId: "r", drawKey: "p", attemptNumber }), audience: null }),
      );
      for (const entry of questions) {
        if (entry.questionId === "tf-1") {
          expect(entry.optionOrder).toEqual([0, 1]);
          expect(entry.type).toBe("true-false");
        } else {
          expect([...entry.optionOrder].sort()).toEqual([0, 1, 2, 3]);
        }
      }
      orders.add(JSON.stringify(questions.find((entry) => entry.questionId === "economic-easy-1")!.optionOrder));
    }
    expect(orders.size).toBeGreaterThan(5);
  });
});

describe("hand-picked questions", () => {
  const picked = ["economic-hard-2", "member-states-easy-1", "asean-basics-medium-4"];

  it("puts every picked question in every attempt, in an order of its own", () => {
    const orders = new Set<string>();
    for (let attemptNumber = 1; attemptNumber <= 10; attemptNumber++) {
      const questions = drawn(
        drawQuestions({
          pool,
          rule: { kind: "mix", buckets: [{ questionIds: picked, count: picked.length }] },
          seed: attemptSeed({ roundId: "r", drawKey: "p", attemptNumber }),
          audience: null,
        }),
      );
      expect(questions.map((entry) => entry.questionId).sort()).toEqual([...picked].sort());
      orders.add(questions.map((entry) => entry.questionId).join());
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it("adds the picked questions to a topic mix without drawing any of them twice", () => {
    const questions = drawn(
      drawQuestions({
        pool,
        rule: { kind: "mix", buckets: [{ questionIds: picked, count: picked.length }, { topic: "economic", count: 11 }] },
        seed,
        audience: null,
      }),
    );
    const ids = questions.map((entry) => entry.questionId);
    expect(new Set(ids).size).toBe(14);
    for (const id of picked) expect(ids).toContain(id);
    // economic-hard-2 is picked, so the 11 economic slots take all the other 11 economic questions.
    expect(ids.filter((id) => id.startsWith("economic-")).length).toBe(12);
  });

  it("says so when a picked question is not in the pool", () => {
    const result = drawQuestions({ pool, rule: { kind: "mix", buckets: [{ questionIds: ["no-such-question", ...picked], count: 4 }] }, seed, audience: null });
    expect(result).toEqual({ ok: false, error: { code: "bucket-short", bucketIndex: 0, topic: null, difficulty: null, needed: 4, available: 3 } });
  });

  it("withholds the answer key of exactly the picked questions while the round is open", () => {
    const rule = { kind: "mix" as const, buckets: [{ questionIds: picked, count: picked.length }] };
    expect(mayDraw(byId.get("economic-hard-2")!, rule, null)).toBe(true);
    expect(mayDraw(byId.get("economic-hard-1")!, rule, null)).toBe(false);
  });
});
