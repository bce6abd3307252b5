import { mayRevealAnswers } from "~/contests/attempt";
import { rankContest, type ContestRankedEntry } from "~/contests/ranking";
import { rulesOf } from "~/contests/rounds.server";
import { standingOf, standingRoundSelect, storePredictionTruth, type ParticipantInfo, type RoundStanding, type StandingRound, type StandingRow } from "~/contests/results.server";
import { storePendingScores } from "~/contests/scores.server";
import { indexSuccessions, mapOntoCurrent, type Mapped, type Succession } from "~/units/history";
import { loadSuccessions } from "~/units/history.server";
import type { PrismaClient } from "~/utils/db.server";
import { FactTable, type FactColumns } from "./fact-table";
import { ItemFacts } from "./item-store.server";
import type { AttemptFact, LiveGameFact, LivePlayerFact, MapUnit, StatsFacts, UnitFact } from "./figures";
import { attemptsChangedSince, statsVersion } from "./stats-version";

// The facts the statistics and the public boards count, kept in memory and brought up to date by
// reading only what changed (docs/decisions/024, superseding the reload of 015):
// - attempts by `Attempt.updatedAt` (indexed): every write of an attempt stamps it, so the rows
//   stamped since the last look (less a safety overlap for writes stamped before a slow commit)
//   are all that need reading; attempts are deleted only with their round, which the rounds show;
// - profiles likewise by `ParticipantProfile.updatedAt` (birth year, name on the boards);
// - live games by their state version; units, rounds, contests and successions, which are small,
//   by a fingerprint or read whole.
// The first load reads every attempt in pages, yielding to the event loop between them, and is
// started in the background when the server starts (warmStatistics). Each request looks at the
// database again when this process wrote something (statsVersion) or the last look is a few
// seconds old, so other processes' writes show within that time.

/** How long a look at the database is trusted; this process's own writers bump statsVersion at once. */
const TRUST_MS = 5_000;
/**
 * A write is stamped (by its process's clock) before it commits: rows stamped this long before the
 * last look began are read again. It also covers clocks of several app nodes a little apart.
 */
const OVERLAP_MS = 15_000;
const PAGE_SIZE = 2_000;
/** Profile changes remembered for mending the boards' names (StatsStore.renamedSince). */
const MAX_RENAMED_KEPT = 20_000;

const attemptSelect = {
  id: true,
  roundId: true,
  participantKey: true,
  userId: true,
  attemptNumber: true,
  audience: true,
  unitId: true,
  areaId: true,
  startedAt: true,
  deadline: true,
  submittedAt: true,
  prediction: true,
  correct: true,
  updatedAt: true,
} as const;
/** An attempt as kept; names are laid over its ranking from the profiles (StatsStore.roundStanding). */
type AttemptRecord = StandingRow & {
  id: string;
  roundId: string;
  participantKey: string;
  userId: string | null;
  attemptNumber: number;
  audience: string | null;
  unitId: string | null;
  areaId: string | null;
  prediction: number | null;
  correct: number | null;
  /** Times in ms, so that a year of attempts holds numbers rather than objects. */
  startedAt: number;
  deadline: number;
  submittedAt: number | null;
  updatedAt: number;
};
type AttemptRow = Omit<AttemptRecord, "startedAt" | "deadline" | "submittedAt" | "updatedAt"> & { startedAt: Date; deadline: Date; submittedAt: Date | null; updatedAt: Date };

const profileSelect = { userId: true, birthYear: true, displayName: true, className: true, hideNamePublicly: true, updatedAt: true } as const;
type Profile = { userId: string; birthYear: number; displayName: string; className: string | null; hideNamePublicly: boolean; updatedAt: Date };

/**
 * The same value shared by every record that holds it (round, unit, area and audience ids recur
 * across thousands of attempts): a year of facts then takes a fraction of the memory, and the
 * garbage collector a fraction of the time.
 */
class Strings {
  private readonly known = new Map<string, string>();
  of<T extends string | null>(value: T): T {
    if (value === null) return value;
    const known = this.known.get(value);
    if (known !== undefined) return known as T;
    this.known.set(value, value);
    return value;
  }
}

