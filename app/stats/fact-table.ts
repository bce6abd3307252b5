// The attempts the statistics count, kept as columns of small integers: every key (participant,
// round, contest, audience, unit, birth band, day) is numbered once, when the fact is stored, so
// that counting a year of 100,000 attempts touches numbers and arrays only, never a string or a map
// (docs/decisions/024). Facts are stored and replaced by id, so a keeper of the table can apply a
// few changed attempts without reading the others again.

import type { AttemptFact } from "./figures";

/** Numbers strings densely from 0, in the order first seen. */
export class Dictionary {
  private readonly numbers = new Map<string, number>();
  readonly values: string[] = [];

  code(value: string): number {
    let number = this.numbers.get(value);
    if (number === undefined) {
      number = this.values.length;
      this.numbers.set(value, number);
      this.values.push(value);
    }
    return number;
  }

  /** The number of a value, or -1 when it was never seen. */
  find(value: string): number {
    return this.numbers.get(value) ?? -1;
  }

  get size(): number {
    return this.values.length;
  }
}

export const UNKNOWN_KEY = "unknown";
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Viet Nam calendar day of an instant, as the UTC midnight that starts that day there. */
export function vietnamDayStart(at: number): number {
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

/** The day, week and month of a Viet Nam calendar day, worked out once per day ever seen. */
export type PeriodKeys = { day: { key: string; start: number }; week: { key: string; start: number }; month: { key: string; start: number } };
const periodKeysByDay = new Map<number, PeriodKeys>();
export function periodKeys(at: number): PeriodKeys {
  const dayStart = vietnamDayStart(at);
  let keys = periodKeysByDay.get(dayStart);
  if (!keys) {
    keys = { day: dayKey(dayStart), week: weekKey(dayStart), month: monthKey(dayStart) };
    periodKeysByDay.set(dayStart, keys);
  }
  return keys;
}

/** Five-year birth-year bands ("2010–2014"), so that no band points at one person. */
export function birthBand(birthYear: number | null): string {
  if (birthYear === null) return UNKNOWN_KEY;
  const start = Math.floor(birthYear / 5) * 5;
  return `${start}–${start + 4}`;
}

const NONE = -1;

/** The columns a filter can choose a value of (FactTable.rowsWith). */
export type IndexedColumn = "round" | "contest" | "audience" | "unit" | "area" | "day";

/** The facts in use, one typed column per field, grouped by participant (see FactTable.columns). */
export type FactColumns = {
  length: number;
  participant: Int32Array;
  round: Int32Array;
  contest: Int32Array;
  audience: Int32Array;
  unit: Int32Array;
  area: Int32Array;
  band: Int32Array;
  day: Int32Array;
  startedAt: Float64Array;
  submitted: Uint8Array;
  correct: Int32Array;
  questionCount: Int32Array;
};

export class FactTable {
  readonly participants = new Dictionary();
  readonly rounds = new Dictionary();
  readonly contests = new Dictionary();
  /** Audience groups, "unknown" for none. */
  readonly audiences = new Dictionary();
  readonly units = new Dictionary();
  readonly bands = new Dictionary();
  /** Days by the UTC instant of their Viet Nam midnight, as a string of the number. */
  readonly days = new Dictionary();
  readonly dayStarts: number[] = [];

  // One entry per row; a removed row has participant = NONE and is reused.
  readonly participant: number[] = [];
  readonly round: number[] = [];
  readonly contest: number[] = [];
  readonly audience: number[] = [];
  /** The unit stored on the attempt; NONE without one. */
  readonly unit: number[] = [];
  /** The area stored on the attempt; NONE without one. */
  readonly area: number[] = [];
  readonly band: number[] = [];
  readonly day: number[] = [];
  readonly startedAt: number[] = [];
  readonly submitted: number[] = [];
  /** Correct answers; NONE while the attempt runs. */
  readonly correct: number[] = [];
  readonly questionCount: number[] = [];

  /** Per indexed column of the current snapshot: its rows grouped by value (see rowsWith). */
  private indexes = new Map<IndexedColumn, { starts: Int32Array; rows: Int32Array }>();
  private readonly rowById = new Map<string, number>();
  private readonly freeRows: number[] = [];
  private readonly rowsOf = new Map<number, Set<number>>();
  /** While changes are tracked: each participant touched, with their facts as they were before. */
  private touched: Map<number, FactColumns> | null = null;
  private snapshot: FactColumns | null = null;
  /** Rises with every change, so a reader can tell whether its results still hold. */
  version = 0;

  static from(facts: readonly AttemptFact[]): FactTable {
    const table = new FactTable();
    facts.forEach((fact, index) => table.set(String(index), fact));
    return table;
  }

  get size(): number {
    return this.rowById.size;
  }

  has(id: string): boolean {
    return this.rowById.has(id);
  }

  /** Stores the fact under its id, replacing the one stored before. */
  set(id: string, fact: AttemptFact): void {
    let row = this.rowById.get(id);
    const participant = this.participants.code(fact.participantKey);
    this.touch(participant);
    if (row === undefined) {
      row = this.freeRows.pop() ?? this.participant.length;
      this.rowById.set(id, row);
    } else {
      this.touch(this.participant[row]);
      this.rowsOf.get(this.participant[row])?.delete(row);
    }
    let rows = this.rowsOf.get(participant);
    if (!rows) this.rowsOf.set(participant, (rows = new Set()));
    rows.add(row);
    const dayStart = vietnamDayStart(fact.startedAt);
    const day = this.days.code(String(dayStart));
    if (day === this.dayStarts.length) this.dayStarts.push(dayStart);
    this.participant[row] = participant;
    this.round[row] = this.rounds.code(fact.roundId);
    this.contest[row] = fact.contestId === null ? NONE : this.contests.code(fact.contestId);
    this.audience[row] = this.audiences.code(fact.audience ?? UNKNOWN_KEY);
    this.unit[row] = fact.unitId === null ? NONE : this.units.code(fact.unitId);
    this.area[row] = fact.areaId === null ? NONE : this.units.code(fact.areaId);
    this.band[row] = this.bands.code(birthBand(fact.birthYear));
    this.day[row] = day;
    this.startedAt[row] = fact.startedAt;
    this.submitted[row] = fact.submitted ? 1 : 0;
    this.correct[row] = fact.correct ?? NONE;
    this.questionCount[row] = fact.questionCount;
    this.changed();
  }

  delete(id: string): boolean {
    const row = this.rowById.get(id);
    if (row === undefined) return false;
    this.touch(this.participant[row]);
    this.rowsOf.get(this.participant[row])?.delete(row);
    this.rowById.delete(id);
    this.participant[row] = NONE;
    this.freeRows.push(row);
    this.changed();
    return true;
  }

  ids(): IterableIterator<string> {
    return this.rowById.keys();
  }

  /**
   * The facts in use as typed columns, grouped by participant (a counting sort, made again after a
   * change): counting distinct participants per group then needs only the last participant each
   * group saw, and reading the columns in order keeps the processor's cache warm.
   */
  columns(): FactColumns {
    if (this.snapshot) return this.snapshot;
    const starts = new Int32Array(this.participants.size + 1);
    for (const participant of this.participant) if (participant !== NONE) starts[participant + 1]++;
    for (let index = 1; index < starts.length; index++) starts[index] += starts[index - 1];
    const columns = emptyColumns(this.size);
    for (let row = 0; row < this.participant.length; row++) {
      const participant = this.participant[row];
      if (participant !== NONE) copyRow(this, row, columns, starts[participant]++);
    }
    this.snapshot = columns;
    return columns;
  }

  /**
   * The rows of the snapshot (columns()) whose `column` holds `value`, in ascending order, so still
   * grouped by participant: a filter that chooses a round, a contest, an audience, a unit or days
   * walks those rows only. Each column's index is made once per snapshot (a counting sort).
   */
  rowsWith(column: IndexedColumn, value: number): Int32Array {
    const columns = this.columns();
    let index = this.indexes.get(column);
    if (!index) {
      const values = columns[column];
      const size = column === "day" ? this.days.size : column === "round" ? this.rounds.size : column === "contest" ? this.contests.size : column === "audience" ? this.audiences.size : this.units.size;
      // Slot 0 holds NONE (-1); value v sits in slot v + 1.
      const starts = new Int32Array(size + 2);
      for (let row = 0; row < columns.length; row++) starts[values[row] + 2]++;
      for (let slot = 1; slot < starts.length; slot++) starts[slot] += starts[slot - 1];
      const next = starts.slice();
      const rows = new Int32Array(columns.length);
      for (let row = 0; row < columns.length; row++) rows[next[values[row] + 1]++] = row;
      index = { starts, rows };
      this.indexes.set(column, index);
    }
    const slot = value + 1;
    if (slot < 0 || slot + 1 >= index.starts.length) return new Int32Array(0);
    return index.rows.subarray(index.starts[slot], index.starts[slot + 1]);
  }

  /** Starts noting which participants change, and their facts before the first change. */
  trackChanges(): void {
    this.touched = new Map();
  }

  /** The participants changed since trackChanges, with their facts as they were; tracking stops. */
  takeChanges(): Map<number, FactColumns> {
    const touched = this.touched ?? new Map<number, FactColumns>();
    this.touched = null;
    return touched;
  }

  /** One participant's facts as they are now. */
  participantColumns(participant: number): FactColumns {
    return this.columnsOf([...(this.rowsOf.get(participant) ?? [])]);
  }

  private touch(participant: number): void {
    if (this.touched && !this.touched.has(participant)) this.touched.set(participant, this.participantColumns(participant));
  }

  private columnsOf(rows: readonly number[]): FactColumns {
    const length = rows.length;
    const columns = emptyColumns(length);
    rows.forEach((row, at) => copyRow(this, row, columns, at));
    return columns;
  }

  private changed(): void {
    this.snapshot = null;
    if (this.indexes.size > 0) this.indexes = new Map();
    this.version++;
  }
}

function emptyColumns(length: number): FactColumns {
  return {
    length,
    participant: new Int32Array(length),
    round: new Int32Array(length),
    contest: new Int32Array(length),
    audience: new Int32Array(length),
    unit: new Int32Array(length),
    area: new Int32Array(length),
    band: new Int32Array(length),
    day: new Int32Array(length),
    startedAt: new Float64Array(length),
    submitted: new Uint8Array(length),
    correct: new Int32Array(length),
    questionCount: new Int32Array(length),
  };
}

function copyRow(table: FactTable, row: number, columns: FactColumns, at: number): void {
  columns.participant[at] = table.participant[row];
  columns.round[at] = table.round[row];
  columns.contest[at] = table.contest[row];
  columns.audience[at] = table.audience[row];
  columns.unit[at] = table.unit[row];
  columns.area[at] = table.area[row];
  columns.band[at] = table.band[row];
  columns.day[at] = table.day[row];
  columns.startedAt[at] = table.startedAt[row];
  columns.submitted[at] = table.submitted[row];
  columns.correct[at] = table.correct[row];
  columns.questionCount[at] = table.questionCount[row];
}
