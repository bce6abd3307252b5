import type { Prisma } from "~/generated/sqlite/client";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { mayManageRound } from "./rounds.server";

type ManagedRoundSelect = Prisma.RoundSelect & { createdById: true };

/**
 * The round a teacher or organizer is about to manage (edit, results, export), with the fields the
 * page asks for: 404 when there is none, 403 when it is another teacher's (mayManageRound).
 */
export async function requireManageableRound<Select extends ManagedRoundSelect>(request: Request, roundId: string | undefined, select: Select) {
  const user = await requireUser(request, "teacher", "organizer");
  // Prisma cannot infer a payload from a generic select; the cast names the type it returns.
  const round = (await prisma.round.findUnique({ where: { id: roundId ?? "" }, select })) as Prisma.RoundGetPayload<{ select: Select }> | null;
  if (!round) throw new Response("Not found", { status: 404 });
  if (!mayManageRound(user, round as unknown as { createdById: string })) throw new Response("Forbidden", { status: 403 });
  return { user, round };
}
