import { resetDatabase, testPrisma as db } from "../../tests/setup/test-database";

import { beforeEach, describe, expect, it } from "vitest";
import { parsed, rawSingle, sampleQuestions, sampleTaxonomy } from "./__fixtures__/sample-questions";
import { exportQuestionsCsv } from "./formats/csv";
import { importQuestions } from "./import.server";
import { checkImport, commitImport, type QuizDefaults } from "./web-import.server";

const day = (n: number) => new Date(Date.UTC(2026, 0, n));
const defaults: QuizDefaults = {
  topic: "economic/free-trade",
  difficulty: "medium",
  audiences: ["upper-secondary"],
  source_title: "Hiệp định Thương mại hàng hóa ASEAN",
  source_date: "2009-02",
  source_publisher: undefined,
  source_url: undefined,
  explanation: undefined,
};

beforeEach(resetDatabase);

async function importer() {
  const user = await db.user.create({ data: { username: "btc", displayName: "btc", passwordHash: "x", role: "organizer" }, select: { id: true } });
  return user.id;
}

const gift = `// Câu hỏi về thương mại
::q1:: Hiệp định ATIGA có hiệu lực năm nào? {=2010 ~2005 ~2015 ####ATIGA có hiệu lực từ 17/5/2010.}

::q2:: RCEP gồm ASEAN và mấy đối tác? {=Năm ~Ba ~Sáu ####Trung Quốc, Nhật Bản, Hàn Quốc, Úc, New Zealand.}
`;

describe("checkImport and commitImport", () => {
  it("turns a GIFT file into draft questions with the form's topic and source, and new ids", async () => {
    const author = await importer();
    await importQuestions(db, sampleQuestions(), { now: day(1) });
    const checked = await checkImport(db, { format: "gift", bytes: Buffer.from(gift), taxonomy: sampleTaxonomy, defaults });
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
    expect(checked.questions.map((entry) => [entry.location.line, entry.question.id, entry.action])).toEqual([
      [2, "economic-0002", "new"],
      [4, "economic-0003", "new"],
    ]);
    expect(checked.questions[0].question).toMatchObject({
      topic: "economic",
      subtopic: "free-trade",
      source: { title: "Hiệp định Thương mại hàng hóa ASEAN", date: "2009-02" },
      explanation: { vi: "ATIGA có hiệu lực từ 17/5/2010." },
    });
    expect(await db.questionRevision.count({ where: { status: "draft" } })).toBe(0);

    const report = await commitImport(db, checked.questions, { authorId: author, now: day(2) });
    expect(report).toEqual({ created: ["economic-0002", "economic-0003"], revised: [], unchanged: 0 });
    expect(await db.questionRevision.findMany({ where: { status: "draft" }, select: { questionId: true, number: true, authorId: true } })).toEqual([
      { questionId: "economic-0002", number: 1, authorId: author },
      { questionId: "economic-0003", number: 1, authorId: author },
    ]);
  });

  it("reports a malformed GIFT question by line, and a missing explanation, and checks nothing else in", async () => {
    const broken = `${gift}\n::q3:: Câu hỏi thiếu ngoặc đóng {=A ~B\n\nCâu không có giải thích {=Có ~Không}\n`;
    const checked = await checkImport(db, { format: "gift", bytes: Buffer.from(broken), taxonomy: sampleTaxonomy, defaults });
    expect(checked).toEqual({ ok: false, issues: [{ line: 6, path: "answers", code: "unreadable" }] });

    const noExplanation = await checkImport(db, {
      format: "gift",
      bytes: Buffer.from("Câu không có giải thích {=Có ~Không}\n"),
      taxonomy: sampleTaxonomy,
      defaults,
    });
    expect(noExplanation).toEqual({ ok: false, issues: [{ line: 1, path: "explanation", code: "required" }] });
  });

  it("refuses a CSV whose one row repeats a prompt already in the bank, so none of its rows is written", async () => {
    await importQuestions(db, [parsed(rawSingle())], { now: day(1) });
    const fresh = parsed(rawSingle({ id: "asean-basics-0009", prompt: { vi: "Ban Thư ký ASEAN đặt ở đâu?" } }));
    const copy = parsed(rawSingle({ id: "asean-basics-0010", prompt: { vi: "ASEAN được thành lập vào ngày nào ?" }, difficulty: "hard" }));
    const checked = await checkImport(db, {
      format: "csv",
      bytes: Buffer.from(exportQuestionsCsv([fresh, copy])),
      taxonomy: sampleTaxonomy,
      defaults: null,
    });
    expect(checked).toMatchObject({ ok: false, issues: [{ path: "prompt.vi", code: "duplicate-prompt", params: { other: "asean-basics-0001" } }] });
    expect(await db.question.count()).toBe(1);
  });

  it("writes the whole file or nothing: a failure on the second question undoes the first", async () => {
    const author = await importer();
    await importQuestions(db, [parsed(rawSingle())], { now: day(1) });
    // A question row whose revision counter lags its revisions: adding revision 1 again must fail.
    await db.question.update({ where: { id: "asean-basics-0001" }, data: { latestRevisionNumber: 0 } });
    const first = parsed(rawSingle({ id: "asean-basics-0009", prompt: { vi: "Ban Thư ký ASEAN đặt ở đâu?" } }));
    const second = parsed(rawSingle({ difficulty: "hard" }));
    await expect(commitImport(db, [{ location: {}, question: first }, { location: {}, question: second }], { authorId: author, now: day(2) })).rejects.toThrow();
    expect(await db.question.findUnique({ where: { id: "asean-basics-0009" } })).toBeNull();
    expect(await db.questionRevision.count()).toBe(1);
  });

  it("a CSV export of the bank imports back unchanged", async () => {
    await importQuestions(db, sampleQuestions(), { now: day(1) });
    const checked = await checkImport(db, {
      format: "csv",
      bytes: Buffer.from(exportQuestionsCsv(sampleQuestions())),
      taxonomy: sampleTaxonomy,
      defaults: null,
    });
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
    expect(checked.questions.map((entry) => entry.action)).toEqual(["unchanged", "unchanged", "unchanged"]);
  });
});
