// The one way the app writes a CSV or XLSX cell (issue 8, docs/security.md). Names, school
// names and question texts are typed by users; a spreadsheet must show them, never run them.
//
// - A text that a spreadsheet would read as a formula gets a leading apostrophe: one starting
//   with = + - @ (or their full-width forms, which some Excel locales accept), also after
//   leading spaces, quotes or apostrophes, and one starting with a tab or a carriage return
//   (OWASP's "CSV injection" list). The same holds for every piece after a "," or ";" inside
//   the text, so that even a reader that ignores quotes and splits there gets no formula.
// - Every CSV field is quoted, so neither "," nor ";" splits it: Vietnamese Excel splits a CSV
//   on ";" (its list separator, as the decimal mark is a comma), so a name like `a;=1+1` would
//   otherwise start a new cell that is a formula.
// - Numbers stay numbers. XLSX text cells are never formulas when opened, but become one when a
//   user edits the cell, so they are neutralised the same way.
// `restoreCellText` undoes the apostrophe exactly, so the bank's export imports back unchanged.

export type SheetValue = string | number | null | undefined;

const FORMULA_START = /^[\s'"]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
const CONTROL_START = /^[\t\r]/;
/** Pieces of a text, each after a separator, the separator kept at the end of the piece before. */
const PIECES = /(?<=[,;])/;

function looksLikeFormula(piece: string): boolean {
  return FORMULA_START.test(piece) || CONTROL_START.test(piece);
}

/** The text as a spreadsheet must receive it to show it as text. */
export function neutraliseCellText(text: string): string {
  return text
    .split(PIECES)
    .map((piece) => (looksLikeFormula(piece) ? `'${piece}` : piece))
    .join("");
}

/** The exact inverse of neutraliseCellText, for the app's own files read back (the bank's import). */
export function restoreCellText(text: string): string {
  return text
    .split(PIECES)
    .map((piece) => (piece.startsWith("'") && looksLikeFormula(piece.slice(1)) ? piece.slice(1) : piece))
    .join("");
}

/** A value for an XLSX cell (exceljs): numbers as numbers, text neutralised, nothing as empty. */
export function xlsxCell(value: SheetValue): string | number {
  if (value === null || value === undefined) return "";
  return typeof value === "number" ? value : neutraliseCellText(value);
}

/** One CSV field, quoted and neutralised: safe whether the reader splits on "," or ";". */
export function csvField(value: SheetValue): string {
  const text = value === null || value === undefined ? "" : typeof value === "number" ? String(value) : neutraliseCellText(value);
  return `"${text.replace(/"/g, '""')}"`;
}

/** A whole CSV: UTF-8 byte-order mark (Excel then reads Vietnamese as UTF-8), CRLF line ends. */
export function toCsv(rows: readonly (readonly SheetValue[])[]): string {
  return `\uFEFF${rows.map((cells) => cells.map(csvField).join(",")).join("\r\n")}\r\n`;
}
