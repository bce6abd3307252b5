import { describe, expect, it } from "vitest";
import { flattenTree, parentKindProblem, treePage, wouldCreateCycle, type UnitNode } from "./unit-tree";

const unit = (id: string, name: string, kind: UnitNode["kind"], parentId: string | null): UnitNode => ({
  id,
  code: id,
  name,
  kind,
  parentId,
  enrolment: null,
});

describe("unit tree rules", () => {
  it("allows a district only under a province and a school under a district or the province", () => {
    expect(parentKindProblem("district", "province")).toBeNull();
    expect(parentKindProblem("district", "district")?.key).toBe("units.error.badParentKind");
    expect(parentKindProblem("school", "district")).toBeNull();
    expect(parentKindProblem("school", "province")).toBeNull();
    expect(parentKindProblem("province", null)).toBeNull();
    expect(parentKindProblem("school", null)?.key).toBe("units.error.badParentKind");
  });

  it("detects moving a unit under itself or its own descendant", () => {
    const parents: Record<string, string | null> = { p: null, d: "p", s: "d" };
    const parentOf = (id: string) => parents[id];
    expect(wouldCreateCycle("d", "s", parentOf)).toBe(true);
    expect(wouldCreateCycle("d", "d", parentOf)).toBe(true);
    expect(wouldCreateCycle("s", "p", parentOf)).toBe(false);
  });

  it("orders the tree depth-first with children sorted the Vietnamese way", () => {
    const flat = flattenTree([
      unit("s2", "Trường THCS Đông", "school", "d1"),
      unit("d1", "Huyện Yên Thế", "district", "p"),
      unit("p", "Tỉnh Mẫu", "province", null),
      unit("s1", "Trường THCS An", "school", "d1"),
      unit("d0", "Huyện Ân Thi", "district", "p"),
    ]);
    expect(flat.map((node) => `${node.depth}:${node.name}`)).toEqual([
      "0:Tỉnh Mẫu",
      "1:Huyện Ân Thi",
      "1:Huyện Yên Thế",
      "2:Trường THCS An",
      "2:Trường THCS Đông",
    ]);
  });
});

describe("treePage", () => {
  const node = (id: string, name: string, kind: UnitNode["kind"], parentId: string | null): UnitNode => ({ id, code: id, name, kind, parentId, enrolment: null });
  const units: UnitNode[] = [
    node("bn", "Tỉnh Bắc Ninh", "province", null),
    node("kb", "Phường Kinh Bắc", "ward", "bn"),
    node("kb-thcs", "Trường THCS mẫu (Phường Kinh Bắc)", "school", "kb"),
    node("dd", "Xã Đại Đồng", "commune", "bn"),
    node("dd-thcs", "Trường THCS Đại Đồng", "school", "dd"),
  ];

  it("shows only the provinces until a unit is expanded", () => {
    expect(treePage(units, {}).rows.map((row) => row.id)).toEqual(["bn"]);
    expect(treePage(units, { expanded: new Set(["bn"]) }).rows.map((row) => [row.id, row.hasChildren])).toEqual([
      ["bn", true],
      ["kb", true],
      ["dd", true],
    ]);
  });

  it("finds units without diacritics, with their ancestors", () => {
    const page = treePage(units, { query: "dai dong" });
    expect(page.rows.map((row) => [row.id, row.match])).toEqual([
      ["bn", false],
      ["dd", true],
      ["dd-thcs", true],
    ]);
  });

  it("pages a long list", () => {
    const page = treePage(units, { expanded: new Set(["bn", "kb", "dd"]), pageSize: 2, page: 2 });
    expect(page).toMatchObject({ total: 5, pages: 3, page: 2 });
    expect(page.rows.map((row) => row.id)).toEqual(["kb-thcs", "dd"]);
  });
});
