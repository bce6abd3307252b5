import { matchesSearch } from "~/bank/normalise";
import type { PrismaClient } from "~/utils/db.server";
import { USERS_PAGE_SIZE, type UserQuery } from "./user-query";

// The admin's list of accounts, for a province with tens of thousands of pupils: paged, filtered
// by role, searched by username or name. Names are searched without their diacritics ("nguyen"
// finds "Nguyễn"), which SQL LIKE cannot do, so a search reads three short columns of every account
// in the role and folds them here; a page without a search is paged by the database.

type Db = PrismaClient;

const listedSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  disabledAt: true,
  unit: { select: { name: true } },
  participantProfile: { select: { unit: { select: { name: true } }, className: true } },
} as const;

export type UserDirectoryPage = {
  rows: {
    id: string;
    username: string;
    displayName: string;
    role: string;
    disabled: boolean;
    unitName: string | null;
    className: string | null;
  }[];
  total: number;
  page: number;
  pageCount: number;
};

export async function findUsers(db: Db, query: UserQuery): Promise<UserDirectoryPage> {
  const where = query.role ? { role: query.role } : {};
  let ids: string[] | null = null;
  let total: number;
  if (query.q) {
    const candidates = await db.user.findMany({ where, select: { id: true, username: true, displayName: true } });
    const matching = candidates
      .filter((user) => matchesSearch(user.username, query.q) || matchesSearch(user.displayName, query.q))
      .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
    total = matching.length;
    ids = matching.map((user) => user.id);
  } else {
    total = await db.user.count({ where });
  }
  const pageCount = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const start = (page - 1) * USERS_PAGE_SIZE;
  const rows = ids
    ? await db.user
        .findMany({ where: { id: { in: ids.slice(start, start + USERS_PAGE_SIZE) } }, select: listedSelect })
        .then((found) => found.sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0)))
    : await db.user.findMany({ where, select: listedSelect, orderBy: [{ role: "asc" }, { username: "asc" }], skip: start, take: USERS_PAGE_SIZE });
  return {
    rows: rows.map((user) => ({
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      disabled: user.disabledAt !== null,
      unitName: user.unit?.name ?? user.participantProfile?.unit.name ?? null,
      className: user.participantProfile?.className ?? null,
    })),
    total,
    page,
    pageCount,
  };
}
