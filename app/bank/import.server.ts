import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "~/utils/db.server";
import { QUESTIONS_FOLDER } from "./check";
import { canonicalJson, contentHash } from "./content-hash";
import { questionSchema, questionToYaml, type BankQuestion } from "./question-file";

// The bank in the database: files → immutable revisions, revisions → releases, and back to files
// (question-bank/README.md "How the bank is versioned").

/**
 * draft → approved (by another organizer) → published (pinned by a release); a draft may instead be
 * rejected, or superseded when a newer draft of the same question replaces it before review.
 */
export const REVISION_STATUSES = ["draft", "approved", "published", "rejected", "superseded"] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];

/** Revisions that passed review: what the files mirror and what a release may pin. */
const REVIEWED: RevisionStatus[] = ["approved", "published"];

type Db = PrismaClient;
type Transaction = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * For transactions that write a whole bank or release: hundreds of questions, each a round trip
 * on PostgreSQL, which on a busy machine passes Prisma's default 5 s and would roll back the seed.
 */
export const BULK_TRANSACTION = { maxWait: 10_000, timeout: 120_000 } as const;

export type ImportReport = {
  created: string[];
  revised: string[];
  /** Questions whose new revision retires them. */
  retired: string[];
  unchanged: number;
  /** Questions in the database that no file mentions: left as they are, never deleted. */
  notInFiles: string[];
};

/** A revision's content as stored, read back through the schema so it is typed and checked. */
export function revisionContent(content: string): BankQuestion {
  return questionSchema.parse(JSON.parse(content));
}

/**
 * Imports checked questions (from `checkBankFolder`) as revisions, in one transaction. A file
 * whose content hash equals its question's latest revision, or latest reviewed revision, adds
 * nothing, so importing twice, or importing an export, changes nothing. A changed file adds
 * revision N+1. Files are reviewed as pull requests, so their revisions arrive published.
 */
export async function importQuestions(
  db: Db,
  questions: readonly BankQuestion[],
  { now, authorId = null }: { now: Date; authorId?: string | null },
): Promise<ImportReport> {
  const report: ImportReport = { created: [], revised: [], retired: [], unchanged: 0, notInFiles: [] };
  await db.$transaction(async (tx) => {
    const existing = await tx.question.findMany({
      select: {
        id: true,
        latestRevisionNumber: true,
        revisions: { select: { number: true, contentHash: true, status: true }, orderBy: { number: "desc" } },
      },
    });
    const byId = new Map(existing.map((question) => [question.id, question]));
    // A file's review note names its second reader; one with an account is the revision's reviewer.
    const readers = [...new Set(questions.flatMap((question) => (question.review ? [question.review.by] : [])))];
    const reviewerIds = new Map(
      (await tx.user.findMany({ where: { username: { in: readers } }, select: { id: true, username: true } })).map(
        (user) => [user.username, user.id],
      ),
    );
    const fileIds = new Set(questions.map((question) => question.id));
    report.notInFiles = existing
      .filter((question) => !fileIds.has(question.id))
      .map((question) => question.id)
      .sort();

    for (const question of questions) {
      const hash = contentHash(question);
      const current = byId.get(question.id);
      const latest = current?.revisions[0];
      const latestReviewed = current?.revisions.find((revision) => REVIEWED.includes(revision.status as RevisionStatus));
      if (latest?.contentHash === hash || latestReviewed?.contentHash === hash) {
        report.unchanged += 1;
        continue;
      }
      const number = (current?.latestRevisionNumber ?? 0) + 1;
      const placement = {
        topic: question.topic,
        subtopic: question.subtopic ?? null,
        locality: question.locality ?? null,
        retired: question.status === "retired",
        latestRevisionNumber: number,
      };
      if (current) await tx.question.update({ where: { id: question.id }, data: { ...placement, updatedAt: now } });
      else await tx.question.create({ data: { id: question.id, ...placement, createdAt: now, updatedAt: now } });
      await tx.questionRevision.create({
        data: {
          questionId: question.id,
          number,
          contentHash: hash,
          content: canonicalJson(question),
          status: "published",
          authorId,
          reviewerId: question.review ? (reviewerIds.get(question.review.by) ?? null) : null,
          createdAt: now,
          reviewedAt: question.review ? new Date(`${question.review.date}T00:00:00Z`) : now,
        },
      });
      (current ? report.revised : report.created).push(question.id);
      if (question.status === "retired") report.retired.push(question.id);
    }
  }, BULK_TRANSACTION);
  return report;
}

