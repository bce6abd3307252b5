import { AREA_KINDS, MEMBER_KINDS } from "~/units/unit-kinds";
import { Dictionary, periodKeys, type FactColumns, type FactTable } from "./fact-table";
import type { Counts, MapUnit, StatsFilter, UnitFact } from "./figures";

// The sums behind every figure of one filter (docs/decisions/024). They are made by one pass over
// the fact table, a participant at a time, and kept: when a few facts change, the participants
// they belong to are taken out as they were and put back as they are, so a view after a new
// attempt costs those participants' facts, not the year's.

const DAY_MS = 86_400_000;
const isArea = (kind: string) => (AREA_KINDS as readonly string[]).includes(kind);
const isSchool = (kind: string) => (MEMBER_KINDS as readonly string[]).includes(kind);

/** Shares like 0.3 + 0.7 should not print as 0.9999999999. */
export function tidy(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

export type Group = { participants: number; counts: Counts };

/**
 * Running sums of one dimension (areas, schools, rounds, days…), one slot per group number;
 * `weight` is 1, or a share when a unit is mapped onto several. A participant adds their largest
 * weight in a group to its participants, once.
 */
class GroupSums {
  facts = new Float64Array(16);
  attempts = new Float64Array(16);
  completed = new Float64Array(16);
  scored = new Float64Array(16);
  scoreSum = new Float64Array(16);
  correctSum = new Float64Array(16);
  participants = new Float64Array(16);
  /** For a full count in participant order: the last participant each group saw, and their largest weight. */
  private last = new Int32Array(16).fill(-1);
  private best = new Float64Array(16);

  /** A fact of a full count, which comes participant by participant. */
  addInOrder(group: number, participant: number, weight: number, submitted: number, correct: number, questionCount: number): void {
    if (group >= this.facts.length) this.grow(group);
    if (this.last[group] !== participant) {
      this.last[group] = participant;
      this.best[group] = weight;
      this.participants[group] += weight;
    } else if (weight > this.best[group]) {
      this.participants[group] += weight - this.best[group];
      this.best[group] = weight;
    }
    this.add(group, weight, submitted, correct, questionCount, 1);
  }

  add(group: number, weight: number, submitted: number, correct: number, questionCount: number, sign: number): void {
    if (group >= this.facts.length) this.grow(group);
    this.facts[group] += sign;
    this.attempts[group] += sign * weight;
    if (submitted) this.completed[group] += sign * weight;
    if (correct >= 0) {
      this.scored[group] += sign * weight;
      this.correctSum[group] += sign * correct * weight;
      this.scoreSum[group] += sign * (questionCount > 0 ? correct / questionCount : 0) * weight;
    }
  }

  addParticipant(group: number, weight: number, sign: number): void {
    if (group >= this.facts.length) this.grow(group);
    this.participants[group] += sign * weight;
  }

  private grow(group: number): void {
    const size = Math.max(group + 1, this.facts.length * 2);
    for (const key of ["facts", "attempts", "completed", "scored", "scoreSum", "correctSum", "participants", "best"] as const) {
      const larger = new Float64Array(size);
      larger.set(this[key]);
      this[key] = larger;
    }
    const last = new Int32Array(size).fill(-1);
    last.set(this.last);
    this.last = last;
  }

  /** The groups that hold a fact, by key, each with its counts. */
  byKey(keys: readonly string[]): Map<string, Group> {
    const groups = new Map<string, Group>();
    for (let group = 0; group < this.facts.length; group++) {
      // Counts of facts are whole numbers even after taking some out and putting them back.
      if (Math.round(this.facts[group]) <= 0) continue;
      const participants = tidy(this.participants[group]);
      const attempts = this.attempts[group];
      const completed = this.completed[group];
      const scored = tidy(this.scored[group]);
      groups.set(keys[group], {
        participants,
        counts: {
          participants,
          attempts: tidy(attempts),
          completed: tidy(completed),
          completionRate: attempts > 1e-9 ? tidy(completed / attempts) : null,
          scored,
          averageScore: scored > 0 ? tidy(this.scoreSum[group] / this.scored[group]) : null,
          averageCorrect: scored > 0 ? tidy(this.correctSum[group] / this.scored[group]) : null,
        },
      });
    }
    return groups;
  }
}

type Shares = ReadonlyArray<{ unit: number; share: number }>;
const NONE: Shares = [];

/** A participant's largest weight per group in one dimension, among their facts that count. */
class Seen {
  groups: number[] = [];
  weights: number[] = [];
  clear() {
    this.groups.length = 0;
    this.weights.length = 0;
  }
  note(group: number, weight: number) {
    const at = this.groups.indexOf(group);
    if (at === -1) {
      this.groups.push(group);
      this.weights.push(weight);
    } else if (weight > this.weights[at]) this.weights[at] = weight;
  }
  addTo(sums: GroupSums, sign: number) {
    for (let index = 0; index < this.groups.length; index++) sums.addParticipant(this.groups[index], this.weights[index], sign);
  }
}

const DIMENSIONS = ["totals", "areas", "schools", "audiences", "bands", "rounds", "contests", "days", "weeks", "months"] as const;
export type Dimension = (typeof DIMENSIONS)[number];
const [TOTALS, AREAS, SCHOOLS, AUDIENCES, BANDS, ROUNDS, CONTESTS, DAYS, WEEKS, MONTHS] = DIMENSIONS.map((_, index) => index);

export class FigureSums {
  private readonly sums = DIMENSIONS.map(() => new GroupSums());
  private readonly seen = DIMENSIONS.map(() => new Seen());
  readonly scoreBands = new Float64Array(10);
  readonly weeks = new Dictionary();
  readonly months = new Dictionary();
  private readonly weekOfDay: number[] = [];
  private readonly monthOfDay: number[] = [];
  private readonly from: number | null;
  private readonly to: number | null;
  private readonly contest: number;
  private readonly round: number;
  private readonly audience: number;
  private readonly area: number;
  private readonly school: number;
  private readonly areaSharesOf: (Shares | undefined)[] = [];
  private readonly unitAreaSharesOf: (Shares | undefined)[] = [];
  private readonly schoolSharesOf: (Shares | undefined)[] = [];
  private readonly unitById: Map<string, UnitFact>;
  private rowAreaShares: Shares = NONE;
  private rowSchoolShares: Shares = NONE;
  private readonly areaOfUnit = new Map<string, string | null>();

  constructor(
    private readonly table: FactTable,
    units: readonly UnitFact[],
    readonly filter: StatsFilter,
    readonly mapUnit: MapUnit,
  ) {
    this.unitById = new Map(units.map((unit) => [unit.id, unit]));
    this.from = filter.from?.getTime() ?? null;
    this.to = filter.to?.getTime() ?? null;
    // Chosen values get their number even before any fact names them, so later facts match.
    this.contest = filter.contestId ? table.contests.code(filter.contestId) : -1;
    this.round = filter.roundId ? table.rounds.code(filter.roundId) : -1;
    this.audience = filter.audience ? table.audiences.code(filter.audience) : -1;
    this.area = filter.areaId ? table.units.code(filter.areaId) : -1;
    this.school = filter.schoolId ? table.units.code(filter.schoolId) : -1;
  }

  /** Counts every fact of the table, in one pass in participant order. */
  addAll(): this {
    if (this.filter.only === "live") return this;
    const columns = this.table.columns();
    const sums = this.sums;
    const candidates = this.candidateRows(columns.length);
    const count = candidates ? candidates.length : columns.length;
    for (let at = 0; at < count; at++) {
      const row = candidates ? candidates[at] : at;
      const weight = this.weightOf(columns, row);
      if (weight === 0) continue;
      const participant = columns.participant[row];
      const submitted = columns.submitted[row];
      const correct = columns.correct[row];
      const questionCount = columns.questionCount[row];
      const day = columns.day[row];
      this.knowDay(day);
      sums[TOTALS].addInOrder(0, participant, weight, submitted, correct, questionCount);
      for (const { unit, share } of this.rowAreaShares) sums[AREAS].addInOrder(unit, participant, weight * share, submitted, correct, questionCount);
      for (const { unit, share } of this.rowSchoolShares) sums[SCHOOLS].addInOrder(unit, participant, weight * share, submitted, correct, questionCount);
      sums[AUDIENCES].addInOrder(columns.audience[row], participant, weight, submitted, correct, questionCount);
      sums[BANDS].addInOrder(columns.band[row], participant, weight, submitted, correct, questionCount);
      sums[ROUNDS].addInOrder(columns.round[row], participant, weight, submitted, correct, questionCount);
      if (columns.contest[row] !== -1) sums[CONTESTS].addInOrder(columns.contest[row], participant, weight, submitted, correct, questionCount);
      sums[DAYS].addInOrder(day, participant, weight, submitted, correct, questionCount);
      sums[WEEKS].addInOrder(this.weekOfDay[day], participant, weight, submitted, correct, questionCount);
      sums[MONTHS].addInOrder(this.monthOfDay[day], participant, weight, submitted, correct, questionCount);
      this.addScore(weight, correct, questionCount, 1);
    }
    return this;
  }

  /**
   * The rows a chosen value can match, from the table's indexes (ascending, so still grouped by
   * participant): the smallest set among the chosen round, contest, audience, school, area and
   * period, or null when none leaves out much (the whole table is walked). Every row is still
   * weighed by weightOf, so the sets only need to hold every row that can count.
   */
  private candidateRows(total: number): Int32Array | null {
    const table = this.table;
    const choices: (() => Int32Array[])[] = [];
    if (this.round !== -1) choices.push(() => [table.rowsWith("round", this.round)]);
    if (this.contest !== -1) choices.push(() => [table.rowsWith("contest", this.contest)]);
    if (this.audience !== -1) choices.push(() => [table.rowsWith("audience", this.audience)]);
    const unitCount = table.units.size;
    if (this.school !== -1) {
      choices.push(() => {
        const lists: Int32Array[] = [];
        for (let unit = 0; unit < unitCount; unit++) if (shareIn(this.schoolShares(unit), this.school) > 0) lists.push(table.rowsWith("unit", unit));
        return lists;
      });
    }
    if (this.area !== -1) {
      choices.push(() => {
        const lists: Int32Array[] = [];
        for (let unit = 0; unit < unitCount; unit++) {
          // Facts stored with this area, and facts stored without one whose unit lies in it (weightOf tells which).
          if (shareIn(this.areaShares(unit, -1), this.area) > 0) lists.push(table.rowsWith("area", unit));
          if (shareIn(this.areaShares(-1, unit), this.area) > 0) lists.push(table.rowsWith("unit", unit));
        }
        return lists;
      });
    }
    if (this.from !== null || this.to !== null) {
      choices.push(() => {
        const lists: Int32Array[] = [];
        table.dayStarts.forEach((start, day) => {
          if ((this.from === null || start + DAY_MS > this.from) && (this.to === null || start < this.to)) lists.push(table.rowsWith("day", day));
        });
        return lists;
      });
    }
    let best: Int32Array[] | null = null;
    let bestSize = total * 0.7;
    for (const choice of choices) {
      const lists = choice();
      const size = lists.reduce((sum, list) => sum + list.length, 0);
      if (size < bestSize) {
        best = lists;
        bestSize = size;
      }
    }
    if (!best) return null;
    if (best.length === 1) return best[0];
    const rows = new Int32Array(bestSize);
    let at = 0;
    for (const list of best) {
      rows.set(list, at);
      at += list.length;
    }
    rows.sort();
    // A row can be in two lists (an area's facts and its units'): keep it once.
    let kept = 0;
    for (let index = 0; index < rows.length; index++) if (index === 0 || rows[index] !== rows[index - 1]) rows[kept++] = rows[index];
    return rows.subarray(0, kept);
  }

  /**
   * How much a fact counts under the filter: 0 when it is left out, else 1 or its share of the
   * chosen area or school; its area and school shares are left in rowAreaShares and rowSchoolShares.
   */
  private weightOf(columns: FactColumns, row: number): number {
    const startedAt = columns.startedAt[row];
    if ((this.from !== null && startedAt < this.from) || (this.to !== null && startedAt >= this.to)) return 0;
    if (this.contest !== -1 && columns.contest[row] !== this.contest) return 0;
    if (this.round !== -1 && columns.round[row] !== this.round) return 0;
    if (this.audience !== -1 && columns.audience[row] !== this.audience) return 0;
    const unit = columns.unit[row];
    this.rowAreaShares = this.areaShares(columns.area[row], unit);
    this.rowSchoolShares = this.schoolShares(unit);
    // Within a chosen area, a fact split across areas counts with its share there.
    const inArea = this.area !== -1 ? shareIn(this.rowAreaShares, this.area) : 1;
    if (inArea === 0) return 0;
    const inSchool = this.school !== -1 ? shareIn(this.rowSchoolShares, this.school) : 1;
    return inArea * inSchool;
  }

  private addScore(weight: number, correct: number, questionCount: number, sign: number): void {
    if (correct < 0) return;
    const share = questionCount > 0 ? correct / questionCount : 0;
    this.scoreBands[Math.min(9, Math.floor(share * 10 + 1e-9))] += sign * weight;
  }

  /** Takes one participant's facts as they were out, and their facts as they are in. */
  replaceParticipant(before: FactColumns, after: FactColumns): void {
    if (this.filter.only === "live") return;
    this.addParticipant(before, 0, before.length, -1);
    this.addParticipant(after, 0, after.length, 1);
  }

  /** Adds (sign 1) or takes out (sign -1) the facts [start, end) of `columns`, all of one participant. */
  private addParticipant(columns: FactColumns, start: number, end: number, sign: number): void {
    const { sums, seen } = this;
    let counted = false;
    for (let row = start; row < end; row++) {
      const weight = this.weightOf(columns, row);
      if (weight === 0) continue;
      const areaShares = this.rowAreaShares;
      const schoolShares = this.rowSchoolShares;
      if (!counted) {
        for (const dimension of seen) dimension.clear();
        counted = true;
      }
      const submitted = columns.submitted[row];
      const correct = columns.correct[row];
      const questionCount = columns.questionCount[row];
      const day = columns.day[row];
      this.knowDay(day);
      this.put(TOTALS, 0, weight, submitted, correct, questionCount, sign);
      for (const { unit: area, share } of areaShares) this.put(AREAS, area, weight * share, submitted, correct, questionCount, sign);
      for (const { unit: school, share } of schoolShares) this.put(SCHOOLS, school, weight * share, submitted, correct, questionCount, sign);
      this.put(AUDIENCES, columns.audience[row], weight, submitted, correct, questionCount, sign);
      this.put(BANDS, columns.band[row], weight, submitted, correct, questionCount, sign);
      this.put(ROUNDS, columns.round[row], weight, submitted, correct, questionCount, sign);
      if (columns.contest[row] !== -1) this.put(CONTESTS, columns.contest[row], weight, submitted, correct, questionCount, sign);
      this.put(DAYS, day, weight, submitted, correct, questionCount, sign);
      this.put(WEEKS, this.weekOfDay[day], weight, submitted, correct, questionCount, sign);
      this.put(MONTHS, this.monthOfDay[day], weight, submitted, correct, questionCount, sign);
      this.addScore(weight, correct, questionCount, sign);
    }
    if (counted) for (let dimension = 0; dimension < DIMENSIONS.length; dimension++) seen[dimension].addTo(sums[dimension], sign);
  }

  private put(dimension: number, group: number, weight: number, submitted: number, correct: number, questionCount: number, sign: number): void {
    this.sums[dimension].add(group, weight, submitted, correct, questionCount, sign);
    this.seen[dimension].note(group, weight);
  }

  /** The groups of one dimension that hold a fact, by key (day, week and month keys are "2026-03-01", "2026-W09", "2026-03"). */
  groups(dimension: Dimension): Map<string, Group> {
    const keys: Record<Dimension, readonly string[]> = {
      totals: [""],
      areas: this.table.units.values,
      schools: this.table.units.values,
      audiences: this.table.audiences.values,
      bands: this.table.bands.values,
      rounds: this.table.rounds.values,
      contests: this.table.contests.values,
      days: this.table.dayStarts.map((start) => periodKeys(start).day.key),
      weeks: this.weeks.values,
      months: this.months.values,
    };
    return this.sums[DIMENSIONS.indexOf(dimension)].byKey(keys[dimension]);
  }

  private knowDay(day: number): void {
    if (this.weekOfDay[day] !== undefined) return;
    const keys = periodKeys(this.table.dayStarts[day]);
    this.weekOfDay[day] = this.weeks.code(keys.week.key);
    this.monthOfDay[day] = this.months.code(keys.month.key);
  }

  // Where a stored unit's facts count, worked out once per unit number (not once per fact).
  private areaShares(area: number, unit: number): Shares {
    if (area !== -1) return (this.areaSharesOf[area] ??= this.coded(this.table.units.values[area]));
    if (unit === -1) return NONE;
    return (this.unitAreaSharesOf[unit] ??= this.coded(this.areaOf(this.table.units.values[unit])));
  }

  private schoolShares(unit: number): Shares {
    if (unit === -1) return NONE;
    return (this.schoolSharesOf[unit] ??= this.coded(this.schoolOf(this.table.units.values[unit])));
  }

  private coded(unitId: string | null): Shares {
    if (unitId === null) return NONE;
    const shares = this.filter.view === "current" ? this.mapUnit(unitId) : [{ unitId, share: 1 }];
    return shares.map((entry) => ({ unit: this.table.units.code(entry.unitId), share: entry.share }));
  }

  /** The area a unit sits under in today's tree (for facts stored before areaId existed). */
  private areaOf(unitId: string): string | null {
    const known = this.areaOfUnit.get(unitId);
    if (known !== undefined) return known;
    const visited = new Set<string>();
    let found: string | null = null;
    for (let unit = this.unitById.get(unitId); unit && !visited.has(unit.id); unit = unit.parentId ? this.unitById.get(unit.parentId) : undefined) {
      if (isArea(unit.kind)) {
        found = unit.id;
        break;
      }
      visited.add(unit.id);
    }
    this.areaOfUnit.set(unitId, found);
    return found;
  }

  private schoolOf(unitId: string): string | null {
    const unit = this.unitById.get(unitId);
    return unit && isSchool(unit.kind) ? unitId : null;
  }
}

function shareIn(shares: Shares, unit: number): number {
  let sum = 0;
  for (const entry of shares) if (entry.unit === unit) sum += entry.share;
  return sum;
}
