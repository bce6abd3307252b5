import { prisma } from "~/utils/db.server";
import { parseInWorker } from "~/utils/parse-in-worker.server";
import type { ExistingUnit, UnitImportError, UnitRow } from "./units-csv";
import { parentKindProblem, unitKinds, wouldCreateCycle, type UnitKind, type UnitNode, type UnitProblem } from "./unit-tree";

const unitSelect = { id: true, code: true, name: true, kind: true, parentId: true, enrolment: true, validFrom: true, validTo: true } as const;

function asUnitKind(kind: string): UnitKind {
  if ((unitKinds as readonly string[]).includes(kind)) return kind as UnitKind;
  throw new Error(`Unit kind in the database is not known: ${kind}`);
}

export async function listUnits(): Promise<UnitNode[]> {
  const units = await prisma.unit.findMany({ select: unitSelect });
  return units.map((unit) => ({ ...unit, kind: asUnitKind(unit.kind) }));
}

export type UnitResult = { ok: true; unit: UnitNode } | { ok: false; problem: UnitProblem };

export async function createUnit(input: {
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  enrolment: number | null;
}): Promise<UnitResult> {
  if (await prisma.unit.findUnique({ where: { code: input.code }, select: { id: true } })) {
    return { ok: false, problem: { key: "units.error.codeTaken", params: { code: input.code } } };
  }
  const parent = input.parentId
    ? await prisma.unit.findUnique({ where: { id: input.parentId }, select: { kind: true, code: true } })
    : null;
  if (input.parentId && !parent) return { ok: false, problem: { key: "units.error.unknownUnit" } };
  const problem = parentKindProblem(input.kind, parent ? asUnitKind(parent.kind) : null);
  if (problem) return { ok: false, problem };
  const unit = await prisma.unit.create({ data: input, select: unitSelect });
  return { ok: true, unit: { ...unit, kind: asUnitKind(unit.kind) } };
}

export async function renameUnit(id: string, name: string): Promise<UnitResult> {
  const exists = await prisma.unit.findUnique({ where: { id }, select: { id: true } });
  if (!exists) return { ok: false, problem: { key: "units.error.unknownUnit" } };
  const unit = await prisma.unit.update({ where: { id }, data: { name }, select: unitSelect });
  return { ok: true, unit: { ...unit, kind: asUnitKind(unit.kind) } };
}

export async function moveUnit(id: string, newParentId: string | null): Promise<UnitResult> {
  const units = await listUnits();
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const unit = byId.get(id);
  const newParent = newParentId ? byId.get(newParentId) : null;
  if (!unit || (newParentId && !newParent)) return { ok: false, problem: { key: "units.error.unknownUnit" } };
  if (wouldCreateCycle(id, newParentId, (unitId) => byId.get(unitId)?.parentId)) {
    return { ok: false, problem: { key: "units.error.cycle" } };
  }
  const problem = parentKindProblem(unit.kind, newParent?.kind ?? null);
  if (problem) return { ok: false, problem };
  const moved = await prisma.unit.update({ where: { id }, data: { parentId: newParentId }, select: unitSelect });
  return { ok: true, unit: { ...moved, kind: asUnitKind(moved.kind) } };
}

const UPLOAD_FAILURE_KEYS = { timeout: "upload.tooSlow", memory: "upload.tooMuchMemory", busy: "upload.busy", failed: "upload.failed" } as const;

export type UnitsImportResult = { ok: true; rows: UnitRow[] } | { ok: false; errors: UnitImportError[] };

/** Shares each unit has already given to successors, so an import cannot give out more than all of it. */
async function sharesGiven(): Promise<Map<string, number>> {
  const rows = await prisma.unitSuccession.findMany({ select: { share: true, predecessor: { select: { code: true } } } });
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.predecessor.code, (totals.get(row.predecessor.code) ?? 0) + row.share);
  return totals;
}

/**
 * Validates a CSV against the current tree; without `commit` it only previews. Units of an official
 * list are added, never edited: a reform is new units with successions from the old ones.
 */
export async function importUnitsCsv(text: string, options: { commit: boolean }): Promise<UnitsImportResult> {
  const existing = await listUnits();
  // Parsed in a worker with a time and memory budget (app/utils/parse-in-worker.server.ts).
  const parsed = await parseInWorker<{ text: string; existing: ExistingUnit[]; shares: [string, number][] }, UnitsImportResult>(
    { module: "app/units/units-csv-task.ts", exportName: "parseUnitsCsvTask" },
    { text, existing: existing.map(({ code, kind, validTo }) => ({ code, kind, validTo })), shares: [...(await sharesGiven())] },
  );
  const result: UnitsImportResult = parsed.ok ? parsed.value : { ok: false, errors: [{ row: null, key: UPLOAD_FAILURE_KEYS[parsed.failure] }] };
  if (!result.ok || !options.commit) return result;
  const idByCode = new Map(existing.map((unit) => [unit.code, unit.id]));
  // One transaction: a failure half-way writes nothing.
  await prisma.$transaction(async (tx) => {
    for (const row of result.rows) {
      const created = await tx.unit.create({
        data: {
          code: row.code,
          name: row.name,
          kind: row.kind,
          enrolment: row.enrolment,
          parentId: row.parentCode ? idByCode.get(row.parentCode) : null,
          validFrom: row.validFrom,
          validTo: row.validTo,
        },
        select: { id: true },
      });
      idByCode.set(row.code, created.id);
      for (const predecessor of row.predecessors) {
        const predecessorId = idByCode.get(predecessor.code);
        if (!predecessorId || !row.validFrom) throw new Error(`unchecked predecessor ${predecessor.code}`);
        await tx.unitSuccession.create({
          data: { predecessorId, successorId: created.id, share: predecessor.share, effectiveAt: row.validFrom },
        });
      }
    }
  });
  return result;
}
