import { z } from "zod";
import type { PrismaClient } from "~/utils/db.server";
import { areaLevelName, areaLevelOf, isAreaKind } from "~/units/unit-kinds";
import { formatDate } from "~/utils/format";
import type { Translate } from "~/utils/i18n";
import { scopedFilter, statsScope, visibleTables, type StatsScope, type StatsViewer } from "./access";
import { AREA_KINDS, AUDIENCE_KEYS, SCHOOL_KINDS, type StatsFilter } from "./figures";
import { statsStore } from "./fact-store.server";
import { computeFigures } from "./figures.server";
import { statsTables, type StatsTable } from "./tables";

// What /organizer/stats and its exports share: the query string read with zod, scoped to the
// viewer, the figures of the period and of the same period a year earlier, and the tables.

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const byVietnamese = new Intl.Collator("vi").compare;
const id = z.string().trim().max(64).regex(/^[\w-]*$/).optional().transform((value) => value || null);
const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(value)))
  .optional()
  .or(z.literal("").transform(() => undefined));

export const statsQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  from: day,
  to: day,
  contest: id,
  round: id,
  audience: z.enum(AUDIENCE_KEYS).optional().or(z.literal("").transform(() => undefined)),
  area: id,
  school: id,
  view: z.enum(["as-it-was", "current"]).optional(),
});
export type StatsQuery = z.infer<typeof statsQuerySchema>;

/** Midnight in Viet Nam of a yyyy-mm-dd day, as an instant. */
const vietnamMidnight = (value: string) => new Date(Date.parse(`${value}T00:00:00Z`) - VIETNAM_OFFSET_MS);
const shiftYears = (date: Date | null, years: number) => {
  if (!date) return null;
  const shifted = new Date(date.getTime() + VIETNAM_OFFSET_MS);
  shifted.setUTCFullYear(shifted.getUTCFullYear() + years);
  return new Date(shifted.getTime() - VIETNAM_OFFSET_MS);
};

/** The same filter a year earlier, for "last year beside this year". */
export function lastYearOf(filter: StatsFilter): StatsFilter {
  return { ...filter, from: shiftYears(filter.from, -1), to: shiftYears(filter.to, -1) };
}

export function currentVietnamYear(now: number): number {
  return new Date(now + VIETNAM_OFFSET_MS).getUTCFullYear();
}

/** The name of the level under the province for the areas listed, or both names across the reform. */
export function areaLevelLabel(kinds: readonly string[], t: Translate): string {
  const levels = new Set(kinds.map((kind) => areaLevelOf([kind])));
  return levels.size > 1 ? t("stats.level.both") : areaLevelName(kinds, t, { capital: true });
}

export type ParsedQuery = { query: StatsQuery; filter: StatsFilter; year: number; problem: string | null };

/** Reads the filters; a bad value is dropped with a message rather than failing the page. */
export function parseStatsQuery(params: URLSearchParams, now: number): ParsedQuery {
  const raw = Object.fromEntries([...params].filter(([key]) => key in statsQuerySchema.shape));
  const parsed = statsQuerySchema.safeParse(raw);
  const query: StatsQuery = parsed.success ? parsed.data : statsQuerySchema.parse({});
  const problem = parsed.success ? null : parsed.error.issues.map((issue) => issue.path.join(".")).join(", ");
  const year = query.year ?? currentVietnamYear(now);
  const from = query.from ? vietnamMidnight(query.from) : vietnamMidnight(`${year}-01-01`);
  // "Up to and including" a day: the period ends at the next midnight.
  const to = query.to ? new Date(vietnamMidnight(query.to).getTime() + 86_400_000) : vietnamMidnight(`${year + 1}-01-01`);
  const filter: StatsFilter = {
    from,
    to,
    contestId: query.contest,
    roundId: query.round,
    audience: query.audience ?? null,
    areaId: query.area,
    schoolId: query.school,
    view: query.view ?? "as-it-was",
  };
  return { query, filter, year, problem };
}

export type Dashboard = {
  scope: StatsScope;
  filter: StatsFilter;
  periodLabel: string;
  /** What the areas of the period are called: "Xã/phường" since the reform, "Huyện" before it. */
  areaLabel: string;
  tables: StatsTable[];
  choices: {
    contests: { id: string; title: string }[];
    rounds: { id: string; title: string; contestId: string | null }[];
    areas: { id: string; name: string }[];
    schools: { id: string; name: string }[];
    scopeUnitName: string | null;
  };
};

