import { resetDatabase, testPrisma as db } from "../../tests/setup/test-database";

import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bombRows, deflatedPart, workbook, type Part } from "./__fixtures__/hostile-xlsx";
import { sampleTaxonomy } from "./__fixtures__/sample-questions";
import { checkImport } from "./web-import.server";

// The web import through the real parse worker: a zip that lies about its size gets past the
// check before loading and meets the worker's heap budget; this process stays small and answers.

beforeEach(resetDatabase);

// One 200 MB sheet, deflated once (~200 KB); the tests differ only in the size it declares.
let sheet: Part;
beforeAll(async () => {
  sheet = await deflatedPart("xl/worksheets/sheet1.xml", bombRows(200));
}, 120_000);

describe("checkImport in the parse worker", () => {
  it("refuses an XLSX whose central directory understates a 200 MB sheet, without this heap growing", { timeout: 120_000 }, async () => {
    const lying = workbook({ ...sheet, declaredSize: 4096 });
    const heapBefore = process.memoryUsage().heapUsed;
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 100);
    const checked = await checkImport(db, { format: "xlsx", bytes: lying, taxonomy: sampleTaxonomy, defaults: null });
    clearInterval(ticker);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    // exceljs either runs out of the worker's heap or gives up on the mismatched sizes.
    expect(["upload-too-large-in-memory", "upload-too-slow", "unreadable"]).toContain(checked.issues[0].code);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(32 * 1024 * 1024);
    expect(ticks).toBeGreaterThan(0);
  });

  it("refuses an honest zip bomb with the Vietnamese-translatable bound issue", { timeout: 120_000 }, async () => {
    const bomb = workbook(sheet);
    const checked = await checkImport(db, { format: "xlsx", bytes: bomb, taxonomy: sampleTaxonomy, defaults: null });
    expect(checked).toMatchObject({ ok: false, issues: [{ code: "xlsx-too-large-unpacked" }] });
  });
});
