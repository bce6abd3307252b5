import { staffRoles } from "~/utils/roles";
import { opaqueSeed } from "./seeded-random";
import { randomUUID } from "node:crypto";
import { prisma } from "~/utils/db.server";
import type { MessageKey } from "~/utils/i18n";
import { isActiveAt } from "~/units/history";
import { isAreaKind, isMemberKind } from "~/units/unit-kinds";
import { CONSENT_VERSION, needsGuardian, type Registration } from "./registration";
import { statsChanged } from "~/stats/stats-version";

export type RegisterResult = { ok: true } | { ok: false; field: string; key: MessageKey };

/**
 * Stores the profile once, with what was agreed and when. The unit must be a school or workplace
 * that exists today, directly under the chosen area (or under the province, for schools the
 * province runs: then the profile has no area).
 */
export async function registerParticipant(userId: string, input: Registration, now: Date): Promise<RegisterResult> {
  // Staff can read the bank (and may write rounds): they do not compete (decision 010).
  if (await isStaffAccount(userId)) return { ok: false, field: "form", key: "contest.staffCannotCompete" };
  const existing = await prisma.participantProfile.findUnique({ where: { userId }, select: { id: true } });
  if (existing) return { ok: false, field: "form", key: "register.error.already" };
  const unit = await prisma.unit.findUnique({
    where: { id: input.unitId },
    select: { kind: true, parentId: true, validFrom: true, validTo: true, parent: { select: { kind: true } } },
  });
  if (!unit || !isMemberKind(unit.kind) || !isActiveAt(unit, now)) return { ok: false, field: "unitId", key: "register.error.unit" };
  if (unit.parentId !== input.areaId) return { ok: false, field: "unitId", key: "register.error.unitNotInArea" };
  const areaId = unit.parent && isAreaKind(unit.parent.kind) ? unit.parentId : null;
  const guardian = needsGuardian(input.birthYear, now.getFullYear());
  await prisma.participantProfile.create({
    data: {
      userId,
      displayName: input.displayName,
      birthYear: input.birthYear,
      audience: input.audience,
      areaId,
      unitId: input.unitId,
      className: input.className,
      consentVersion: CONSENT_VERSION,
      consentedAt: now,
      childConsent: guardian,
      guardianName: guardian ? (input.guardianName ?? null) : null,
      guardianDeclaredAt: guardian ? now : null,
    },
  });
  return { ok: true };
}

/** The participant's choice to appear as "Thí sinh ẩn danh" on public boards. */
export async function setHideNamePublicly(userId: string, hide: boolean): Promise<void> {
  await prisma.participantProfile.updateMany({ where: { userId }, data: { hideNamePublicly: hide } });
  // The public boards show the change at once (app/stats/fact-store.server.ts).
  statsChanged();
}

/** Whether the account holds a staff role (admin, organizer, host, teacher). */
export async function isStaffAccount(userId: string): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { role: true } });
  return !user || (staffRoles as readonly string[]).includes(user.role);
}

export async function requestMissingUnit(userId: string, name: string, areaId: string | null): Promise<void> {
  const area = areaId ? await prisma.unit.findUnique({ where: { id: areaId }, select: { id: true } }) : null;
  await prisma.unitRequest.create({ data: { requestedById: userId, name, areaId: area?.id ?? null } });
}

/** Everything stored about a participant, as they may see it (Decree 13, Art. 9: the right to access). */
export async function participantData(userId: string) {
  const [user, profile, attempts, requests] = await Promise.all([
    prisma.user.findUnique({ where: { id: userId }, select: { username: true, displayName: true, createdAt: true } }),
    prisma.participantProfile.findUnique({
      where: { userId },
      select: {
        displayName: true,
        birthYear: true,
        audience: true,
        className: true,
        hideNamePublicly: true,
        consentVersion: true,
        consentedAt: true,
        childConsent: true,
        guardianName: true,
        guardianDeclaredAt: true,
        area: { select: { name: true, kind: true } },
        unit: { select: { name: true } },
      },
    }),
    prisma.attempt.findMany({
      where: { userId },
      select: {
        attemptNumber: true,
        startedAt: true,
        submittedAt: true,
        prediction: true,
        round: { select: { title: true } },
        _count: { select: { answers: true } },
      },
      orderBy: { startedAt: "asc" },
    }),
    prisma.unitRequest.findMany({ where: { requestedById: userId }, select: { name: true, status: true, reason: true, decidedAt: true, createdAt: true } }),
  ]);
  return { user, profile, attempts, requests };
}

/**
 * Deletes the participant's data (docs/decisions/006): the profile and the account go; attempts
 * stay only as anonymous rows (school, audience group, answers, times) under a random key, so the
 * province's participation figures do not change after the fact. Nothing left links to the person.
 */
export async function deleteParticipantData(userId: string): Promise<{ ok: true } | { ok: false; key: MessageKey }> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { role: true, displayName: true, username: true } });
  if (!user) return { ok: true };
  // A staff account (an admin above all) is closed by another admin, never by itself: the last
  // admin could lock everyone out, and an admin could blank the trail of their own actions.
  if (user.role !== "participant") return { ok: false, key: "myData.staffCannotDelete" };
  const attempts = await prisma.attempt.findMany({ where: { userId }, select: { id: true, roundId: true, seed: true } });
  // Audit entries about this account (its creation, a role change) must not keep its id.
  const mentions = await prisma.auditEntry.findMany({
    where: { OR: [{ subject: userId }, { subject: user.username }, { detail: { contains: userId } }] },
    select: { id: true, subject: true, detail: true },
  });
  const anonymousKey = `anon-${randomUUID()}`;
  await prisma.$transaction([
    ...attempts.map((attempt) =>
      prisma.attempt.update({
        where: { id: attempt.id },
        // Older seeds carried the account id: keep the draw, drop the text (seeded-random.ts).
        data: { userId: null, participantKey: anonymousKey, seed: opaqueSeed(attempt.seed) },
      }),
    ),
    ...mentions.map((entry) =>
      prisma.auditEntry.update({
        where: { id: entry.id },
        data: {
          subject: entry.subject === user.username ? "deleted-account" : entry.subject.replaceAll(userId, "deleted-account"),
          detail: entry.detail?.replaceAll(userId, "deleted-account") ?? null,
        },
      }),
    ),
    // Their own actions keep a name to show once the account (and actorId with it) is gone.
    prisma.auditEntry.updateMany({ where: { actorId: userId }, data: { actorName: user.displayName } }),
    prisma.unitRequest.deleteMany({ where: { requestedById: userId } }),
    prisma.participantProfile.deleteMany({ where: { userId } }),
    prisma.session.deleteMany({ where: { userId } }),
    prisma.user.delete({ where: { id: userId } }),
  ]);
  // Their attempts now count under an anonymous key, without a birth year.
  statsChanged();
  return { ok: true };
}
