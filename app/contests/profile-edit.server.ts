import { statsChanged } from "~/stats/stats-version";
import { isActiveAt } from "~/units/history";
import { isAreaKind, isMemberKind } from "~/units/unit-kinds";
import type { PrismaClient } from "~/utils/db.server";
import type { MessageKey } from "~/utils/i18n";
import type { ProfileEdit } from "./profile-edit";
import { needsGuardian } from "./registration";
import "~/utils/i18n/messages/journeys-more";

// Writing a corrected profile. Attempts already made keep the unit, area and group they were
// started under (copied at the start), so results and statistics of the past do not move.

type Db = PrismaClient;

export type ProfileEditResult = { ok: true } | { ok: false; field: string; key: MessageKey };

/**
 * The school or workplace must exist today and sit directly under the chosen area, which must
 * exist today too (or be the province, for the schools it runs). A birth year that now needs a
 * guardian's consent the profile never had asks for it, as registration does.
 */
export async function updateParticipantProfile(db: Db, userId: string, input: ProfileEdit, now: Date): Promise<ProfileEditResult> {
  const profile = await db.participantProfile.findUnique({ where: { userId }, select: { id: true, guardianDeclaredAt: true } });
  if (!profile) return { ok: false, field: "form", key: "profile.error.noProfile" };
  const [area, unit] = await Promise.all([
    db.unit.findUnique({ where: { id: input.areaId }, select: { kind: true, validFrom: true, validTo: true } }),
    db.unit.findUnique({ where: { id: input.unitId }, select: { kind: true, parentId: true, validFrom: true, validTo: true } }),
  ]);
  if (!area || !(isAreaKind(area.kind) || area.kind === "province") || !isActiveAt(area, now)) {
    return { ok: false, field: "areaId", key: "profile.error.areaGone" };
  }
  if (!unit || !isMemberKind(unit.kind) || !isActiveAt(unit, now)) return { ok: false, field: "unitId", key: "register.error.unit" };
  if (unit.parentId !== input.areaId) return { ok: false, field: "unitId", key: "register.error.unitNotInArea" };

  const guardianNeeded = needsGuardian(input.birthYear, now.getFullYear()) && profile.guardianDeclaredAt === null;
  if (guardianNeeded) {
    if (input.childConsent !== "on") return { ok: false, field: "childConsent", key: "register.error.childConsent" };
    if (input.guardianConsent !== "on") return { ok: false, field: "guardianConsent", key: "register.error.guardianConsent" };
    if (!input.guardianName || input.guardianName.length < 2) return { ok: false, field: "guardianName", key: "register.error.guardianName" };
  }
  await db.$transaction([
    db.participantProfile.update({
      where: { userId },
      data: {
        displayName: input.displayName,
        birthYear: input.birthYear,
        audience: input.audience,
        areaId: isAreaKind(area.kind) ? input.areaId : null,
        unitId: input.unitId,
        className: input.className,
        ...(guardianNeeded ? { childConsent: true, guardianName: input.guardianName ?? null, guardianDeclaredAt: now } : {}),
      },
    }),
    db.auditEntry.create({ data: { actorId: userId, action: "profile.edited", subject: userId, detail: null } }),
  ]);
  // Boards show the profile's name.
  statsChanged();
  return { ok: true };
}
