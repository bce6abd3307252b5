import type { PrismaClient } from "~/utils/db.server";
import { translator } from "~/utils/i18n";
import { lastYearOf, parseStatsQuery } from "./dashboard.server";
import { warmFacts, warmItems } from "./fact-store.server";
import { computeFigures } from "./figures.server";
import { leaderboardChoices, leaderboards } from "./leaderboards.server";

/**
 * What the server loads in the background when it starts (docs/decisions/024): the facts, the
 * organizer's first dashboard (this year and the year before), every contest's ranking and the
 * public board a visitor sees first, then the responses item analysis and the yearly report read. Each step reads in
 * pages with pauses, so requests go on meanwhile; one that needs a step not yet done waits for it.
 */
export async function warmStatistics(db: PrismaClient, now = Date.now()): Promise<{ attempts: number; sittings: number }> {
  const store = await warmFacts(db);
  // The organizer's dashboard with no filter chosen (scopedFilter of app/stats/access.ts for "all").
  const filter = { ...parseStatsQuery(new URLSearchParams(), now).filter, hostId: null, only: null };
  await computeFigures(db, filter, now);
  await computeFigures(db, lastYearOf(filter), now);
  for (const contest of store.contests) await store.contestStanding(contest.id, now);
  // The public board as a visitor first sees it (app/routes/leaderboard._index.tsx), in Vietnamese.
  const t = translator("vi");
  const contestId = (await leaderboardChoices(now)).contests[0]?.id ?? null;
  const labels = [t("roundResults.deleted"), t("publicBoard.hiddenName")] as const;
  if (contestId) await leaderboards({ roundId: null, contestId, audience: null }, now, ...labels);
  // Each closed round's board shares its ranking's names and results with the others of that round.
  for (const round of store.rounds.values()) {
    if (round.contestId && round.closesAt.getTime() < now) await leaderboards({ roundId: round.id, contestId: null, audience: null }, now, ...labels);
  }
  const items = await warmItems(db);
  return { attempts: store.attempts.size, sittings: items.sittings.size };
}
