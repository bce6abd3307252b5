import { resetDatabase, testPrisma as db } from "../../tests/setup/test-database";

import { beforeEach, describe, expect, it } from "vitest";
import { isActiveAt, vietnamDay } from "./history";
import { lastDayFromValidTo, unitValidToSchema, validToFromLastDay } from "./unit-period";
import { setUnitLastDay } from "./unit-period.server";

beforeEach(resetDatabase);

async function tree() {
  const province = await db.unit.create({ data: { code: "tinh", name: "Tỉnh", kind: "province" } });
  const district = await db.unit.create({
    data: { code: "huyen", name: "Huyện", kind: "district", parentId: province.id, validFrom: vietnamDay("2020-01-01"), validTo: vietnamDay("2025-07-01") },
  });
  const commune = await db.unit.create({ data: { code: "xa", name: "Xã", kind: "commune", parentId: province.id, validFrom: vietnamDay("2025-07-01") } });
  const school = await db.unit.create({ data: { code: "truong", name: "Trường", kind: "school", parentId: commune.id } });
  return { province, district, commune, school };
}

describe("the last day a unit existed", () => {
  it("is stored as the start of the next day in Viet Nam, and read back as the same day", () => {
    const validTo = validToFromLastDay("2025-06-30");
    expect(validTo).toEqual(vietnamDay("2025-07-01"));
    expect(lastDayFromValidTo(validTo)).toBe("2025-06-30");
    expect(validToFromLastDay(null)).toBeNull();
    expect(lastDayFromValidTo(null)).toBe("");
    expect(unitValidToSchema.safeParse({ intent: "valid-to", unitId: "u", lastDay: "2025-02-30" }).success).toBe(false);
    expect(unitValidToSchema.parse({ intent: "valid-to", unitId: "u", lastDay: "" }).lastDay).toBeNull();
  });

  it("closes a school on a day, so it is no longer offered after it, and reopens it", async () => {
    const { school } = await tree();
    expect(await setUnitLastDay(db, school.id, "2026-12-31")).toMatchObject({ ok: true });
    const closed = await db.unit.findUniqueOrThrow({ where: { id: school.id } });
    expect(isActiveAt(closed, vietnamDay("2026-12-31"))).toBe(true);
    expect(isActiveAt(closed, vietnamDay("2027-01-01"))).toBe(false);
    expect(await setUnitLastDay(db, school.id, null)).toMatchObject({ ok: true });
    expect((await db.unit.findUniqueOrThrow({ where: { id: school.id } })).validTo).toBeNull();
  });

  it("refuses an end before the start, a unit outliving its parent, and a parent ending before its children, writing nothing", async () => {
    const { district, commune, school } = await tree();
    const lateSchool = await db.unit.create({ data: { code: "truong-cu", name: "Trường cũ", kind: "school", parentId: district.id, validTo: vietnamDay("2025-07-01") } });
    expect(await setUnitLastDay(db, commune.id, "2025-06-01")).toEqual({ ok: false, problem: { key: "unitPeriod.error.beforeStart" } });
    expect(await setUnitLastDay(db, lateSchool.id, null)).toEqual({ ok: false, problem: { key: "unitPeriod.error.outlivesParent", params: { date: "30/06/2025" } } });
    expect(await setUnitLastDay(db, commune.id, "2026-12-31")).toEqual({ ok: false, problem: { key: "unitPeriod.error.childrenOutlive", params: { count: 1 } } });
    expect((await db.unit.findUniqueOrThrow({ where: { id: commune.id } })).validTo).toBeNull();
    expect((await db.unit.findUniqueOrThrow({ where: { id: school.id } })).validTo).toBeNull();
  });
});