const roundSelect = { ...standingRoundSelect, title: true, contestId: true, createdById: true } as const;
export type StoredRound = StandingRound & { title: string; contestId: string | null; createdById: string };

type LiveGame = { fact: LiveGameFact; stateVersion: number; players: LivePlayerFact[] };

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const vietnamDay = (at: number) => Math.floor((at + VIETNAM_OFFSET_MS) / 86_400_000);

let storesMade = 0;

export class StatsStore {
  /** Tells this store from one made after it (its versions start again from zero): results kept by version name their store. */
  readonly serial = ++storesMade;
  readonly table = new FactTable();
  readonly attempts = new Map<string, AttemptRecord>();
  private readonly strings = new Strings();
  private readonly attemptsOfUser = new Map<string, Set<string>>();
  private readonly attemptsOfRound = new Map<string, Set<string>>();
  private readonly roundVersions = new Map<string, number>();
  private readonly nameVersions = new Map<string, number>();
  /**
   * Participants whose profile changed, in order: a ranking whose names were laid over at some
   * point of this log mends those participants only (renamedSince). Trimmed when long; a reader
   * from before the trim names everyone afresh.
   */
  private renamed: string[] = [];
  private renamedOffset = 0;
  /** Attempts per round still without a score (running). */
  private readonly runningOfRound = new Map<string, number>();
  profiles = new Map<string, Profile>();
  rounds = new Map<string, StoredRound>();
  contests: { id: string; title: string }[] = [];
  units: UnitFact[] = [];
  private unitsKey = "";
  private successions: Succession[] = [];
  private successionsKey = "";
  private mapped = new Map<string, Mapped[]>();
  private mappedDay = -1;
  private readonly games = new Map<string, LiveGame>();
  private livePlayers: LivePlayerFact[] = [];
  /** When the last look began, by this process's clock: rows stamped since (less the overlap) are read again. */
  private lookStartedAt = 0;
  /** Rises with every change to any fact; results computed from the facts are kept per version. */
  version = 0;
  /** Rises with every change to units, which the boards name. */
  unitsVersion = 0;
  lookedAt = 0;
  lookedAtVersion = -1;
  /** Rises when a round is added, changed or removed (the item analysis filters by rounds). */
  roundsVersion = 0;
  private roundsRemoved = false;
  private readonly factListeners = new Set<(changes: Map<number, FactColumns> | "all") => void>();
  private structureChanged = false;
  /**
   * The responses for item analysis, once loaded (statsItems). They are brought up to date when
   * they are read (statsItems), not on every look of the facts: a dashboard view after a new
   * attempt then reads no answers.
   */
  items: ItemFacts | null = null;
  /** Counts the looks at the database; the responses remember the look they were last brought up to (ItemFacts.storeLook). */
  looks = 0;
  private itemsLooking: Promise<void> | null = null;
  /** Rounds' rankings: without names (kept while the attempts stay), and with today's names laid over. */
  private readonly rankings = new Map<string, { key: string; standing: RoundStanding; named: { key: number; seq: number; standing: RoundStanding } | null }>();
  private readonly contestStandings = new Map<string, { key: string; rankingKey: string; seq: number; value: ContestStandingValue }>();

  /** The facts for the counting module (./figures.ts). */
  facts(): StatsFacts {
    return {
      units: this.units,
      rounds: [...this.rounds.values()].map((round) => ({
        id: round.id,
        title: round.title,
        contestId: round.contestId,
        opensAt: round.opensAt.getTime(),
        closesAt: round.closesAt.getTime(),
      })),
      contests: this.contests,
      attempts: this.table,
      liveGames: [...this.games.values()].map((game) => game.fact),
      livePlayers: this.livePlayers,
    };
  }

  /** Today's units for a unit (successions in effect by `now`), worked out once per unit and day. */
  mapUnit(now: number): MapUnit {
    const day = vietnamDay(now);
    if (day !== this.mappedDay) {
      this.mapped = new Map();
      this.mappedDay = day;
    }
    const index = indexSuccessions(this.successions);
    const today = new Date(now);
    return (unitId) => {
      let result = this.mapped.get(unitId);
      if (!result) {
        result = mapOntoCurrent(index, unitId, today);
        this.mapped.set(unitId, result);
      }
      return result;
    };
  }

