import { statsStore } from "~/stats/fact-store.server";
import { prisma } from "~/utils/db.server";
import type { RankedEntry } from "./ranking";
import type { RoundStanding } from "./results.server";
import { vietnamDayAndWeekStart } from "./vietnam-calendar";

// What each role's home page shows as the next step: open rounds, their state and results, games,
// and the contest at a glance. Queries only; the pages render. Rounds' rankings come from the
// public boards' facts in memory (app/stats/fact-store.server.ts, docs/decisions/033), so a home
// page shows the same ranking as the board and never ranks a round from the database.

const DAY_MS = 86_400_000;

export type RoundState = "upcoming" | "open" | "closed";

export function roundState(round: { opensAt: Date; closesAt: Date }, now: number): RoundState {
  if (now < round.opensAt.getTime()) return "upcoming";
  return now < round.closesAt.getTime() ? "open" : "closed";
}

const roundSelect = {
  id: true,
  title: true,
  opensAt: true,
  closesAt: true,
  questionCount: true,
  timeLimitSeconds: true,
  maxAttempts: true,
  scope: true,
  scopeClass: true,
  scopeUnit: { select: { name: true } },
  contest: { select: { title: true, description: true } },
} as const;

function shownRound(round: {
  id: string;
  title: string;
  opensAt: Date;
  closesAt: Date;
  questionCount: number;
  timeLimitSeconds: number;
  maxAttempts: number;
  scope: string;
  scopeClass: string | null;
  scopeUnit: { name: string } | null;
  contest: { title: string; description: string | null } | null;
}, now: number) {
  return {
    id: round.id,
    title: round.title,
    contestTitle: round.contest?.title ?? null,
    rules: round.contest?.description ?? null,
    opensAt: round.opensAt.toISOString(),
    closesAt: round.closesAt.toISOString(),
    questionCount: round.questionCount,
    minutes: Math.round(round.timeLimitSeconds / 60),
    maxAttempts: round.maxAttempts,
    scope: round.scope as "province" | "school" | "class",
    scopeUnit: round.scopeUnit?.name ?? null,
    scopeClass: round.scopeClass,
    state: roundState(round, now),
  };
}

export type ShownRound = ReturnType<typeof shownRound>;

async function standingOf(roundId: string, now: number): Promise<RoundStanding | null> {
  return (await statsStore(prisma, now)).roundStanding(roundId, now);
}

function shownName(info: { displayName: string | null; hideName?: boolean } | undefined): string | null {
  return info && !info.hideName ? info.displayName : null;
}

/** Makes the maps participants' homes find their entries through, for every closed round (the server's start). */
export async function warmHomeRankings(now: number, pause: () => Promise<void>): Promise<void> {
  const store = await statsStore(prisma, now);
  for (const round of store.rounds.values()) {
    if (round.closesAt.getTime() >= now) continue;
    const standing = await store.roundStanding(round.id, now);
    if (standing?.revealed) entryOf(standing, "");
    await pause();
  }
}

// A round of a year's contest ranks thousands: each participant's entry is found through a map made once per ranking.
const entriesByParticipant = new WeakMap<readonly RankedEntry[], Map<string, RankedEntry>>();
function entryOf(standing: RoundStanding, participantId: string): RankedEntry | undefined {
  let entries = entriesByParticipant.get(standing.ranked);
  if (!entries) entriesByParticipant.set(standing.ranked, (entries = new Map(standing.ranked.map((entry) => [entry.participantId, entry]))));
  return entries.get(participantId);
}

/** The public home page: the province's open (or next) rounds with their rules and deadline, and the latest results. */
export async function publicHome(now: number) {
  const rounds = await prisma.round.findMany({
    where: { scope: "province", closesAt: { gt: new Date(now) } },
    select: roundSelect,
    orderBy: { closesAt: "asc" },
    take: 3,
  });
  const latest = await prisma.round.findFirst({
    where: { scope: "province", closesAt: { lte: new Date(now) } },
    select: { id: true, title: true, closesAt: true, contest: { select: { title: true } } },
    orderBy: { closesAt: "desc" },
  });
  const standing = latest ? await standingOf(latest.id, now) : null;
  const top =
    standing && standing.revealed
      ? standing.ranked.slice(0, 5).map((entry) => ({
          rank: entry.rank,
          // As on the public boards: no name once deleted, nor for a participant who hid theirs.
          name: shownName(standing.participants.get(entry.participantId)),
          correct: entry.correct,
          questionCount: standing.questionCount,
        }))
      : [];
  return {
    rounds: rounds.map((round) => shownRound(round, now)),
    latest: latest && top.length > 0 ? { id: latest.id, title: latest.title, contestTitle: latest.contest?.title ?? null, top } : null,
  };
}

