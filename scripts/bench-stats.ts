// Times every statistics dashboard view and the public leaderboards on the database in
// DATABASE_URL (make a synthetic year first: `npx tsx scripts/stats-synthetic-year.ts`). Each view
// is timed as the server computes it (no HTTP): the first call after a change (cold: facts loaded
// into memory) and the median of the following calls (warm). The last line is one JSON object.
//
//   npm run bench:stats            (run it alone: the machine's cores are shared)
import "dotenv/config";
import { leaderboards } from "../app/stats/leaderboards.server";
import { dashboard } from "../app/stats/dashboard.server";
import { computeFigures } from "../app/stats/figures.server";
import { prisma } from "../app/utils/db.server";
import { translator } from "../app/utils/i18n";

const LIMIT_MS = 50;
const REPEATS = 7;
const t = translator("vi");
const now = Date.now();

async function time(run: () => Promise<unknown>): Promise<{ cold: number; warm: number }> {
  const first = performance.now();
  await run();
  const cold = performance.now() - first;
  const samples: number[] = [];
  for (let index = 0; index < REPEATS; index++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { cold: Math.round(cold * 10) / 10, warm: Math.round(samples[Math.floor(samples.length / 2)] * 10) / 10 };
}

const organizer = await prisma.user.findFirst({ where: { role: { in: ["organizer", "admin"] } }, select: { id: true, role: true, unitId: true } });
const teacher = await prisma.user.findFirst({ where: { role: "teacher", unitId: { not: null } }, select: { id: true, role: true, unitId: true } });
const host = await prisma.user.findFirst({ where: { role: "host" }, select: { id: true, role: true, unitId: true } });
const area = await prisma.attempt.findFirst({ where: { areaId: { not: null } }, select: { areaId: true }, orderBy: { startedAt: "desc" } });
const contest = await prisma.contest.findFirst({ where: { rounds: { some: { closesAt: { lt: new Date(now) } } } }, select: { id: true }, orderBy: { createdAt: "desc" } });
const round = await prisma.round.findFirst({ where: { contestId: contest?.id, closesAt: { lt: new Date(now) } }, select: { id: true }, orderBy: { closesAt: "desc" } });
const counts = { attempts: await prisma.attempt.count(), liveGames: await prisma.liveGame.count() };
if (!organizer) throw new Error("No organizer: run npm run db:seed first.");

const asRole = (user: { id: string; role: string; unitId: string | null }) => ({ ...user, role: user.role as "organizer" });
const views: Record<string, () => Promise<unknown>> = {
  "dashboard:organizer": () => dashboard(prisma, asRole(organizer), new URLSearchParams(), t, now),
  "dashboard:organizer:current-units": () => dashboard(prisma, asRole(organizer), new URLSearchParams("view=current"), t, now),
  "dashboard:organizer:area": () => dashboard(prisma, asRole(organizer), new URLSearchParams(`area=${area?.areaId ?? ""}`), t, now),
  "dashboard:organizer:contest": () => dashboard(prisma, asRole(organizer), new URLSearchParams(`contest=${contest?.id ?? ""}`), t, now),
  "dashboard:organizer:audience": () => dashboard(prisma, asRole(organizer), new URLSearchParams("audience=upper-secondary"), t, now),
  ...(teacher ? { "dashboard:teacher": () => dashboard(prisma, asRole(teacher), new URLSearchParams(), t, now) } : {}),
  ...(host ? { "dashboard:host": () => dashboard(prisma, asRole(host), new URLSearchParams(), t, now) } : {}),
  ...(contest ? { "leaderboard:contest": () => leaderboards({ contestId: contest.id, roundId: null, audience: null }, now, "—") } : {}),
  ...(round ? { "leaderboard:round": () => leaderboards({ contestId: null, roundId: round.id, audience: null }, now, "—") } : {}),
};

const results: Record<string, { cold: number; warm: number }> = {};
for (const [name, run] of Object.entries(views)) {
  results[name] = await time(run);
  console.log(`${name.padEnd(36)} cold ${String(results[name].cold).padStart(8)} ms   warm ${String(results[name].warm).padStart(7)} ms`);
}
// A new attempt arrives: the next view reloads, and shows it.
const before = await computeFigures(prisma, { from: null, to: null, view: "as-it-was" }, now);
const anyAttempt = await prisma.attempt.findFirst({ select: { id: true } });
if (anyAttempt) await prisma.attempt.update({ where: { id: anyAttempt.id }, data: { currentIndex: { increment: 1 } } });
const reload = await time(() => computeFigures(prisma, { from: null, to: null, view: "as-it-was" }, now));
const after = await computeFigures(prisma, { from: null, to: null, view: "as-it-was" }, now);
console.log(`${"reload after a change".padEnd(36)} cold ${String(reload.cold).padStart(8)} ms`);
await prisma.$disconnect();
const worstWarm = Math.max(...Object.values(results).map((result) => result.warm));
console.log(
  JSON.stringify({
    bench: "stats",
    attempts: counts.attempts,
    liveGames: counts.liveGames,
    limitMs: LIMIT_MS,
    worstWarmMs: worstWarm,
    pass: worstWarm <= LIMIT_MS,
    reloadAfterChangeMs: reload.cold,
    sameTotalsAfterReload: before.totals.attempts === after.totals.attempts,
    views: results,
  }),
);
