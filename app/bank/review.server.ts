import type { PrismaClient } from "~/utils/db.server";
import { LIVE_STATUSES } from "./browse.server";
import { canonicalJson, contentHash } from "./content-hash";
import { revisionContent, type RevisionStatus } from "./import.server";
import type { BankQuestion } from "./question-file";
import { diffRevisions, type RevisionDiff } from "./revision-diff";

// The web editor's review cycle (question-bank/README.md "Reviewing in the web editor"):
// an edit adds a draft revision, never changes one; another organizer approves or rejects it;
// the next release pins approved revisions. Content is immutable; only a revision's status moves.

type Db = PrismaClient;
type Transaction = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const REVIEWED: RevisionStatus[] = ["approved", "published"];

function placement(question: BankQuestion) {
  return {
    topic: question.topic,
    subtopic: question.subtopic ?? null,
    locality: question.locality ?? null,
    retired: question.status === "retired",
  };
}

export type DraftOutcome = "created" | "revised" | "unchanged";

/**
 * Adds `question` as a draft revision inside a transaction: revision 1 of a new question, or
 * N+1 of an existing one. A pending draft of the same question is superseded, so a question has
 * at most one draft waiting for review. Content equal to the current or the latest reviewed
 * revision adds nothing.
 */
export async function addDraftRevision(
  tx: Transaction,
  question: BankQuestion,
  { authorId, now }: { authorId: string; now: Date },
): Promise<{ outcome: DraftOutcome; number: number | null }> {
  const hash = contentHash(question);
  const existing = await tx.question.findUnique({
    where: { id: question.id },
    select: {
      latestRevisionNumber: true,
      revisions: {
        where: { status: { in: LIVE_STATUSES } },
        select: { number: true, status: true, contentHash: true },
        orderBy: { number: "desc" },
      },
    },
  });
  const current = existing?.revisions[0];
  const reviewed = existing?.revisions.find((revision) => REVIEWED.includes(revision.status as RevisionStatus));
  if (current?.contentHash === hash || (reviewed?.contentHash === hash && current?.status !== "draft")) {
    return { outcome: "unchanged", number: null };
  }
  const number = (existing?.latestRevisionNumber ?? 0) + 1;
  if (existing) {
    await tx.questionRevision.updateMany({ where: { questionId: question.id, status: "draft" }, data: { status: "superseded" } });
    await tx.question.update({
      where: { id: question.id },
      data: { ...placement(question), latestRevisionNumber: number, updatedAt: now },
    });
  } else {
    await tx.question.create({
      data: { id: question.id, ...placement(question), latestRevisionNumber: number, createdAt: now, updatedAt: now },
    });
  }
  await tx.questionRevision.create({
    data: {
      questionId: question.id,
      number,
      contentHash: hash,
      content: canonicalJson(question),
      status: "draft",
      authorId,
      createdAt: now,
    },
  });
  return { outcome: existing ? "revised" : "created", number };
}

export type EditResult =
  | { ok: true; number: number }
  | { ok: false; code: "question-not-found" | "stale-revision" | "unchanged" | "id-mismatch" };

/**
 * An organizer's edit of a question: a new draft revision. `baseRevision` is the revision the
 * form was opened on; when another edit landed meanwhile the save is refused, not merged.
 */
export async function createDraft(
  db: Db,
  input: { questionId: string; baseRevision: number; question: BankQuestion; authorId: string; now: Date },
): Promise<EditResult> {
  if (input.question.id !== input.questionId) return { ok: false, code: "id-mismatch" };
  return db.$transaction(async (tx): Promise<EditResult> => {
    const current = await tx.questionRevision.findFirst({
      where: { questionId: input.questionId, status: { in: LIVE_STATUSES } },
      select: { number: true },
      orderBy: { number: "desc" },
    });
    if (!current) return { ok: false, code: "question-not-found" };
    if (current.number !== input.baseRevision) return { ok: false, code: "stale-revision" };
    const added = await addDraftRevision(tx, input.question, { authorId: input.authorId, now: input.now });
    if (added.number === null) return { ok: false, code: "unchanged" };
    return { ok: true, number: added.number };
  });
}

export type ReviewResult =
  | { ok: true; questionId: string; number: number; status: "approved" | "rejected" }
  | { ok: false; code: "revision-not-found" | "not-pending" | "own-revision" };

/**
 * Approves or rejects a pending draft. The author of a draft can never review it: a second
 * person reads every change against its source before it can reach a release.
 */
