import type { Audience } from "~/bank/question-file";
import { prisma } from "~/utils/db.server";
import { ANSWER_GRACE_MS } from "./attempt";
import { mayDraw, type DrawRule } from "./draw";
import { releasePool } from "./pool.server";

// The rule of decision 010: after a round closes, its participants see the correct options of a
// question only when no round that has not yet closed (province, school or class, open now or
// opening later) could still draw that question. Otherwise a practice round with 10 attempts
// that closes early hands out the key to a province round still running on the same release.

/**
 * Of `questionIds`, those that a round other than `roundId`, not yet past its close (and grace),
 * could still draw: same question in its release, within its draw rule and audience filter.
 */
export async function questionsStillDrawable(questionIds: readonly string[], roundId: string, now: number): Promise<Set<string>> {
  const wanted = new Set(questionIds);
  const held = new Set<string>();
  if (wanted.size === 0) return held;
  const openRounds = await prisma.round.findMany({
    where: { id: { not: roundId }, closesAt: { gte: new Date(now - ANSWER_GRACE_MS) } },
    select: { releaseId: true, drawRule: true, questionAudience: true },
  });
  for (const round of openRounds) {
    const pool = await releasePool(round.releaseId);
    const rule = JSON.parse(round.drawRule) as DrawRule;
    const audience = (round.questionAudience ?? null) as Audience | null;
    for (const question of pool.questions) {
      if (wanted.has(question.questionId) && !held.has(question.questionId) && mayDraw(question, rule, audience)) {
        held.add(question.questionId);
      }
    }
    if (held.size === wanted.size) break;
  }
  return held;
}
