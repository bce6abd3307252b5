import { resetDatabase, testPrisma as db } from "../../tests/setup/test-database";

import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { parsed, rawMultiple, rawSingle, rawTrueFalse, sampleQuestions } from "./__fixtures__/sample-questions";
import { checkBankFolder } from "./check";
import { contentHash } from "./content-hash";
import { createRelease, exportQuestions, importQuestions, revisionContent, writeQuestionFiles } from "./import.server";

const day = (n: number) => new Date(Date.UTC(2026, 0, n));

beforeEach(resetDatabase);
afterAll(() => db.$disconnect());

async function makeUser(username: string) {
  return db.user.create({
    data: { username, displayName: username, passwordHash: "x", role: "organizer" },
    select: { id: true },
  });
}

async function revisionsOf(questionId: string) {
  return db.questionRevision.findMany({
    where: { questionId },
    orderBy: { number: "asc" },
    select: { number: true, status: true, contentHash: true, content: true, createdAt: true },
  });
}

describe("importQuestions", () => {
  it("creates revision 1 of each new question, published, with its content and hash", async () => {
    const questions = sampleQuestions();
    const report = await importQuestions(db, questions, { now: day(1) });
    expect(report).toEqual({
      created: ["asean-basics-0001", "economic-0001", "asean-basics-0002"],
      revised: [],
      retired: ["asean-basics-0002"],
      unchanged: 0,
      notInFiles: [],
    });
    const [revision] = await revisionsOf("economic-0001");
    expect(revision).toMatchObject({ number: 1, status: "published", contentHash: contentHash(questions[1]), createdAt: day(1) });
    expect(revisionContent(revision.content)).toEqual(questions[1]);
    expect(await db.question.findUnique({ where: { id: "economic-0001" } })).toMatchObject({
      topic: "economic",
      subtopic: "free-trade",
      locality: "bac-giang",
      retired: false,
      latestRevisionNumber: 1,
    });
  });

  it("adds nothing for unchanged files and revision N+1 for a changed one", async () => {
    await importQuestions(db, sampleQuestions(), { now: day(1) });
    const again = await importQuestions(db, sampleQuestions(), { now: day(2) });
    expect(again).toMatchObject({ created: [], revised: [], unchanged: 3 });
    expect(await db.questionRevision.count()).toBe(3);

    const corrected = parsed(rawSingle({ prompt: { vi: "ASEAN được thành lập vào ngày, tháng, năm nào?" } }));
    const report = await importQuestions(db, [corrected, parsed(rawMultiple())], { now: day(3) });
    expect(report).toMatchObject({
      created: [],
      revised: ["asean-basics-0001"],
      unchanged: 1,
      notInFiles: ["asean-basics-0002"],
    });
    const revisions = await revisionsOf("asean-basics-0001");
    expect(revisions.map((revision) => revision.number)).toEqual([1, 2]);
    expect(revisionContent(revisions[0].content)).toEqual(parsed(rawSingle()));
    expect(revisionContent(revisions[1].content).prompt.vi).toBe("ASEAN được thành lập vào ngày, tháng, năm nào?");
    expect((await db.question.findUnique({ where: { id: "asean-basics-0001" } }))?.latestRevisionNumber).toBe(2);
  });

  it("retires a question with a new revision and keeps its history", async () => {
    await importQuestions(db, [parsed(rawSingle())], { now: day(1) });
    const report = await importQuestions(db, [parsed(rawSingle({ status: "retired" }))], { now: day(2) });
    expect(report).toMatchObject({ revised: ["asean-basics-0001"], retired: ["asean-basics-0001"] });
    const revisions = await revisionsOf("asean-basics-0001");
    expect(revisions.map((revision) => revisionContent(revision.content).status)).toEqual(["active", "retired"]);
    expect((await db.question.findUnique({ where: { id: "asean-basics-0001" } }))?.retired).toBe(true);
  });

  it("leaves a web editor's pending draft alone when the file still matches the reviewed revision", async () => {
    await importQuestions(db, [parsed(rawSingle())], { now: day(1) });
    const draft = parsed(rawSingle({ difficulty: "hard" }));
    await db.questionRevision.create({
      data: { questionId: draft.id, number: 2, contentHash: contentHash(draft), content: JSON.stringify(draft), status: "draft" },
    });
    await db.question.update({ where: { id: draft.id }, data: { latestRevisionNumber: 2 } });
    expect(await importQuestions(db, [parsed(rawSingle())], { now: day(2) })).toMatchObject({ unchanged: 1, revised: [] });
    expect(await db.questionRevision.count()).toBe(2);
  });
});

