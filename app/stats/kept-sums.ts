import type { FactColumns, FactTable } from "./fact-table";
import type { FigureSums } from "./figure-sums";

/**
 * The sums of many filters, kept by last use and mended only when read: a change of facts is
 * written to a log (each participant with their facts as they were), and a filter's sums take out
 * and put back the participants changed since they were last read. A new attempt then costs the
 * filters someone looks at, not every filter kept, so the server can keep every area's and every
 * school's sums made at start (./warm-up.server.ts).
 */
export class KeptSums {
  private readonly entries = new Map<string, { sums: FigureSums; seq: number }>();
  private log: { participant: number; before: FactColumns }[] = [];
  /** The sequence number of log[0]; sums read before it are made again. */
  private logStart = 0;

  constructor(
    private readonly table: FactTable,
    private readonly maxFilters: number,
    private readonly maxLog = 50_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  private get seq(): number {
    return this.logStart + this.log.length;
  }

  /** Participants whose facts changed, with their facts as they were before the change. */
  noteChanges(changes: ReadonlyMap<number, FactColumns>): void {
    for (const [participant, before] of changes) this.log.push({ participant, before });
    if (this.log.length > this.maxLog) {
      const dropped = this.log.length - Math.floor(this.maxLog / 2);
      this.log = this.log.slice(dropped);
      this.logStart += dropped;
    }
  }

  /** Every fact moved (units or successions changed): every filter is counted afresh. */
  clear(): void {
    this.entries.clear();
    this.logStart = this.seq;
    this.log = [];
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The sums of a filter as the facts are now: kept and mended, or made by `make`. */
  get(key: string, make: () => FigureSums): FigureSums {
    let entry = this.entries.get(key);
    if (entry) this.entries.delete(key);
    if (entry && entry.seq < this.logStart) entry = undefined;
    if (entry) this.mend(entry);
    else {
      entry = { sums: make(), seq: this.seq };
      if (this.entries.size >= this.maxFilters) this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, entry);
    return entry.sums;
  }

  private mend(entry: { sums: FigureSums; seq: number }): void {
    if (entry.seq === this.seq) return;
    // A participant changed twice since: their facts as these sums last saw them are the first "before".
    const seenBefore = new Map<number, FactColumns>();
    for (let at = entry.seq - this.logStart; at < this.log.length; at++) {
      const { participant, before } = this.log[at];
      if (!seenBefore.has(participant)) seenBefore.set(participant, before);
    }
    for (const [participant, before] of seenBefore) entry.sums.replaceParticipant(before, this.table.participantColumns(participant));
    entry.seq = this.seq;
  }
}
