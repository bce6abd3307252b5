import { inflateRawSync, constants as zlibConstants } from "node:zlib";

// Checks an XLSX (a zip archive) before exceljs opens it. exceljs inflates every part into memory
// and builds an object per cell, so a few megabytes of zip can ask for gigabytes (a "zip bomb":
// one sheet of the same row repeated compresses ~1000:1). What is read here is bounded whatever
// the file: the zip's central directory (sizes as the archive declares them) and the first
// kilobyte of each worksheet, inflated, for its <dimension ref="A1:K5000"/>.
//
// A file may lie in its central directory or omit <dimension>; such a file gets past this check
// and meets the parse worker's heap budget instead (app/utils/parse-in-worker.server.ts).

/** The declared uncompressed size of all parts together. A 10,000-question sheet is ~15 MB. */
export const XLSX_MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;
/** Parts in the archive: a workbook has a dozen or so, plus one per sheet and image. */
export const XLSX_MAX_ENTRIES = 1000;
/** Cells in any worksheet's declared range: 10,000 questions × 21 columns is 210,000. */
export const XLSX_MAX_CELLS = 250_000;

export type XlsxBoundsProblem =
  | { code: "unreadable" }
  | { code: "xlsx-too-large-unpacked"; params: { megabytes: number; maximum: number } }
  | { code: "xlsx-too-many-cells"; params: { cells: number; maximum: number } };

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const MEGABYTE = 1024 * 1024;

type Entry = { name: string; method: number; compressedSize: number; uncompressedSize: number; localHeaderOffset: number };

/** The central directory's entries, or null when the bytes are not a zip this check can read. */
function centralDirectory(bytes: Buffer): Entry[] | null | "too-many" {
  // The end record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let index = bytes.length - 22; index >= lowest; index -= 1) {
    if (bytes.readUInt32LE(index) === END_OF_CENTRAL_DIRECTORY) {
      end = index;
      break;
    }
  }
  if (end === -1) return null;
  const count = bytes.readUInt16LE(end + 10);
  const offset = bytes.readUInt32LE(end + 16);
  // 0xFFFF / 0xFFFFFFFF mean ZIP64, which no spreadsheet of questions needs.
  if (count === 0xffff || offset === 0xffffffff) return null;
  if (count > XLSX_MAX_ENTRIES) return "too-many";
  const entries: Entry[] = [];
  let position = offset;
  for (let index = 0; index < count; index += 1) {
    if (position + 46 > bytes.length || bytes.readUInt32LE(position) !== CENTRAL_DIRECTORY_ENTRY) return null;
    const nameLength = bytes.readUInt16LE(position + 28);
    const extraLength = bytes.readUInt16LE(position + 30);
    const commentLength = bytes.readUInt16LE(position + 32);
    const uncompressedSize = bytes.readUInt32LE(position + 24);
    if (uncompressedSize === 0xffffffff) return null;
    entries.push({
      method: bytes.readUInt16LE(position + 10),
      compressedSize: bytes.readUInt32LE(position + 20),
      uncompressedSize,
      localHeaderOffset: bytes.readUInt32LE(position + 42),
      name: bytes.toString("utf8", position + 46, Math.min(bytes.length, position + 46 + nameLength)),
    });
    position += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The start of a part's text: at most `compressedBytes` of it inflated, so at most ~1 MB. */
function partStart(bytes: Buffer, entry: Entry, compressedBytes = 1024): string | null {
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL_FILE_HEADER) return null;
  const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  const slice = bytes.subarray(dataStart, Math.min(bytes.length, dataStart + Math.min(entry.compressedSize, compressedBytes)));
  if (entry.method === 0) return slice.toString("utf8");
  if (entry.method !== 8) return null;
  try {
    // A truncated deflate stream: SYNC_FLUSH gives what the slice holds instead of an error.
    return inflateRawSync(slice, { finishFlush: zlibConstants.Z_SYNC_FLUSH }).toString("utf8");
  } catch {
    return null;
  }
}

/** "A1:K5000" → 11 × 5000 cells; "A1" → 1. */
function cellsInRange(ref: string): number | null {
  const match = /^([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?$/.exec(ref.trim().toUpperCase());
  if (!match) return null;
  const column = (letters: string) => [...letters].reduce((total, letter) => total * 26 + letter.charCodeAt(0) - 64, 0);
  const [, fromColumn, fromRow, toColumn = fromColumn, toRow = fromRow] = match;
  return (Math.abs(column(toColumn) - column(fromColumn)) + 1) * (Math.abs(Number(toRow) - Number(fromRow)) + 1);
}

/** Null when the workbook is within the bounds above, else what is wrong with it. */
export function checkXlsxBounds(input: Uint8Array): XlsxBoundsProblem | null {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.length < 22) return { code: "unreadable" };
  const entries = centralDirectory(bytes);
  if (entries === null) return { code: "unreadable" };
  const maximumMegabytes = XLSX_MAX_UNCOMPRESSED_BYTES / MEGABYTE;
  if (entries === "too-many") return { code: "xlsx-too-large-unpacked", params: { megabytes: maximumMegabytes + 1, maximum: maximumMegabytes } };
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > XLSX_MAX_UNCOMPRESSED_BYTES) {
    return { code: "xlsx-too-large-unpacked", params: { megabytes: Math.ceil(total / MEGABYTE), maximum: maximumMegabytes } };
  }
  for (const entry of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) continue;
    const start = partStart(bytes, entry);
    const ref = start === null ? undefined : /<(?:\w+:)?dimension\s+ref="([^"]{1,40})"/.exec(start)?.[1];
    const cells = ref === undefined ? null : cellsInRange(ref);
    if (cells !== null && cells > XLSX_MAX_CELLS) {
      return { code: "xlsx-too-many-cells", params: { cells, maximum: XLSX_MAX_CELLS } };
    }
  }
  return null;
}