export const RELEASE_NAME = /^\d{4}\.\d+$/;

export type ReleaseResult =
  | { ok: true; releaseId: string; name: string; pinned: number; published: string[] }
  | { ok: false; code: "release-name-invalid" | "release-name-taken" | "release-empty" };

/**
 * Creates release `name` (e.g. "2026.1") pinning, for every question, its latest reviewed
 * revision unless that revision retires it. An approved revision it pins becomes published.
 */
export async function createRelease(
  db: Db,
  { name, createdById, now }: { name: string; createdById: string; now: Date },
): Promise<ReleaseResult> {
  if (!RELEASE_NAME.test(name)) return { ok: false, code: "release-name-invalid" };
  return db.$transaction(async (tx): Promise<ReleaseResult> => {
    if (await tx.bankRelease.findUnique({ where: { name }, select: { id: true } }))
      return { ok: false, code: "release-name-taken" };
    const candidates = await latestReviewedRevisions(tx);
    const pinned = candidates.filter((revision) => revisionContent(revision.content).status === "active");
    if (pinned.length === 0) return { ok: false, code: "release-empty" };

    const toPublish = pinned.filter((revision) => revision.status === "approved");
    if (toPublish.length > 0) {
      await tx.questionRevision.updateMany({
        where: { id: { in: toPublish.map((revision) => revision.id) } },
        data: { status: "published" },
      });
    }
    const release = await tx.bankRelease.create({ data: { name, createdById, createdAt: now }, select: { id: true } });
    await tx.bankReleaseItem.createMany({
      data: pinned.map((revision) => ({ releaseId: release.id, questionId: revision.questionId, revisionId: revision.id })),
    });
    return {
      ok: true,
      releaseId: release.id,
      name,
      pinned: pinned.length,
      published: toPublish.map((revision) => revision.questionId).sort(),
    };
  }, BULK_TRANSACTION);
}

/** The highest-numbered approved or published revision of each question. */
async function latestReviewedRevisions(tx: Transaction) {
  const revisions = await tx.questionRevision.findMany({
    where: { status: { in: REVIEWED } },
    select: { id: true, questionId: true, number: true, status: true, content: true },
    orderBy: [{ questionId: "asc" }, { number: "desc" }],
  });
  const latest = new Map<string, (typeof revisions)[number]>();
  for (const revision of revisions) if (!latest.has(revision.questionId)) latest.set(revision.questionId, revision);
  return [...latest.values()];
}

/**
 * The bank as files should hold it: the latest reviewed revision of every question, retired ones
 * included (a retired question keeps its file, marked `status: retired`).
 */
export async function exportQuestions(db: Db): Promise<BankQuestion[]> {
  const revisions = await db.$transaction((tx) => latestReviewedRevisions(tx));
  return revisions.map((revision) => revisionContent(revision.content)).sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Writes each question to questions/<topic>/<id>.yaml under `bankDir`. A question whose topic
 * changed leaves its old folder: the file of the same id elsewhere is removed.
 */
export async function writeQuestionFiles(bankDir: string, questions: readonly BankQuestion[]): Promise<string[]> {
  const root = path.join(bankDir, QUESTIONS_FOLDER);
  const target = new Map(
    questions.map((question) => [`${question.id}.yaml`, `${QUESTIONS_FOLDER}/${question.topic}/${question.id}.yaml`]),
  );
  const existing = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of existing) {
    if (!entry.isFile()) continue;
    const relative = path.relative(bankDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
    const wanted = target.get(entry.name);
    if (wanted !== undefined && wanted !== relative) await rm(path.join(bankDir, relative));
  }
  const written: string[] = [];
  for (const question of questions) {
    const file = target.get(`${question.id}.yaml`) as string;
    await mkdir(path.join(bankDir, path.dirname(file)), { recursive: true });
    await writeFile(path.join(bankDir, file), questionToYaml(question), "utf8");
    written.push(file);
  }
  return written;
}