  /** Changes when a round's attempts change. */
  attemptsVersion(roundId: string): number {
    return this.roundVersions.get(roundId) ?? 0;
  }

  /** Changes when a round's attempts, or the names of those who took it, change. */
  roundVersion(roundId: string): string {
    return `${this.roundVersions.get(roundId) ?? 0}.${this.nameVersions.get(roundId) ?? 0}`;
  }

  /**
   * A round's ranking from the attempts in memory, the same as `roundStanding` reads from the
   * database. The ranking is kept until the round's attempts change; names are laid over it from
   * the profiles, so a participant who renames or hides their name costs no new ranking.
   */
  async roundStanding(roundId: string, now: number): Promise<RoundStanding | null> {
    const round = this.rounds.get(roundId);
    if (!round) return null;
    // A running attempt ends by the clock, not by a write: while one runs the ranking follows `now`.
    const running = (this.runningOfRound.get(roundId) ?? 0) > 0;
    const rankingKey = `${this.roundVersions.get(roundId) ?? 0}:${mayRevealAnswers(rulesOf(round), now)}:${running ? now : ""}`;
    let ranking = this.rankings.get(roundId);
    if (ranking?.key !== rankingKey) {
      const rows = [...(this.attemptsOfRound.get(roundId) ?? [])].map((id) => this.attempts.get(id)!);
      const standing = standingOf(round, rows, now);
      if (standing.revealed && round.predictionEnabled && round.predictionTruth === null) {
        await storePredictionTruth(round, standing);
        round.predictionTruth = standing.truth;
      }
      ranking = { key: rankingKey, standing, named: null };
      this.rankings.set(roundId, ranking);
    }
    const namesKey = this.nameVersions.get(roundId) ?? 0;
    if (ranking.named?.key !== namesKey) {
      const renamed = ranking.named ? this.renamedSince(ranking.named.seq) : null;
      if (ranking.named && renamed) {
        // Only the participants whose profile changed are named again; the standing stays the
        // same object, so the boards made from it mend rather than start over.
        const participants = ranking.named.standing.participants;
        for (const key of renamed) {
          const info = ranking.standing.participants.get(key);
          if (info) participants.set(key, withProfile(info, this.profiles.get(key)));
        }
        ranking.named = { key: namesKey, seq: this.nameSeq, standing: ranking.named.standing };
      } else {
        const participants = new Map<string, ParticipantInfo>();
        // The participant key is the account id until the participant deletes their data.
        for (const [key, info] of ranking.standing.participants) participants.set(key, withProfile(info, this.profiles.get(key)));
        ranking.named = { key: namesKey, seq: this.nameSeq, standing: { ...ranking.standing, participants } };
      }
    }
    return ranking.named.standing;
  }

  /** Rises with each participant whose profile (name, hidden name, school) changed. */
  get nameSeq(): number {
    return this.renamedOffset + this.renamed.length;
  }

  /** The participants whose profile changed since `seq` (nameSeq), or null when that is too long ago to tell. */
  renamedSince(seq: number): readonly string[] | null {
    if (seq < this.renamedOffset || seq > this.nameSeq) return null;
    return this.renamed.slice(seq - this.renamedOffset);
  }

  private noteRenamed(participantKey: string): void {
    this.renamed.push(participantKey);
    if (this.renamed.length > MAX_RENAMED_KEPT) {
      const dropped = this.renamed.length - MAX_RENAMED_KEPT / 2;
      this.renamed = this.renamed.slice(dropped);
      this.renamedOffset += dropped;
    }
  }

