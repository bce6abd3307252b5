// Every statistic of the dashboard, the yearly report and the role home pages, counted in one
// place from stored facts (docs/decisions/015). Pure: the facts are loaded by ./figures.server.ts,
// and tests feed hand-made facts with hand-counted answers.
//
// The interface others build on (stable; add fields, never change their meaning):
//
//   computeFigures(db, filter: StatsFilter): Promise<Figures>            (./figures.server.ts)
//   aggregateFigures(facts: StatsFacts, filter: StatsFilter, mapUnit?): Figures   (this file)
//
//   StatsFilter = { from, to (Date, [from, to)), contestId?, roundId?, audience?, areaId?, schoolId?,
//                   hostId? (live games of one host), view: "as-it-was" | "current" }
//   Figures = {
//     view, filter,
//     totals: Counts,                       participants (unique people), attempts, completed, …
//     scoreBands: ScoreBand[],              distribution of attempt scores in tenths of the maximum
//     byArea, bySchool: UnitFigures[],      every unit of the level, zeros included
//     byAudience, byBirthBand: GroupFigures[],
//     byRound, byContest: GroupFigures[],
//     byDay, byWeek, byMonth: PeriodFigures[]   (Viet Nam calendar; weeks start on Monday)
//     live: { totals: LiveCounts, byGame: LiveGameFigures[], byArea: LiveAreaFigures[] }
//   }
//   Counts = { participants, attempts, completed, completionRate, scored, averageScore,
//              averageCorrect }   (averageScore is a share of the maximum, 0…1)
//   UnitFigures = Counts & { unitId, name, kind, parentId, enrolment, enrolledParticipants,
//              participationRate }
//
// Counting rules (why each is so is in the decision record):
// - A participant is one participantKey (the user id, or the anonymous key a participant who
//   deleted their data leaves behind, which still groups their attempts).
// - An attempt counts in a period by the time it started (Viet Nam calendar).
// - completed = attempts handed in; scored = attempts that have ended (handed in or out of time),
//   whose score is known; averages and the score distribution are over scored attempts.
// - Units: "as-it-was" groups by the area and school stored on the attempt when it started;
//   "current" maps them onto today's units through the successions, a split area giving each
//   successor its share (so participants may be fractional there, and the page says so).
// - Participation rate = participants in the part of a unit whose enrolment is known ÷ that
//   enrolment: the unit's own figure, or the sum of its children's where it has none.

export type StatsView = "as-it-was" | "current";

export type StatsFilter = {
  /** Start of the period, inclusive; null for no start. */
  from: Date | null;
  /** End of the period, exclusive; null for no end. */
  to: Date | null;
  contestId?: string | null;
  roundId?: string | null;
  audience?: string | null;
  /** An area (district before the reform, commune/ward after) in the chosen view. */
  areaId?: string | null;
  /** A school or workplace. */
  schoolId?: string | null;
  /** Live games of this host only (a host's own dashboard). */
  hostId?: string | null;
  view: StatsView;
};

export type UnitFact = {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
  enrolment: number | null;
  /** First day the unit existed; null = as far back as the data goes. */
  validFrom: number | null;
  /** First day it no longer existed (exclusive); null = exists today. */
  validTo: number | null;
};

export type AttemptFact = {
  participantKey: string;
  roundId: string;
  contestId: string | null;
  audience: string | null;
  /** The school or workplace (or other unit) the participant gave, as stored on the attempt. */
  unitId: string | null;
  /** The area the unit sat under when the attempt started, as stored on the attempt. */
  areaId: string | null;
  /** From the participant's profile; null once they deleted their data. */
  birthYear: number | null;
  startedAt: number;
  submitted: boolean;
  /** Correct answers once the attempt has ended; null while it runs. */
  correct: number | null;
  questionCount: number;
};

export type LiveGameFact = { id: string; title: string; hostId: string; startedAt: number; status: string };

