import type { PrismaClient } from "~/utils/db.server";
import { itemAnalysis, type ItemResponse, type ItemStatistics, type RevisionKey } from "./item-analysis";

// Reads the facts item analysis needs: first finished attempts of rounds and answers of live games,
// each response pointing at the exact revision shown.

export type ItemScope = {
  /** Only rounds created / games hosted by this user (a teacher's own). */
  ownerId?: string | null;
  contestId?: string | null;
  roundId?: string | null;
  gameId?: string | null;
  /** Leave out contest rounds or live games. */
  rounds?: boolean;
  live?: boolean;
  /** Sittings that started in [from, to). */
  from?: Date | null;
  to?: Date | null;
};

/** Where a sitting was given: its school or workplace and the area stored with it when it began. */
export type Sitting = { source: "round" | "live"; unitId: string | null; areaId: string | null };

export type LoadedItems = {
  responses: ItemResponse[];
  keys: Map<string, RevisionKey>;
  /** Revision number of every revision seen, for "q-0001 · revision 3" labels. */
  revisionNumbers: Map<string, number>;
  sittings: Map<string, Sitting>;
};

type AttemptQuestionJson = { questionId: string; revisionId: string };

function between(scope: ItemScope) {
  if (!scope.from && !scope.to) return undefined;
  return { ...(scope.from ? { gte: scope.from } : {}), ...(scope.to ? { lt: scope.to } : {}) };
}

/** Live option ids are "o1", "o2", … in written order (app/live/live-games.server.ts). */
function liveOptionIndex(id: string): number {
  return /^o\d+$/.test(id) ? Number(id.slice(1)) - 1 : -1;
}

