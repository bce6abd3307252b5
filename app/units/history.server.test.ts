import { resetDatabase, testPrisma as db } from "../../tests/setup/test-database";

import { beforeEach, describe, expect, it } from "vitest";

import { vietnamDay } from "./history";
import { areaIdOf, areaLevelAt, areasAt, currentMapper, loadSuccessions } from "./history.server";
import { DEMO_ORGANISATION, getOrganisation, saveOrganisation } from "./organisation.server";

beforeEach(resetDatabase);

const REFORM = vietnamDay("2025-07-01");

async function twoPeriods() {
  const old = await db.unit.create({ data: { code: "tinh-cu", name: "Tỉnh cũ", kind: "province", validTo: REFORM } });
  const province = await db.unit.create({ data: { code: "tinh", name: "Tỉnh mới", kind: "province", validFrom: REFORM } });
  const district = await db.unit.create({ data: { code: "huyen-a", name: "Huyện A", kind: "district", parentId: old.id, validTo: REFORM } });
  const split = await db.unit.create({ data: { code: "huyen-b", name: "Huyện B", kind: "district", parentId: old.id, validTo: REFORM } });
  const commune = await db.unit.create({ data: { code: "xa-x", name: "Xã X", kind: "commune", parentId: province.id, validFrom: REFORM } });
  const ward = await db.unit.create({ data: { code: "phuong-y", name: "Phường Y", kind: "ward", parentId: province.id, validFrom: REFORM } });
  const school = await db.unit.create({ data: { code: "truong", name: "Trường", kind: "school", parentId: commune.id } });
  const provincial = await db.unit.create({ data: { code: "chuyen", name: "THPT Chuyên", kind: "school", parentId: province.id } });
  await db.unitSuccession.createMany({
    data: [
      { predecessorId: district.id, successorId: commune.id, share: 1, effectiveAt: REFORM },
      { predecessorId: split.id, successorId: commune.id, share: 0.25, effectiveAt: REFORM },
      { predecessorId: split.id, successorId: ward.id, share: 0.75, effectiveAt: REFORM },
    ],
  });
  return { old, province, district, split, commune, ward, school, provincial };
}

describe("units over time in the database", () => {
  it("lists the areas valid at a date under each province", async () => {
    const world = await twoPeriods();
    expect((await areasAt(db, world.old.id, vietnamDay("2024-10-01"))).map((area) => area.code)).toEqual(["huyen-a", "huyen-b"]);
    expect(await areasAt(db, world.old.id, vietnamDay("2026-01-01"))).toEqual([]);
    expect((await areasAt(db, world.province.id, vietnamDay("2026-01-01"))).map((area) => area.code)).toEqual(["phuong-y", "xa-x"]);
    expect(await areaLevelAt(db, vietnamDay("2024-10-01"))).toBe("district");
    expect(await areaLevelAt(db, vietnamDay("2026-01-01"))).toBe("commune");
  });

  it("maps old areas onto today's through the stored successions", async () => {
    const world = await twoPeriods();
    expect(await loadSuccessions(db)).toHaveLength(3);
    const map = await currentMapper(db, vietnamDay("2026-01-01"));
    expect(map(world.split.id)).toEqual([
      { unitId: world.ward.id, share: 0.75 },
      { unitId: world.commune.id, share: 0.25 },
    ]);
    expect(map(world.commune.id)).toEqual([{ unitId: world.commune.id, share: 1 }]);
  });

  it("finds the area a unit counts under, and none for a provincial school", async () => {
    const world = await twoPeriods();
    expect(await areaIdOf(db, world.school.id)).toBe(world.commune.id);
    expect(await areaIdOf(db, world.commune.id)).toBe(world.commune.id);
    expect(await areaIdOf(db, world.provincial.id)).toBeNull();
    expect(await areaIdOf(db, null)).toBeNull();
  });
});

describe("organisation settings", () => {
  it("falls back to the demo defaults and keeps what an admin saved", async () => {
    expect(await getOrganisation(db)).toEqual(DEMO_ORGANISATION);
    await saveOrganisation(db, {
      ...DEMO_ORGANISATION,
      organizerName: "Sở Văn hóa, Thể thao và Du lịch tỉnh mẫu",
      reportRecipients: ["Ủy ban nhân dân tỉnh", "Bộ Ngoại giao"],
    });
    const saved = await getOrganisation(db);
    expect(saved.organizerName).toBe("Sở Văn hóa, Thể thao và Du lịch tỉnh mẫu");
    expect(saved.reportRecipients).toEqual(["Ủy ban nhân dân tỉnh", "Bộ Ngoại giao"]);
    // A value that no longer passes the schema (too long) falls back to the default, never breaks a page.
    await db.organisationSetting.update({ where: { key: "organizerName" }, data: { value: "x".repeat(500) } });
    expect((await getOrganisation(db)).organizerName).toBe(DEMO_ORGANISATION.organizerName);
  });
});