export async function dashboard(db: PrismaClient, viewer: StatsViewer, params: URLSearchParams, t: Translate, now = Date.now()) {
  const scope = statsScope(viewer);
  if (!scope) return null;
  const parsed = parseStatsQuery(params, now);
  const filter = scopedFilter(parsed.filter, scope);
  const lastYearFilter = lastYearOf(filter);
  const [figures, lastYear] = await Promise.all([computeFigures(db, filter, now), computeFigures(db, lastYearFilter, now)]);
  const endDay = filter.to ? new Date(filter.to.getTime() - 1) : null;
  const label = (from: Date | null, to: Date | null) => `${formatDate(from)} – ${formatDate(to)}`;
  const visible = visibleTables(scope);
  const tables = statsTables(
    figures,
    lastYear,
    { thisYear: label(filter.from, endDay), lastYear: label(lastYearFilter.from, endDay ? shiftYears(endDay, -1) : null) },
    t,
  )
    .filter((table) => visible(table.id))
    .map((table) =>
      // A host sees live games only: the totals keep their live rows.
      scope.kind === "host" && table.id === "totals" ? { ...table, rows: table.rows.slice(3) } : table,
    );

  // The choices come from the facts in memory (the same look as the figures): no query per view
  // but a teacher's own school rounds' authors.
  const store = await statsStore(db, now);
  const schoolAuthors =
    scope.kind === "school" ? new Set((await db.user.findMany({ where: { unitId: scope.unitId }, select: { id: true } })).map((user) => user.id)) : null;
  const contests = scope.kind === "host" ? [] : [...store.contests].reverse();
  const rounds =
    scope.kind === "host"
      ? []
      : [...store.rounds.values()]
          .filter((round) => !schoolAuthors || round.contestId !== null || schoolAuthors.has(round.createdById))
          .sort((a, b) => b.opensAt.getTime() - a.opensAt.getTime())
          .map(({ id, title, contestId }) => ({ id, title, contestId }));
  const units = store.units.filter((unit) => (AREA_KINDS as readonly string[]).includes(unit.kind) || (SCHOOL_KINDS as readonly string[]).includes(unit.kind));
  const byName = (a: { name: string }, b: { name: string }) => byVietnamese(a.name, b.name);
  // The areas of the chosen period as the figures count them: those that existed in it, or today's.
  const from = filter.from?.getTime() ?? null;
  const to = filter.to?.getTime() ?? null;
  const inView = (unit: { validFrom: number | null; validTo: number | null }) =>
    filter.view === "current"
      ? (unit.validTo === null || unit.validTo > now) && (unit.validFrom === null || unit.validFrom <= now)
      : (unit.validTo === null || from === null || unit.validTo > from) && (unit.validFrom === null || to === null || unit.validFrom < to);
  const areas = units.filter((unit) => isAreaKind(unit.kind) && (inView(unit) || unit.id === filter.areaId)).sort(byName);
  const schools = units
    .filter((unit) => (SCHOOL_KINDS as readonly string[]).includes(unit.kind) && (!filter.areaId || unit.parentId === filter.areaId))
    .sort(byName);
  const scopeUnitName = scope.kind === "school" ? (units.find((unit) => unit.id === scope.unitId)?.name ?? null) : null;
  const result: Dashboard = {
    scope,
    filter,
    periodLabel: label(filter.from, endDay),
    areaLabel: areaLevelLabel(areas.map((area) => area.kind), t),
    tables,
    choices: {
      contests,
      rounds,
      areas: scope.kind === "all" ? areas.map(({ id, name }) => ({ id, name })) : [],
      schools: scope.kind === "all" ? schools.map(({ id, name }) => ({ id, name })) : [],
      scopeUnitName,
    },
  };
  return { ...result, query: parsed.query, year: parsed.year, problem: parsed.problem };
}

export const GLANCE_FIGURES = ["participants", "attempts", "completionRate", "averageScore", "liveGames", "livePlayers"] as const;
export type GlanceFigure = (typeof GLANCE_FIGURES)[number];

/** Which figures each scope shows: a host's are their live games, a teacher's their school's attempts. */
const GLANCE_BY_SCOPE: Record<StatsScope["kind"], readonly GlanceFigure[]> = {
  all: GLANCE_FIGURES,
  school: ["participants", "attempts", "completionRate", "averageScore"],
  host: ["liveGames", "livePlayers"],
};

/** The figures a role home page shows at a glance (this year, in the viewer's scope). */
export async function glanceFigures(db: PrismaClient, viewer: StatsViewer, now = Date.now()) {
  const scope = statsScope(viewer);
  if (!scope) return null;
  const { filter, year } = parseStatsQuery(new URLSearchParams(), now);
  const figures = await computeFigures(db, scopedFilter(filter, scope), now);
  return {
    year,
    shown: GLANCE_BY_SCOPE[scope.kind],
    participants: figures.totals.participants,
    attempts: figures.totals.attempts,
    completionRate: figures.totals.completionRate,
    averageScore: figures.totals.averageScore,
    liveGames: figures.live.totals.gamesHeld,
    livePlayers: figures.live.totals.players,
    link: "/organizer/stats",
  };
}

export type Glance = NonNullable<Awaited<ReturnType<typeof glanceFigures>>>;