export type LivePlayerFact = {
  gameId: string;
  unitId: string | null;
  areaId: string | null;
  answers: number;
  correctAnswers: number;
};

export type StatsFacts = {
  units: readonly UnitFact[];
  rounds: readonly { id: string; title: string; contestId: string | null; opensAt: number; closesAt: number }[];
  contests: readonly { id: string; title: string }[];
  attempts: readonly AttemptFact[];
  liveGames: readonly LiveGameFact[];
  livePlayers: readonly LivePlayerFact[];
};

/** Maps a unit onto today's units; the shares of one unit sum to 1. */
export type MapUnit = (unitId: string, at: Date) => ReadonlyArray<{ unitId: string; share: number }>;

export type Counts = {
  participants: number;
  attempts: number;
  completed: number;
  /** completed ÷ attempts; null without attempts. */
  completionRate: number | null;
  scored: number;
  /** Mean share of the maximum score over scored attempts, 0…1; null without any. */
  averageScore: number | null;
  averageCorrect: number | null;
};

export type UnitFigures = Counts & {
  unitId: string;
  name: string;
  kind: string;
  parentId: string | null;
  /** The enrolment the rate is computed on: the unit's own or its children's sum; null if unknown. */
  enrolment: number | null;
  /** Participants in the part of the unit whose enrolment is known. */
  enrolledParticipants: number;
  participationRate: number | null;
};

export type GroupFigures = Counts & { key: string; label: string };
export type PeriodFigures = Counts & { key: string; start: Date };
export type ScoreBand = { key: string; from: number; to: number; attempts: number };

export type LiveCounts = { gamesHeld: number; players: number; answers: number; correctAnswers: number };
export type LiveGameFigures = { gameId: string; title: string; startedAt: Date; players: number; answers: number; correctAnswers: number };
export type LiveAreaFigures = { unitId: string; name: string; players: number; answers: number };

export type Figures = {
  view: StatsView;
  filter: StatsFilter;
  totals: Counts;
  scoreBands: ScoreBand[];
  byArea: UnitFigures[];
  bySchool: UnitFigures[];
  byAudience: GroupFigures[];
  byBirthBand: GroupFigures[];
  byRound: GroupFigures[];
  byContest: GroupFigures[];
  byDay: PeriodFigures[];
  byWeek: PeriodFigures[];
  byMonth: PeriodFigures[];
  live: { totals: LiveCounts; byGame: LiveGameFigures[]; byArea: LiveAreaFigures[] };
};

export const AREA_KINDS = ["district", "town", "provincial-city", "commune", "ward", "special-zone"] as const;
export const SCHOOL_KINDS = ["school", "workplace"] as const;
export const AUDIENCE_KEYS = ["lower-secondary", "upper-secondary", "university", "young-workers", "public"] as const;
export const UNKNOWN_KEY = "unknown";

const isArea = (kind: string) => (AREA_KINDS as readonly string[]).includes(kind);
const isSchool = (kind: string) => (SCHOOL_KINDS as readonly string[]).includes(kind);

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Viet Nam calendar day of an instant, as the UTC midnight that starts that day there. */
function vietnamDayStart(at: number): number {
  const shifted = at + VIETNAM_OFFSET_MS;
  return shifted - (((shifted % DAY_MS) + DAY_MS) % DAY_MS) - VIETNAM_OFFSET_MS;
}

export function dayKey(at: number): { key: string; start: number } {
  const start = vietnamDayStart(at);
  return { key: new Date(start + VIETNAM_OFFSET_MS).toISOString().slice(0, 10), start };
}

/** ISO week (Monday first) of the Viet Nam calendar day, e.g. "2026-W49". */
export function weekKey(at: number): { key: string; start: number } {
  const dayStart = vietnamDayStart(at);
  const local = new Date(dayStart + VIETNAM_OFFSET_MS);
  const weekday = (local.getUTCDay() + 6) % 7;
  const start = dayStart - weekday * DAY_MS;
  // The ISO week belongs to the year of its Thursday and counts Thursdays from 1 January.
  const thursday = start + VIETNAM_OFFSET_MS + 3 * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return { key: `${year}-W${String(week).padStart(2, "0")}`, start };
}

