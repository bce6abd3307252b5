import { AUDIENCES } from "~/bank/question-file";
import { ANSWER_GRACE_MS } from "~/contests/attempt";
import { logger } from "~/ops/logger.server";
import { prisma, type PrismaClient } from "~/utils/db.server";
import { translator } from "~/utils/i18n";
import { lastYearOf, parseStatsQuery } from "./dashboard.server";
import { statsStore, warmFacts, warmItems } from "./fact-store.server";
import { publicHome, warmHomeRankings } from "~/contests/home.server";
import { scopedFilter } from "./access";
import { AREA_KINDS, AUDIENCE_KEYS, type StatsFilter, type UnitFact } from "./figures";
import { isAreaKind, isMemberKind } from "~/units/unit-kinds";
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
  // Every contest's public board and every closed round's, as the page shows them (app/routes/leaderboard._index.tsx), in Vietnamese:
  // for everyone and each audience, by the areas as they were and today's.
  const labels = boardLabels();
  const audiences = [null, ...AUDIENCES];
  for (const round of store.rounds.values()) {
    if (!round.contestId || round.closesAt.getTime() >= now) continue;
    for (const areaView of AREA_VIEWS) {
      await pause();
      await leaderboards({ roundId: round.id, contestId: null, audience: null, areaView }, now, ...labels);
    }
  }
  for (const contest of (await leaderboardChoices(now)).contests) {
    for (const audience of audiences) {
      for (const areaView of AREA_VIEWS) {
        await pause();
        await leaderboards({ roundId: null, contestId: contest.id, audience, areaView }, now, ...labels);
      }
    }
  }
  await warmHomeRankings(now, pause);
  await publicHome(now);
  // The indexes a filter's first count walks (FactTable.rowsWith), and that path compiled once: an
  // area's and a school's figures.
  for (const column of ["round", "contest", "audience", "unit", "area", "day"] as const) store.table.rowsWith(column, 0);
  const area = store.units.find((unit) => (AREA_KINDS as readonly string[]).includes(unit.kind) && unit.validTo === null);
  const school = store.units.find((unit) => unit.kind === "school");
  if (area) await computeFigures(db, { ...filter, areaId: area.id }, now);
  if (school) await computeFigures(db, { ...filter, schoolId: school.id }, now);
  await countEveryAreaAndSchool(db, store.units, now, pause);
  watchRoundClosings();
  const items = await warmItems(db);
  return { attempts: store.attempts.size, sittings: items.sittings.size };
}

/**
 * The first view of one area or of a teacher's school counts its rows of two years (this year and
 * the one before, beside it): a few milliseconds each, but a dashboard of an area is often looked
 * at once. Their sums are made here, the filters exactly as the dashboard makes them (the kept
 * sums are mended when read, so keeping them all costs memory, about 45 KB each, not time).
 */
async function countEveryAreaAndSchool(db: PrismaClient, units: readonly UnitFact[], now: number, pause: () => Promise<void>): Promise<void> {
  const everything = { kind: "all" } as const;
  const filters: StatsFilter[] = [];
  for (const unit of units) {
    if (isAreaKind(unit.kind)) {
      for (const view of ["as-it-was", "current"]) filters.push(scopedFilter(parseStatsQuery(new URLSearchParams({ area: unit.id, view }), now).filter, everything));
    } else if (isMemberKind(unit.kind)) {
      filters.push(scopedFilter(parseStatsQuery(new URLSearchParams(), now).filter, { kind: "school", unitId: unit.id }));
    }
  }
  for (const [index, filter] of filters.entries()) {
    await computeFigures(db, filter, now);
    await computeFigures(db, lastYearOf(filter), now);
    if (index % 10 === 9) await pause();
  }
}

const AREA_VIEWS = ["recorded", "current"] as const;

function boardLabels() {
  const t = translator("vi");
  return [t("roundResults.deleted"), t("publicBoard.hiddenName")] as const;
}

/** How long before a round closes its boards are made as they will be once it has (docs/decisions/033). */
const PREPARE_AHEAD_MS = 30_000;
const WATCH_EVERY_MS = 500;
let watching: NodeJS.Timeout | null = null;
const prepared = new Map<string, string>();

/**
 * A round closing adds its ranking to its contest's: a whole contest ranked again (tens of
 * thousands of participants), which would fall on the first visitor after the answers may be
 * shown. From shortly before the close, the round's and its contest's boards are made as they
 * will be at that moment, again whenever the round's attempts change; the first visitor then
 * finds them made, or waits for the making already under way.
 */
export function watchRoundClosings(): void {
  if (watching) return;
  let busy = false;
  watching = setInterval(() => {
    if (busy) return;
    busy = true;
    prepareClosingRounds(Date.now())
      // The first visitor makes the boards then; the failure is worth knowing of.
      .catch((error: unknown) => logger().error({ err: error }, "statistics: preparing a round's closing failed"))
      .finally(() => {
        busy = false;
      });
  }, WATCH_EVERY_MS);
  watching.unref();
}

export function stopWatchingRoundClosings(): void {
  if (watching) clearInterval(watching);
  watching = null;
}

/** Makes the boards of rounds about to close (or closed, answers not yet shown) as they will be once shown. */
export async function prepareClosingRounds(now: number): Promise<void> {
  const store = await statsStore(prisma, now);
  const labels = boardLabels();
  for (const round of store.rounds.values()) {
    const closesAt = round.closesAt.getTime();
    if (!round.contestId || now < closesAt - PREPARE_AHEAD_MS || now > closesAt + ANSWER_GRACE_MS) continue;
    const version = store.roundVersion(round.id);
    if (prepared.get(round.id) === version) continue;
    prepared.set(round.id, version);
    const shownAt = closesAt + ANSWER_GRACE_MS + 1;
    for (const areaView of AREA_VIEWS) {
      for (const audience of [null, ...AUDIENCES]) await leaderboards({ roundId: null, contestId: round.contestId, audience, areaView }, shownAt, ...labels);
      await leaderboards({ roundId: round.id, contestId: null, audience: null, areaView }, shownAt, ...labels);
    }
  }
}
