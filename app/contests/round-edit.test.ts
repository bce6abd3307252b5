import { describe, expect, it } from "vitest";
import type { DrawRule } from "./draw";
import { pickedIdsFrom, searchQuestions } from "./question-picker";
import { roundEditState, roundRuleFromForm, roundToFormValues, ruleToFormValues } from "./round-edit";
import { parsed, rawMultiple, rawSingle, rawTrueFalse } from "~/bank/__fixtures__/sample-questions";

const topics = ["asean-basics", "economic", "member-states"];

const stored = {
  title: "Ôn tập lớp 8A",
  opensAt: new Date(Date.UTC(2026, 11, 7, 1, 30)),
  closesAt: new Date(Date.UTC(2026, 11, 14, 10, 0)),
  releaseId: "release-1",
  questionAudience: "lower-secondary",
  timeLimitSeconds: 450,
  maxAttempts: 3,
  audiences: JSON.stringify(["lower-secondary", "upper-secondary"]),
  predictionEnabled: true,
  predictionBasis: "participants",
  scope: "class",
  scopeUnitId: "school-a",
  scopeClass: "8A",
};

describe("a round's form, both ways", () => {
  it("opens the edit form on what the round holds, and reads back the same rule", () => {
    const rule: DrawRule = {
      kind: "mix",
      buckets: [
        { topic: "asean-basics", difficulty: "easy", count: 2 },
        { topic: "economic", count: 3 },
        { count: 1 },
        { questionIds: ["member-states-0004", "asean-basics-0009"], count: 2 },
      ],
    };
    const { values, exactRule } = roundToFormValues({ ...stored, drawRule: JSON.stringify(rule) }, topics);
    expect(exactRule).toBe(true);
    expect(values).toMatchObject({
      title: "Ôn tập lớp 8A",
      // 08:30 and 17:00 in Viet Nam.
      opensAt: "2026-12-07T08:30",
      closesAt: "2026-12-14T17:00",
      timeLimitMinutes: "7.5",
      maxAttempts: "3",
      questionAudience: "lower-secondary",
      prediction: "on",
      predictionBasis: "participants",
      scope: "class",
      scopeClass: "8A",
      "audience.lower-secondary": "on",
      "audience.upper-secondary": "on",
      "mix.asean-basics.easy": "2",
      "mix.economic.any": "3",
      "mix.any": "1",
      "pick.member-states-0004": "on",
      "pick.asean-basics-0009": "on",
    });
    expect(values["audience.public"]).toBeUndefined();
    expect(roundRuleFromForm(values, topics)).toEqual(rule);
  });

  it("says when the grid cannot show a rule, rather than changing it quietly", () => {
    expect(ruleToFormValues({ kind: "mix", buckets: [{ difficulty: "hard", count: 2 }] }, topics).exact).toBe(false);
    expect(ruleToFormValues({ kind: "mix", buckets: [{ topic: "economic", count: 1 }, { topic: "economic", count: 2 }] }, topics).exact).toBe(false);
    expect(ruleToFormValues({ kind: "mix", buckets: [{ topic: "no-such-topic", count: 1 }] }, topics).exact).toBe(false);
    expect(ruleToFormValues({ kind: "proportions", total: 5, shares: [{ weight: 1 }] }, topics).exact).toBe(false);
  });

  it("can be edited until it opens, not after", () => {
    const window = { opensAt: new Date(1_000), closesAt: new Date(2_000) };
    expect(roundEditState(window, 999)).toBe("editable");
    expect(roundEditState(window, 1_000)).toBe("open");
    expect(roundEditState(window, 2_000)).toBe("closed");
  });
});

describe("the question picker", () => {
  const pool = [parsed(rawSingle()), parsed(rawMultiple()), parsed(rawTrueFalse())].map((question) => ({ id: question.id, question }));

  it("keeps ticked questions in the order the form lists them, once each, and ignores other fields and forged names", () => {
    const values = { title: "x", "pick.economic-0001": "on", "pick.asean-basics-0002": "on", "pick.asean-basics-0001": "", "pick.../x": "on", "mix.any": "2" };
    expect(pickedIdsFrom(values)).toEqual(["economic-0001", "asean-basics-0002"]);
  });

  it("finds questions by words of the prompt or an option, with or without diacritics, leaving out those already picked", () => {
    const query = (q: string, extra: Partial<{ topic: string; difficulty: string }> = {}) => ({ q, topic: "", difficulty: "", ...extra });
    expect(searchQuestions(pool, query("thanh lap"), new Set()).map((entry) => entry.id)).toEqual(["asean-basics-0001"]);
    expect(searchQuestions(pool, query("RCEP"), new Set()).map((entry) => entry.id)).toEqual(["economic-0001"]);
    expect(searchQuestions(pool, query(""), new Set(["asean-basics-0002"])).map((entry) => entry.id)).toEqual(["asean-basics-0001", "economic-0001"]);
    expect(searchQuestions(pool, query("", { topic: "asean-basics", difficulty: "medium" }), new Set()).map((entry) => entry.id)).toEqual([
      "asean-basics-0002",
    ]);
    // What the picker shows: the prompt and placement, never which option is right.
    const [shown] = searchQuestions(pool, query("thanh lap"), new Set());
    expect(JSON.stringify(shown)).not.toContain("correct");
    expect(shown).toEqual({
      id: "asean-basics-0001",
      prompt: { vi: "ASEAN được thành lập vào ngày nào?", en: "On what date was ASEAN established?" },
      topic: "asean-basics",
      subtopic: null,
      difficulty: "easy",
      type: "single",
      optionCount: 3,
    });
  });
});
