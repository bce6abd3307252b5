import type { PrismaClient } from "~/utils/db.server";
import { forgetStatsStore, statsItems } from "./fact-store.server";
import { analyseSittings, STRIDE, type ItemResponse, type ItemStatistics, type RevisionKey } from "./item-analysis";
import type { ItemFacts, ItemSitting } from "./item-store.server";

// The responses item analysis needs, from first finished attempts of rounds and answers of live
// games (kept in memory by ./item-store.server.ts), chosen by scope.

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

/** The sittings in a scope, from the responses kept in memory (./item-store.server.ts). */
export async function sittingsIn(db: PrismaClient, scope: ItemScope, now: number): Promise<{ items: ItemFacts; sittings: ItemSitting[] }> {
  const { store, items } = await statsItems(db, now);
  const from = scope.from?.getTime() ?? null;
  const to = scope.to?.getTime() ?? null;
  const inPeriod = (at: number) => (from === null || at >= from) && (to === null || at < to);
  const rounds = scope.rounds !== false && !scope.gameId;
  const live = scope.live !== false && !scope.roundId && !scope.contestId;
  const sittings: ItemSitting[] = [];
  for (const sitting of items.sittings.values()) {
    if (!inPeriod(sitting.startedAt)) continue;
    if (sitting.source === "round") {
      if (!rounds || !(sitting.submitted || sitting.deadline < now)) continue;
      const round = store.rounds.get(sitting.roundId!);
      if (!round) continue;
      if (scope.roundId && round.id !== scope.roundId) continue;
      if (scope.contestId && round.contestId !== scope.contestId) continue;
      if (scope.ownerId && round.createdById !== scope.ownerId) continue;
    } else {
      if (!live) continue;
      if (scope.gameId && sitting.gameId !== scope.gameId) continue;
      if (scope.ownerId && store.liveGame(sitting.gameId!)?.hostId !== scope.ownerId) continue;
    }
    sittings.push(sitting);
  }
  return { items, sittings };
}

/** Every response in a scope as plain objects (small scopes and tests; the pages use sittingsIn). */
export async function loadItemResponses(db: PrismaClient, scope: ItemScope, now: number): Promise<LoadedItems> {
  const { items, sittings } = await sittingsIn(db, scope, now);
  const responses: ItemResponse[] = [];
  const byId = new Map<string, Sitting>();
  const keys = new Map<string, RevisionKey>();
  const revisionNumbers = new Map<string, number>();
  for (const sitting of sittings) {
    byId.set(sitting.id, { source: sitting.source, unitId: sitting.unitId, areaId: sitting.areaId });
    for (let at = 0; at < sitting.data.length; at += STRIDE) {
      const revision = items.revisions[sitting.data[at]];
      const mask = sitting.data[at + 1];
      const chosen: number[] = [];
      for (let option = 0; option < 31; option++) if (mask & (1 << option)) chosen.push(option);
      keys.set(revision.revisionId, revision.key);
      revisionNumbers.set(revision.revisionId, items.revisionNumbers[sitting.data[at]]);
      responses.push({
        participantId: sitting.id,
        questionId: revision.questionId,
        revisionId: revision.revisionId,
        topic: revision.topic,
        chosen,
        correct: sitting.data[at + 2] === 1,
        elapsedMs: sitting.data[at + 3] >= 0 ? sitting.data[at + 3] : null,
      });
    }
  }
  return { responses, keys, revisionNumbers, sittings: byId };
}

export type ItemRow = ItemStatistics & { revisionNumber: number };

export async function itemAnalysisFor(db: PrismaClient, scope: ItemScope, now: number): Promise<ItemRow[]> {
  const { items, sittings } = await sittingsIn(db, scope, now);
  const numbers = new Map(items.revisions.map((revision, index) => [revision.revisionId, items.revisionNumbers[index]]));
  return analyseSittings(sittings, items.revisions).map((item) => ({ ...item, revisionNumber: numbers.get(item.revisionId) ?? 0 }));
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

/** Forget the cached flags and the responses in memory (tests, and after a large import of results). */
export function clearReviewFlags(): void {
  flagCache = null;
  forgetStatsStore();
}
