import { reviewFlagsByQuestion } from "~/stats/item-analysis.server";
import type { PrismaClient } from "~/utils/db.server";
import type { BankFilter } from "./bank-filter";
import { PAGE_SIZE } from "./bank-filter";
import { revisionContent, type RevisionStatus } from "./import.server";
import { matchesSearch } from "./normalise";
import type { BankQuestion } from "./question-file";
import { diffRevisions, type RevisionDiff } from "./revision-diff";

// Reading the bank for the web: the browser's list, a question's history, a release's view.

type Db = PrismaClient;

/** Revisions that are, or may become, the question's content; rejected and superseded ones are not. */
export const LIVE_STATUSES: RevisionStatus[] = ["draft", "approved", "published"];

export type CurrentQuestion = {
  id: string;
  revisionNumber: number;
  revisionStatus: RevisionStatus;
  question: BankQuestion;
  releases: { name: string; revisionNumber: number }[];
};

/**
 * The latest live revision of every question with the releases that pin one of its revisions.
 * The whole bank is a few thousand rows at most, so filtering happens here rather than in SQL:
 * the diacritic-insensitive search needs the folded text anyway (measured in the report).
 */
export async function currentQuestions(db: Db): Promise<CurrentQuestion[]> {
  const [revisions, items] = await Promise.all([
    db.questionRevision.findMany({
      where: { status: { in: LIVE_STATUSES } },
      select: { questionId: true, number: true, status: true, content: true },
      orderBy: [{ questionId: "asc" }, { number: "desc" }],
    }),
    db.bankReleaseItem.findMany({
      select: { questionId: true, release: { select: { name: true } }, revision: { select: { number: true } } },
      orderBy: { release: { createdAt: "asc" } },
    }),
  ]);
  const releasesOf = new Map<string, CurrentQuestion["releases"]>();
  for (const item of items) {
    const list = releasesOf.get(item.questionId) ?? [];
    list.push({ name: item.release.name, revisionNumber: item.revision.number });
    releasesOf.set(item.questionId, list);
  }
  const current: CurrentQuestion[] = [];
  let previousId: string | null = null;
  for (const revision of revisions) {
    if (revision.questionId === previousId) continue;
    previousId = revision.questionId;
    current.push({
      id: revision.questionId,
      revisionNumber: revision.number,
      revisionStatus: revision.status as RevisionStatus,
      // Stored content was validated when written; parsing it again for every row would triple the cost.
      question: JSON.parse(revision.content) as BankQuestion,
      releases: releasesOf.get(revision.questionId) ?? [],
    });
  }
  return current;
}

function searchable(question: BankQuestion): string[] {
  return [
    question.id,
    question.prompt.vi,
    question.prompt.en ?? "",
    ...question.options.flatMap((option) => [option.vi, option.en ?? ""]),
  ];
}

export function matchesFilter(entry: CurrentQuestion, filter: BankFilter): boolean {
  const { question } = entry;
  if (filter.topic) {
    const [topic, subtopic] = filter.topic.split("/");
    if (question.topic !== topic || (subtopic && question.subtopic !== subtopic)) return false;
  }
  if (filter.difficulty && question.difficulty !== filter.difficulty) return false;
  if (filter.audience && !question.audiences.includes(filter.audience)) return false;
  if (filter.type && question.type !== filter.type) return false;
  if (filter.status && question.status !== filter.status) return false;
  if (filter.revision && entry.revisionStatus !== filter.revision) return false;
  if (filter.release && !entry.releases.some((release) => release.name === filter.release)) return false;
  if (filter.q && !searchable(question).some((text) => matchesSearch(text, filter.q))) return false;
  return true;
}

export async function filteredQuestions(db: Db, filter: BankFilter): Promise<CurrentQuestion[]> {
  const flagged = filter.flagged ? await reviewFlagsByQuestion(db, Date.now()) : null;
  return (await currentQuestions(db)).filter((entry) => matchesFilter(entry, filter) && (!flagged || flagged.has(entry.id)));
}

export type BankPage = {
  rows: CurrentQuestion[];
  total: number;
  page: number;
  pageCount: number;
  releaseNames: string[];
  pendingReviews: number;
};

