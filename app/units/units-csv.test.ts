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
        { row: 2, code: "huyen-a", name: "Huyện A", kind: "district", parentCode: "tinh-mau", enrolment: null },
        { row: 3, code: "thcs-a", name: "Trường THCS A", kind: "school", parentCode: "huyen-a", enrolment: 640 },
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
