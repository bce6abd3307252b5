import { formatDate } from "~/utils/format";
import type { PrismaClient } from "~/utils/db.server";
import type { UnitProblem } from "./unit-tree";
import { periodProblem, validToFromLastDay } from "./unit-period";
import "~/utils/i18n/messages/journeys-more";

export type PeriodResult = { ok: true; unit: { code: string; name: string } } | { ok: false; problem: UnitProblem };

/** Sets the last day a unit existed (null: it exists today and on), checked against its parent and children. */
export async function setUnitLastDay(db: PrismaClient, unitId: string, lastDay: string | null): Promise<PeriodResult> {
  const unit = await db.unit.findUnique({
    where: { id: unitId },
    select: {
      code: true,
      name: true,
      validFrom: true,
      validTo: true,
      parent: { select: { validFrom: true, validTo: true } },
      children: { select: { validFrom: true, validTo: true } },
    },
  });
  if (!unit) return { ok: false, problem: { key: "units.error.unknownUnit" } };
  const validTo = validToFromLastDay(lastDay);
  const problem = periodProblem(unit, validTo, unit.parent, unit.children);
  if (problem?.code === "before-start") return { ok: false, problem: { key: "unitPeriod.error.beforeStart" } };
  if (problem?.code === "outlives-parent") {
    return { ok: false, problem: { key: "unitPeriod.error.outlivesParent", params: { date: formatDate(new Date(problem.parentEnds.getTime() - 1)) } } };
  }
  if (problem?.code === "children-outlive") return { ok: false, problem: { key: "unitPeriod.error.childrenOutlive", params: { count: problem.count } } };
  await db.unit.update({ where: { id: unitId }, data: { validTo } });
  return { ok: true, unit: { code: unit.code, name: unit.name } };
}
