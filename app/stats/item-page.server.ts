import { z } from "zod";
import { bankTopics } from "~/contests/pool.server";
import type { PrismaClient } from "~/utils/db.server";
import { DEFAULT_MIN_RESPONSES_FOR_FLAGS } from "./item-analysis";
import { itemAnalysisFor } from "./item-analysis.server";

// The item analysis page's loader, shared by the organizer's page (everything) and the teacher's
// (their own rounds and games).

const id = z.string().trim().max(40).regex(/^[A-Za-z0-9_-]*$/).catch("").default("");
export const itemFilterSchema = z.object({
  contest: id,
  round: id,
  source: z.enum(["all", "rounds", "live"]).catch("all").default("all"),
  flagged: z.enum(["", "1"]).catch("").default(""),
});
export type ItemFilter = z.output<typeof itemFilterSchema>;

export async function itemPageData(db: PrismaClient, searchParams: URLSearchParams, ownerId: string | null, now: number) {
  const filter = itemFilterSchema.parse(Object.fromEntries(searchParams));
  const [rounds, contests, topics] = await Promise.all([
    db.round.findMany({
      where: { createdById: ownerId ?? undefined },
      select: { id: true, title: true, contestId: true },
      orderBy: { opensAt: "desc" },
    }),
    ownerId ? Promise.resolve([]) : db.contest.findMany({ select: { id: true, title: true }, orderBy: { createdAt: "desc" } }),
    bankTopics(),
  ]);
  // A round or contest outside the viewer's own is ignored rather than shown.
  const roundId = rounds.some((round) => round.id === filter.round) ? filter.round : null;
  const contestId = contests.some((contest) => contest.id === filter.contest) ? filter.contest : null;
  const rows = await itemAnalysisFor(
    db,
    { ownerId, roundId, contestId, rounds: filter.source !== "live", live: filter.source !== "rounds" },
    now,
  );
  const flaggedCount = rows.filter((row) => row.flags.length > 0).length;
  return {
    filter: { ...filter, round: roundId ?? "", contest: contestId ?? "" },
    rounds,
    contests,
    topics,
    total: rows.length,
    flaggedCount,
    minResponses: DEFAULT_MIN_RESPONSES_FOR_FLAGS,
    // Flagged first, then the hardest: what a reviewer should read first.
    rows: rows
      .filter((row) => !filter.flagged || row.flags.length > 0)
      .sort((a, b) => b.flags.length - a.flags.length || a.difficulty - b.difficulty || a.questionId.localeCompare(b.questionId)),
  };
}
