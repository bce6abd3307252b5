// Requests for a missing school or workplace (from the registration page). An admin approves one
// by adding the unit to today's tree under an area (or the province), or rejects it with a reason
// the participant sees on their data page.
import { z } from "zod";

import type { PrismaClient } from "~/generated/sqlite/client";
import type { MessageKey } from "~/utils/i18n";
import { isActiveAt } from "./history";
import { isAreaKind, isMemberKind } from "./unit-kinds";
import { unitCodeSchema, unitNameSchema } from "./unit-tree";

export const approveRequestSchema = z.object({
  intent: z.literal("approve"),
  requestId: z.string().min(1),
  name: unitNameSchema,
  code: unitCodeSchema,
  kind: z.enum(["school", "workplace"], "units.error.kindInvalid"),
  parentId: z.string().min(1, "unitRequests.error.parent"),
});

export const rejectRequestSchema = z.object({
  intent: z.literal("reject"),
  requestId: z.string().min(1),
  reason: z.string().trim().min(5, "unitRequests.error.reason").max(300, "unitRequests.error.reason"),
});

export type RequestOutcome = { ok: true; name: string } | { ok: false; key: MessageKey; params?: Record<string, string> };
/** An approval also says whose profile moved to the new unit, if anyone's did. */
export type ApproveOutcome = { ok: true; name: string; relinked: string | null } | Extract<RequestOutcome, { ok: false }>;

export async function openRequests(db: PrismaClient) {
  return db.unitRequest.findMany({
    where: { status: "open" },
    select: { id: true, name: true, createdAt: true, area: { select: { id: true, name: true } }, requestedBy: { select: { displayName: true, username: true } } },
    orderBy: { createdAt: "asc" },
  });
}

export async function decidedRequests(db: PrismaClient, take = 20) {
  return db.unitRequest.findMany({
    where: { status: { in: ["done", "rejected"] } },
    select: { id: true, name: true, status: true, reason: true, decidedAt: true, unit: { select: { name: true } } },
    orderBy: { decidedAt: "desc" },
    take,
  });
}

/**
 * Creates the unit under an area that exists today (or the province) and marks the request done.
 * The participant who asked is moved onto the new unit: a profile they already have (registered
 * meanwhile under another school) now points at it; without one, registration offers it first
 * (`approvedUnitFor`). All in one transaction.
 */
export async function approveRequest(
  db: PrismaClient,
  input: z.output<typeof approveRequestSchema>,
  now: Date,
): Promise<ApproveOutcome> {
  const request = await db.unitRequest.findUnique({ where: { id: input.requestId }, select: { status: true, requestedById: true } });
  if (!request || request.status !== "open") return { ok: false, key: "unitRequests.error.notOpen" };
  const parent = await db.unit.findUnique({ where: { id: input.parentId }, select: { kind: true, validFrom: true, validTo: true } });
  if (!parent || !(isAreaKind(parent.kind) || parent.kind === "province") || !isActiveAt(parent, now)) {
    return { ok: false, key: "unitRequests.error.parent" };
  }
  if (!isMemberKind(input.kind)) return { ok: false, key: "units.error.kindInvalid" };
  if (await db.unit.findUnique({ where: { code: input.code }, select: { id: true } })) {
    return { ok: false, key: "units.error.codeTaken", params: { code: input.code } };
  }
  const relinked = await db.$transaction(async (tx) => {
    const unit = await tx.unit.create({ data: { code: input.code, name: input.name, kind: input.kind, parentId: input.parentId }, select: { id: true } });
    await tx.unitRequest.update({ where: { id: input.requestId }, data: { status: "done", unitId: unit.id, decidedAt: now } });
    if (!request.requestedById) return null;
    const profile = await tx.participantProfile.findUnique({ where: { userId: request.requestedById }, select: { displayName: true } });
    if (!profile) return null;
    await tx.participantProfile.update({
      where: { userId: request.requestedById },
      data: { unitId: unit.id, areaId: isAreaKind(parent.kind) ? input.parentId : null },
    });
    return profile.displayName;
  });
  return { ok: true, name: input.name, relinked };
}

/**
 * The unit an admin added for this participant's request, while it still exists: registration
 * offers it first, so the pupil who asked finds their school chosen.
 */
export async function approvedUnitFor(db: PrismaClient, userId: string, now: Date): Promise<{ unitId: string; areaId: string } | null> {
  const done = await db.unitRequest.findFirst({
    where: { requestedById: userId, status: "done", unitId: { not: null } },
    select: { unit: { select: { id: true, parentId: true, validFrom: true, validTo: true } } },
    orderBy: { decidedAt: "desc" },
  });
  const unit = done?.unit;
  if (!unit?.parentId || !isActiveAt(unit, now)) return null;
  return { unitId: unit.id, areaId: unit.parentId };
}

export async function rejectRequest(db: PrismaClient, input: z.output<typeof rejectRequestSchema>, now: Date): Promise<RequestOutcome> {
  const request = await db.unitRequest.findUnique({ where: { id: input.requestId }, select: { status: true, name: true } });
  if (!request || request.status !== "open") return { ok: false, key: "unitRequests.error.notOpen" };
  await db.unitRequest.update({ where: { id: input.requestId }, data: { status: "rejected", reason: input.reason, decidedAt: now } });
  return { ok: true, name: request.name };
}
