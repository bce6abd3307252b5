import type { PrismaClient } from "~/utils/db.server";
import { isActiveAt } from "./history";
import { AREA_KINDS, areaLevelOf, isAreaKind, isMemberKind } from "./unit-kinds";

// What a participant chooses from when they register or correct their profile: today's areas
// (commune, ward… since 1 July 2025) and the schools and workplaces under them. Former districts
// stay in the tree for history but take no new entrants.

export async function unitChoicesToday(db: PrismaClient, now: Date) {
  const units = (
    await db.unit.findMany({
      where: { kind: { in: ["province", ...AREA_KINDS, "school", "workplace"] }, OR: [{ validTo: null }, { validTo: { gt: now } }] },
      select: { id: true, name: true, kind: true, parentId: true, validFrom: true, validTo: true },
      orderBy: { name: "asc" },
    })
  ).filter((unit) => isActiveAt(unit, now));
  // Schools hang from an area or from the province for the schools it runs.
  const parents = units.filter((unit) => isAreaKind(unit.kind) || unit.kind === "province");
  const schools = units.filter((unit) => isMemberKind(unit.kind));
  return {
    areaLevel: areaLevelOf(parents.map((unit) => unit.kind)),
    areas: parents.map(({ id, name, kind }) => ({ id, name, province: kind === "province" })),
    schools: schools.map(({ id, name, parentId }) => ({ id, name, parentId })),
  };
}