export async function loadItemResponses(db: PrismaClient, scope: ItemScope, now: number): Promise<LoadedItems> {
  const responses: ItemResponse[] = [];
  const sittings = new Map<string, Sitting>();
  const pending: { participantId: string; questionId: string; revisionId: string; chosen: number[]; elapsedMs: number | null; correct: boolean | null }[] = [];

  if (scope.rounds !== false && !scope.gameId) {
    const attempts = await db.attempt.findMany({
      where: {
        attemptNumber: 1,
        OR: [{ submittedAt: { not: null } }, { deadline: { lt: new Date(now) } }],
        startedAt: between(scope),
        roundId: scope.roundId ?? undefined,
        round: { contestId: scope.contestId ?? undefined, createdById: scope.ownerId ?? undefined },
      },
      select: {
        id: true,
        unitId: true,
        areaId: true,
        questions: true,
        startedAt: true,
        answers: { select: { questionId: true, options: true, savedAt: true } },
      },
    });
    for (const attempt of attempts) {
      const participantId = `a:${attempt.id}`;
      sittings.set(participantId, { source: "round", unitId: attempt.unitId, areaId: attempt.areaId });
      // Time to answer is not recorded for rounds; the gap since the previous saved answer (or the
      // start) is the closest measure, since participants answer one question after another.
      const saves = [...attempt.answers].sort((a, b) => a.savedAt.getTime() - b.savedAt.getTime());
      const elapsed = new Map<string, number>();
      let previous = attempt.startedAt.getTime();
      for (const save of saves) {
        elapsed.set(save.questionId, save.savedAt.getTime() - previous);
        previous = save.savedAt.getTime();
      }
      const answers = new Map(attempt.answers.map((answer) => [answer.questionId, JSON.parse(answer.options) as number[]]));
      for (const question of JSON.parse(attempt.questions) as AttemptQuestionJson[]) {
        const chosen = answers.get(question.questionId) ?? [];
        pending.push({
          participantId,
          questionId: question.questionId,
          revisionId: question.revisionId,
          chosen,
          elapsedMs: chosen.length > 0 ? (elapsed.get(question.questionId) ?? null) : null,
          correct: null,
        });
      }
    }
  }

  if (scope.live !== false && !scope.roundId && !scope.contestId) {
    const answers = await db.liveAnswer.findMany({
      where: {
        gameId: scope.gameId ?? undefined,
        game: { hostId: scope.ownerId ?? undefined, createdAt: between(scope) },
      },
      select: { playerId: true, revisionId: true, optionIds: true, correct: true, elapsedMs: true, player: { select: { unitId: true, areaId: true } } },
    });
    for (const answer of answers) {
      const participantId = `l:${answer.playerId}`;
      sittings.set(participantId, { source: "live", unitId: answer.player.unitId, areaId: answer.player.areaId });
      const chosen = (JSON.parse(answer.optionIds) as string[]).map(liveOptionIndex).filter((index) => index >= 0).sort((a, b) => a - b);
      pending.push({ participantId, questionId: "", revisionId: answer.revisionId, chosen, elapsedMs: answer.elapsedMs, correct: answer.correct });
    }
  }

  const revisionIds = [...new Set(pending.map((response) => response.revisionId))];
  const revisions = await db.questionRevision.findMany({
    where: { id: { in: revisionIds } },
    select: { id: true, questionId: true, number: true, content: true },
  });
  const keys = new Map<string, RevisionKey>();
  const meta = new Map<string, { questionId: string; topic: string }>();
  const revisionNumbers = new Map<string, number>();
  for (const revision of revisions) {
    // Stored content was validated when written.
    const content = JSON.parse(revision.content) as { topic: string; options: { correct?: boolean }[] };
    keys.set(revision.id, {
      optionCount: content.options.length,
      correctOptions: content.options.flatMap((option, index) => (option.correct ? [index] : [])),
    });
    meta.set(revision.id, { questionId: revision.questionId, topic: content.topic });
    revisionNumbers.set(revision.id, revision.number);
  }
  for (const response of pending) {
    const key = keys.get(response.revisionId);
    const info = meta.get(response.revisionId);
    if (!key || !info) continue;
    const expected = [...key.correctOptions].sort((a, b) => a - b);
    // Contest answers are scored here exactly as app/contests/attempt.ts scores them; live answers
    // keep the verdict the game gave when it was scored.
    const correct =
      response.correct ??
      (response.chosen.length === expected.length && response.chosen.every((option, index) => option === expected[index]));
    responses.push({ ...response, questionId: info.questionId, topic: info.topic, correct });
  }
  return { responses, keys, revisionNumbers, sittings };
}

export type ItemRow = ItemStatistics & { revisionNumber: number };

export async function itemAnalysisFor(db: PrismaClient, scope: ItemScope, now: number): Promise<ItemRow[]> {
  const loaded = await loadItemResponses(db, scope, now);
  return itemAnalysis(loaded.responses, loaded.keys).map((item) => ({ ...item, revisionNumber: loaded.revisionNumbers.get(item.revisionId) ?? 0 }));
}

const FLAG_CACHE_MS = 5 * 60_000;
let flagCache: { at: number; flags: Promise<Map<string, ItemRow[]>> } | null = null;

/**
 * Flagged revisions by question id, over every round and live game. Reading every answer is too
 * slow for each bank page, and a review flag needs no second-by-second freshness: computed at most
 * once every five minutes per process.
 */
export function reviewFlagsByQuestion(db: PrismaClient, now: number): Promise<Map<string, ItemRow[]>> {
  if (!flagCache || now - flagCache.at > FLAG_CACHE_MS) {
    const flags = itemAnalysisFor(db, {}, now).then((rows) => {
      const byQuestion = new Map<string, ItemRow[]>();
      for (const row of rows) {
        if (row.flags.length === 0) continue;
        byQuestion.set(row.questionId, [...(byQuestion.get(row.questionId) ?? []), row]);
      }
      return byQuestion;
    });
    flagCache = { at: now, flags };
    flags.catch(() => (flagCache = null));
  }
  return flagCache.flags;
}

/** Forget the cached flags (tests, and after a large import of results). */
export function clearReviewFlags(): void {
  flagCache = null;
}
