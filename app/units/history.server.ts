// Loading units over time from the database (pure logic in history.ts, decision record 013).
import type { Prisma, PrismaClient } from "~/generated/sqlite/client";

import { indexSuccessions, isActiveAt, mapOntoCurrent, type Mapped, type Succession } from "./history";
import { AREA_KINDS, areaLevelOf, isAreaKind, isUnitKind, type AreaLevel, type UnitKind } from "./unit-kinds";

export type Db = PrismaClient | Prisma.TransactionClient;

export type AreaAt = { id: string; code: string; name: string; kind: UnitKind; validFrom: Date | null; validTo: Date | null };

export async function loadSuccessions(db: Db): Promise<Succession[]> {
  return db.unitSuccession.findMany({ select: { predecessorId: true, successorId: true, share: true, effectiveAt: true } });
}

/** The areas (units of an area kind directly under the province) that existed on `at`, by name. */
export async function areasAt(db: Db, provinceId: string, at: Date): Promise<AreaAt[]> {
  const children = await db.unit.findMany({
    where: {
      parentId: provinceId,
      AND: [
        { OR: [{ validFrom: null }, { validFrom: { lte: at } }] },
        { OR: [{ validTo: null }, { validTo: { gt: at } }] },
      ],
    },
    select: { id: true, code: true, name: true, kind: true, validFrom: true, validTo: true },
  });
  return children
    .filter((unit): unit is typeof unit & { kind: UnitKind } => isUnitKind(unit.kind) && isAreaKind(unit.kind))
    .filter((unit) => isActiveAt(unit, at))
    .sort((a, b) => a.name.localeCompare(b.name, "vi"));
}

/** The level under the province as the tree has it on `at` ("commune" after 1 July 2025). */
export async function areaLevelAt(db: Db, at: Date): Promise<AreaLevel> {
  const kinds = await db.unit.findMany({
    where: {
      kind: { in: [...AREA_KINDS] },
      AND: [
        { OR: [{ validFrom: null }, { validFrom: { lte: at } }] },
        { OR: [{ validTo: null }, { validTo: { gt: at } }] },
      ],
    },
    select: { kind: true },
    distinct: ["kind"],
  });
  return areaLevelOf(kinds.map((unit) => unit.kind));
}

/** The level named by the kinds of the given areas (e.g. the areas stored on a game's players). */
export async function areaLevelOfUnits(db: Db, unitIds: readonly string[]): Promise<AreaLevel | null> {
  if (unitIds.length === 0) return null;
  const kinds = await db.unit.findMany({ where: { id: { in: [...new Set(unitIds)] } }, select: { kind: true }, distinct: ["kind"] });
  return areaLevelOf(kinds.map((unit) => unit.kind));
}

/** A mapper for many units at once: one query for the successions, then pure lookups. */
export async function currentMapper(db: Db, at: Date): Promise<(unitId: string) => Mapped[]> {
  const index = indexSuccessions(await loadSuccessions(db));
  return (unitId) => mapOntoCurrent(index, unitId, at);
}

/**
 * The area a unit counts under right now in the tree: the unit itself when it is an area, its
 * parent when that is an area, null when it hangs directly off the province. Stored on attempts
 * and live players at the time, so later changes to the tree do not move old results.
 */
export async function areaIdOf(db: Db, unitId: string | null | undefined): Promise<string | null> {
  if (!unitId) return null;
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { id: true, kind: true, parent: { select: { id: true, kind: true } } } });
  if (!unit) return null;
  if (isAreaKind(unit.kind)) return unit.id;
  return unit.parent && isAreaKind(unit.parent.kind) ? unit.parent.id : null;
}
