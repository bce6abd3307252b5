import { resetDatabase, testPrisma as db } from "../../tests/setup/test-database";

import { beforeEach, describe, expect, it } from "vitest";
import { findUsers } from "./user-directory.server";
import { parseUserQuery, userQueryString, USERS_PAGE_SIZE } from "./user-query";

const surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Đặng"];

beforeEach(async () => {
  await resetDatabase();
  // 130 pupils and 3 staff: enough for three pages of pupils.
  await db.user.createMany({
    data: Array.from({ length: 130 }, (_, index) => ({
      username: `hs${String(index).padStart(3, "0")}`,
      displayName: `${surnames[index % surnames.length]} Văn ${index}`,
      passwordHash: "x",
      role: "participant",
    })),
  });
  await db.user.createMany({
    data: [
      { username: "gv-dang", displayName: "Đặng Thị Mai", passwordHash: "x", role: "teacher" },
      { username: "btc", displayName: "Ban tổ chức", passwordHash: "x", role: "organizer" },
      { username: "admin", displayName: "Quản trị", passwordHash: "x", role: "admin" },
    ],
  });
});

describe("the admin's list of accounts", () => {
  it("pages every account, 50 at a time, and clamps a page past the end", async () => {
    const first = await findUsers(db, { q: "", role: null, page: 1 });
    expect(first.total).toBe(133);
    expect(first.pageCount).toBe(3);
    expect(first.rows).toHaveLength(USERS_PAGE_SIZE);
    const last = await findUsers(db, { q: "", role: null, page: 99 });
    expect(last.page).toBe(3);
    expect(last.rows).toHaveLength(33);
    const all = [first, await findUsers(db, { q: "", role: null, page: 2 }), last].flatMap((page) => page.rows.map((row) => row.id));
    expect(new Set(all).size).toBe(133);
  });

  it("finds names without their diacritics and usernames, filtered by role", async () => {
    const dang = await findUsers(db, { q: "dang", role: null, page: 1 });
    // Every fifth pupil is an Đặng, and the teacher.
    expect(dang.total).toBe(27);
    expect(dang.rows.map((row) => row.username)).toContain("gv-dang");
    const teachers = await findUsers(db, { q: "Đặng", role: "teacher", page: 1 });
    expect(teachers.rows.map((row) => [row.username, row.displayName, row.role])).toEqual([["gv-dang", "Đặng Thị Mai", "teacher"]]);
    expect((await findUsers(db, { q: "hs12", role: null, page: 1 })).rows.map((row) => row.username)).toEqual([
      "hs120",
      "hs121",
      "hs122",
      "hs123",
      "hs124",
      "hs125",
      "hs126",
      "hs127",
      "hs128",
      "hs129",
    ]);
    expect((await findUsers(db, { q: "không ai tên này", role: null, page: 1 })).total).toBe(0);
  });

  it("sees an account created, renamed or deleted since the last search", async () => {
    expect((await findUsers(db, { q: "hoàng", role: null, page: 1 })).total).toBe(0);
    const created = await db.user.create({ data: { username: "hs-moi", displayName: "Hoàng Minh", passwordHash: "x" }, select: { id: true } });
    expect((await findUsers(db, { q: "hoang", role: null, page: 1 })).rows.map((row) => row.username)).toEqual(["hs-moi"]);
    await db.user.update({ where: { id: created.id }, data: { displayName: "Vương Minh" } });
    expect((await findUsers(db, { q: "hoang", role: null, page: 1 })).total).toBe(0);
    expect((await findUsers(db, { q: "vuong minh", role: null, page: 1 })).total).toBe(1);
    await db.user.delete({ where: { id: created.id } });
    expect((await findUsers(db, { q: "vuong", role: null, page: 1 })).total).toBe(0);
  });

  it("reads its query from the address and writes it back, leaving out defaults and nonsense", () => {
    const query = parseUserQuery(new URLSearchParams("q=  nguyen  &role=wizard&page=-3"));
    expect(query).toEqual({ q: "nguyen", role: null, page: 1 });
    expect(userQueryString(query, { page: 2 })).toBe("?q=nguyen&page=2");
    expect(userQueryString({ q: "", role: "teacher", page: 1 })).toBe("?role=teacher");
  });
});
