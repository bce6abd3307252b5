import { describe, expect, it } from "vitest";
import { parseUnitsCsv } from "./units-csv";

const existing = [{ code: "tinh-mau", kind: "province" as const }];

describe("units CSV", () => {
  it("accepts rows whose parent is an existing unit or an earlier row", () => {
    const csv = [
      "code,name,kind,parent_code,enrolment",
      "huyen-a,Huyện A,district,tinh-mau,",
      "thcs-a,Trường THCS A,school,huyen-a,640",
    ].join("\n");
    const result = parseUnitsCsv(csv, existing);
    expect(result).toEqual({
      ok: true,
      rows: [
        { row: 2, code: "huyen-a", name: "Huyện A", kind: "district", parentCode: "tinh-mau", enrolment: null, validFrom: null, validTo: null, predecessors: [] },
        { row: 3, code: "thcs-a", name: "Trường THCS A", kind: "school", parentCode: "huyen-a", enrolment: 640, validFrom: null, validTo: null, predecessors: [] },
      ],
    });
  });

  it("reports every bad row by its number and returns no rows", () => {
    const csv = [
      "code,name,kind,parent_code,enrolment",
      "huyen-a,Huyện A,district,tinh-mau,",
      "Bad Code,Trường B,school,huyen-a,10",
      "thcs-c,Trường C,school,khong-co,10",
      "thcs-d,Trường D,village,huyen-a,10",
      "huyen-a,Huyện A lần hai,district,tinh-mau,",
      "thcs-e,Trường E,school,huyen-a,-5",
      "tinh-mau,Tỉnh trùng,province,,",
    ].join("\n");
    const result = parseUnitsCsv(csv, existing);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => [error.row, error.key])).toEqual([
      [3, "units.error.codeInvalid"],
      [4, "units.error.unknownParent"],
      [5, "units.error.kindInvalid"],
      [6, "units.import.duplicateCode"],
      [7, "units.error.enrolmentInvalid"],
      [8, "units.error.codeTaken"],
    ]);
  });

  it("refuses a file with the wrong header or no data, and an unreadable file", () => {
    expect(parseUnitsCsv("ma,ten\nx,y", existing)).toEqual({ ok: false, errors: [{ row: 1, key: "units.import.badHeader" }] });
    expect(parseUnitsCsv("code,name,kind,parent_code,enrolment\n", existing)).toEqual({
      ok: false,
      errors: [{ row: null, key: "units.import.empty" }],
    });
    const broken = parseUnitsCsv('code,name,kind,parent_code,enrolment\n"unterminated,x,school,,', existing);
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors[0].key).toBe("units.import.unreadable");
  });

  it("accepts a UTF-8 byte-order mark from Excel", () => {
    const result = parseUnitsCsv("\uFEFFcode,name,kind,parent_code,enrolment\nhuyen-b,Huyện B,district,tinh-mau,", existing);
    expect(result.ok).toBe(true);
  });
});

describe("units CSV: official lists with periods and predecessors", () => {
  const before = [
    { code: "tinh-cu", kind: "province" as const, validTo: new Date("2025-06-30T17:00:00Z") },
    { code: "huyen-a", kind: "district" as const, validTo: new Date("2025-06-30T17:00:00Z") },
    { code: "huyen-b", kind: "district" as const, validTo: new Date("2025-06-30T17:00:00Z") },
  ];
  const header = "code,name,kind,parent_code,enrolment,valid_from,valid_to,predecessors";

  it("reads periods, predecessors with shares, and skips comment lines", () => {
    const csv = [
      "# Nguồn: nghị quyết (ví dụ)",
      header,
      "tinh,Tỉnh mới,province,,,2025-07-01,,",
      "xa-x,Xã X,commune,tinh,,2025-07-01,,huyen-a|huyen-b:0.6",
      "# a comment between rows",
      "phuong-y,Phường Y,ward,tinh,,2025-07-01,,huyen-b:0.4",
    ].join("\n");
    const result = parseUnitsCsv(csv, before);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((row) => [row.row, row.code, row.validFrom?.toISOString(), row.predecessors])).toEqual([
      [3, "tinh", "2025-06-30T17:00:00.000Z", []],
      [4, "xa-x", "2025-06-30T17:00:00.000Z", [{ code: "huyen-a", share: 1 }, { code: "huyen-b", share: 0.6 }]],
      [6, "phuong-y", "2025-06-30T17:00:00.000Z", [{ code: "huyen-b", share: 0.4 }]],
    ]);
  });

  it("reports each bad row by its line and writes nothing", () => {
    const csv = [
      header,
      "tinh,Tỉnh mới,province,,,2025-07-01,,",
      "xa-1,Xã 1,commune,tinh,,1/7/2025,,",
      "xa-2,Xã 2,commune,tinh,,2025-07-01,2025-01-01,",
      "xa-3,Xã 3,commune,tinh,,2025-07-01,,khong-co",
      "xa-4,Xã 4,commune,tinh,,,,huyen-a",
      "xa-5,Xã 5,commune,tinh,,2025-07-01,,huyen-a:1.5",
      "xa-6,Xã 6,commune,tinh-cu,,2025-07-01,,",
      "xa-7,Xã 7,commune,tinh,,2025-07-01,,huyen-b:0.5",
      "xa-8,Xã 8,commune,tinh,,2025-07-01,,huyen-a",
      "xa-9,Xã 9,commune,tinh,,2025-07-01,,huyen-a",
    ].join("\n");
    const result = parseUnitsCsv(csv, before);
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 3, key: "units.import.badDate" },
        { row: 4, key: "units.import.badPeriod" },
        { row: 5, key: "units.import.unknownPredecessor", params: { code: "khong-co" } },
        { row: 6, key: "units.import.predecessorsNeedDate" },
        { row: 7, key: "units.import.badPredecessors" },
        { row: 8, key: "units.import.outlivesParent", params: { code: "tinh-cu" } },
        { row: 9, key: "units.import.sharesNotOne", params: { code: "huyen-b", total: 0.5 } },
        { row: 11, key: "units.import.sharesNotOne", params: { code: "huyen-a", total: 2 } },
      ],
    });
  });

  it("counts shares already given in the database", () => {
    const csv = [header, "tinh,Tỉnh mới,province,,,2025-07-01,,", "xa-9,Xã 9,commune,tinh,,2025-07-01,,huyen-b:0.4"].join("\n");
    expect(parseUnitsCsv(csv, before, new Map([["huyen-b", 0.6]])).ok).toBe(true);
    expect(parseUnitsCsv(csv, before).ok).toBe(false);
  });
});