  /** A contest's ranking over its rounds whose answers may be shown: rankContest over those rounds' rankings. */
  async contestStanding(contestId: string, now: number): Promise<ContestStandingValue> {
    const rounds = [...this.rounds.values()].filter((round) => round.contestId === contestId).sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime());
    const standings: RoundStanding[] = [];
    for (const round of rounds) {
      if (!mayRevealAnswers(rulesOf(round), now)) continue;
      const standing = await this.roundStanding(round.id, now);
      if (standing?.revealed) standings.push(standing);
    }
    const key = standings.map((standing) => `${standing.roundId}:${this.roundVersion(standing.roundId)}`).join(",");
    const known = this.contestStandings.get(contestId);
    if (known?.key === key) return known.value;
    const rankingKey = standings.map((standing) => `${standing.roundId}:${this.roundVersions.get(standing.roundId) ?? 0}`).join(",");
    const renamed = known?.rankingKey === rankingKey ? this.renamedSince(known.seq) : null;
    if (known && renamed) {
      // Only names changed: the same ranking, its participants named again where their profile changed.
      for (const id of renamed) {
        for (let index = standings.length - 1; index >= 0; index--) {
          const info = standings[index].participants.get(id);
          if (info) {
            known.value.participants.set(id, info);
            break;
          }
        }
      }
      this.contestStandings.set(contestId, { key, rankingKey, seq: this.nameSeq, value: known.value });
      return known.value;
    }
    const ranked = known?.rankingKey === rankingKey ? known.value.ranked : rankContest(standings.map((standing) => standing.ranked));
    const participants = new Map<string, ParticipantInfo>();
    for (const standing of standings) for (const [id, info] of standing.participants) participants.set(id, info);
    const value = { ranked, participants, roundsCounted: standings.length };
    this.contestStandings.set(contestId, { key, rankingKey, seq: this.nameSeq, value });
    return value;
  }

  /** The attempts of some rounds, for the boards by area. */
  attemptsOf(roundIds: readonly string[]): AttemptRecord[] {
    return roundIds.flatMap((roundId) => [...(this.attemptsOfRound.get(roundId) ?? [])].map((id) => this.attempts.get(id)!));
  }

  // --- loading -------------------------------------------------------------------------------

  async loadAll(db: PrismaClient, now: number, pause: () => Promise<void>): Promise<void> {
    // Whatever changes while the pages are read is read again by the look at the end.
    this.lookStartedAt = Date.now();
    await this.lookAtSmallTables(db);
    for (let after: string | null = null; ; ) {
      const page: Profile[] = await db.participantProfile.findMany({
        where: after ? { userId: { gt: after } } : undefined,
        select: profileSelect,
        orderBy: { userId: "asc" },
        take: PAGE_SIZE * 5,
      });
      for (const profile of page) this.profiles.set(profile.userId, profile);
      if (page.length < PAGE_SIZE * 5) break;
      after = page[page.length - 1].userId;
      await pause();
    }
    for (let after: string | null = null; ; ) {
      const page: AttemptRow[] = await db.attempt.findMany({
        where: after ? { id: { gt: after } } : undefined,
        select: attemptSelect,
        orderBy: { id: "asc" },
        take: PAGE_SIZE,
      });
      for (const attempt of page) this.putAttempt(this.recordOf(attempt));
      if (page.length < PAGE_SIZE) break;
      after = page[page.length - 1].id;
      await pause();
    }
    await this.lookAgain(db, now);
  }

  /** Reads what changed since the last look and applies it. */
  async lookAgain(db: PrismaClient, now: number): Promise<void> {
    const version = statsVersion();
    this.table.trackChanges();
    this.structureChanged = false;
    // Attempts that ran out of time since the last look get their score stored first; that write
    // stamps them, so they are read below.
    await storePendingScores(db, now);
    // A row written since the last look began was stamped at most the overlap before it committed.
    const since = new Date(this.lookStartedAt - OVERLAP_MS);
    this.lookStartedAt = Date.now();
    const [changedAttempts, changedProfiles] = await Promise.all([
      db.attempt.findMany({ where: { updatedAt: { gte: since } }, select: attemptSelect }),
      db.participantProfile.findMany({ where: { updatedAt: { gte: since } }, select: profileSelect }),
      this.lookAtSmallTables(db),
    ]);
    this.putProfiles(changedProfiles);
    this.putAttemptRows(changedAttempts);
    const changes = this.table.takeChanges();
    if (this.structureChanged || changes.size > 0) for (const listener of this.factListeners) listener(this.structureChanged ? "all" : changes);
    this.looks++;
    this.lookedAt = Date.now();
    this.lookedAtVersion = version;
  }

  /**
   * After this process's own writes of some attempts (statsChanged with their ids): reads those
   * attempts and their participants' profiles only. Other processes' writes are still read by the
   * full look once the last one is a few seconds old. False when a full look is needed instead (an
   * attempt of a round this store does not know yet).
   */
  async lookAtOwnAttempts(db: PrismaClient, attemptIds: readonly string[]): Promise<boolean> {
    const version = statsVersion();
    const rows: AttemptRow[] = await db.attempt.findMany({ where: { id: { in: [...attemptIds] } }, select: attemptSelect });
    if (rows.some((row) => !this.rounds.has(row.roundId))) return false;
    const userIds = [...new Set(rows.flatMap((row) => (row.userId ? [row.userId] : [])))];
    const profiles = userIds.length > 0 ? await db.participantProfile.findMany({ where: { userId: { in: userIds } }, select: profileSelect }) : [];
    this.table.trackChanges();
    this.putProfiles(profiles);
    this.putAttemptRows(rows);
    const changes = this.table.takeChanges();
    if (changes.size > 0) for (const listener of this.factListeners) listener(changes);
    this.looks++;
    this.lookedAtVersion = version;
    return true;
  }

  private putProfiles(profiles: Profile[]): void {
    for (const profile of profiles) {
      const before = this.profiles.get(profile.userId);
      if (before && sameRecord(before, profile)) continue;
      this.profiles.set(profile.userId, profile);
      this.noteRenamed(profile.userId);
      // The birth year is counted; the names only show on the boards, so a new name or a hidden
      // one leaves the figures as they are.
      const counted = before?.birthYear !== profile.birthYear;
      for (const id of this.attemptsOfUser.get(profile.userId) ?? []) {
        const attempt = this.attempts.get(id)!;
        if (counted) this.table.set(id, this.factOf(attempt));
        this.nameVersions.set(attempt.roundId, (this.nameVersions.get(attempt.roundId) ?? 0) + 1);
      }
      if (counted) this.version++;
    }
  }

  private putAttemptRows(rows: AttemptRow[]): void {
    for (const row of rows) {
      const attempt = this.recordOf(row);
      const before = this.attempts.get(attempt.id);
      if (before && sameRecord(before, attempt)) continue;
      this.putAttempt(attempt);
    }
  }

  /**
   * Tells `listener` after each look which participants' facts changed, with their facts as they
   * were ("all" when the units or successions changed, which moves every fact).
   */
  onFactsChanged(listener: (changes: Map<number, FactColumns> | "all") => void): void {
    this.factListeners.add(listener);
  }

  /** The state version of every live game, for the item analysis. */
  gameVersions(): Map<string, number> {
    return new Map([...this.games].map(([id, game]) => [id, game.stateVersion]));
  }

  liveGame(gameId: string): LiveGameFact | undefined {
    return this.games.get(gameId)?.fact;
  }

  async lookAgainAtItems(db: PrismaClient, items: ItemFacts): Promise<void> {
    const look = this.looks;
    await items.lookAgain(db, this.gameVersions(), new Set(this.rounds.keys()), this.roundsRemoved);
    this.roundsRemoved = false;
    items.storeLook = look;
  }

  /** The responses as of this store's last look: read again if a look happened since they were. */
  async itemsUpToDate(db: PrismaClient, items: ItemFacts): Promise<ItemFacts> {
    while (items.storeLook !== this.looks) {
      this.itemsLooking ??= this.lookAgainAtItems(db, items).finally(() => {
        this.itemsLooking = null;
      });
      await this.itemsLooking;
    }
    return items;
  }

  private async lookAtSmallTables(db: PrismaClient): Promise<void> {
    const [unitsKey, rounds, contests, successions, games] = await Promise.all([
      db.unit.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }).then((row) => `${row._count._all}:${row._max.updatedAt?.getTime()}`),
      db.round.findMany({ select: roundSelect }),
      db.contest.findMany({ select: { id: true, title: true }, orderBy: { createdAt: "asc" } }),
      loadSuccessions(db),
      db.liveGame.findMany({ select: { id: true, title: true, hostId: true, createdAt: true, status: true, stateVersion: true } }),
    ]);
    if (unitsKey !== this.unitsKey) {
      const units = await db.unit.findMany({ select: { id: true, name: true, kind: true, parentId: true, enrolment: true, validFrom: true, validTo: true } });
      this.units = units.map((unit) => ({ ...unit, validFrom: unit.validFrom?.getTime() ?? null, validTo: unit.validTo?.getTime() ?? null }));
      this.unitsKey = unitsKey;
      this.unitsVersion++;
      this.structureChanged = true;
      this.mappedDay = -1;
      this.version++;
    }
    const successionsKey = JSON.stringify(successions.map((row) => [row.predecessorId, row.successorId, row.share, row.effectiveAt.getTime()]).sort());
    if (successionsKey !== this.successionsKey) {
      this.successions = successions;
      this.successionsKey = successionsKey;
      this.structureChanged = true;
      this.mappedDay = -1;
      this.unitsVersion++;
      this.version++;
    }
    if (JSON.stringify(contests) !== JSON.stringify(this.contests)) {
      this.contests = contests;
      this.version++;
    }
    const seen = new Set<string>();
    for (const round of rounds) {
      seen.add(round.id);
      const before = this.rounds.get(round.id);
      // A truth stored by this process (or another) is part of the round; any other change too.
      if (before && JSON.stringify(before) === JSON.stringify(round)) continue;
      this.rounds.set(round.id, round);
      this.bumpRound(round.id);
      this.roundsVersion++;
      if (before && (before.contestId !== round.contestId || before.questionCount !== round.questionCount)) {
        for (const id of this.attemptsOfRound.get(round.id) ?? []) this.putAttempt(this.attempts.get(id)!);
      }
    }
    for (const id of [...this.rounds.keys()]) {
      if (seen.has(id)) continue;
      // Attempts are deleted only with their round (a cascade that stamps nothing).
      this.rounds.delete(id);
      for (const attemptId of [...(this.attemptsOfRound.get(id) ?? [])]) this.removeAttempt(attemptId);
      this.attemptsOfRound.delete(id);
      this.bumpRound(id);
      this.roundsVersion++;
      this.roundsRemoved = true;
    }
    await this.lookAtGames(db, games);
  }

  private async lookAtGames(db: PrismaClient, games: { id: string; title: string; hostId: string; createdAt: Date; status: string; stateVersion: number }[]) {
    const changed: string[] = [];
    const seen = new Set<string>();
    for (const game of games) {
      seen.add(game.id);
      const before = this.games.get(game.id);
      const fact: LiveGameFact = { id: game.id, title: game.title, hostId: game.hostId, startedAt: game.createdAt.getTime(), status: game.status };
      if (before && before.stateVersion === game.stateVersion && JSON.stringify(before.fact) === JSON.stringify(fact)) continue;
      this.games.set(game.id, { fact, stateVersion: game.stateVersion, players: before?.players ?? [] });
      changed.push(game.id);
    }
    let removed = false;
    for (const id of [...this.games.keys()]) {
      if (!seen.has(id)) {
        this.games.delete(id);
        removed = true;
      }
    }
    if (changed.length > 0) {
      const gameId = { in: changed };
      const [players, answers, correct] = await Promise.all([
        db.livePlayer.findMany({ where: { gameId }, select: { id: true, gameId: true, unitId: true, areaId: true, homePath: true } }),
        db.liveAnswer.groupBy({ by: ["playerId"], where: { gameId }, _count: { _all: true } }),
        db.liveAnswer.groupBy({ by: ["playerId"], where: { gameId, correct: true }, _count: { _all: true } }),
      ]);
      const answerCount = new Map(answers.map((row) => [row.playerId, row._count._all]));
      const correctCount = new Map(correct.map((row) => [row.playerId, row._count._all]));
      for (const id of changed) this.games.get(id)!.players = [];
      for (const player of players) {
        this.games.get(player.gameId)?.players.push({
          gameId: player.gameId,
          // Home players count in every figure by area; the flag tells them apart (docs/decisions/038).
          ...(player.homePath ? { home: true } : {}),
          unitId: player.unitId,
          areaId: player.areaId,
          answers: answerCount.get(player.id) ?? 0,
          correctAnswers: correctCount.get(player.id) ?? 0,
        });
      }
    }
    if (changed.length > 0 || removed) {
      this.livePlayers = [...this.games.values()].flatMap((game) => game.players);
      this.version++;
    }
  }

  private putAttempt(attempt: AttemptRecord): void {
    const before = this.attempts.get(attempt.id);
    if (before) {
      if (before.userId && before.userId !== attempt.userId) this.attemptsOfUser.get(before.userId)?.delete(attempt.id);
      if (before.roundId !== attempt.roundId) {
        this.attemptsOfRound.get(before.roundId)?.delete(attempt.id);
        this.bumpRound(before.roundId);
      }
    }
    if (before && before.correct === null) this.runningOfRound.set(before.roundId, (this.runningOfRound.get(before.roundId) ?? 1) - 1);
    if (attempt.correct === null) this.runningOfRound.set(attempt.roundId, (this.runningOfRound.get(attempt.roundId) ?? 0) + 1);
    this.attempts.set(attempt.id, attempt);
    if (attempt.userId) setOf(this.attemptsOfUser, attempt.userId).add(attempt.id);
    setOf(this.attemptsOfRound, attempt.roundId).add(attempt.id);
    this.table.set(attempt.id, this.factOf(attempt));
    this.bumpRound(attempt.roundId);
  }

  private removeAttempt(id: string): void {
    const attempt = this.attempts.get(id);
    if (!attempt) return;
    this.attempts.delete(id);
    if (attempt.correct === null) this.runningOfRound.set(attempt.roundId, (this.runningOfRound.get(attempt.roundId) ?? 1) - 1);
    if (attempt.userId) this.attemptsOfUser.get(attempt.userId)?.delete(id);
    this.attemptsOfRound.get(attempt.roundId)?.delete(id);
    this.table.delete(id);
    this.bumpRound(attempt.roundId);
  }

  private recordOf(row: AttemptRow): AttemptRecord {
    return {
      id: row.id,
      roundId: this.strings.of(row.roundId),
      participantKey: row.participantKey,
      // The participant key is the account id until the participant deletes their data.
      userId: row.userId === row.participantKey ? row.participantKey : row.userId,
      attemptNumber: row.attemptNumber,
      audience: this.strings.of(row.audience),
      unitId: this.strings.of(row.unitId),
      areaId: this.strings.of(row.areaId),
      prediction: row.prediction,
      correct: row.correct,
      startedAt: row.startedAt.getTime(),
      deadline: row.deadline.getTime(),
      submittedAt: row.submittedAt?.getTime() ?? null,
      updatedAt: row.updatedAt.getTime(),
    };
  }

  private factOf(attempt: AttemptRecord): AttemptFact {
    const round = this.rounds.get(attempt.roundId);
    const profile = attempt.userId ? this.profiles.get(attempt.userId) : undefined;
    return {
      participantKey: attempt.participantKey,
      roundId: attempt.roundId,
      contestId: round?.contestId ?? null,
      audience: attempt.audience,
      unitId: attempt.unitId,
      areaId: attempt.areaId,
      birthYear: profile?.birthYear ?? null,
      startedAt: attempt.startedAt,
      submitted: attempt.submittedAt !== null,
      correct: attempt.correct,
      questionCount: round?.questionCount ?? 0,
    };
  }

  private bumpRound(roundId: string): void {
    this.roundVersions.set(roundId, (this.roundVersions.get(roundId) ?? 0) + 1);
    this.version++;
  }
}

