import { isAreaKind } from "~/units/unit-kinds";
import type { PrismaClient } from "~/utils/db.server";
import { masteryOfSittings, type TopicMastery } from "./item-analysis";
import { sittingsIn, type ItemScope } from "./item-analysis.server";

// Topic mastery by area or by school / workplace, from the same responses item analysis reads.

export type MasteryBy = "area" | "school";

export type MasteryRow = { unitId: string; name: string; cells: (TopicMastery | null)[] };

export async function masteryTable(db: PrismaClient, by: MasteryBy, scope: ItemScope, now: number) {
  const [{ items, sittings }, units] = await Promise.all([
    sittingsIn(db, scope, now),
    db.unit.findMany({ select: { id: true, name: true, kind: true, parentId: true } }),
  ]);
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  const isArea = isAreaKind;
  // Results keep the area stored with them when they were given; only rows from before areas were
  // stored fall back to the area their unit sits under in the tree. A provincial school has none.
  const areaOf = (unitId: string | null): string | null => {
    let unit = unitId ? unitById.get(unitId) : undefined;
    while (unit) {
      if (isArea(unit.kind)) return unit.id;
      unit = unit.parentId ? unitById.get(unit.parentId) : undefined;
    }
    return null;
  };
  const cells = masteryOfSittings(
    sittings,
    (revision) => items.revisions[revision].topic,
    (sitting) => (by === "area" ? (sitting.areaId ?? areaOf(sitting.unitId)) : sitting.unitId),
  );
  const topics = [...new Set(cells.map((cell) => cell.topic))].sort();
  const byGroup = new Map<string, Map<string, TopicMastery>>();
  for (const cell of cells) byGroup.set(cell.group, (byGroup.get(cell.group) ?? new Map()).set(cell.topic, cell));
  // Every area is listed, with empty cells where nobody answered: a report needs the gaps too.
  const groupIds = by === "area" ? units.filter((unit) => isArea(unit.kind)).map((unit) => unit.id) : [...byGroup.keys()];
  const rows: MasteryRow[] = groupIds
    .map((unitId) => ({
      unitId,
      name: unitById.get(unitId)?.name ?? unitId,
      cells: topics.map((topic) => byGroup.get(unitId)?.get(topic) ?? null),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "vi"));
  return { topics, rows };
}
