import { z } from "zod";
import { ANSWER_GRACE_MS } from "~/contests/attempt";
import { statsChanged } from "~/stats/stats-version";
import type { PrismaClient } from "~/utils/db.server";
import type { MessageKey, MessageParams } from "~/utils/i18n";
import "~/utils/i18n/messages/journeys-more";

// One pupil with two accounts (a forgotten password, a second sign-up) is counted twice and has
// their history split. An admin merges the duplicate into the account to keep: every attempt
// moves over (renumbered by start time where both took the same round, so the best one counts
// once), the profile moves only when the kept account has none, the duplicate's sessions end and
// the account goes. One transaction: on any failure nothing has moved.

type Db = PrismaClient;
type Transaction = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export const mergeAccountsSchema = z.object({
  intent: z.literal("merge"),
  duplicate: z.string().trim().toLowerCase().min(1, "merge.error.duplicateRequired"),
  confirmed: z.literal("yes").optional(),
});

export type MergeResult =
  | { ok: true; movedAttempts: number; renumberedRounds: number; profileMoved: boolean }
  | { ok: false; key: MessageKey; params?: MessageParams };

export type MergePreview =
  | { ok: true; keep: AccountSummary; duplicate: AccountSummary; sharedRounds: number }
  | { ok: false; key: MessageKey; params?: MessageParams };

export type AccountSummary = {
  id: string;
  username: string;
  displayName: string;
  attempts: number;
  unitName: string | null;
  className: string | null;
  birthYear: number | null;
};

class Refused extends Error {
  constructor(readonly key: MessageKey, readonly params?: MessageParams) {
    super(key);
  }
}

async function summary(db: Db | Transaction, userId: string): Promise<(AccountSummary & { role: string }) | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      participantProfile: { select: { birthYear: true, className: true, unit: { select: { name: true } } } },
      _count: { select: { attempts: true } },
    },
  });
  if (!user) return null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    attempts: user._count.attempts,
    unitName: user.participantProfile?.unit.name ?? null,
    className: user.participantProfile?.className ?? null,
    birthYear: user.participantProfile?.birthYear ?? null,
  };
}

/** The two accounts as the admin confirms them, or why they cannot be merged. */
export async function previewMerge(db: Db | Transaction, keepId: string, duplicateUsername: string, now: number): Promise<MergePreview> {
  const keep = await summary(db, keepId);
  const duplicateRow = await db.user.findUnique({ where: { username: duplicateUsername.trim().toLowerCase() }, select: { id: true } });
  const duplicate = duplicateRow ? await summary(db, duplicateRow.id) : null;
  if (!keep) return { ok: false, key: "admin.users.unknownUser" };
  if (!duplicate) return { ok: false, key: "merge.error.noSuchAccount", params: { username: duplicateUsername } };
  if (duplicate.id === keep.id) return { ok: false, key: "merge.error.same" };
  if (keep.role !== "participant" || duplicate.role !== "participant") return { ok: false, key: "merge.error.staff" };
  const running = await db.attempt.findFirst({
    where: { userId: duplicate.id, submittedAt: null, deadline: { gt: new Date(now - ANSWER_GRACE_MS) }, round: { closesAt: { gt: new Date(now) } } },
    select: { round: { select: { title: true } } },
  });
  if (running) return { ok: false, key: "merge.error.running", params: { round: running.round.title } };
  const keptRounds = new Set((await db.attempt.findMany({ where: { userId: keep.id }, select: { roundId: true } })).map((row) => row.roundId));
  const duplicateRounds = new Set((await db.attempt.findMany({ where: { userId: duplicate.id }, select: { roundId: true } })).map((row) => row.roundId));
  const sharedRounds = [...duplicateRounds].filter((roundId) => keptRounds.has(roundId)).length;
  const { role: _keepRole, ...keepShown } = keep;
  const { role: _duplicateRole, ...duplicateShown } = duplicate;
  return { ok: true, keep: keepShown, duplicate: duplicateShown, sharedRounds };
}

/** Both accounts' attempts in one round, numbered 1, 2, … by start time, all under the kept account. */
async function renumberRound(tx: Transaction, roundId: string, keepId: string, duplicateId: string): Promise<void> {
  const attempts = await tx.attempt.findMany({
    where: { roundId, userId: { in: [keepId, duplicateId] } },
    select: { id: true },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
  });
  // Through negative numbers first, so no step ever holds two attempts with one number.
  for (const [index, attempt] of attempts.entries()) {
    await tx.attempt.update({ where: { id: attempt.id }, data: { attemptNumber: -(index + 1), userId: keepId, participantKey: keepId } });
  }
  for (const [index, attempt] of attempts.entries()) {
    await tx.attempt.update({ where: { id: attempt.id }, data: { attemptNumber: index + 1 } });
  }
}

export async function mergeAccounts(
  db: Db,
  input: { keepId: string; duplicateUsername: string; adminId: string; now: number },
): Promise<MergeResult> {
  try {
    const result = await db.$transaction(
      async (tx): Promise<MergeResult> => {
        // Checked again inside the transaction: an attempt may have started since the preview.
        const preview = await previewMerge(tx, input.keepId, input.duplicateUsername, input.now);
        if (!preview.ok) throw new Refused(preview.key, preview.params);
        const { keep, duplicate } = preview;
        const attempts = await tx.attempt.findMany({ where: { userId: duplicate.id }, select: { roundId: true } });
        const keptRounds = new Set((await tx.attempt.findMany({ where: { userId: keep.id }, select: { roundId: true } })).map((row) => row.roundId));
        const shared = [...new Set(attempts.map((row) => row.roundId))].filter((roundId) => keptRounds.has(roundId));
        for (const roundId of shared) await renumberRound(tx, roundId, keep.id, duplicate.id);
        await tx.attempt.updateMany({ where: { userId: duplicate.id }, data: { userId: keep.id, participantKey: keep.id } });

        const keptProfile = await tx.participantProfile.findUnique({ where: { userId: keep.id }, select: { id: true } });
        const profileMoved = keptProfile === null && (await tx.participantProfile.count({ where: { userId: duplicate.id } })) === 1;
        if (profileMoved) await tx.participantProfile.update({ where: { userId: duplicate.id }, data: { userId: keep.id } });
        else await tx.participantProfile.deleteMany({ where: { userId: duplicate.id } });

        await tx.unitRequest.updateMany({ where: { requestedById: duplicate.id }, data: { requestedById: keep.id } });
        await tx.auditEntry.updateMany({ where: { actorId: duplicate.id }, data: { actorId: keep.id } });
        await tx.session.deleteMany({ where: { userId: duplicate.id } });
        await tx.passwordResetCode.deleteMany({ where: { userId: duplicate.id } });
        await tx.user.delete({ where: { id: duplicate.id } });
        await tx.auditEntry.create({
          data: {
            actorId: input.adminId,
            action: "user.merged",
            subject: keep.username,
            detail: `${duplicate.username} → ${keep.username}: ${attempts.length} attempts moved, ${shared.length} rounds renumbered${profileMoved ? ", profile moved" : ""}`,
          },
        });
        return { ok: true, movedAttempts: attempts.length, renumberedRounds: shared.length, profileMoved };
      },
      { timeout: 30_000 },
    );
    // The duplicate's attempts now count under the kept account: one participant, not two.
    statsChanged();
    return result;
  } catch (error) {
    if (error instanceof Refused) return { ok: false, key: error.key, ...(error.params ? { params: error.params } : {}) };
    throw error;
  }
}
