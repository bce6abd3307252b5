import type { PrismaClient } from "~/utils/db.server";
import { lastYearOf, parseStatsQuery } from "./dashboard.server";
import { warmFacts, warmItems } from "./fact-store.server";
import { computeFigures } from "./figures.server";

/**
 * What the server loads in the background when it starts (docs/decisions/024): the facts, the
 * organizer's first dashboard (this year and the year before), every contest's ranking for the
 * public boards, then the responses item analysis and the yearly report read. Each step reads in
 * pages with pauses, so requests go on meanwhile; one that needs a step not yet done waits for it.
 */
export async function warmStatistics(db: PrismaClient, now = Date.now()): Promise<{ attempts: number; sittings: number }> {
  const store = await warmFacts(db);
  // The organizer's dashboard with no filter chosen (scopedFilter of app/stats/access.ts for "all").
  const filter = { ...parseStatsQuery(new URLSearchParams(), now).filter, hostId: null, only: null };
  await computeFigures(db, filter, now);
  await computeFigures(db, lastYearOf(filter), now);
  for (const contest of store.contests) await store.contestStanding(contest.id, now);
  const items = await warmItems(db);
  return { attempts: store.attempts.size, sittings: items.sittings.size };
}
