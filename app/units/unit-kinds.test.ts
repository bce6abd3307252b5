import { describe, expect, it } from "vitest";

import { translator } from "~/utils/i18n";
import { AREA_KINDS, UNIT_KINDS, areaLevelName, areaLevelOf, isAreaKind, kindName } from "./unit-kinds";
import { parentKindProblem } from "./unit-tree";

describe("unit kinds", () => {
  it("counts the levels under the province of both periods as areas, and nothing else", () => {
    expect(AREA_KINDS).toEqual(["district", "town", "provincial-city", "commune", "ward", "special-zone"]);
    expect(UNIT_KINDS.filter(isAreaKind)).toEqual([...AREA_KINDS]);
    expect(isAreaKind("school")).toBe(false);
    expect(isAreaKind("province")).toBe(false);
  });

  it("names the area level by the kinds present: xã/phường today, huyện for history", () => {
    const vi = translator("vi");
    expect(areaLevelName(["commune", "ward"], vi)).toBe("xã/phường");
    expect(areaLevelName(["special-zone"], vi)).toBe("xã/phường");
    expect(areaLevelName(["district", "provincial-city", "town"], vi)).toBe("huyện");
    expect(areaLevelName(["district"], vi, { capital: true })).toBe("Huyện");
    expect(areaLevelName(["ward"], translator("en"))).toBe("commune/ward");
    // A tree caught mid-change names the current level; an empty one too.
    expect(areaLevelOf(["district", "ward"])).toBe("commune");
    expect(areaLevelOf([])).toBe("commune");
  });

  it("has a Vietnamese name for every kind", () => {
    const vi = translator("vi");
    expect(UNIT_KINDS.map((kind) => kindName(kind, vi))).toEqual([
      "tỉnh",
      "huyện",
      "thị xã",
      "thành phố",
      "xã",
      "phường",
      "đặc khu",
      "trường",
      "cơ quan/doanh nghiệp",
    ]);
    expect(kindName("ward", vi, { capital: true })).toBe("Phường");
  });

  it("hangs areas off the province and schools off an area or the province", () => {
    for (const area of AREA_KINDS) {
      expect(parentKindProblem(area, "province")).toBeNull();
      expect(parentKindProblem(area, "district")?.key).toBe("units.error.badParentKind");
      expect(parentKindProblem("school", area)).toBeNull();
      expect(parentKindProblem("workplace", area)).toBeNull();
    }
    expect(parentKindProblem("school", "province")).toBeNull();
    expect(parentKindProblem("school", "school")?.key).toBe("units.error.badParentKind");
    expect(parentKindProblem("province", null)).toBeNull();
  });
});