export type ContestStandingValue = { ranked: ContestRankedEntry[]; participants: Map<string, ParticipantInfo>; roundsCounted: number };

/** Two readings of one row hold the same values (a row read again within the overlap). */
function sameRecord<T extends Record<string, unknown>>(a: T, b: T): boolean {
  for (const key of Object.keys(b)) {
    const x = a[key];
    const y = b[key];
    if (x instanceof Date && y instanceof Date ? x.getTime() !== y.getTime() : x !== y) return false;
  }
  return true;
}

/** A participant's public profile laid over their ranking entry (none once they deleted their data). */
function withProfile(info: ParticipantInfo, profile: Profile | undefined): ParticipantInfo {
  return {
    ...info,
    displayName: profile?.displayName ?? null,
    hideName: profile?.hideNamePublicly ?? false,
    className: profile?.className ?? null,
  };
}

function setOf(map: Map<string, Set<string>>, key: string): Set<string> {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  return set;
}

// --- the one store of this process -----------------------------------------------------------

let store: StatsStore | null = null;
let loading: Promise<StatsStore> | null = null;
let looking: Promise<void> | null = null;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function load(db: PrismaClient, now: number, pause: () => Promise<void>): Promise<StatsStore> {
  loading ??= (async () => {
    const fresh = new StatsStore();
    await fresh.loadAll(db, now, pause);
    store = fresh;
    return fresh;
  })().finally(() => {
    loading = null;
  });
  return loading;
}

