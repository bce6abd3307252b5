import type { PrismaClient } from "~/utils/db.server";
import { optionMask, STRIDE, type CompactSitting, type RevisionInfo } from "./item-analysis";

// The responses item analysis, topic mastery and the yearly report read, kept in memory as compact
// sittings (./item-analysis.ts, CompactSitting) and brought up to date when they are read, after
// the statistics' facts were (./fact-store.server.ts, statsItems): a year of a million answers is
// read once, in pages, and after that only the sittings that changed (docs/decisions/024).
//
// A sitting is a person's first attempt in a round once it has been handed in or its deadline has
// passed (later attempts have seen the questions), or one player in one live game. Ended attempts
// are kept once scored (the score is stored when an attempt ends, which stamps the row). Every response points at the
// exact revision shown; contest answers are scored here as app/contests/attempt.ts scores them,
// live answers keep the verdict the game gave.

export type ItemSitting = CompactSitting & {
  source: "round" | "live";
  unitId: string | null;
  areaId: string | null;
  /** The attempt's start, or the game's creation. */
  startedAt: number;
  /** A round sitting counts once handed in or past its deadline (a live one always). */
  submitted: boolean;
  deadline: number;
  roundId: string | null;
  gameId: string | null;
};

type AttemptQuestionJson = { questionId: string; revisionId: string };
type AttemptRow = {
  id: string;
  roundId: string;
  unitId: string | null;
  areaId: string | null;
  startedAt: Date;
  deadline: Date;
  submittedAt: Date | null;
  updatedAt: Date;
  questions: string;
  answers: { questionId: string; options: string; savedAt: Date }[];
};
const attemptSelect = {
  id: true,
  roundId: true,
  unitId: true,
  areaId: true,
  startedAt: true,
  deadline: true,
  submittedAt: true,
  updatedAt: true,
  questions: true,
  answers: { select: { questionId: true, options: true, savedAt: true } },
} as const;
/** Sittings are first attempts that have ended; their scores are stored when they end. */
const sittingWhere = { attemptNumber: 1, correct: { not: null } } as const;
const PAGE_SIZE = 500;
const OVERLAP_MS = 15_000;

/** Live option ids are "o1", "o2", … in written order (app/live/live-games.server.ts). */
function liveOptionIndex(id: string): number {
  return /^o\d+$/.test(id) ? Number(id.slice(1)) - 1 : -1;
}

export class ItemFacts {
  readonly revisions: RevisionInfo[] = [];
  /** Revision number of every revision seen, for "q-0001 · revision 3" labels. */
  readonly revisionNumbers: number[] = [];
  private readonly revisionIndex = new Map<string, number>();
  /** Revisions with no stored content: their responses are left out. */
  private readonly unknownRevisions = new Set<string>();
  readonly sittings = new Map<string, ItemSitting>();
  private readonly attemptStamps = new Map<string, number>();
  private readonly gameVersions = new Map<string, number>();
  private readonly sittingsOfGame = new Map<string, string[]>();
  private lookStartedAt = 0;
  /** The look of the statistics' facts these sittings were last brought up to (StatsStore.itemsUpToDate). */
  storeLook = -1;
  /** Rises with every change to the sittings. */
  version = 0;

  async loadAll(db: PrismaClient, games: ReadonlyMap<string, number>, pause: () => Promise<void>): Promise<void> {
    this.lookStartedAt = Date.now();
    for (let after: string | null = null; ; ) {
      const page: AttemptRow[] = await db.attempt.findMany({
        where: { ...sittingWhere, ...(after ? { id: { gt: after } } : {}) },
        select: attemptSelect,
        orderBy: { id: "asc" },
        take: PAGE_SIZE,
      });
      await this.putAttempts(db, page);
      if (page.length < PAGE_SIZE) break;
      after = page[page.length - 1].id;
      await pause();
    }
    for (const [gameId, stateVersion] of games) {
      await this.putGame(db, gameId, stateVersion);
      await pause();
    }
  }

  /**
   * Reads the sittings that changed since the last look: attempts stamped since (less the overlap,
   * as in the statistics' facts), live games whose state moved on, rounds and games deleted.
   */
  async lookAgain(db: PrismaClient, games: ReadonlyMap<string, number>, rounds: ReadonlySet<string>, roundsRemoved: boolean): Promise<void> {
    const since = new Date(this.lookStartedAt - OVERLAP_MS);
    this.lookStartedAt = Date.now();
    const stamped = await db.attempt.findMany({ where: { ...sittingWhere, updatedAt: { gte: since } }, select: { id: true, updatedAt: true } });
    const changed = stamped.filter((row) => this.attemptStamps.get(row.id) !== row.updatedAt.getTime()).map((row) => row.id);
    for (let index = 0; index < changed.length; index += PAGE_SIZE) {
      const rows = await db.attempt.findMany({ where: { id: { in: changed.slice(index, index + PAGE_SIZE) } }, select: attemptSelect });
      await this.putAttempts(db, rows);
    }
    for (const [gameId, stateVersion] of games) if (this.gameVersions.get(gameId) !== stateVersion) await this.putGame(db, gameId, stateVersion);
    for (const gameId of [...this.gameVersions.keys()]) if (!games.has(gameId)) this.dropGame(gameId);
    // Attempts are deleted only with their round.
    if (!roundsRemoved) return;
    for (const [id, sitting] of this.sittings) {
      if (sitting.roundId !== null && !rounds.has(sitting.roundId)) {
        this.sittings.delete(id);
        this.attemptStamps.delete(id.slice(2));
        this.version++;
      }
    }
  }

