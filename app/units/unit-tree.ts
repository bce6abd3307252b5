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

/** Lowercase without Vietnamese diacritics (đ → d), so "bac ninh" finds "Bắc Ninh". */
export function searchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

export type TreePage = { rows: (UnitTreeNode & { hasChildren: boolean; expanded: boolean; match: boolean })[]; total: number; page: number; pages: number };

/**
 * What the admin tree shows: with a query, every unit whose name or code matches (without
 * diacritics) with its ancestors for context; without one, provinces and the children of expanded
 * units only. Either way a page of `pageSize` rows, so a province of a hundred communes and
 * hundreds of schools stays usable.
 */
export function treePage(
  units: readonly UnitNode[],
  options: { query?: string; expanded?: ReadonlySet<string>; page?: number; pageSize?: number },
): TreePage {
  const ordered = flattenTree(units);
  const byId = new Map(ordered.map((unit) => [unit.id, unit]));
  const parents = new Set(units.map((unit) => unit.parentId).filter((id): id is string => Boolean(id)));
  const expanded = options.expanded ?? new Set<string>();
  const query = searchKey(options.query?.trim() ?? "");
  let visible: TreePage["rows"];
  if (query) {
    const matches = new Set(ordered.filter((unit) => searchKey(`${unit.name} ${unit.code}`).includes(query)).map((unit) => unit.id));
    const shown = new Set<string>();
    for (const id of matches) {
      for (let current = byId.get(id); current && !shown.has(current.id); current = current.parentId ? byId.get(current.parentId) : undefined) {
        shown.add(current.id);
      }
    }
    visible = ordered
      .filter((unit) => shown.has(unit.id))
      .map((unit) => ({ ...unit, hasChildren: parents.has(unit.id), expanded: true, match: matches.has(unit.id) }));
  } else {
    const isOpen = (unit: UnitTreeNode): boolean => {
      for (let parentId = unit.parentId; parentId; parentId = byId.get(parentId)?.parentId ?? null) {
        if (!expanded.has(parentId)) return false;
      }
      return true;
    };
    visible = ordered
      .filter(isOpen)
      .map((unit) => ({ ...unit, hasChildren: parents.has(unit.id), expanded: expanded.has(unit.id), match: false }));
  }
  const pageSize = options.pageSize ?? 100;
  const pages = Math.max(1, Math.ceil(visible.length / pageSize));
  const page = Math.min(Math.max(1, options.page ?? 1), pages);
  return { rows: visible.slice((page - 1) * pageSize, page * pageSize), total: visible.length, page, pages };
}