/**
 * The facts, up to date: read again (and waited for) when this process wrote something the
 * statistics count; read again in the background when the last look is more than a few seconds
 * old (other processes' writes, which then show at the next request after that look).
 */
export async function statsStore(db: PrismaClient, now = Date.now()): Promise<StatsStore> {
  const current = store ?? (await load(db, now, yieldToEventLoop));
  const trusted = Date.now() - current.lookedAt < TRUST_MS;
  if (current.lookedAtVersion === statsVersion() && trusted) return current;
  // This process wrote some attempts and said which: those rows are all there is to read.
  const ownAttempts = trusted && !looking ? attemptsChangedSince(current.lookedAtVersion) : null;
  if (ownAttempts) {
    looking = current
      .lookAtOwnAttempts(db, ownAttempts)
      .then((done) => (done ? undefined : current.lookAgain(db, now)))
      .finally(() => {
        looking = null;
      });
    await looking;
    return current.lookedAtVersion === statsVersion() ? current : statsStore(db, now);
  }
  looking ??= current.lookAgain(db, now).finally(() => {
    looking = null;
  });
  // Only other processes wrote since the last look (their writes show within a few seconds
  // anyway): the look goes on in the background and this request is answered from the facts as
  // they are. After this process's own write, the request waits for the look that reads it.
  if (current.lookedAtVersion === statsVersion()) {
    looking.catch(() => {});
    return current;
  }
  await looking;
  // A write made while that look ran is seen by the next one.
  return current.lookedAtVersion === statsVersion() ? current : statsStore(db, now);
}

