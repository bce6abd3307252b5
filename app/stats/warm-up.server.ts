import type { PrismaClient } from "~/utils/db.server";
import { translator } from "~/utils/i18n";
import { lastYearOf, parseStatsQuery } from "./dashboard.server";
import { warmFacts, warmItems } from "./fact-store.server";
import { AUDIENCE_KEYS } from "./figures";
import { computeFigures } from "./figures.server";
import { leaderboardChoices, leaderboards } from "./leaderboards.server";

/**
 * What the server loads in the background when it starts (docs/decisions/024): the facts; the
 * organizer's first dashboard (this year, the year before, and this year on today's units); every
 * closed round's and every contest's public board; then the responses item analysis and the yearly
 * report read. Loading reads in pages with pauses, so requests go on meanwhile; one that needs a
 * step not yet done waits for it.
 */
export async function warmStatistics(db: PrismaClient, now = Date.now()): Promise<{ attempts: number; sittings: number }> {
  const store = await warmFacts(db);
  // Between steps the event loop takes its turn; a step itself (ranking a round) takes at most a few hundred milliseconds.
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 5));
  // The organizer's dashboard with no filter chosen (scopedFilter of app/stats/access.ts for "all").
  const filter = { ...parseStatsQuery(new URLSearchParams(), now).filter, hostId: null, only: null };
  await computeFigures(db, filter, now);
  await pause();
  await computeFigures(db, lastYearOf(filter), now);
  await pause();
  await computeFigures(db, { ...filter, view: "current" }, now);
  // A filter that keeps most of the year (a contest, an audience) would count most facts on its
  // first view; any narrower one walks only its rows (FactTable.rowsWith). The wide ones are
  // counted here, in both views, with the year before that the dashboard shows beside them.
  const wide = [
    ...store.contests.map((contest) => ({ ...filter, contestId: contest.id })),
    ...AUDIENCE_KEYS.map((audience) => ({ ...filter, audience })),
  ];
  for (const one of wide) {
    for (const view of ["as-it-was", "current"] as const) {
      await pause();
      await computeFigures(db, { ...one, view }, now);
      await computeFigures(db, lastYearOf({ ...one, view }), now);
    }
  }
  // Every contest's public board and every closed round's, as the page shows them (app/routes/leaderboard._index.tsx), in Vietnamese.
  const t = translator("vi");
  const labels = [t("roundResults.deleted"), t("publicBoard.hiddenName")] as const;
  for (const round of store.rounds.values()) {
    if (!round.contestId || round.closesAt.getTime() >= now) continue;
    await pause();
    await leaderboards({ roundId: round.id, contestId: null, audience: null }, now, ...labels);
  }
  for (const contest of (await leaderboardChoices(now)).contests) {
    await pause();
    await leaderboards({ roundId: null, contestId: contest.id, audience: null }, now, ...labels);
  }
  const items = await warmItems(db);
  return { attempts: store.attempts.size, sittings: items.sittings.size };
}