export async function reviewRevision(
  db: Db,
  input: { revisionId: string; reviewerId: string; decision: "approve" | "reject"; now: Date },
): Promise<ReviewResult> {
  return db.$transaction(async (tx): Promise<ReviewResult> => {
    const revision = await tx.questionRevision.findUnique({
      where: { id: input.revisionId },
      select: { questionId: true, number: true, status: true, authorId: true },
    });
    if (!revision) return { ok: false, code: "revision-not-found" };
    if (revision.authorId === input.reviewerId) return { ok: false, code: "own-revision" };
    const status = input.decision === "approve" ? "approved" : "rejected";
    // The status guard makes a second, concurrent review of the same draft a no-op.
    const { count } = await tx.questionRevision.updateMany({
      where: { id: input.revisionId, status: "draft" },
      data: { status, reviewerId: input.reviewerId, reviewedAt: input.now },
    });
    if (count === 0) return { ok: false, code: "not-pending" };
    if (status === "rejected") await restorePlacement(tx, revision.questionId, input.now);
    return { ok: true, questionId: revision.questionId, number: revision.number, status };
  });
}

/** After a rejection the question's filter copies follow its current revision again. */
async function restorePlacement(tx: Transaction, questionId: string, now: Date): Promise<void> {
  const current = await tx.questionRevision.findFirst({
    where: { questionId, status: { in: LIVE_STATUSES } },
    select: { content: true },
    orderBy: { number: "desc" },
  });
  if (current) {
    await tx.question.update({ where: { id: questionId }, data: { ...placement(revisionContent(current.content)), updatedAt: now } });
  }
}

export type PendingReview = {
  revisionId: string;
  questionId: string;
  number: number;
  createdAt: Date;
  author: { id: string; displayName: string } | null;
  /** The revision the draft is compared with: the latest reviewed one, or none for a new question. */
  baseNumber: number | null;
  diff: RevisionDiff;
};

export const REVIEW_PAGE_SIZE = 20;

/** Drafts waiting for review, oldest first, each with its changes against the reviewed revision. */
export async function pendingReviews(db: Db, page = 1): Promise<{ items: PendingReview[]; total: number }> {
  const [drafts, total] = await Promise.all([
    db.questionRevision.findMany({
      where: { status: "draft" },
      select: {
        id: true,
        questionId: true,
        number: true,
        content: true,
        createdAt: true,
        author: { select: { id: true, displayName: true } },
      },
      orderBy: [{ createdAt: "asc" }, { questionId: "asc" }],
      skip: (page - 1) * REVIEW_PAGE_SIZE,
      take: REVIEW_PAGE_SIZE,
    }),
    db.questionRevision.count({ where: { status: "draft" } }),
  ]);
  const bases = await db.questionRevision.findMany({
    where: { questionId: { in: drafts.map((draft) => draft.questionId) }, status: { in: REVIEWED } },
    select: { questionId: true, number: true, content: true },
    orderBy: { number: "desc" },
  });
  const items = drafts.map((draft): PendingReview => {
    const base = bases.find((candidate) => candidate.questionId === draft.questionId && candidate.number < draft.number);
    return {
      revisionId: draft.id,
      questionId: draft.questionId,
      number: draft.number,
      createdAt: draft.createdAt,
      author: draft.author,
      baseNumber: base?.number ?? null,
      diff: diffRevisions(base ? revisionContent(base.content) : null, revisionContent(draft.content)),
    };
  });
  return { items, total };
}

export type ReleaseSummary = {
  id: string;
  name: string;
  createdAt: Date;
  createdBy: string;
  questions: number;
};

export async function listReleases(db: Db): Promise<{ releases: ReleaseSummary[]; approvedWaiting: number; drafts: number }> {
  const [releases, approvedWaiting, drafts] = await Promise.all([
    db.bankRelease.findMany({
      select: { id: true, name: true, createdAt: true, createdBy: { select: { displayName: true } }, _count: { select: { items: true } } },
      orderBy: { createdAt: "desc" },
    }),
    db.questionRevision.count({ where: { status: "approved" } }),
    db.questionRevision.count({ where: { status: "draft" } }),
  ]);
  return {
    releases: releases.map((release) => ({
      id: release.id,
      name: release.name,
      createdAt: release.createdAt,
      createdBy: release.createdBy.displayName,
      questions: release._count.items,
    })),
    approvedWaiting,
    drafts,
  };
}

/** The name the next release would likely take: the newest one's minor number plus one, in this year. */
export function suggestReleaseName(names: readonly string[], now: Date): string {
  const year = now.getUTCFullYear();
  const minors = names
    .map((name) => /^(\d{4})\.(\d+)$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null && Number(match[1]) === year)
    .map((match) => Number(match[2]));
  return `${year}.${minors.length === 0 ? 1 : Math.max(...minors) + 1}`;
}