const pauseFor = (ms: number) => () => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Loads the facts a page at a time with a pause between pages (the server's start, ./warm-up.server.ts). */
export function warmFacts(db: PrismaClient, pauseMs = 5): Promise<StatsStore> {
  return store ? Promise.resolve(store) : load(db, Date.now(), pauseFor(pauseMs));
}

/** Loads the responses for item analysis likewise, once the facts are in. */
export async function warmItems(db: PrismaClient, pauseMs = 5): Promise<ItemFacts> {
  const current = await warmFacts(db, pauseMs);
  return current.items ?? loadItems(db, current, pauseFor(pauseMs));
}

let itemsLoading: Promise<ItemFacts> | null = null;

function loadItems(db: PrismaClient, current: StatsStore, pause: () => Promise<void>): Promise<ItemFacts> {
  itemsLoading ??= (async () => {
    const items = new ItemFacts();
    await items.loadAll(db, current.gameVersions(), pause);
    // What finished while the pages were read.
    if (store === current) current.items = items;
    await current.lookAgainAtItems(db, items);
    return items;
  })().finally(() => {
    itemsLoading = null;
  });
  return itemsLoading;
}

/** The facts with the responses item analysis reads, loading those the first time (a year: seconds). */
export async function statsItems(db: PrismaClient, now = Date.now()): Promise<{ store: StatsStore; items: ItemFacts }> {
  const current = await statsStore(db, now);
  const items = current.items ?? (await loadItems(db, current, yieldToEventLoop));
  // What finished since the responses were last read (the facts' look above saw it first).
  return { store: current, items: await current.itemsUpToDate(db, items) };
}

/** Whether the facts are in memory (the server's start loads them in the background). */
export function factsInMemory(): boolean {
  return store !== null;
}

/** Forgets the facts in memory (tests, and after a bulk load such as the synthetic year). */
export function forgetStatsStore(): void {
  store = null;
}
