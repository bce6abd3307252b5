import { AREA_KINDS, MEMBER_KINDS } from "~/units/unit-kinds";
import { birthBand, dayKey, FactTable, monthKey, periodKeys, UNKNOWN_KEY, weekKey } from "./fact-table";
import { FigureSums, tidy, type Group } from "./figure-sums";
import { liveFiguresOf, liveTallyKey, tallyLivePlayers, type LiveTally } from "./live-figures";

// Every statistic of the dashboard, the yearly report and the role home pages, counted in one
// place from stored facts (docs/decisions/015, 024). Pure: the facts are kept by
// ./fact-store.server.ts, counted by ./figure-sums.ts, and tests feed hand-made facts with
// hand-counted answers.
//
// The interface others build on (stable; add fields, never change their meaning):
//
//   computeFigures(db, filter: StatsFilter): Promise<Figures>            (./figures.server.ts)
//   aggregateFigures(facts: StatsFacts, filter: StatsFilter, mapUnit?): Figures   (this file)
//
//   StatsFilter = { from, to (Date, [from, to)), contestId?, roundId?, audience?, areaId?, schoolId?,
//                   hostId? (live games of one host), only? ("live": no attempts), view: "as-it-was" | "current" }
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
  /** "live": count live games only, no attempts (what a host may see). */
  only?: "live" | null;
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
  /** Played along at home on a broadcast path (docs/decisions/038); counted like any player, told apart here. */
  home?: boolean;
  unitId: string | null;
  areaId: string | null;
  answers: number;
  correctAnswers: number;
};

export type StatsFacts = {
  units: readonly UnitFact[];
  rounds: readonly { id: string; title: string; contestId: string | null; opensAt: number; closesAt: number }[];
  contests: readonly { id: string; title: string }[];
  /** A plain list, or a table kept up to date by the caller (./fact-table.ts). */
  attempts: readonly AttemptFact[] | FactTable;
  liveGames: readonly LiveGameFact[];
  livePlayers: readonly LivePlayerFact[];
};

/** Maps a unit onto today's units; the shares of one unit sum to 1. */
export type MapUnit = (unitId: string) => ReadonlyArray<{ unitId: string; share: number }>;

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

export type LiveCounts = {
  gamesHeld: number;
  players: number;
  answers: number;
  correctAnswers: number;
  /** Of `players`, those who played along at home (docs/decisions/038). */
  homePlayers?: number;
};
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

export { AREA_KINDS };
export const SCHOOL_KINDS = MEMBER_KINDS;
export const AUDIENCE_KEYS = ["lower-secondary", "upper-secondary", "university", "young-workers", "public"] as const;
export { UNKNOWN_KEY };

const isArea = (kind: string) => (AREA_KINDS as readonly string[]).includes(kind);
const isSchool = (kind: string) => (SCHOOL_KINDS as readonly string[]).includes(kind);

export { birthBand, dayKey, monthKey, weekKey };

const byName = new Intl.Collator("vi").compare;
const EMPTY_COUNTS: Counts = { participants: 0, attempts: 0, completed: 0, completionRate: null, scored: 0, averageScore: null, averageCorrect: null };

function overlaps(unit: UnitFact, from: number | null, to: number | null): boolean {
  if (unit.validTo !== null && from !== null && unit.validTo <= from) return false;
  if (unit.validFrom !== null && to !== null && unit.validFrom >= to) return false;
  return true;
}

function activeToday(unit: UnitFact, now: number): boolean {
  return (unit.validTo === null || unit.validTo > now) && (unit.validFrom === null || unit.validFrom <= now);
}

const identityMap: MapUnit = (unitId) => [{ unitId, share: 1 }];

const tables = new WeakMap<readonly AttemptFact[], FactTable>();
/** The table of a plain list of facts (tests and small callers), made once per list. */
function tableOf(facts: readonly AttemptFact[]): FactTable {
  let table = tables.get(facts);
  if (!table) {
    table = FactTable.from(facts);
    tables.set(facts, table);
  }
  return table;
}

export function aggregateFigures(facts: StatsFacts, filter: StatsFilter, mapUnit: MapUnit = identityMap, now = Date.now()): Figures {
  const table = isFactTable(facts.attempts) ? facts.attempts : tableOf(facts.attempts);
  return figuresOf(new FigureSums(table, facts.units, filter, mapUnit).addAll(), table, facts, now);
}

/** A kept table, told from a plain list without instanceof (a server build may hold another copy of the class). */
function isFactTable(attempts: StatsFacts["attempts"]): attempts is FactTable {
  return !Array.isArray(attempts);
}

