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

/** Five-year birth-year bands ("2010–2014"), so that no band points at one person. */
export function birthBand(birthYear: number | null): string {
  if (birthYear === null) return UNKNOWN_KEY;
  const start = Math.floor(birthYear / 5) * 5;
  return `${start}–${start + 4}`;
}

const NONE = -1;

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

  private readonly rowById = new Map<string, number>();
  private readonly freeRows: number[] = [];
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
    if (row === undefined) {
      row = this.freeRows.pop() ?? this.participant.length;
      this.rowById.set(id, row);
    }
    const dayStart = vietnamDayStart(fact.startedAt);
    const day = this.days.code(String(dayStart));
    if (day === this.dayStarts.length) this.dayStarts.push(dayStart);
    this.participant[row] = this.participants.code(fact.participantKey);
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
    const length = this.size;
    const columns: FactColumns = {
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
    for (let row = 0; row < this.participant.length; row++) {
      const participant = this.participant[row];
      if (participant === NONE) continue;
      const at = starts[participant]++;
      columns.participant[at] = participant;
      columns.round[at] = this.round[row];
      columns.contest[at] = this.contest[row];
      columns.audience[at] = this.audience[row];
      columns.unit[at] = this.unit[row];
      columns.area[at] = this.area[row];
      columns.band[at] = this.band[row];
      columns.day[at] = this.day[row];
      columns.startedAt[at] = this.startedAt[row];
      columns.submitted[at] = this.submitted[row];
      columns.correct[at] = this.correct[row];
      columns.questionCount[at] = this.questionCount[row];
    }
    this.snapshot = columns;
    return columns;
  }

  private changed(): void {
    this.snapshot = null;
    this.version++;
  }
}
