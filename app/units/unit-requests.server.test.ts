import { resetDatabase, testPrisma as db } from "../../tests/setup/test-database";

import { beforeEach, describe, expect, it } from "vitest";

import { vietnamDay } from "./history";
import { approveRequest, approvedUnitFor, openRequests, rejectRequest } from "./unit-requests.server";

beforeEach(resetDatabase);

const now = vietnamDay("2026-12-07");

async function world() {
  const oldProvince = await db.unit.create({ data: { code: "tinh-cu", name: "Tỉnh cũ", kind: "province", validTo: vietnamDay("2025-07-01") } });
  const district = await db.unit.create({ data: { code: "huyen", name: "Huyện cũ", kind: "district", parentId: oldProvince.id, validTo: vietnamDay("2025-07-01") } });
  const province = await db.unit.create({ data: { code: "tinh", name: "Tỉnh", kind: "province" } });
  const ward = await db.unit.create({ data: { code: "phuong", name: "Phường A", kind: "ward", parentId: province.id } });
  const user = await db.user.create({ data: { username: "hs", displayName: "Học sinh", passwordHash: "x" } });
  const request = await db.unitRequest.create({ data: { requestedById: user.id, name: "Trường THCS Mới", areaId: ward.id } });
  return { district, ward, request, user };
}

describe("missing-school requests", () => {
  it("approves into today's tree and records the unit", async () => {
    const { ward, request } = await world();
    expect((await openRequests(db)).map((row) => row.name)).toEqual(["Trường THCS Mới"]);
    const outcome = await approveRequest(db, { intent: "approve", requestId: request.id, name: "Trường THCS Mới", code: "thcs-moi", kind: "school", parentId: ward.id }, now);
    expect(outcome).toEqual({ ok: true, name: "Trường THCS Mới", relinked: null });
    const stored = await db.unitRequest.findUniqueOrThrow({ where: { id: request.id }, select: { status: true, unit: { select: { code: true, parentId: true } } } });
    expect(stored).toEqual({ status: "done", unit: { code: "thcs-moi", parentId: ward.id } });
    expect(await openRequests(db)).toEqual([]);
    // A second decision on the same request is refused.
    expect(await rejectRequest(db, { intent: "reject", requestId: request.id, reason: "Trùng lặp yêu cầu" }, now)).toEqual({ ok: false, key: "unitRequests.error.notOpen" });
  });

  it("refuses a former district as the parent and writes nothing", async () => {
    const { district, request } = await world();
    const outcome = await approveRequest(db, { intent: "approve", requestId: request.id, name: "Trường X", code: "truong-x", kind: "school", parentId: district.id }, now);
    expect(outcome).toEqual({ ok: false, key: "unitRequests.error.parent" });
    expect(await db.unit.count({ where: { code: "truong-x" } })).toBe(0);
  });

  it("rejects with a reason the participant can read", async () => {
    const { request } = await world();
    await rejectRequest(db, { intent: "reject", requestId: request.id, reason: "Trường đã có trong danh sách: THCS A" }, now);
    expect(await db.unitRequest.findUniqueOrThrow({ where: { id: request.id }, select: { status: true, reason: true } })).toEqual({
      status: "rejected",
      reason: "Trường đã có trong danh sách: THCS A",
    });
  });

  it("moves the profile of the pupil who asked onto the new school", async () => {
    const { ward, request, user } = await world();
    const stopGap = await db.unit.create({ data: { code: "thcs-tam", name: "Trường tạm chọn", kind: "school", parentId: ward.id } });
    await db.participantProfile.create({
      data: { userId: user.id, displayName: "Lê Thu Hà", birthYear: 2012, audience: "lower-secondary", areaId: ward.id, unitId: stopGap.id, consentVersion: "test", consentedAt: now },
    });
    const outcome = await approveRequest(db, { intent: "approve", requestId: request.id, name: "Trường THCS Mới", code: "thcs-moi", kind: "school", parentId: ward.id }, now);
    expect(outcome).toEqual({ ok: true, name: "Trường THCS Mới", relinked: "Lê Thu Hà" });
    const created = await db.unit.findUniqueOrThrow({ where: { code: "thcs-moi" } });
    expect(await db.participantProfile.findUniqueOrThrow({ where: { userId: user.id }, select: { unitId: true, areaId: true } })).toEqual({
      unitId: created.id,
      areaId: ward.id,
    });
  });

  it("offers the new school first to a pupil who asked before registering", async () => {
    const { ward, request, user } = await world();
    expect(await approvedUnitFor(db, user.id, now)).toBeNull();
    await approveRequest(db, { intent: "approve", requestId: request.id, name: "Trường THCS Mới", code: "thcs-moi", kind: "school", parentId: ward.id }, now);
    const created = await db.unit.findUniqueOrThrow({ where: { code: "thcs-moi" } });
    expect(await approvedUnitFor(db, user.id, now)).toEqual({ unitId: created.id, areaId: ward.id });
    // Once the school closes it is offered no more.
    await db.unit.update({ where: { id: created.id }, data: { validTo: now } });
    expect(await approvedUnitFor(db, user.id, now)).toBeNull();
  });
});
