import { parse } from "csv-parse/sync";
import type { MessageKey, MessageParams } from "~/utils/i18n";
import { fieldErrors } from "~/utils/forms";
import {
  enrolmentSchema,
  parentKindProblem,
  unitCodeSchema,
  unitKindSchema,
  unitNameSchema,
  type UnitKind,
} from "./unit-tree";
import { z } from "zod";
import { vietnamDay } from "./history";

// The official-list format (docs/decisions/013). The first five columns are the original format,
// still accepted on its own; the period and predecessors columns describe a reform: a new unit, the
// day it began, and the former units it was formed from (`bg-viet-yen:0.5|bg-yen-dung`: half of
// Việt Yên and all of Yên Dũng). Lines starting with # are comments (sources, notes).
export const UNITS_CSV_BASIC_HEADER = ["code", "name", "kind", "parent_code", "enrolment"] as const;
export const UNITS_CSV_HEADER = [...UNITS_CSV_BASIC_HEADER, "valid_from", "valid_to", "predecessors"] as const;
export const UNITS_CSV_MAX_BYTES = 2 * 1024 * 1024;
/** Shares of one predecessor must sum to 1 within this tolerance (rounded decimals in a file). */
export const SHARE_TOLERANCE = 0.001;

export type Predecessor = { code: string; share: number };
export type UnitRow = {
  row: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  enrolment: number | null;
  validFrom: Date | null;
  validTo: Date | null;
  predecessors: Predecessor[];
};
export type UnitImportError = { row: number | null; key: MessageKey; params?: MessageParams };
export type ExistingUnit = { code: string; kind: UnitKind; validTo?: Date | null };
/** Shares already given out by each predecessor code (successions in the database). */
export type ExistingShares = ReadonlyMap<string, number>;

const dateCell = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    if (!value) return null;
    try {
      return vietnamDay(value);
    } catch {
      context.addIssue({ code: "custom", message: "units.import.badDate" });
      return z.NEVER;
    }
  });

const predecessorsCell = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    if (!value) return [];
    const list: Predecessor[] = [];
    for (const part of value.split("|")) {
      const match = /^([a-z0-9][a-z0-9-]*[a-z0-9])(?::(\d+(?:\.\d+)?))?$/.exec(part.trim());
      const share = match?.[2] === undefined ? 1 : Number(match[2]);
      if (!match || !(share > 0 && share <= 1)) {
        context.addIssue({ code: "custom", message: "units.import.badPredecessors" });
        return z.NEVER;
      }
      list.push({ code: match[1], share });
    }
    return list;
  });

const rowSchema = z.object({
  code: unitCodeSchema,
  name: unitNameSchema,
  kind: unitKindSchema,
  parent_code: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null),
  enrolment: enrolmentSchema,
  valid_from: dateCell,
  valid_to: dateCell,
  predecessors: predecessorsCell,
});

type Record = { cells: string[]; line: number };

