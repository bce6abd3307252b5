import type { FieldErrors } from "~/utils/forms";
import { fieldErrors } from "~/utils/forms";
import type { SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import type { DrawRule } from "./draw";
import { bankTopics } from "./pool.server";
import { PICK_SEARCH_INTENT, pickedIdsFrom, type PickerState } from "./question-picker";
import { checkPicked, pickerStateFor } from "./question-picker.server";
import { roundRuleFromForm } from "./round-edit";
import { audiencesFromForm, parseVietnamLocal, roundFormSchema } from "./round-form";
import { createRound, latestReleaseId, updateRound, type RoundInput, type RoundProblem } from "./rounds.server";
import "~/utils/i18n/messages/journeys-more";

export type RoundFormResult =
  | { ok: true; roundId: string }
  | { ok: false; errors: FieldErrors; problem?: RoundProblem; values: Record<string, string>; picker: PickerState };

type RoundSettings = Omit<RoundInput, "contestId" | "createdById" | "demo">;
type ReadResult = { ok: true; settings: RoundSettings } | Extract<RoundFormResult, { ok: false }>;

/**
 * The round form of organizers and teachers, read into a round's settings. A teacher's round is
 * always for the teacher's own school (or a class of it), whatever the form says; an organizer may
 * pick any scope. The picker's search (intent=pick-search) stops here and comes back with results.
 */
async function readRoundForm(user: SessionUser, values: Record<string, string>, storedRule: DrawRule | null = null): Promise<ReadResult> {
  const isTeacher = user.role === "teacher";
  const releaseId = values.releaseId || (await latestReleaseId());
  const picker = await pickerStateFor(releaseId, values);
  const refuse = (errors: FieldErrors, problem?: RoundProblem): ReadResult => ({ ok: false, errors, ...(problem ? { problem } : {}), values, picker });
  if (values.intent === PICK_SEARCH_INTENT) return refuse({});
  const input = isTeacher ? { ...values, scopeUnitId: user.unitId ?? "", scope: values.scope === "class" ? "class" : "school" } : values;
  const parsed = roundFormSchema.safeParse(input);
  if (!parsed.success) return refuse(fieldErrors(parsed.error));
  const topics = (await bankTopics()).map((topic) => topic.id);
  // An edit may keep a stored mix the grid cannot show (app/contests/round-edit.ts).
  const keepRule = storedRule !== null && values.keepRule === "on";
  const rule = keepRule ? storedRule : roundRuleFromForm(values, topics);
  if (!rule) return refuse({ mix: "rounds.error.count" });
  if (!releaseId) return refuse({}, { key: "rounds.error.release" });
  const form = parsed.data;
  const picked = await checkPicked(releaseId, keepRule ? [] : pickedIdsFrom(values), form.questionAudience);
  if (!picked.ok) {
    if (picked.problem === "too-many") return refuse({}, { key: "roundPick.tooMany", params: { max: picked.max } });
    const key = picked.problem === "not-in-release" ? "roundPick.notInRelease" : "roundPick.wrongAudience";
    return refuse({}, { key, params: { ids: picked.ids.join(", ") } });
  }
  if (!isTeacher && form.scope !== "province" && form.scopeUnitId) {
    const unit = await prisma.unit.findUnique({ where: { id: form.scopeUnitId }, select: { kind: true } });
    if (!unit) return refuse({ scopeUnitId: "rounds.error.scopeUnit" });
  }
  return {
    ok: true,
    settings: {
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
    },
  };
}

export async function createRoundFromForm(
  user: SessionUser,
  values: Record<string, string>,
  contestId: string | null,
): Promise<RoundFormResult> {
  const read = await readRoundForm(user, values);
  if (!read.ok) return read;
  const created = await createRound({ ...read.settings, contestId, createdById: user.id });
  if (!created.ok) return { ok: false, errors: {}, problem: created.problem, values, picker: await pickerStateFor(read.settings.releaseId, values) };
  await prisma.auditEntry.create({ data: { actorId: user.id, action: "round.created", subject: created.roundId, detail: read.settings.title } });
  return { ok: true, roundId: created.roundId };
}

/** Edits a round that has not opened yet (app/contests/rounds.server.ts `updateRound`). */
export async function updateRoundFromForm(
  user: SessionUser,
  round: { id: string; drawRule: string },
  values: Record<string, string>,
): Promise<RoundFormResult> {
  const roundId = round.id;
  const read = await readRoundForm(user, values, JSON.parse(round.drawRule) as DrawRule);
  if (!read.ok) return read;
  const updated = await updateRound(roundId, read.settings, Date.now());
  if (!updated.ok) return { ok: false, errors: {}, problem: updated.problem, values, picker: await pickerStateFor(read.settings.releaseId, values) };
  await prisma.auditEntry.create({ data: { actorId: user.id, action: "round.edited", subject: roundId, detail: read.settings.title } });
  return { ok: true, roundId };
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