export function monthKey(at: number): { key: string; start: number } {
  const local = new Date(at + VIETNAM_OFFSET_MS);
  const start = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - VIETNAM_OFFSET_MS;
  return { key: `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, "0")}`, start };
}

/** Five-year birth-year bands ("2010–2014"), so that no band points at one person. */
export function birthBand(birthYear: number | null): string {
  if (birthYear === null) return UNKNOWN_KEY;
  const start = Math.floor(birthYear / 5) * 5;
  return `${start}–${start + 4}`;
}

/** Running sums for one group; `weight` is 1, or a share when a unit is mapped onto several. */
class Tally {
  participants = new Map<string, number>();
  attempts = 0;
  completed = 0;
  scored = 0;
  scoreSum = 0;
  correctSum = 0;

  add(fact: AttemptFact, weight: number) {
    this.participants.set(fact.participantKey, Math.max(this.participants.get(fact.participantKey) ?? 0, weight));
    this.attempts += weight;
    if (fact.submitted) this.completed += weight;
    if (fact.correct !== null) {
      this.scored += weight;
      this.correctSum += fact.correct * weight;
      this.scoreSum += (fact.questionCount > 0 ? fact.correct / fact.questionCount : 0) * weight;
    }
  }

  participantCount(only?: (key: string) => boolean): number {
    let sum = 0;
    for (const [key, weight] of this.participants) if (!only || only(key)) sum += weight;
    return tidy(sum);
  }

  counts(): Counts {
    return {
      participants: this.participantCount(),
      attempts: tidy(this.attempts),
      completed: tidy(this.completed),
      completionRate: this.attempts > 0 ? tidy(this.completed / this.attempts) : null,
      scored: tidy(this.scored),
      averageScore: this.scored > 0 ? tidy(this.scoreSum / this.scored) : null,
      averageCorrect: this.scored > 0 ? tidy(this.correctSum / this.scored) : null,
    };
  }
}

