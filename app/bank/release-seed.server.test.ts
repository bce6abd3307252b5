import { resetDatabase, testPrisma as db } from "../../tests/setup/test-database";

import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkBankFolder } from "./check";
import { frozenReleaseToText } from "./release-manifest";
import { buildReleases } from "./release-seed.server";

const validBank = path.join(path.dirname(fileURLToPath(import.meta.url)), "__fixtures__", "valid-bank");
let bankDir: string;
let organizer: string;

beforeEach(async () => {
  await resetDatabase();
  organizer = (await db.user.create({ data: { username: "btc", displayName: "btc", passwordHash: "x", role: "organizer" } })).id;
  bankDir = await mkdtemp(path.join(tmpdir(), "bank-releases-"));
  await cp(validBank, bankDir, { recursive: true });
  // 2026.1 is frozen from the files as they are now; the files then change for 2026.2.
  const questions = (await checkBankFolder(bankDir)).questions.map((entry) => entry.question);
  await mkdir(path.join(bankDir, "releases"));
  await writeFile(path.join(bankDir, "releases", "2026.1.yaml"), frozenReleaseToText("2026.1", questions));
  await writeFile(
    path.join(bankDir, "releases", "index.yaml"),
    'releases:\n  - { name: "2026.1", frozen: 2026.1.yaml, warnings: 9 }\n  - { name: "2026.2", warnings: 9 }\n',
  );
  const file = path.join(bankDir, "questions", "asean-basics", "asean-basics-0001.yaml");
  const text = await readFile(file, "utf8");
  await writeFile(
    file,
    `${text.replace(/\nprompt:\n  vi: .*\n/, "\nprompt:\n  vi: Hiệp hội các quốc gia Đông Nam Á ra đời vào ngày nào?\n")}review:\n  by: btc\n  date: 2026-12-07\n  note: Câu hỏi viết lại cho rõ.\n`,
  );
});
afterEach(() => rm(bankDir, { recursive: true, force: true }));
afterAll(() => db.$disconnect());

async function pinned(name: string) {
  const items = await db.bankReleaseItem.findMany({
    where: { release: { name } },
    select: { questionId: true, revision: { select: { number: true, content: true, reviewerId: true, reviewedAt: true } } },
    orderBy: { questionId: "asc" },
  });
  return items.map((item) => ({ id: item.questionId, ...item.revision, prompt: JSON.parse(item.revision.content).prompt.vi }));
}

describe("buildReleases", () => {
  it("rebuilds the frozen release as revision 1, then pins the changed files as 2026.2 with the reader's note", async () => {
    await buildReleases(db, { bankDir, createdById: organizer });
    const old = await pinned("2026.1");
    const next = await pinned("2026.2");
    expect(old.map((item) => [item.id, item.number])).toEqual([
      ["asean-basics-0001", 1],
      ["economic-0001", 1],
    ]);
    expect(old[0].prompt).not.toBe(next[0].prompt);
    expect(next.map((item) => [item.id, item.number])).toEqual([
      ["asean-basics-0001", 2],
      ["economic-0001", 1],
    ]);
    expect(next[0]).toMatchObject({
      prompt: "Hiệp hội các quốc gia Đông Nam Á ra đời vào ngày nào?",
      reviewerId: organizer,
      reviewedAt: new Date("2026-12-07T00:00:00Z"),
    });
    expect(JSON.parse(next[0].content).review).toEqual({ by: "btc", date: "2026-12-07", note: "Câu hỏi viết lại cho rõ." });
    // The newest release is the one a new round is offered first.
    const releases = await db.bankRelease.findMany({ orderBy: { createdAt: "desc" }, select: { name: true } });
    expect(releases.map((release) => release.name)).toEqual(["2026.2", "2026.1"]);
  });

  it("is idempotent, and on a database seeded before 2026.2 adds only the new revisions and release", async () => {
    await buildReleases(db, { bankDir, createdById: organizer });
    const counts = async () => [await db.questionRevision.count(), await db.bankRelease.count(), await db.bankReleaseItem.count()];
    const before = await counts();
    await buildReleases(db, { bankDir, createdById: organizer });
    expect(await counts()).toEqual(before);

    // A database that only had 2026.1 (the seed before this change): 2026.1 keeps its revisions.
    await resetDatabase();
    organizer = (await db.user.create({ data: { username: "btc", displayName: "btc", passwordHash: "x", role: "organizer" } })).id;
    const index = path.join(bankDir, "releases", "index.yaml");
    const full = await readFile(index, "utf8");
    await writeFile(index, full.split("\n").slice(0, 2).join("\n"));
    await buildReleases(db, { bankDir, createdById: organizer });
    await writeFile(index, full);
    await buildReleases(db, { bankDir, createdById: organizer });
    expect((await pinned("2026.1")).map((item) => item.number)).toEqual([1, 1]);
    expect((await pinned("2026.2")).map((item) => item.number)).toEqual([2, 1]);
  });

  it("refuses files that break a certain quality rule, creating no release", async () => {
    const file = path.join(bankDir, "questions", "economic", "economic-0001.yaml");
    await writeFile(file, (await readFile(file, "utf8")).replace("ATIGA là", "Theo tỉnh Bắc Giang, ATIGA là"));
    await expect(buildReleases(db, { bankDir, createdById: organizer })).rejects.toThrow(/unit-not-in-time/);
    expect(await db.bankRelease.findMany({ select: { name: true } })).toEqual([{ name: "2026.1" }]);
  });
});
