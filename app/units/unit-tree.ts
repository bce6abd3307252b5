import { z } from "zod";
import type { MessageKey, MessageParams } from "~/utils/i18n";

import { ALLOWED_PARENT_KINDS, UNIT_KINDS, type UnitKind } from "./unit-kinds";

export type { UnitKind } from "./unit-kinds";
export const unitKinds = UNIT_KINDS;

export type UnitProblem = { key: MessageKey; params?: MessageParams };

export function parentKindProblem(kind: UnitKind, parentKind: UnitKind | null): UnitProblem | null {
  if (ALLOWED_PARENT_KINDS[kind].includes(parentKind)) return null;
  return { key: "units.error.badParentKind", params: { kind, parentKind: parentKind ?? "—" } };
}

/** True when making `newParentId` the parent of `unitId` would put the unit under itself. */
export function wouldCreateCycle(
  unitId: string,
  newParentId: string | null,
  parentOf: (id: string) => string | null | undefined,
): boolean {
  let current = newParentId;
  const seen = new Set<string>();
  while (current) {
    if (current === unitId) return true;
    if (seen.has(current)) return true;
    seen.add(current);
    current = parentOf(current) ?? null;
  }
  return false;
}

export const unitCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])$/, "units.error.codeInvalid");
export const unitNameSchema = z.string().trim().min(2, "units.error.nameInvalid").max(120, "units.error.nameInvalid");
export const unitKindSchema = z.enum(unitKinds, "units.error.kindInvalid");
export const enrolmentSchema = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    if (!value) return null;
    if (!/^\d{1,7}$/.test(value)) {
      context.addIssue({ code: "custom", message: "units.error.enrolmentInvalid" });
      return z.NEVER;
    }
    return Number(value);
  });

export type UnitNode = {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  enrolment: number | null;
  validFrom?: Date | null;
  validTo?: Date | null;
};
export type UnitTreeNode = UnitNode & { depth: number };

/** Units in depth-first order with their depth, children sorted by name, for an indented list. */
export function flattenTree(units: readonly UnitNode[]): UnitTreeNode[] {
  const children = new Map<string | null, UnitNode[]>();
  for (const unit of units) {
    const siblings = children.get(unit.parentId) ?? [];
    siblings.push(unit);
    children.set(unit.parentId, siblings);
  }
  for (const siblings of children.values()) siblings.sort((a, b) => a.name.localeCompare(b.name, "vi"));
  const known = new Set(units.map((unit) => unit.id));
  const roots = units.filter((unit) => unit.parentId === null || !known.has(unit.parentId));
  roots.sort((a, b) => a.name.localeCompare(b.name, "vi"));
  const ordered: UnitTreeNode[] = [];
  const visit = (unit: UnitNode, depth: number) => {
    ordered.push({ ...unit, depth });
    for (const child of children.get(unit.id) ?? []) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  return ordered;
}