describe("createRelease", () => {
  it("pins the latest reviewed revision of every active question and publishes approved ones", async () => {
    const { id: organizer } = await makeUser("btc");
    await importQuestions(db, sampleQuestions(), { now: day(1) });
    // An approved web edit of one question and a pending draft of another.
    const approved = parsed(rawMultiple({ difficulty: "medium" }));
    await db.questionRevision.create({
      data: {
        questionId: approved.id,
        number: 2,
        contentHash: contentHash(approved),
        content: JSON.stringify(approved),
        status: "approved",
      },
    });
    const pending = parsed(rawSingle({ difficulty: "hard" }));
    await db.questionRevision.create({
      data: {
        questionId: pending.id,
        number: 2,
        contentHash: contentHash(pending),
        content: JSON.stringify(pending),
        status: "draft",
      },
    });

    const result = await createRelease(db, { name: "2026.1", createdById: organizer, now: day(2) });
    expect(result).toMatchObject({ ok: true, name: "2026.1", pinned: 2, published: ["economic-0001"] });
    const items = await db.bankReleaseItem.findMany({
      select: { questionId: true, revision: { select: { number: true, status: true } } },
      orderBy: { questionId: "asc" },
    });
    // The retired true/false question is left out; the draft is not pinned.
    expect(items).toEqual([
      { questionId: "asean-basics-0001", revision: { number: 1, status: "published" } },
      { questionId: "economic-0001", revision: { number: 2, status: "published" } },
    ]);
    expect(
      await db.bankRelease.findUnique({ where: { name: "2026.1" }, select: { createdAt: true, createdById: true } }),
    ).toEqual({
      createdAt: day(2),
      createdById: organizer,
    });
  });

  it("refuses a bad or taken name and an empty bank, creating nothing", async () => {
    const { id: organizer } = await makeUser("btc");
    expect(await createRelease(db, { name: "2026.1", createdById: organizer, now: day(1) })).toEqual({
      ok: false,
      code: "release-empty",
    });
    await importQuestions(db, sampleQuestions(), { now: day(1) });
    expect(await createRelease(db, { name: "mùa xuân", createdById: organizer, now: day(1) })).toEqual({
      ok: false,
      code: "release-name-invalid",
    });
    expect((await createRelease(db, { name: "2026.1", createdById: organizer, now: day(1) })).ok).toBe(true);
    expect(await createRelease(db, { name: "2026.1", createdById: organizer, now: day(2) })).toEqual({
      ok: false,
      code: "release-name-taken",
    });
    expect(await db.bankRelease.count()).toBe(1);
  });
});

describe("export", () => {
  const folders: string[] = [];
  afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

  it("writes files that pass the check and that import back as unchanged", async () => {
    const bankDir = await mkdtemp(path.join(tmpdir(), "bank-export-"));
    folders.push(bankDir);
    const fixtureTopics = path.join(path.dirname(new URL(import.meta.url).pathname), "__fixtures__", "valid-bank", "topics.yaml");
    await writeFile(path.join(bankDir, "topics.yaml"), await readFile(fixtureTopics));
    await importQuestions(
      db,
      [parsed(rawSingle({ image: undefined })), parsed(rawMultiple()), parsed(rawTrueFalse({ image: undefined }))],
      {
        now: day(1),
      },
    );

    const written = await writeQuestionFiles(bankDir, await exportQuestions(db));
    expect(written).toEqual([
      "questions/asean-basics/asean-basics-0001.yaml",
      "questions/asean-basics/asean-basics-0002.yaml",
      "questions/economic/economic-0001.yaml",
    ]);
    const checked = await checkBankFolder(bankDir);
    expect(checked.issues).toEqual([]);
    const report = await importQuestions(
      db,
      checked.questions.map((entry) => entry.question),
      { now: day(2) },
    );
    expect(report).toMatchObject({ created: [], revised: [], unchanged: 3 });
  });

  it("moves a question's file when its topic changed", async () => {
    const bankDir = await mkdtemp(path.join(tmpdir(), "bank-export-"));
    folders.push(bankDir);
    await writeQuestionFiles(bankDir, [parsed(rawMultiple())]);
    const moved = parsed(rawMultiple({ topic: "asean-basics", subtopic: undefined }));
    expect(await writeQuestionFiles(bankDir, [moved])).toEqual(["questions/asean-basics/economic-0001.yaml"]);
    await expect(readFile(path.join(bankDir, "questions/economic/economic-0001.yaml"))).rejects.toThrow();
  });
});