/** Every figure of one filter from its sums (./figure-sums.ts) and the facts' units, rounds and live games. */
export function figuresOf(sums: FigureSums, table: FactTable, facts: StatsFacts, now: number, liveTallies = new Map<string, LiveTally>()): Figures {
  const filter = sums.filter;
  const from = filter.from?.getTime() ?? null;
  const to = filter.to?.getTime() ?? null;
  const inPeriod = (at: number) => (from === null || at >= from) && (to === null || at < to);
  const unitById = new Map(facts.units.map((unit) => [unit.id, unit]));
  const current = filter.view === "current";
  // Live players name a few hundred units between them: each unit's area and place are worked out once.
  const areaOfUnit = new Map<string, string | null>();
  const areaOf = (unitId: string | null): string | null => {
    if (unitId === null) return null;
    let found = areaOfUnit.get(unitId);
    if (found !== undefined) return found;
    found = null;
    const seen = new Set<string>();
    for (let unit = unitById.get(unitId); unit && !seen.has(unit.id); unit = unit.parentId ? unitById.get(unit.parentId) : undefined) {
      if (isArea(unit.kind)) {
        found = unit.id;
        break;
      }
      seen.add(unit.id);
    }
    areaOfUnit.set(unitId, found);
    return found;
  };
  const placeOfUnit = new Map<string, ReadonlyArray<{ unitId: string; share: number }>>();
  const place = (unitId: string | null): ReadonlyArray<{ unitId: string; share: number }> => {
    if (unitId === null) return [];
    let shares = placeOfUnit.get(unitId);
    if (!shares) {
      shares = current ? sums.mapUnit(unitId) : [{ unitId, share: 1 }];
      placeOfUnit.set(unitId, shares);
    }
    return shares;
  };

  const areas = sums.groups("areas");
  const schools = sums.groups("schools");
  const audiences = sums.groups("audiences");
  const bands = sums.groups("bands");
  const rounds = sums.groups("rounds");
  const contests = sums.groups("contests");
  const days = sums.groups("days");
  const weeks = sums.groups("weeks");
  const months = sums.groups("months");
  const periodStart = new Map<string, number>();
  for (const dayStart of table.dayStarts) {
    const keys = periodKeys(dayStart);
    periodStart.set(keys.day.key, keys.day.start);
    periodStart.set(keys.week.key, keys.week.start);
    periodStart.set(keys.month.key, keys.month.start);
  }
  const scoreBands = Array.from(sums.scoreBands, (attempts, index) => ({
    key: `${index * 10}–${index === 9 ? 100 : index * 10 + 9}%`,
    from: index / 10,
    to: (index + 1) / 10,
    attempts: tidy(attempts),
  }));

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

  const unitRows = (kindTest: (kind: string) => boolean, tallies: Map<string, Group>, schoolLevel: boolean): UnitFigures[] => {
    const rows = facts.units
      .filter((unit) => kindTest(unit.kind) && (listed(unit) || tallies.has(unit.id)))
      .filter((unit) => !filter.areaId || (schoolLevel ? unit.parentId === filter.areaId || tallies.has(unit.id) : unit.id === filter.areaId))
      .filter((unit) => !filter.schoolId || !schoolLevel || unit.id === filter.schoolId)
      .map((unit): UnitFigures => {
        const group = tallies.get(unit.id);
        const part = enrolledPart(unit);
        const enrolment = part.length > 0 ? part.reduce((sum, member) => sum + (member.enrolment ?? 0), 0) : null;
        let enrolledParticipants = 0;
        if (part.length === 1 && part[0].id === unit.id) enrolledParticipants = group?.participants ?? 0;
        else if (part.length > 0) {
          for (const member of part) enrolledParticipants += schools.get(member.id)?.participants ?? 0;
          enrolledParticipants = tidy(enrolledParticipants);
        }
        return {
          ...(group?.counts ?? EMPTY_COUNTS),
          unitId: unit.id,
          name: unit.name,
          kind: unit.kind,
          parentId: unit.parentId,
          enrolment,
          enrolledParticipants,
          participationRate: enrolment ? tidy(enrolledParticipants / enrolment) : null,
        };
      });
    return rows.sort((a, b) => byName(a.name, b.name));
  };

  const groupRows = (groups: Map<string, Group>, keys: readonly string[], label: (key: string) => string): GroupFigures[] =>
    keys.map((key) => ({ key, label: label(key), ...(groups.get(key)?.counts ?? EMPTY_COUNTS) }));

  const periodRows = (groups: Map<string, Group>): PeriodFigures[] =>
    [...groups.keys()].sort().map((key) => ({ key, start: new Date(periodStart.get(key)!), ...groups.get(key)!.counts }));

  const roundById = new Map(facts.rounds.map((round) => [round.id, round]));
  // Rounds (and their contests) open at some time in the period are listed, with zeros if need be.
  const roundOpen = (round: StatsFacts["rounds"][number]) => (from === null || round.closesAt > from) && (to === null || round.opensAt < to);
  const roundKeys = facts.rounds
    .filter((round) => (!filter.contestId || round.contestId === filter.contestId) && (!filter.roundId || round.id === filter.roundId))
    .filter((round) => rounds.has(round.id) || roundOpen(round))
    .sort((a, b) => a.opensAt - b.opensAt || byName(a.title, b.title))
    .map((round) => round.id);
  const listedContests = new Set(roundKeys.flatMap((id) => (roundById.get(id)?.contestId ? [roundById.get(id)!.contestId!] : [])));
  const contestKeys = facts.contests.filter((contest) => (!filter.contestId || contest.id === filter.contestId) && (contests.has(contest.id) || listedContests.has(contest.id))).map((contest) => contest.id);
  const contestTitle = new Map(facts.contests.map((contest) => [contest.id, contest.title]));
  const bandKeys = [...bands.keys()].filter((key) => key !== UNKNOWN_KEY).sort();
  if (bands.has(UNKNOWN_KEY)) bandKeys.push(UNKNOWN_KEY);
  const audienceKeys: string[] = [...AUDIENCE_KEYS].filter((key) => !filter.audience || key === filter.audience);
  if (audiences.has(UNKNOWN_KEY)) audienceKeys.push(UNKNOWN_KEY);

  const tallyKey = liveTallyKey(filter);
  let liveTally = liveTallies.get(tallyKey);
  if (!liveTally) {
    liveTally = tallyLivePlayers(facts, filter, inPeriod, areaOf, place);
    liveTallies.set(tallyKey, liveTally);
  }

  return {
    view: filter.view,
    filter,
    totals: sums.groups("totals").get("")?.counts ?? EMPTY_COUNTS,
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
    live: liveFiguresOf(liveTally, filter, unitById),
  };
}
