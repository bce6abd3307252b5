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

export const UNITS_CSV_HEADER = ["code", "name", "kind", "parent_code", "enrolment"] as const;
export const UNITS_CSV_MAX_BYTES = 2 * 1024 * 1024;

export type UnitRow = { row: number; code: string; name: string; kind: UnitKind; parentCode: string | null; enrolment: number | null };
export type UnitImportError = { row: number | null; key: MessageKey; params?: MessageParams };
export type ExistingUnit = { code: string; kind: UnitKind };

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
});

/**
 * Validates a whole units CSV against the units that already exist. Returns either every row,
 * ready to write in order (parents before children), or every error with its row number:
 * nothing is written unless the whole file is valid.
 */
export function parseUnitsCsv(
  text: string,
  existing: readonly ExistingUnit[],
): { ok: true; rows: UnitRow[] } | { ok: false; errors: UnitImportError[] } {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { skip_empty_lines: true, relax_column_count: true, trim: true, max_record_size: 65_536 });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ row: null, key: "units.import.unreadable", params: { detail } }] };
  }
  const [header, ...dataRows] = records;
  if (!header || header.map((cell) => cell.toLowerCase()).join(",") !== UNITS_CSV_HEADER.join(",")) {
    return { ok: false, errors: [{ row: 1, key: "units.import.badHeader" }] };
  }
  if (dataRows.length === 0) return { ok: false, errors: [{ row: null, key: "units.import.empty" }] };

  const kindByCode = new Map(existing.map((unit) => [unit.code, unit.kind] as const));
  const rowByNewCode = new Map<string, number>();
  const errors: UnitImportError[] = [];
  const rows: UnitRow[] = [];

  dataRows.forEach((cells, index) => {
    const rowNumber = index + 2; // the header is row 1
    const record = Object.fromEntries(UNITS_CSV_HEADER.map((column, i) => [column, cells[i] ?? ""]));
    const parsed = rowSchema.safeParse(record);
    if (!parsed.success) {
      for (const key of Object.values(fieldErrors(parsed.error))) {
        if (key) errors.push({ row: rowNumber, key });
      }
      return;
    }
    const { code, name, kind, parent_code: parentCode, enrolment } = parsed.data;
    const earlierRow = rowByNewCode.get(code);
    if (earlierRow !== undefined) {
      errors.push({ row: rowNumber, key: "units.import.duplicateCode", params: { code, row: earlierRow } });
      return;
    }
    if (kindByCode.has(code)) {
      errors.push({ row: rowNumber, key: "units.error.codeTaken", params: { code } });
      return;
    }
    const parentKind = parentCode ? kindByCode.get(parentCode) : null;
    if (parentCode && parentKind === undefined) {
      errors.push({ row: rowNumber, key: "units.error.unknownParent", params: { code: parentCode } });
      return;
    }
    const problem = parentKindProblem(kind, parentKind ?? null);
    if (problem) {
      errors.push({ row: rowNumber, ...problem });
      return;
    }
    rowByNewCode.set(code, rowNumber);
    kindByCode.set(code, kind);
    rows.push({ row: rowNumber, code, name, kind, parentCode, enrolment });
  });

  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
