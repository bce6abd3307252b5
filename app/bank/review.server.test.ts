import { resetDatabase, testPrisma as db } from "../../tests/setup/test-database";

import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { translate } from "~/utils/i18n";
import { parsed, rawMultiple, rawSingle, sampleQuestions } from "./__fixtures__/sample-questions";
import { parseBankFilter } from "./bank-filter";
import { browseBank, questionDetail } from "./browse.server";
import { checkBankFolder } from "./check";
import { createRelease, exportQuestions, importQuestions, revisionContent, writeQuestionFiles } from "./import.server";
import { reviewProblemMessage } from "./review-problems";
import { createDraft, pendingReviews, reviewRevision } from "./review.server";

const day = (n: number) => new Date(Date.UTC(2026, 0, n));

beforeEach(resetDatabase);

async function organizer(username: string) {
  const user = await db.user.create({ data: { username, displayName: username, passwordHash: "x", role: "organizer" }, select: { id: true } });
  return user.id;
}

/** The bank as the seed leaves it: imported from files and pinned in release 2026.1. */
async function seededBank() {
  const btc = await organizer("btc");
  const btc2 = await organizer("btc2");
  await importQuestions(db, sampleQuestions(), { now: day(1) });
  const release = await createRelease(db, { name: "2026.1", createdById: btc, now: day(1) });
  expect(release.ok).toBe(true);
  return { btc, btc2 };
}

const corrected = () => parsed(rawSingle({ prompt: { vi: "Hiệp hội ASEAN ra đời vào ngày nào?", en: "When was ASEAN founded?" } }));

async function revisions(questionId: string) {
  return db.questionRevision.findMany({
    where: { questionId },
    select: { id: true, number: true, status: true, authorId: true, reviewerId: true, content: true },
    orderBy: { number: "asc" },
  });
}

describe("editing a question", () => {
  it("adds a draft revision and leaves the published one as it was", async () => {
    const { btc } = await seededBank();
    const before = await revisions("asean-basics-0001");
    const result = await createDraft(db, { questionId: "asean-basics-0001", baseRevision: 1, question: corrected(), authorId: btc, now: day(2) });
    expect(result).toEqual({ ok: true, number: 2 });
    const after = await revisions("asean-basics-0001");
    expect(after[0]).toEqual(before[0]);
    expect(after[1]).toMatchObject({ number: 2, status: "draft", authorId: btc, reviewerId: null });
    expect(revisionContent(after[1].content).prompt.vi).toBe("Hiệp hội ASEAN ra đời vào ngày nào?");
    expect(await db.question.findUnique({ where: { id: "asean-basics-0001" }, select: { latestRevisionNumber: true } })).toEqual({
      latestRevisionNumber: 2,
    });
  });

  it("refuses a save based on an older revision, and one that changes nothing", async () => {
    const { btc, btc2 } = await seededBank();
    await createDraft(db, { questionId: "asean-basics-0001", baseRevision: 1, question: corrected(), authorId: btc, now: day(2) });
    const late = parsed(rawSingle({ difficulty: "hard" }));
    expect(await createDraft(db, { questionId: "asean-basics-0001", baseRevision: 1, question: late, authorId: btc2, now: day(3) })).toEqual({
      ok: false,
      code: "stale-revision",
    });
    expect(await createDraft(db, { questionId: "asean-basics-0001", baseRevision: 2, question: corrected(), authorId: btc2, now: day(3) })).toEqual({
      ok: false,
      code: "unchanged",
    });
    expect((await revisions("asean-basics-0001")).length).toBe(2);
  });

  it("supersedes a pending draft with a newer one, so one draft per question waits", async () => {
    const { btc, btc2 } = await seededBank();
    await createDraft(db, { questionId: "asean-basics-0001", baseRevision: 1, question: corrected(), authorId: btc, now: day(2) });
    const again = parsed(rawSingle({ prompt: { vi: "Hiệp hội ASEAN ra đời vào ngày, tháng, năm nào?" } }));
    expect(await createDraft(db, { questionId: "asean-basics-0001", baseRevision: 2, question: again, authorId: btc2, now: day(3) })).toEqual({
      ok: true,
      number: 3,
    });
    expect((await revisions("asean-basics-0001")).map((revision) => revision.status)).toEqual(["published", "superseded", "draft"]);
    const { items } = await pendingReviews(db);
    expect(items.map((item) => [item.questionId, item.number, item.baseNumber])).toEqual([["asean-basics-0001", 3, 1]]);
  });
});

