import { AUDIENCES, type Audience } from "~/bank/question-file";
import { contestStanding, roundStanding, type ParticipantInfo } from "~/contests/results.server";
import { listUnits } from "~/units/units.server";
import { prisma } from "~/utils/db.server";
import {
  areaLeaderboard,
  individualLeaderboard,
  schoolLeaderboard,
  type ParticipantProfile,
  type ParticipantResult,
} from "./leaderboards";

// The public leaderboards: a closed round's or a whole contest's results, for individuals (display
// name and school only), schools and areas. Open rounds are never shown.

export type LeaderboardFilter = { roundId: string | null; contestId: string | null; audience: Audience | null };

export function parseAudience(value: string | null): Audience | null {
  return value && (AUDIENCES as readonly string[]).includes(value) ? (value as Audience) : null;
}

function profileOf(info: ParticipantInfo, deletedLabel: string): ParticipantProfile {
  return {
    participantId: info.participantId,
    displayName: info.displayName ?? deletedLabel,
    unitId: info.unitId,
    audience: parseAudience(info.audience),
  };
}

/** Contests with at least one closed round, and those rounds, for the filter lists. */
export async function leaderboardChoices(now: number) {
  const rounds = await prisma.round.findMany({
    where: { contestId: { not: null }, closesAt: { lt: new Date(now) } },
    select: { id: true, title: true, contestId: true, contest: { select: { title: true } } },
    orderBy: { closesAt: "desc" },
  });
  const contests = new Map<string, string>();
  for (const round of rounds) if (round.contestId && round.contest) contests.set(round.contestId, round.contest.title);
  return { rounds: rounds.map(({ id, title, contestId }) => ({ id, title, contestId })), contests: [...contests].map(([id, title]) => ({ id, title })) };
}

export async function leaderboards(filter: LeaderboardFilter, now: number, deletedLabel: string) {
  let ranked: { participantId: string; rank: number; correct: number }[] = [];
  let participants = new Map<string, ParticipantInfo>();
  if (filter.roundId) {
    const standing = await roundStanding(filter.roundId, now);
    if (standing?.revealed) {
      ranked = standing.ranked;
      participants = standing.participants;
    }
  } else if (filter.contestId) {
    const standing = await contestStanding(filter.contestId, now);
    ranked = standing.ranked;
    participants = standing.participants;
  }
  const units = await listUnits();
  // Individuals: only people who still have a profile; deleted data stays in the unit figures.
  const named = [...participants.values()].filter((info) => info.displayName !== null).map((info) => profileOf(info, deletedLabel));
  const results: ParticipantResult[] = ranked.flatMap((entry) => {
    const info = participants.get(entry.participantId);
    return info ? [{ ...profileOf(info, deletedLabel), score: entry.correct }] : [];
  });
  const options = { audience: filter.audience };
  return {
    individuals: individualLeaderboard(ranked, named, units, options),
    schools: schoolLeaderboard(results, units, options),
    areas: areaLeaderboard(results, units, options),
  };
}
