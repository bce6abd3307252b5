// Units over time (docs/decisions/013). Results keep the unit they were given under; a report that
// wants today's units maps each old unit onto its successors, following the chain of merges and
// splits, with the shares a split gave each successor. Pure: the loaders live in history.server.ts.

export type Succession = { predecessorId: string; successorId: string; share: number; effectiveAt: Date };
export type Period = { validFrom: Date | null; validTo: Date | null };
export type Mapped = { unitId: string; share: number };

/** True when the unit existed on `at`: validFrom is the first day, validTo the first day it no longer did. */
export function isActiveAt(unit: Period, at: Date): boolean {
  const time = at.getTime();
  if (unit.validFrom && time < unit.validFrom.getTime()) return false;
  if (unit.validTo && time >= unit.validTo.getTime()) return false;
  return true;
}

/** Successions indexed by predecessor, for repeated mapping. */
export function indexSuccessions(successions: readonly Succession[]): Map<string, Succession[]> {
  const byPredecessor = new Map<string, Succession[]>();
  for (const succession of successions) {
    const list = byPredecessor.get(succession.predecessorId) ?? [];
    list.push(succession);
    byPredecessor.set(succession.predecessorId, list);
  }
  return byPredecessor;
}

/**
 * Where `unitId`'s results belong on `at`: the unit itself with share 1 when no succession took
 * effect on or before `at`, otherwise its successors (transitively) with the product of the shares
 * along each path, summed when paths meet again. The shares of one unit's successors are taken as
 * given (they should sum to 1); a cycle in the data is cut where it closes rather than looping.
 */
export function mapOntoCurrent(
  successions: readonly Succession[] | Map<string, Succession[]>,
  unitId: string,
  at: Date,
): Mapped[] {
  const byPredecessor = successions instanceof Map ? successions : indexSuccessions(successions);
  const totals = new Map<string, number>();
  const visit = (id: string, share: number, path: ReadonlySet<string>) => {
    const next = (byPredecessor.get(id) ?? []).filter(
      (succession) => succession.effectiveAt.getTime() <= at.getTime() && !path.has(succession.successorId),
    );
    if (next.length === 0) {
      totals.set(id, (totals.get(id) ?? 0) + share);
      return;
    }
    const nextPath = new Set(path).add(id);
    for (const succession of next) visit(succession.successorId, share * succession.share, nextPath);
  };
  visit(unitId, 1, new Set());
  return [...totals].map(([id, share]) => ({ unitId: id, share })).sort((a, b) => b.share - a.share || a.unitId.localeCompare(b.unitId));
}

/**
 * Problems with a set of successions: a predecessor whose shares do not sum to 1 (within a
 * rounding tolerance), or a share outside (0, 1]. Returned as predecessor ids with their sum.
 */
export function shareProblems(successions: readonly Succession[]): Array<{ predecessorId: string; total: number }> {
  const totals = new Map<string, number>();
  const bad = new Set<string>();
  for (const succession of successions) {
    if (!(succession.share > 0 && succession.share <= 1)) bad.add(succession.predecessorId);
    totals.set(succession.predecessorId, (totals.get(succession.predecessorId) ?? 0) + succession.share);
  }
  for (const [id, total] of totals) if (Math.abs(total - 1) > 1e-6) bad.add(id);
  return [...bad].sort().map((predecessorId) => ({ predecessorId, total: totals.get(predecessorId) ?? 0 }));
}

/**
 * Spreads per-unit amounts (participants, score sums…) onto today's units. Amounts of a split unit
 * are divided by the shares, so totals are kept: the sum over the result equals the sum given.
 */
export function mapAmounts(
  successions: readonly Succession[] | Map<string, Succession[]>,
  amounts: ReadonlyMap<string, number>,
  at: Date,
): Map<string, number> {
  const byPredecessor = successions instanceof Map ? successions : indexSuccessions(successions);
  const result = new Map<string, number>();
  for (const [unitId, amount] of amounts) {
    for (const mapped of mapOntoCurrent(byPredecessor, unitId, at)) {
      result.set(mapped.unitId, (result.get(mapped.unitId) ?? 0) + amount * mapped.share);
    }
  }
  return result;
}

/**
 * A calendar day as the app stores validFrom/validTo/effectiveAt: midnight in Vietnam
 * (Asia/Ho_Chi_Minh, UTC+7, no daylight saving), so "2025-07-01" begins when the day begins there.
 */
export function vietnamDay(isoDate: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${isoDate}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 30 February over into March: such a date is refused.
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    throw new Error(`not a calendar date: ${isoDate}`);
  }
  return new Date(utc.getTime() - VIETNAM_OFFSET_MS);
}

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** The Vietnamese calendar day of a stored instant, as YYYY-MM-DD (inverse of vietnamDay). */
export function vietnamDayOf(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The day the two-tier local government began (Vietnam, 1 July 2025). A default, not a rule. */
export const TWO_TIER_START = vietnamDay("2025-07-01");
