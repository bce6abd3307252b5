import type { PrismaClient } from "~/utils/db.server";
import { forgetStatsStore, statsStore, type StatsStore } from "./fact-store.server";
import { FigureSums } from "./figure-sums";
import { KeptSums } from "./kept-sums";
import { figuresOf, type Figures, type StatsFilter } from "./figures";
import type { LiveTally } from "./live-figures";

// computeFigures: the counting module (./figures.ts) over the facts kept in memory and up to date
// by ./fact-store.server.ts. The sums of each filter asked for are kept and, when facts change,
// mended for the participants whose facts changed when next read (./kept-sums.ts,
// ./figure-sums.ts), so a view after a new attempt does not count the year again (docs/decisions/024).

export type { Figures, StatsFilter } from "./figures";

/** Filters whose sums are kept: every area and school of two years in two views fits (about 45 KB each). */
const MAX_KEPT_SUMS = 1_500;
/** Filters whose figures are kept for the facts' version. */
const MAX_KEPT_FIGURES = 100;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const vietnamDay = (at: number) => Math.floor((at + VIETNAM_OFFSET_MS) / 86_400_000);

type Kept = {
  store: StatsStore;
  day: number;
  sums: KeptSums;
  figures: Map<string, { version: number; figures: Figures }>;
  /** The live players counted per period, host and view, for the facts of one version (./live-figures.ts). */
  liveTallies: { version: number; tallies: Map<string, LiveTally> };
};
let kept: Kept | null = null;
const listening = new WeakSet<StatsStore>();

function keptFor(store: StatsStore, now: number): Kept {
  // Today's units (the current view) follow the day: a new day counts afresh.
  if (kept?.store === store && kept.day === vietnamDay(now)) return kept;
  kept = { store, day: vietnamDay(now), sums: new KeptSums(store.table, MAX_KEPT_SUMS), figures: new Map(), liveTallies: { version: -1, tallies: new Map() } };
  if (!listening.has(store)) {
    listening.add(store);
    store.onFactsChanged((changes) => {
      if (kept?.store !== store) return;
      if (changes === "all") kept.sums.clear();
      else kept.sums.noteChanges(changes);
    });
  }
  return kept;
}

/** Every figure for one filter (see app/stats/figures.ts for what each one counts). */
export async function computeFigures(db: PrismaClient, filter: StatsFilter, now = Date.now()): Promise<Figures> {
  const store = await statsStore(db, now);
  const { sums, figures, liveTallies } = keptFor(store, now);
  const key = JSON.stringify(filter);
  const known = figures.get(key);
  if (known?.version === store.version) return known.figures;
  // Kept by last use: the filters counted at start stay while they are asked for.
  const filterSums = sums.get(key, () => new FigureSums(store.table, store.units, filter, store.mapUnit(now)).addAll());
  if (liveTallies.version !== store.version) {
    liveTallies.version = store.version;
    liveTallies.tallies.clear();
  }
  const computed = figuresOf(filterSums, store.table, store.facts(), now, liveTallies.tallies);
  if (figures.size >= MAX_KEPT_FIGURES) figures.delete(figures.keys().next().value!);
  figures.set(key, { version: store.version, figures: computed });
  return computed;
}

/** Forgets the facts in memory (tests, and after a bulk load such as the synthetic year). */
export function forgetStatsCache(): void {
  kept = null;
  forgetStatsStore();
}
