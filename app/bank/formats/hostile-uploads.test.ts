import { describe, expect, it } from "vitest";
import { bombRows, deflatedPart, workbook } from "../__fixtures__/hostile-xlsx";
import { sampleTaxonomy } from "../__fixtures__/sample-questions";
import { importAiken } from "./aiken";
import { importQuestionsCsv } from "./csv";
import type { ImportDefaults } from "./draft";
import { importGift } from "./gift";
import { importKahoot } from "./kahoot";
import { importQuestionsXlsx } from "./xlsx";
import { checkXlsxBounds, XLSX_MAX_CELLS, XLSX_MAX_UNCOMPRESSED_BYTES } from "./xlsx-bounds";

// Availability regressions (issue 8): the parsers' cost is linear in the upload, and an XLSX
// that would inflate past the bounds is refused before exceljs loads it. Bounds are generous for
// a busy 2-core machine; before the fixes the 4 MB texts below took hours.

const FOUR_MB = 4 * 1024 * 1024;
const defaults: ImportDefaults = {
  language: "vi",
  difficulty: "easy",
  audiences: ["upper-secondary"],
  topic: "economic",
  source: { title: "Nguồn", date: "2024" },
};

/**
 * The CPU time `run` takes (user + system, this process), in ms. CPU time rather than wall time:
 * the bound is about the parser's cost, and 2 shared cores under load stretch wall time 5–10×.
 */
function timed<T>(run: () => T): { value: T; ms: number } {
  const started = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(started);
  return { value, ms: (used.user + used.system) / 1000 };
}

/** `prefix`, then `filler` repeated up to 4 MB, then `suffix`. */
const fourMegabytes = (prefix: string, filler: string, suffix: string) =>
  prefix + filler.repeat(Math.floor((FOUR_MB - prefix.length - suffix.length) / filler.length)) + suffix;

describe("GIFT and Aiken: a 4 MB hostile file is read in under a second", () => {
  const gift = {
    "spaces in a prompt": fourMegabytes("Câu hỏi", " ", "x {=a ~b}"),
    "spaces in an option": fourMegabytes("Câu hỏi {=a", " ", "b ~c}"),
    "spaces before a weight": fourMegabytes("Câu hỏi {~", " ", "x =a}"),
    "tabs and a line separator": fourMegabytes("Câu hỏi {=a ~b", "\t ", "\u2028x}"),
    "an unclosed title": fourMegabytes("::", " :", "x"),
    "escapes": fourMegabytes("Câu {=a ~", "\\~", "}"),
    "nested braces": fourMegabytes("Câu ", "{", "=a ~b}"),
  };
  for (const [name, text] of Object.entries(gift)) {
    it(`GIFT: ${name}`, () => {
      const { value, ms } = timed(() => importGift(text, defaults));
      expect(typeof value.ok).toBe("boolean");
      expect(ms).toBeLessThan(1000);
    });
  }

  const aiken = {
    "spaces then a line separator in an option": fourMegabytes("Câu hỏi\nA. ", " ", "x\u2028y\nANSWER: A"),
    "spaces then a line separator in the answer": fourMegabytes("Câu hỏi\nA. x\nANSWER:", " ", "x\u2029y"),
    "spaces in the prompt": fourMegabytes("Câu hỏi", " ", "x\nA. a\nB. b\nANSWER: A"),
    "many option-like lines": fourMegabytes("Câu hỏi\n", "A. x\n", "ANSWER: A"),
  };
  for (const [name, text] of Object.entries(aiken)) {
    it(`Aiken: ${name}`, () => {
      const { value, ms } = timed(() => importAiken(text, defaults));
      expect(typeof value.ok).toBe("boolean");
      expect(ms).toBeLessThan(1000);
    });
  }

  it("CSV: a 4 MB field is refused as unreadable, quickly", () => {
    const { value, ms } = timed(() => importQuestionsCsv(fourMegabytes("id,prompt_vi\nq,", "x", ""), sampleTaxonomy));
    expect(value).toEqual({ ok: false, issues: [expect.objectContaining({ code: "unreadable" })] });
    expect(ms).toBeLessThan(2000);
  });
});

describe("XLSX: refused before loading past the documented bounds", () => {
  it("a sheet inflating to 300 MB (a ~300 KB file) is refused without this heap growing", { timeout: 120_000 }, async () => {
    const bomb = workbook(await deflatedPart("xl/worksheets/sheet1.xml", bombRows(300)));
    expect(bomb.length).toBeLessThan(FOUR_MB);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const read = await importQuestionsXlsx(bomb, sampleTaxonomy);
    expect(read).toEqual({
      ok: false,
      issues: [{ path: "", code: "xlsx-too-large-unpacked", params: { megabytes: expect.any(Number), maximum: XLSX_MAX_UNCOMPRESSED_BYTES / 1024 / 1024 } }],
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(16 * 1024 * 1024);
    // Kahoot files go through the same workbook reader.
    expect(await importKahoot(bomb, defaults)).toMatchObject({ ok: false, issues: [{ code: "xlsx-too-large-unpacked" }] });
  });

  it("a sheet whose dimension declares more cells than the bound is refused", async () => {
    const wide = workbook(await deflatedPart("xl/worksheets/sheet1.xml", bombRows(0, "A1:XFD1048576")));
    expect(checkXlsxBounds(wide)).toEqual({ code: "xlsx-too-many-cells", params: { cells: 16384 * 1048576, maximum: XLSX_MAX_CELLS } });
  });

  it("a file that is not a zip is unreadable; a small honest workbook passes", async () => {
    expect(checkXlsxBounds(Buffer.from("id,prompt_vi\n"))).toEqual({ code: "unreadable" });
    expect(checkXlsxBounds(workbook(await deflatedPart("xl/worksheets/sheet1.xml", bombRows(1, "A1:A13000"))))).toBeNull();
  });
});