  private async putAttempts(db: PrismaClient, rows: AttemptRow[]): Promise<void> {
    const parsed = rows.map((row) => ({ row, questions: JSON.parse(row.questions) as AttemptQuestionJson[] }));
    await this.knowRevisions(db, parsed.flatMap(({ questions }) => questions.map((question) => question.revisionId)));
    for (const { row, questions } of parsed) {
      // Time to answer is not recorded for rounds; the gap since the previous saved answer (or the
      // start) is the closest measure, since participants answer one question after another.
      const saves = [...row.answers].sort((a, b) => a.savedAt.getTime() - b.savedAt.getTime());
      const elapsed = new Map<string, number>();
      let previous = row.startedAt.getTime();
      for (const save of saves) {
        elapsed.set(save.questionId, save.savedAt.getTime() - previous);
        previous = save.savedAt.getTime();
      }
      const chosenOf = new Map(row.answers.map((answer) => [answer.questionId, optionMask(JSON.parse(answer.options) as number[])]));
      const data: number[] = [];
      for (const question of questions) {
        const revision = this.revisionIndex.get(question.revisionId);
        if (revision === undefined) continue;
        const mask = chosenOf.get(question.questionId) ?? 0;
        const key = optionMask(this.revisions[revision].key.correctOptions);
        data.push(revision, mask, mask === key ? 1 : 0, mask !== 0 ? (elapsed.get(question.questionId) ?? -1) : -1);
      }
      const id = `a:${row.id}`;
      this.sittings.set(id, {
        id,
        data: Int32Array.from(data),
        source: "round",
        unitId: row.unitId,
        areaId: row.areaId,
        startedAt: row.startedAt.getTime(),
        submitted: row.submittedAt !== null,
        deadline: row.deadline.getTime(),
        roundId: row.roundId,
        gameId: null,
      });
      this.attemptStamps.set(row.id, row.updatedAt.getTime());
      this.version++;
    }
  }

  private async putGame(db: PrismaClient, gameId: string, stateVersion: number): Promise<void> {
    const [game, answers] = await Promise.all([
      db.liveGame.findUnique({ where: { id: gameId }, select: { createdAt: true } }),
      db.liveAnswer.findMany({
        where: { gameId },
        select: { playerId: true, revisionId: true, optionIds: true, correct: true, elapsedMs: true, player: { select: { unitId: true, areaId: true } } },
      }),
    ]);
    this.dropGame(gameId);
    if (!game) return;
    await this.knowRevisions(db, answers.map((answer) => answer.revisionId));
    const byPlayer = new Map<string, { unitId: string | null; areaId: string | null; data: number[] }>();
    for (const answer of answers) {
      const revision = this.revisionIndex.get(answer.revisionId);
      if (revision === undefined) continue;
      let player = byPlayer.get(answer.playerId);
      if (!player) byPlayer.set(answer.playerId, (player = { unitId: answer.player.unitId, areaId: answer.player.areaId, data: [] }));
      const chosen = (JSON.parse(answer.optionIds) as string[]).map(liveOptionIndex).filter((index) => index >= 0);
      player.data.push(revision, optionMask(chosen), answer.correct ? 1 : 0, answer.elapsedMs);
    }
    const ids: string[] = [];
    for (const [playerId, player] of byPlayer) {
      const id = `l:${playerId}`;
      ids.push(id);
      this.sittings.set(id, {
        id,
        data: Int32Array.from(player.data),
        source: "live",
        unitId: player.unitId,
        areaId: player.areaId,
        startedAt: game.createdAt.getTime(),
        submitted: true,
        deadline: game.createdAt.getTime(),
        roundId: null,
        gameId,
      });
    }
    this.sittingsOfGame.set(gameId, ids);
    this.gameVersions.set(gameId, stateVersion);
    this.version++;
  }

  private dropGame(gameId: string): void {
    for (const id of this.sittingsOfGame.get(gameId) ?? []) this.sittings.delete(id);
    this.sittingsOfGame.delete(gameId);
    this.gameVersions.delete(gameId);
    this.version++;
  }

  /** Reads the answer key, question and topic of revisions not seen before (revisions never change). */
  private async knowRevisions(db: PrismaClient, ids: string[]): Promise<void> {
    const unknown = [...new Set(ids)].filter((id) => !this.revisionIndex.has(id) && !this.unknownRevisions.has(id));
    if (unknown.length === 0) return;
    const rows = await db.questionRevision.findMany({ where: { id: { in: unknown } }, select: { id: true, questionId: true, number: true, content: true } });
    for (const row of rows) {
      // Stored content was validated when written.
      const content = JSON.parse(row.content) as { topic: string; options: { correct?: boolean }[] };
      this.revisionIndex.set(row.id, this.revisions.length);
      this.revisions.push({
        revisionId: row.id,
        questionId: row.questionId,
        topic: content.topic,
        key: { optionCount: content.options.length, correctOptions: content.options.flatMap((option, index) => (option.correct ? [index] : [])) },
      });
      this.revisionNumbers.push(row.number);
    }
    for (const id of unknown) if (!this.revisionIndex.has(id)) this.unknownRevisions.add(id);
  }
}
