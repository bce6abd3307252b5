import { parseUnitsCsv, type ExistingUnit } from "./units-csv";

/** parseUnitsCsv with one argument, the shape app/utils/parse-in-worker.server.ts calls it with. */
export function parseUnitsCsvTask(input: { text: string; existing: readonly ExistingUnit[]; shares: [string, number][] }) {
  return parseUnitsCsv(input.text, input.existing, new Map(input.shares));
}