/** A participant's home: every round they may take (province, their school, their class) with their own result and rank. */
export async function participantHome(userId: string, now: number) {
  const profile = await prisma.participantProfile.findUnique({ where: { userId }, select: { unitId: true, className: true } });
  const recent = new Date(now - 60 * DAY_MS);
  const mine = { some: { userId } };
  const rounds = await prisma.round.findMany({
    where: {
      OR: [
        { scope: "province", closesAt: { gt: recent } },
        ...(profile
          ? [
              { scope: "school", scopeUnitId: profile.unitId, closesAt: { gt: recent } },
              ...(profile.className ? [{ scope: "class", scopeUnitId: profile.unitId, scopeClass: profile.className, closesAt: { gt: recent } }] : []),
            ]
          : []),
        { attempts: mine },
      ],
    },
    select: { ...roundSelect, attempts: { where: { userId }, select: { submittedAt: true, deadline: true } } },
    orderBy: { closesAt: "desc" },
    take: 30,
  });
  const shown = await Promise.all(
    rounds.map(async (round) => {
      const taken = round.attempts.length;
      let result: { correct: number; questionCount: number; rank: number; of: number } | null = null;
      if (taken > 0 && now >= round.closesAt.getTime()) {
        const standing = await standingOf(round.id, now);
        const entry = standing?.revealed ? entryOf(standing, userId) : undefined;
        if (standing && entry) result = { correct: entry.correct, questionCount: standing.questionCount, rank: entry.rank, of: standing.ranked.length };
      }
      return { ...shownRound(round, now), attemptsTaken: taken, attemptsLeft: Math.max(round.maxAttempts - taken, 0), result };
    }),
  );
  const order: Record<RoundState, number> = { open: 0, upcoming: 1, closed: 2 };
  shown.sort((a, b) => order[a.state] - order[b.state]);
  return { registered: profile !== null, rounds: shown };
}

/** A teacher's home: the rounds they set, with their state and how many pupils took part. */
export async function teacherHome(userId: string, now: number) {
  const rounds = await prisma.round.findMany({
    where: { createdById: userId },
    select: { ...roundSelect, attempts: { select: { participantKey: true } } },
    orderBy: { opensAt: "desc" },
    take: 20,
  });
  return rounds.map((round) => ({ ...shownRound(round, now), participants: new Set(round.attempts.map((attempt) => attempt.participantKey)).size }));
}

/** A host's home: games waiting or running, and the latest that ended. */
export async function hostHome(hostId: string) {
  const select = { id: true, title: true, pin: true, status: true, createdAt: true, endedAt: true } as const;
  const [current, recent] = await Promise.all([
    prisma.liveGame.findMany({ where: { hostId, status: { in: ["lobby", "running"] } }, select, orderBy: { createdAt: "desc" }, take: 10 }),
    prisma.liveGame.findMany({ where: { hostId, status: "ended" }, select, orderBy: { endedAt: "desc" }, take: 5 }),
  ]);
  const shown = (game: (typeof current)[number]) => ({
    ...game,
    createdAt: game.createdAt.toISOString(),
    endedAt: game.endedAt?.toISOString() ?? null,
  });
  return { current: current.map(shown), recent: recent.map(shown) };
}

/** The contest at a glance for an organizer: participants today and this week, open rounds, the review queue. */
export async function organizerHome(now: number) {
  const { dayStart, weekStart } = vietnamDayAndWeekStart(now);
  const participantsSince = async (since: number) =>
    (
      await prisma.attempt.groupBy({
        by: ["participantKey"],
        where: { startedAt: { gte: new Date(since) }, demo: false },
      })
    ).length;
  const [today, week, rounds, reviewQueue] = await Promise.all([
    participantsSince(dayStart),
    participantsSince(weekStart),
    prisma.round.findMany({
      where: { scope: "province", closesAt: { gt: new Date(now - 7 * DAY_MS) } },
      select: roundSelect,
      orderBy: { opensAt: "asc" },
      take: 10,
    }),
    prisma.questionRevision.count({ where: { status: "draft" } }),
  ]);
  return { today, week, rounds: rounds.map((round) => shownRound(round, now)), reviewQueue };
}
