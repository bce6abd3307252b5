import { z } from "zod";
import type { PrismaClient } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import type { MessageKey, MessageParams } from "~/utils/i18n";
import "~/utils/i18n/messages/journeys-more";

// Editing a contest (its title and its rules text) and moving all its rounds by whole days, both
// only until its first round opens: from then on participants have read the rules and planned by
// the dates. Each change is one transaction that re-checks the condition inside it.

type Db = PrismaClient;
type Transaction = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const DAY_MS = 86_400_000;
export const MAX_SHIFT_DAYS = 90;

export const shiftContestSchema = z.object({
  days: z.coerce
    .number("contestEdit.error.days")
    .int("contestEdit.error.days")
    .min(-MAX_SHIFT_DAYS, "contestEdit.error.days")
    .max(MAX_SHIFT_DAYS, "contestEdit.error.days")
    .refine((days) => days !== 0, "contestEdit.error.days"),
});

export type ContestEditResult = { ok: true } | { ok: false; key: MessageKey; params?: MessageParams };

/** The first moment the contest was open, or null while none of its rounds has opened or been taken. */
export async function contestOpenedAt(db: Db | Transaction, contestId: string, now: number): Promise<Date | null> {
  const opened = await db.round.findFirst({
    where: { contestId, OR: [{ opensAt: { lte: new Date(now) } }, { attempts: { some: {} } }] },
    select: { opensAt: true },
    orderBy: { opensAt: "asc" },
  });
  return opened?.opensAt ?? null;
}

type Refusal = Extract<ContestEditResult, { ok: false }>;

function alreadyOpen(at: Date): Refusal {
  return { ok: false, key: "contestEdit.alreadyOpen", params: { when: formatDateTime(at) } };
}

/** Rounds up the transaction with a refusal: thrown so that nothing written inside it stays. */
class Refused extends Error {
  constructor(readonly result: Refusal) {
    super(result.key);
  }
}

async function refusedOr(run: () => Promise<ContestEditResult>): Promise<ContestEditResult> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

export async function updateContest(
  db: Db,
  contestId: string,
  input: { title: string; description: string | null },
  now: number,
): Promise<ContestEditResult> {
  return refusedOr(() =>
    db.$transaction(async (tx) => {
      const contest = await tx.contest.findUnique({ where: { id: contestId }, select: { id: true } });
      if (!contest) throw new Refused({ ok: false, key: "contestEdit.notFound" });
      const opened = await contestOpenedAt(tx, contestId, now);
      if (opened) throw new Refused(alreadyOpen(opened));
      await tx.contest.update({ where: { id: contestId }, data: { title: input.title, description: input.description } });
      return { ok: true } as const;
    }),
  );
}

/**
 * Moves every round of the contest by `days` (later when positive), keeping their lengths and the
 * gaps between them. Refused once a round has opened, when the contest has no round, and when a
 * round would then open in the past.
 */
export async function shiftContestRounds(db: Db, contestId: string, days: number, now: number): Promise<ContestEditResult> {
  return refusedOr(() =>
    db.$transaction(async (tx) => {
      const contest = await tx.contest.findUnique({ where: { id: contestId }, select: { id: true } });
      if (!contest) throw new Refused({ ok: false, key: "contestEdit.notFound" });
      const opened = await contestOpenedAt(tx, contestId, now);
      if (opened) throw new Refused(alreadyOpen(opened));
      const rounds = await tx.round.findMany({ where: { contestId }, select: { id: true, opensAt: true, closesAt: true }, orderBy: { opensAt: "asc" } });
      if (rounds.length === 0) throw new Refused({ ok: false, key: "contestEdit.noRounds" });
      const offset = days * DAY_MS;
      const first = rounds[0].opensAt.getTime() + offset;
      if (first <= now) throw new Refused({ ok: false, key: "contestEdit.intoPast", params: { when: formatDateTime(first) } });
      for (const round of rounds) {
        const { count } = await tx.round.updateMany({
          where: { id: round.id, opensAt: { gt: new Date(now) }, attempts: { none: {} } },
          data: { opensAt: new Date(round.opensAt.getTime() + offset), closesAt: new Date(round.closesAt.getTime() + offset) },
        });
        if (count !== 1) throw new Refused(alreadyOpen(round.opensAt));
      }
      return { ok: true } as const;
    }),
  );
}
