import { foldText } from "~/bank/normalise";
import type { PrismaClient } from "~/utils/db.server";
import { USERS_PAGE_SIZE, type UserQuery } from "./user-query";

// The admin's list of accounts, for a province with tens of thousands of pupils: paged, filtered
// by role, searched by username or name. Names are searched without their diacritics ("nguyen"
// finds "Nguyễn"), which SQL LIKE cannot do: the folded names of every account are kept in memory
// and rebuilt when the table's fingerprint (count, latest change) moves, as the statistics do
// (decision 015). A page without a search is paged by the database. scripts/bench-users.ts times it.

type Db = PrismaClient;

/** One account as a search reads it: " <folded username> \n <folded name> ", so a query never spans both. */
type SearchEntry = { id: string; role: string; username: string; text: string };

let searchIndex: { fingerprint: string; entries: SearchEntry[] } | null = null;
const BATCH = 5_000;

async function tableFingerprint(db: Db): Promise<string> {
  const stats = await db.user.aggregate({ _count: { _all: true }, _max: { updatedAt: true } });
  return `${stats._count._all}:${stats._max.updatedAt?.getTime() ?? 0}`;
}

/** Every account's folded names, read in batches that yield between them so live games keep their turn. */
async function searchEntries(db: Db): Promise<SearchEntry[]> {
  const fingerprint = await tableFingerprint(db);
  if (searchIndex?.fingerprint === fingerprint) return searchIndex.entries;
  const entries: SearchEntry[] = [];
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.user.findMany({
      select: { id: true, username: true, displayName: true, role: true },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    for (const row of rows) {
      entries.push({ id: row.id, role: row.role, username: row.username, text: ` ${foldText(row.username)} \n ${foldText(row.displayName)} ` });
    }
    if (rows.length < BATCH) break;
    cursor = rows[rows.length - 1].id;
    await new Promise((resolve) => setImmediate(resolve));
  }
  searchIndex = { fingerprint, entries };
  return entries;
}

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
    // Word starts, in order, as the bank's search reads them (app/bank/normalise.ts).
    const needle = ` ${foldText(query.q)}`;
    const matching = (await searchEntries(db))
      .filter((entry) => (!query.role || entry.role === query.role) && entry.text.includes(needle))
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