export async function browseBank(db: Db, filter: BankFilter): Promise<BankPage> {
  const [matching, releases, pendingReviews] = await Promise.all([
    filteredQuestions(db, filter),
    db.bankRelease.findMany({ select: { name: true }, orderBy: { createdAt: "desc" } }),
    db.questionRevision.count({ where: { status: "draft" } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  return {
    rows: matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    total: matching.length,
    page,
    pageCount,
    releaseNames: releases.map((release) => release.name),
    pendingReviews,
  };
}

const person = { select: { displayName: true, username: true } } as const;

export type RevisionSummary = {
  id: string;
  number: number;
  status: RevisionStatus;
  contentHash: string;
  createdAt: Date;
  reviewedAt: Date | null;
  author: { displayName: string; username: string } | null;
  reviewer: { displayName: string; username: string } | null;
  releases: string[];
};

export type QuestionDetail = {
  id: string;
  revisions: RevisionSummary[];
  /** The revision shown: the latest live one, or the one the asked release pins. */
  shown: { number: number; status: RevisionStatus; question: BankQuestion; release: string | null };
  /** Every release, with the revision of this question it pins (null when it does not pin it). */
  releases: { name: string; revisionNumber: number | null }[];
  diff: { from: number | null; to: number; diff: RevisionDiff } | null;
};

export type DetailProblem = "not-found" | "release-not-found" | "not-in-release";

/**
 * A question's page: its history, the revision to show (as in `release` when given) and the diff
 * between two revisions (`to` defaults to the shown one, `from` to the one before it).
 */
export async function questionDetail(
  db: Db,
  questionId: string,
  options: { release?: string; from?: number; to?: number } = {},
): Promise<{ ok: true; detail: QuestionDetail } | { ok: false; problem: DetailProblem }> {
  const question = await db.question.findUnique({
    where: { id: questionId },
    select: {
      id: true,
      revisions: {
        select: {
          id: true,
          number: true,
          status: true,
          contentHash: true,
          content: true,
          createdAt: true,
          reviewedAt: true,
          author: person,
          reviewer: person,
          releaseItems: { select: { release: { select: { name: true } } } },
        },
        orderBy: { number: "desc" },
      },
    },
  });
  if (!question || question.revisions.length === 0) return { ok: false, problem: "not-found" };
  const allReleases = await db.bankRelease.findMany({
    select: { name: true, items: { where: { questionId }, select: { revision: { select: { number: true } } } } },
    orderBy: { createdAt: "desc" },
  });

  let shownRevision = question.revisions.find((revision) => LIVE_STATUSES.includes(revision.status as RevisionStatus));
  let shownRelease: string | null = null;
  if (options.release) {
    const release = allReleases.find((candidate) => candidate.name === options.release);
    if (!release) return { ok: false, problem: "release-not-found" };
    const pinned = release.items[0]?.revision.number;
    if (pinned === undefined) return { ok: false, problem: "not-in-release" };
    shownRevision = question.revisions.find((revision) => revision.number === pinned);
    shownRelease = release.name;
  }
  shownRevision ??= question.revisions[0];

  const byNumber = new Map(question.revisions.map((revision) => [revision.number, revision]));
  const to = byNumber.get(options.to ?? shownRevision.number) ?? shownRevision;
  const fromNumber = options.from ?? question.revisions.find((revision) => revision.number < to.number)?.number;
  const from = fromNumber === undefined ? undefined : byNumber.get(fromNumber);

  return {
    ok: true,
    detail: {
      id: question.id,
      revisions: question.revisions.map(({ content: _content, releaseItems, ...revision }) => ({
        ...revision,
        status: revision.status as RevisionStatus,
        releases: releaseItems.map((item) => item.release.name),
      })),
      shown: {
        number: shownRevision.number,
        status: shownRevision.status as RevisionStatus,
        question: revisionContent(shownRevision.content),
        release: shownRelease,
      },
      releases: allReleases.map((release) => ({ name: release.name, revisionNumber: release.items[0]?.revision.number ?? null })),
      diff: {
        from: from?.number ?? null,
        to: to.number,
        diff: diffRevisions(from ? revisionContent(from.content) : null, revisionContent(to.content)),
      },
    },
  };
}
