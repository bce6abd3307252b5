import { resetDatabase, testPrisma as db } from "../../tests/setup/test-database";

import { beforeEach, describe, expect, it } from "vitest";
import { parsed, rawSingle, sampleQuestions, sampleTaxonomy } from "./__fixtures__/sample-questions";
import { importQuestions, revisionContent } from "./import.server";
import { nextQuestionId, writeNewQuestion } from "./new-question.server";
import { questionToFormValues } from "./question-form";
import { pendingReviews, reviewRevision } from "./review.server";

const day = (n: number) => new Date(Date.UTC(2026, 0, n));

beforeEach(resetDatabase);

async function user(username: string, role: string) {
  return (await db.user.create({ data: { username, displayName: username, passwordHash: "x", role }, select: { id: true } })).id;
}

/** A new question as a teacher types it: the sample's fields with a prompt nobody wrote yet. */
function typed(overrides: Record<string, string> = {}) {
  return {
    ...questionToFormValues(parsed(rawSingle({ prompt: { vi: "Thủ đô của Lào là thành phố nào?", en: "What is the capital of Laos?" } }))),
    ...overrides,
  };
}

describe("the id of a new question", () => {
  it("follows the highest number its topic ever used, ignoring other topics", () => {
    expect(nextQuestionId("economic", [])).toBe("economic-0001");
    expect(nextQuestionId("economic", ["economic-0007", "economic-0012", "asean-basics-0099", "economic-x"])).toBe("economic-0013");
  });
});

describe("writing a new question", () => {
  it("saves revision 1 as a draft with a fresh id, and it waits for a second person's review", async () => {
    const teacher = await user("gv", "teacher");
    const organizer = await user("btc", "organizer");
    await importQuestions(db, sampleQuestions(), { now: day(1) });
    const result = await writeNewQuestion(db, { values: typed(), taxonomy: sampleTaxonomy, authorId: teacher, now: day(2) });
    // The samples use asean-basics-0001 and -0002.
    expect(result).toEqual({ ok: true, questionId: "asean-basics-0003", number: 1 });
    const revision = await db.questionRevision.findFirstOrThrow({ where: { questionId: "asean-basics-0003" } });
    expect(revision).toMatchObject({ number: 1, status: "draft", authorId: teacher });
    expect(revisionContent(revision.content).prompt.vi).toBe("Thủ đô của Lào là thành phố nào?");

    const queue = await pendingReviews(db);
    expect(queue.items.map((item) => [item.questionId, item.baseNumber])).toEqual([["asean-basics-0003", null]]);
    expect(await reviewRevision(db, { revisionId: revision.id, reviewerId: teacher, decision: "approve", now: day(3) })).toEqual({
      ok: false,
      code: "own-revision",
    });
    expect(await reviewRevision(db, { revisionId: revision.id, reviewerId: organizer, decision: "approve", now: day(3) })).toMatchObject({
      ok: true,
      status: "approved",
    });
  });

  it("refuses what a file would refuse, names the inputs, and writes nothing", async () => {
    const teacher = await user("gv", "teacher");
    const result = await writeNewQuestion(db, {
      values: typed({ prompt_vi: "", source_date: "hôm qua", option_1_correct: "" }),
      taxonomy: sampleTaxonomy,
      authorId: teacher,
      now: day(2),
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        prompt_vi: { code: "required" },
        options: { code: "needs-exactly-one-correct", params: { correct: 0 } },
        source_date: { code: "invalid-format" },
      },
    });
    expect(await db.question.count()).toBe(0);
    expect(await db.questionRevision.count()).toBe(0);
  });

  it("refuses a prompt the bank already has, whatever its case, spacing or diacritics, like an import", async () => {
    const teacher = await user("gv", "teacher");
    await importQuestions(db, sampleQuestions(), { now: day(1) });
    const before = await db.questionRevision.count();
    const result = await writeNewQuestion(db, {
      values: typed({ prompt_vi: "asean duoc THANH LAP vao ngay nao ?", prompt_en: "" }),
      taxonomy: sampleTaxonomy,
      authorId: teacher,
      now: day(2),
    });
    expect(result).toEqual({ ok: false, errors: { prompt_vi: { code: "duplicate-prompt", params: { other: "asean-basics-0001" } } } });
    expect(await db.questionRevision.count()).toBe(before);
  });

  it("never reuses the id of a question whose only revision was rejected", async () => {
    const teacher = await user("gv", "teacher");
    const organizer = await user("btc", "organizer");
    const first = await writeNewQuestion(db, { values: typed(), taxonomy: sampleTaxonomy, authorId: teacher, now: day(2) });
    expect(first).toMatchObject({ ok: true, questionId: "asean-basics-0001" });
    const revision = await db.questionRevision.findFirstOrThrow({ where: { questionId: "asean-basics-0001" } });
    await reviewRevision(db, { revisionId: revision.id, reviewerId: organizer, decision: "reject", now: day(3) });
    // Rejected, so the prompt is free again, but the id is not.
    const second = await writeNewQuestion(db, { values: typed(), taxonomy: sampleTaxonomy, authorId: teacher, now: day(4) });
    expect(second).toEqual({ ok: true, questionId: "asean-basics-0002", number: 1 });
  });

  it("gives two questions written at the same moment two ids", async () => {
    const teacher = await user("gv", "teacher");
    const results = await Promise.all([
      writeNewQuestion(db, { values: typed(), taxonomy: sampleTaxonomy, authorId: teacher, now: day(2) }),
      writeNewQuestion(db, {
        values: typed({ prompt_vi: "Thủ đô của Campuchia là thành phố nào?", prompt_en: "What is the capital of Cambodia?" }),
        taxonomy: sampleTaxonomy,
        authorId: teacher,
        now: day(2),
      }),
    ]);
    const ids = results.map((result) => (result.ok ? result.questionId : null)).sort();
    expect(ids).toEqual(["asean-basics-0001", "asean-basics-0002"]);
    expect(await db.questionRevision.count({ where: { status: "draft" } })).toBe(2);
  });
});