/** Shares like 0.3 + 0.7 should not print as 0.9999999999. */
function tidy(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

function tallyIn<K>(map: Map<K, Tally>, key: K): Tally {
  let tally = map.get(key);
  if (!tally) {
    tally = new Tally();
    map.set(key, tally);
  }
  return tally;
}

function overlaps(unit: UnitFact, from: number | null, to: number | null): boolean {
  if (unit.validTo !== null && from !== null && unit.validTo <= from) return false;
  if (unit.validFrom !== null && to !== null && unit.validFrom >= to) return false;
  return true;
}

function activeToday(unit: UnitFact, now: number): boolean {
  return (unit.validTo === null || unit.validTo > now) && (unit.validFrom === null || unit.validFrom <= now);
}

const identityMap: MapUnit = (unitId) => [{ unitId, share: 1 }];

export function aggregateFigures(facts: StatsFacts, filter: StatsFilter, mapUnit: MapUnit = identityMap, now = Date.now()): Figures {
  const from = filter.from?.getTime() ?? null;
  const to = filter.to?.getTime() ?? null;
  const inPeriod = (at: number) => (from === null || at >= from) && (to === null || at < to);
  const unitById = new Map(facts.units.map((unit) => [unit.id, unit]));
  const current = filter.view === "current";

  // The area a unit sits under in today's tree (for facts stored before areaId existed).
  const areaOf = (unitId: string | null): string | null => {
    const seen = new Set<string>();
    let unit = unitId ? unitById.get(unitId) : undefined;
    while (unit && !seen.has(unit.id)) {
      if (isArea(unit.kind)) return unit.id;
      seen.add(unit.id);
      unit = unit.parentId ? unitById.get(unit.parentId) : undefined;
    }
    return null;
  };
  const schoolOf = (unitId: string | null) => (unitId && unitById.has(unitId) && isSchool(unitById.get(unitId)!.kind) ? unitId : null);
  const place = (unitId: string | null, at: number): Array<{ unitId: string; share: number }> =>
    unitId === null ? [] : current ? [...mapUnit(unitId, new Date(at))] : [{ unitId, share: 1 }];

  const areaShares = (fact: AttemptFact) => place(fact.areaId ?? areaOf(fact.unitId), fact.startedAt);
  const schoolShares = (fact: AttemptFact) => place(schoolOf(fact.unitId), fact.startedAt);

  const shareOf = (shares: Array<{ unitId: string; share: number }>, unitId: string) =>
    shares.reduce((sum, entry) => sum + (entry.unitId === unitId ? entry.share : 0), 0);

  const selected = facts.attempts.filter((fact) => {
    if (!inPeriod(fact.startedAt)) return false;
    if (filter.contestId && fact.contestId !== filter.contestId) return false;
    if (filter.roundId && fact.roundId !== filter.roundId) return false;
    if (filter.audience && fact.audience !== filter.audience) return false;
    if (filter.areaId && shareOf(areaShares(fact), filter.areaId) === 0) return false;
    if (filter.schoolId && shareOf(schoolShares(fact), filter.schoolId) === 0) return false;
    return true;
  });
  // Within a chosen area, a fact split across areas counts with its share there.
  const baseWeight = (fact: AttemptFact) =>
    (filter.areaId ? shareOf(areaShares(fact), filter.areaId) : 1) * (filter.schoolId ? shareOf(schoolShares(fact), filter.schoolId) : 1);

  const totals = new Tally();
  const areas = new Map<string, Tally>();
  const schools = new Map<string, Tally>();
  const audiences = new Map<string, Tally>();
  const bands = new Map<string, Tally>();
  const rounds = new Map<string, Tally>();
  const contests = new Map<string, Tally>();
  const days = new Map<string, Tally>();
  const weeks = new Map<string, Tally>();
  const months = new Map<string, Tally>();
  const periodStart = new Map<string, number>();
  const scoreBands = Array.from({ length: 10 }, (_, index) => ({ key: `${index * 10}–${index === 9 ? 100 : index * 10 + 9}%`, from: index / 10, to: (index + 1) / 10, attempts: 0 }));

  for (const fact of selected) {
    const weight = baseWeight(fact);
    totals.add(fact, weight);
    for (const { unitId, share } of areaShares(fact)) tallyIn(areas, unitId).add(fact, weight * share);
    for (const { unitId, share } of schoolShares(fact)) tallyIn(schools, unitId).add(fact, weight * share);
    tallyIn(audiences, fact.audience ?? UNKNOWN_KEY).add(fact, weight);
    tallyIn(bands, birthBand(fact.birthYear)).add(fact, weight);
    tallyIn(rounds, fact.roundId).add(fact, weight);
    if (fact.contestId) tallyIn(contests, fact.contestId).add(fact, weight);
    for (const [map, period] of [
      [days, dayKey(fact.startedAt)],
      [weeks, weekKey(fact.startedAt)],
      [months, monthKey(fact.startedAt)],
    ] as const) {
      tallyIn(map, period.key).add(fact, weight);
      periodStart.set(period.key, period.start);
    }
    if (fact.correct !== null) {
      const share = fact.questionCount > 0 ? fact.correct / fact.questionCount : 0;
      scoreBands[Math.min(9, Math.floor(share * 10 + 1e-9))].attempts += weight;
    }
  }
  for (const band of scoreBands) band.attempts = tidy(band.attempts);

  // Which units are listed (with zeros): those of the level that existed in the period, or today's.
  const listed = (unit: UnitFact) => (current ? activeToday(unit, now) : overlaps(unit, from, to));
  const childrenOf = new Map<string, UnitFact[]>();
  for (const unit of facts.units) {
    if (!unit.parentId) continue;
    const list = childrenOf.get(unit.parentId);
    if (list) list.push(unit);
    else childrenOf.set(unit.parentId, [unit]);
  }
  // Units whose own enrolment is known, at this unit or below it (the parent's figure wins).
  const enrolledPart = (unit: UnitFact, seen = new Set<string>()): UnitFact[] => {
    if (seen.has(unit.id)) return [];
    seen.add(unit.id);
    if (unit.enrolment !== null) return [unit];
    return (childrenOf.get(unit.id) ?? []).filter(listed).flatMap((child) => enrolledPart(child, seen));
  };

  const unitRows = (kindTest: (kind: string) => boolean, tallies: Map<string, Tally>, schoolLevel: boolean): UnitFigures[] => {
    const rows = facts.units
      .filter((unit) => kindTest(unit.kind) && (listed(unit) || tallies.has(unit.id)))
      .filter((unit) => !filter.areaId || (schoolLevel ? unit.parentId === filter.areaId || tallies.has(unit.id) : unit.id === filter.areaId))
      .filter((unit) => !filter.schoolId || !schoolLevel || unit.id === filter.schoolId)
      .map((unit): UnitFigures => {
        const tally = tallies.get(unit.id) ?? new Tally();
        const part = enrolledPart(unit);
        const enrolment = part.length > 0 ? part.reduce((sum, member) => sum + (member.enrolment ?? 0), 0) : null;
        let enrolledParticipants = 0;
        if (part.length === 1 && part[0].id === unit.id) enrolledParticipants = tally.participantCount();
        else if (part.length > 0) {
          for (const member of part) enrolledParticipants += schools.get(member.id)?.participantCount() ?? 0;
          enrolledParticipants = tidy(enrolledParticipants);
        }
        return {
          ...tally.counts(),
          unitId: unit.id,
          name: unit.name,
          kind: unit.kind,
          parentId: unit.parentId,
          enrolment,
          enrolledParticipants,
          participationRate: enrolment ? tidy(enrolledParticipants / enrolment) : null,
        };
      });
    return rows.sort((a, b) => a.name.localeCompare(b.name, "vi"));
  };

  const groupRows = (tallies: Map<string, Tally>, keys: readonly string[], label: (key: string) => string): GroupFigures[] =>
    keys.map((key) => ({ key, label: label(key), ...(tallies.get(key) ?? new Tally()).counts() }));

  const periodRows = (tallies: Map<string, Tally>): PeriodFigures[] =>
    [...tallies.keys()].sort().map((key) => ({ key, start: new Date(periodStart.get(key)!), ...tallies.get(key)!.counts() }));

  const roundById = new Map(facts.rounds.map((round) => [round.id, round]));
  // Rounds (and their contests) open at some time in the period are listed, with zeros if need be.
  const roundOpen = (round: StatsFacts["rounds"][number]) => (from === null || round.closesAt > from) && (to === null || round.opensAt < to);
  const roundKeys = facts.rounds
    .filter((round) => (!filter.contestId || round.contestId === filter.contestId) && (!filter.roundId || round.id === filter.roundId))
    .filter((round) => rounds.has(round.id) || roundOpen(round))
    .sort((a, b) => a.opensAt - b.opensAt || a.title.localeCompare(b.title, "vi"))
    .map((round) => round.id);
  const listedContests = new Set(roundKeys.flatMap((id) => (roundById.get(id)?.contestId ? [roundById.get(id)!.contestId!] : [])));
  const contestKeys = facts.contests.filter((contest) => (!filter.contestId || contest.id === filter.contestId) && (contests.has(contest.id) || listedContests.has(contest.id))).map((contest) => contest.id);
  const contestTitle = new Map(facts.contests.map((contest) => [contest.id, contest.title]));
  const bandKeys = [...bands.keys()].filter((key) => key !== UNKNOWN_KEY).sort();
  if (bands.has(UNKNOWN_KEY)) bandKeys.push(UNKNOWN_KEY);
  const audienceKeys: string[] = [...AUDIENCE_KEYS].filter((key) => !filter.audience || key === filter.audience);
  if (audiences.has(UNKNOWN_KEY)) audienceKeys.push(UNKNOWN_KEY);

  return {
    view: filter.view,
    filter,
    totals: totals.counts(),
    scoreBands,
    byArea: unitRows(isArea, areas, false),
    bySchool: unitRows(isSchool, schools, true),
    byAudience: groupRows(audiences, audienceKeys, (key) => key),
    byBirthBand: groupRows(bands, bandKeys, (key) => key),
    byRound: groupRows(rounds, roundKeys, (key) => roundById.get(key)?.title ?? key),
    byContest: groupRows(contests, contestKeys, (key) => contestTitle.get(key) ?? key),
    byDay: periodRows(days),
    byWeek: periodRows(weeks),
    byMonth: periodRows(months),
    live: liveFigures(facts, filter, inPeriod, areaOf, place, unitById),
  };
}

function liveFigures(
  facts: StatsFacts,
  filter: StatsFilter,
  inPeriod: (at: number) => boolean,
  areaOf: (unitId: string | null) => string | null,
  place: (unitId: string | null, at: number) => Array<{ unitId: string; share: number }>,
  unitById: Map<string, UnitFact>,
) {
  const games = facts.liveGames.filter(
    (game) => game.status !== "lobby" && inPeriod(game.startedAt) && (!filter.hostId || game.hostId === filter.hostId),
  );
  const gameById = new Map(games.map((game) => [game.id, game]));
  const perGame = new Map(games.map((game) => [game.id, { players: 0, answers: 0, correctAnswers: 0 }]));
  const perArea = new Map<string, { players: number; answers: number }>();
  const totals: LiveCounts = { gamesHeld: games.length, players: 0, answers: 0, correctAnswers: 0 };
  for (const player of facts.livePlayers) {
    const game = gameById.get(player.gameId);
    if (!game) continue;
    const shares = place(player.areaId ?? areaOf(player.unitId), game.startedAt);
    const inArea = filter.areaId ? shares.reduce((sum, entry) => sum + (entry.unitId === filter.areaId ? entry.share : 0), 0) : 1;
    if (inArea === 0) continue;
    const row = perGame.get(game.id)!;
    row.players += inArea;
    row.answers += player.answers * inArea;
    row.correctAnswers += player.correctAnswers * inArea;
    totals.players += inArea;
    totals.answers += player.answers * inArea;
    totals.correctAnswers += player.correctAnswers * inArea;
    for (const { unitId, share } of shares) {
      if (filter.areaId && unitId !== filter.areaId) continue;
      const area = perArea.get(unitId) ?? { players: 0, answers: 0 };
      area.players += share;
      area.answers += player.answers * share;
      perArea.set(unitId, area);
    }
  }
  return {
    totals: { gamesHeld: totals.gamesHeld, players: tidy(totals.players), answers: tidy(totals.answers), correctAnswers: tidy(totals.correctAnswers) },
    byGame: games
      .sort((a, b) => a.startedAt - b.startedAt)
      .map((game) => {
        const row = perGame.get(game.id)!;
        return { gameId: game.id, title: game.title, startedAt: new Date(game.startedAt), players: tidy(row.players), answers: tidy(row.answers), correctAnswers: tidy(row.correctAnswers) };
      }),
    byArea: [...perArea]
      .map(([unitId, row]) => ({ unitId, name: unitById.get(unitId)?.name ?? unitId, players: tidy(row.players), answers: tidy(row.answers) }))
      .sort((a, b) => a.name.localeCompare(b.name, "vi")),
  };
}
