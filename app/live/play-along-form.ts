import { MAX_DELAY_PATHS, MAX_PATH_DELAY_MS, MAX_PATH_NAME_LENGTH, type DelayPath } from "./play-along-state";

/** The rows the host fills on the console: a name and a delay in seconds; empty rows are skipped. */
export type PathRow = { name: string; seconds: string };

export const PATH_ROWS = 4;

/**
 * The paths the rows describe, numbered in order (`path-1`, …), or null when a row is half
 * filled or out of range. Seconds may carry a decimal point or comma (2,5 is how Vietnamese writes it).
 */
export function pathsFromRows(rows: readonly PathRow[]): DelayPath[] | null {
  const paths: DelayPath[] = [];
  for (const row of rows.slice(0, MAX_DELAY_PATHS)) {
    const name = row.name.trim();
    const seconds = row.seconds.trim().replace(",", ".");
    if (name === "" && seconds === "") continue;
    const delayMs = Math.round(Number(seconds) * 1000);
    if (name === "" || name.length > MAX_PATH_NAME_LENGTH || seconds === "" || !Number.isFinite(delayMs) || delayMs < 0 || delayMs > MAX_PATH_DELAY_MS) {
      return null;
    }
    paths.push({ id: `path-${paths.length + 1}`, name, delayMs });
  }
  return paths;
}

export function rowsFromPaths(paths: readonly DelayPath[]): PathRow[] {
  return Array.from({ length: PATH_ROWS }, (_, index) => {
    const path = paths[index];
    return path ? { name: path.name, seconds: String(path.delayMs / 1000) } : { name: "", seconds: "" };
  });
}