function readRecords(text: string): { ok: true; records: Record[] } | { ok: false; detail: string } {
  try {
    const parsed = parse(text.replace(/^\uFEFF/, ""), {
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      comment: "#",
      info: true,
      // One record past 64 KB is no unit: refuse it before the parser buffers more (docs/security.md).
      max_record_size: 65_536,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    return { ok: true, records: parsed.map(({ record, info }) => ({ cells: record, line: info.lines })) };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Validates a whole units CSV against the units that already exist. Returns either every row,
 * ready to write in order (parents before children), or every error with its line number:
 * nothing is written unless the whole file is valid.
 */
export function parseUnitsCsv(
  text: string,
  existing: readonly ExistingUnit[],
  existingShares: ExistingShares = new Map(),
): { ok: true; rows: UnitRow[] } | { ok: false; errors: UnitImportError[] } {
  const read = readRecords(text);
  if (!read.ok) return { ok: false, errors: [{ row: null, key: "units.import.unreadable", params: { detail: read.detail } }] };
  const [header, ...dataRows] = read.records;
  const headerText = header?.cells.map((cell) => cell.toLowerCase()).join(",");
  const columns =
    headerText === UNITS_CSV_HEADER.join(",") ? UNITS_CSV_HEADER : headerText === UNITS_CSV_BASIC_HEADER.join(",") ? UNITS_CSV_BASIC_HEADER : null;
  if (!header || !columns) return { ok: false, errors: [{ row: header?.line ?? 1, key: "units.import.badHeader" }] };
  if (dataRows.length === 0) return { ok: false, errors: [{ row: null, key: "units.import.empty" }] };

  const byCode = new Map(existing.map((unit) => [unit.code, { kind: unit.kind, validTo: unit.validTo ?? null }] as const));
  const rowByNewCode = new Map<string, number>();
  const errors: UnitImportError[] = [];
  const rows: UnitRow[] = [];
  const sharesGiven = new Map<string, { total: number; lastRow: number }>();

  for (const { cells, line: rowNumber } of dataRows) {
    const record = Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? ""]));
    const parsed = rowSchema.safeParse(record);
    if (!parsed.success) {
      for (const key of Object.values(fieldErrors(parsed.error))) {
        if (key) errors.push({ row: rowNumber, key });
      }
      continue;
    }
    const { code, name, kind, parent_code: parentCode, enrolment, valid_from: validFrom, valid_to: validTo, predecessors } = parsed.data;
    const earlierRow = rowByNewCode.get(code);
    if (earlierRow !== undefined) {
      errors.push({ row: rowNumber, key: "units.import.duplicateCode", params: { code, row: earlierRow } });
      continue;
    }
    if (byCode.has(code)) {
      errors.push({ row: rowNumber, key: "units.error.codeTaken", params: { code } });
      continue;
    }
    const parent = parentCode ? byCode.get(parentCode) : null;
    if (parentCode && parent === undefined) {
      errors.push({ row: rowNumber, key: "units.error.unknownParent", params: { code: parentCode } });
      continue;
    }
    const problem = parentKindProblem(kind, parent?.kind ?? null);
    if (problem) {
      errors.push({ row: rowNumber, ...problem });
      continue;
    }
    if (validFrom && validTo && validTo.getTime() <= validFrom.getTime()) {
      errors.push({ row: rowNumber, key: "units.import.badPeriod" });
      continue;
    }
    // A unit cannot outlive its parent: a commune of a former province would be left without one.
    if (parent?.validTo && (!validTo || validTo.getTime() > parent.validTo.getTime())) {
      errors.push({ row: rowNumber, key: "units.import.outlivesParent", params: { code: parentCode ?? "" } });
      continue;
    }
    if (predecessors.length > 0 && !validFrom) {
      errors.push({ row: rowNumber, key: "units.import.predecessorsNeedDate" });
      continue;
    }
    const unknown = predecessors.find((predecessor) => !byCode.has(predecessor.code) || predecessor.code === code);
    if (unknown) {
      errors.push({ row: rowNumber, key: "units.import.unknownPredecessor", params: { code: unknown.code } });
      continue;
    }
    for (const predecessor of predecessors) {
      const given = sharesGiven.get(predecessor.code) ?? { total: existingShares.get(predecessor.code) ?? 0, lastRow: rowNumber };
      sharesGiven.set(predecessor.code, { total: given.total + predecessor.share, lastRow: rowNumber });
    }
    rowByNewCode.set(code, rowNumber);
    byCode.set(code, { kind, validTo });
    rows.push({ row: rowNumber, code, name, kind, parentCode, enrolment, validFrom, validTo, predecessors });
  }

  // A predecessor's shares must account for all of it: a split that gives away 80% loses results.
  for (const [code, { total, lastRow }] of sharesGiven) {
    if (Math.abs(total - 1) > SHARE_TOLERANCE) {
      errors.push({ row: lastRow, key: "units.import.sharesNotOne", params: { code, total: Math.round(total * 1000) / 1000 } });
    }
  }
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