describe("reviewing a draft", () => {
  it("refuses the author's own approval, with a Vietnamese message", async () => {
    const { btc } = await seededBank();
    await createDraft(db, { questionId: "asean-basics-0001", baseRevision: 1, question: corrected(), authorId: btc, now: day(2) });
    const draft = (await revisions("asean-basics-0001"))[1];
    const result = await reviewRevision(db, { revisionId: draft.id, reviewerId: btc, decision: "approve", now: day(3) });
    expect(result).toEqual({ ok: false, code: "own-revision" });
    if (!result.ok) {
      expect(translate("vi", reviewProblemMessage[result.code])).toBe(
        "Bạn là người soạn bản nháp này nên không thể tự duyệt. Cần một thành viên ban tổ chức khác duyệt.",
      );
    }
    expect((await revisions("asean-basics-0001"))[1]).toMatchObject({ status: "draft", reviewerId: null });
  });

  it("lets another organizer approve once; the next release pins the new revision, the old release keeps the old one", async () => {
    const { btc, btc2 } = await seededBank();
    await createDraft(db, { questionId: "asean-basics-0001", baseRevision: 1, question: corrected(), authorId: btc, now: day(2) });
    const draft = (await revisions("asean-basics-0001"))[1];
    expect(await reviewRevision(db, { revisionId: draft.id, reviewerId: btc2, decision: "approve", now: day(3) })).toEqual({
      ok: true,
      questionId: "asean-basics-0001",
      number: 2,
      status: "approved",
    });
    expect(await reviewRevision(db, { revisionId: draft.id, reviewerId: btc2, decision: "reject", now: day(3) })).toEqual({
      ok: false,
      code: "not-pending",
    });
    expect((await revisions("asean-basics-0001"))[1]).toMatchObject({ status: "approved", reviewerId: btc2 });

    const release = await createRelease(db, { name: "2026.2", createdById: btc2, now: day(4) });
    expect(release).toMatchObject({ ok: true, pinned: 2, published: ["asean-basics-0001"] });

    const asIn = async (name: string) => {
      const detail = await questionDetail(db, "asean-basics-0001", { release: name });
      if (!detail.ok) throw new Error(detail.problem);
      return [detail.detail.shown.number, detail.detail.shown.question.prompt.vi];
    };
    expect(await asIn("2026.2")).toEqual([2, "Hiệp hội ASEAN ra đời vào ngày nào?"]);
    expect(await asIn("2026.1")).toEqual([1, "ASEAN được thành lập vào ngày nào?"]);
    expect(await questionDetail(db, "asean-basics-0001", { release: "2030.1" })).toEqual({ ok: false, problem: "release-not-found" });
  });

  it("a rejected draft leaves the question as it was", async () => {
    const { btc, btc2 } = await seededBank();
    const moved = parsed(rawMultiple({ topic: "asean-basics", subtopic: undefined }));
    await createDraft(db, { questionId: "economic-0001", baseRevision: 1, question: moved, authorId: btc, now: day(2) });
    expect((await db.question.findUnique({ where: { id: "economic-0001" } }))?.topic).toBe("asean-basics");
    const draft = (await revisions("economic-0001"))[1];
    expect(await reviewRevision(db, { revisionId: draft.id, reviewerId: btc2, decision: "reject", now: day(3) })).toMatchObject({ ok: true, status: "rejected" });
    expect((await db.question.findUnique({ where: { id: "economic-0001" } }))?.topic).toBe("economic");
    expect((await createRelease(db, { name: "2026.2", createdById: btc2, now: day(4) })).ok).toBe(true);
    const pinned = await db.bankReleaseItem.findFirst({
      where: { questionId: "economic-0001", release: { name: "2026.2" } },
      select: { revision: { select: { number: true } } },
    });
    expect(pinned?.revision.number).toBe(1);
  });
});

describe("browsing", () => {
  it("finds a question without diacritics and shows the releases it is in", async () => {
    await seededBank();
    const page = await browseBank(db, parseBankFilter(new URLSearchParams({ q: "hiep dinh thuong mai" })));
    expect(page.rows.map((row) => row.id)).toEqual(["economic-0001"]);
    expect(page.rows[0].releases).toEqual([{ name: "2026.1", revisionNumber: 1 }]);
    const retired = await browseBank(db, parseBankFilter(new URLSearchParams({ status: "retired" })));
    expect(retired.rows.map((row) => [row.id, row.releases])).toEqual([["asean-basics-0002", []]]);
    const byOption = await browseBank(db, parseBankFilter(new URLSearchParams({ q: "bac my", type: "multiple", audience: "university" })));
    expect(byOption.total).toBe(1);
  });
});

describe("export after a web edit", () => {
  const folders: string[] = [];
  afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

  it("writes the approved revision to the files, and importing them changes nothing", async () => {
    const { btc, btc2 } = await seededBank();
    await createDraft(db, { questionId: "asean-basics-0001", baseRevision: 1, question: corrected(), authorId: btc, now: day(2) });
    const draft = (await revisions("asean-basics-0001"))[1];
    await reviewRevision(db, { revisionId: draft.id, reviewerId: btc2, decision: "approve", now: day(3) });

    const bankDir = await mkdtemp(path.join(tmpdir(), "bank-web-export-"));
    folders.push(bankDir);
    const fixtures = path.join(path.dirname(new URL(import.meta.url).pathname), "__fixtures__", "valid-bank");
    await writeFile(path.join(bankDir, "topics.yaml"), await readFile(path.join(fixtures, "topics.yaml")));
    await cp(path.join(fixtures, "images"), path.join(bankDir, "images"), { recursive: true });
    await writeQuestionFiles(bankDir, await exportQuestions(db));
    expect(await readFile(path.join(bankDir, "questions/asean-basics/asean-basics-0001.yaml"), "utf8")).toContain(
      "Hiệp hội ASEAN ra đời vào ngày nào?",
    );
    const checked = await checkBankFolder(bankDir);
    expect(checked.issues).toEqual([]);
    const before = await db.questionRevision.count();
    const report = await importQuestions(db, checked.questions.map((entry) => entry.question), { now: day(5) });
    expect(report).toMatchObject({ created: [], revised: [], unchanged: 3 });
    expect(await db.questionRevision.count()).toBe(before);
  });
});
