import type { PrismaClient } from "~/utils/db.server";
import { forgetStatsStore, statsStore, type StatsStore } from "./fact-store.server";
import { aggregateFigures, type Figures, type StatsFilter } from "./figures";

// computeFigures: the counting module (./figures.ts) over the facts kept in memory and up to date by
// ./fact-store.server.ts. Results of one filter are kept until a fact changes.

export type { Figures, StatsFilter } from "./figures";

const MAX_MEMOISED_RESULTS = 200;
let memo: { store: StatsStore; version: number; results: Map<string, Figures> } | null = null;

/** Every figure for one filter (see app/stats/figures.ts for what each one counts). */
export async function computeFigures(db: PrismaClient, filter: StatsFilter, now = Date.now()): Promise<Figures> {
  const store = await statsStore(db, now);
  if (memo?.store !== store || memo.version !== store.version) memo = { store, version: store.version, results: new Map() };
  const key = JSON.stringify(filter);
  const known = memo.results.get(key);
  if (known) return known;
  const figures = aggregateFigures(store.facts(), filter, store.mapUnit(now), now);
  if (memo.results.size >= MAX_MEMOISED_RESULTS) memo.results.delete(memo.results.keys().next().value!);
  memo.results.set(key, figures);
  return figures;
}

/** Forgets the facts in memory (tests, and after a bulk load such as the synthetic year). */
export function forgetStatsCache(): void {
  memo = null;
  forgetStatsStore();
}
