import type { FieldErrors } from "~/utils/forms";
import { fieldErrors } from "~/utils/forms";
import type { SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { bankTopics } from "./pool.server";
import { audiencesFromForm, drawRuleFromGrid, parseVietnamLocal, roundFormSchema } from "./round-form";
import { createRound, latestReleaseId, type RoundProblem } from "./rounds.server";

export type RoundFormResult =
  | { ok: true; roundId: string }
  | { ok: false; errors: FieldErrors; problem?: RoundProblem; values: Record<string, string> };

/**
 * The round form for organizers and teachers. A teacher's round is always for the teacher's own
 * school (or a class of it), whatever the form says; an organizer may pick any scope.
 */
export async function createRoundFromForm(
  user: SessionUser,
  values: Record<string, string>,
  contestId: string | null,
): Promise<RoundFormResult> {
  const isTeacher = user.role === "teacher";
  const input = isTeacher ? { ...values, scopeUnitId: user.unitId ?? "", scope: values.scope === "class" ? "class" : "school" } : values;
  const parsed = roundFormSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error), values };
  const topics = (await bankTopics()).map((topic) => topic.id);
  const rule = drawRuleFromGrid(values, topics);
  if (!rule) return { ok: false, errors: { mix: "rounds.error.count" }, values };
  const releaseId = values.releaseId || (await latestReleaseId());
  if (!releaseId) return { ok: false, errors: {}, problem: { key: "rounds.error.release" }, values };
  if (!isTeacher && parsed.data.scope !== "province" && parsed.data.scopeUnitId) {
    const unit = await prisma.unit.findUnique({ where: { id: parsed.data.scopeUnitId }, select: { kind: true } });
    if (!unit) return { ok: false, errors: { scopeUnitId: "rounds.error.scopeUnit" }, values };
  }
  const form = parsed.data;
  const created = await createRound({
    contestId,
    title: form.title,
    opensAt: parseVietnamLocal(form.opensAt),
    closesAt: parseVietnamLocal(form.closesAt),
    releaseId,
    drawRule: rule,
    questionAudience: form.questionAudience,
    timeLimitSeconds: Math.round(form.timeLimitMinutes * 60),
    maxAttempts: form.maxAttempts,
    audiences: audiencesFromForm(values),
    predictionBasis: form.prediction ? form.predictionBasis : null,
    scope: form.scope,
    scopeUnitId: form.scopeUnitId,
    scopeClass: form.scopeClass,
    createdById: user.id,
  });
  if (!created.ok) return { ok: false, errors: {}, problem: created.problem, values };
  await prisma.auditEntry.create({ data: { actorId: user.id, action: "round.created", subject: created.roundId, detail: form.title } });
  return { ok: true, roundId: created.roundId };
}

/** What the round form needs to render: topics, releases, units for the scope. */
export async function roundFormData(withUnits: boolean) {
  const [topics, releases, units] = await Promise.all([
    bankTopics(),
    prisma.bankRelease.findMany({ select: { id: true, name: true }, orderBy: { createdAt: "desc" } }),
    withUnits
      ? prisma.unit.findMany({ where: { kind: { in: ["school", "workplace"] } }, select: { id: true, name: true }, orderBy: { name: "asc" } })
      : Promise.resolve([]),
  ]);
  return { topics, releases, units };
}
