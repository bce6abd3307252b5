import { readFile } from "node:fs/promises";
import path from "node:path";
import { revisionContent } from "~/bank/import.server";
import { parseTopicsFile, type BankQuestion } from "~/bank/question-file";
import { prisma } from "~/utils/db.server";
import type { DrawableQuestion } from "./draw";

// A release pins immutable revisions, so its pool is read and parsed once per process.

export type ReleasePool = {
  questions: DrawableQuestion[];
  /** Parsed content by revision id. */
  content: Map<string, BankQuestion>;
};

const pools = new Map<string, Promise<ReleasePool>>();

async function readPool(releaseId: string): Promise<ReleasePool> {
  const items = await prisma.bankReleaseItem.findMany({
    where: { releaseId },
    select: { questionId: true, revisionId: true, revision: { select: { content: true } } },
  });
  const questions: DrawableQuestion[] = [];
  const content = new Map<string, BankQuestion>();
  for (const item of items) {
    const question = revisionContent(item.revision.content);
    content.set(item.revisionId, question);
    if (question.status === "retired") continue;
    questions.push({
      questionId: item.questionId,
      revisionId: item.revisionId,
      topic: question.topic,
      difficulty: question.difficulty,
      audiences: question.audiences,
      type: question.type,
      optionCount: question.options.length,
    });
  }
  return { questions, content };
}

export function releasePool(releaseId: string): Promise<ReleasePool> {
  let pool = pools.get(releaseId);
  if (!pool) {
    pool = readPool(releaseId);
    pools.set(releaseId, pool);
    pool.catch(() => pools.delete(releaseId));
  }
  return pool;
}

/** The answer key (written indices of correct options) of the given revisions. */
export function answerKeyFor(pool: ReleasePool, revisionIds: Iterable<string>): Record<string, number[]> {
  const key: Record<string, number[]> = {};
  for (const revisionId of revisionIds) {
    const question = pool.content.get(revisionId);
    if (!question) throw new Error(`Revision ${revisionId} is not in the round's release`);
    key[revisionId] = question.options.flatMap((option, index) => (option.correct ? [index] : []));
  }
  return key;
}

export type TopicLabel = { id: string; vi: string; en: string };
let topics: Promise<TopicLabel[]> | null = null;

/** The taxonomy's topics with their labels (question-bank/topics.yaml). */
export function bankTopics(): Promise<TopicLabel[]> {
  topics ??= readFile(path.join(process.cwd(), "question-bank", "topics.yaml"), "utf8").then((text) => {
    const parsed = parseTopicsFile(text);
    if (!parsed.ok) throw new Error("question-bank/topics.yaml is invalid");
    return parsed.value.topics.map((topic) => ({ id: topic.id, vi: topic.vi, en: topic.en }));
  });
  return topics;
}
