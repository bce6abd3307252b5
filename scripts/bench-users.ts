// Times the admin's users list (app/accounts/user-directory.server.ts) on a database of its own
// with N pupils: a page without a search (paged by SQLite), the first search (which builds the
// folded index) and later searches over it. The last line is one JSON object.
//
//   npx tsx scripts/bench-users.ts [--users 50000]      (run it alone: the machine's cores are shared)
import { rmSync } from "node:fs";
import path from "node:path";

const users = Number(process.argv[process.argv.indexOf("--users") + 1]) || 50_000;
const file = path.resolve("tests/.tmp/bench-users.db");
rmSync(file, { force: true });
process.env.DATABASE_URL = `file:${file}`;

const { deployMigrations } = await import("./db/migrations");
await deployMigrations({ databaseUrl: process.env.DATABASE_URL, root: process.cwd() });
const { prisma } = await import("../app/utils/db.server");
const { findUsers } = await import("../app/accounts/user-directory.server");

const surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"];
const given = ["An", "Bình", "Châu", "Dũng", "Hà", "Khánh", "Linh", "Minh", "Ngọc", "Phúc", "Quân", "Thảo", "Vy"];
for (let start = 0; start < users; start += 5_000) {
  await prisma.user.createMany({
    data: Array.from({ length: Math.min(5_000, users - start) }, (_, offset) => {
      const index = start + offset;
      return {
        username: `hs${index}`,
        displayName: `${surnames[index % surnames.length]} Văn ${given[(index * 7) % given.length]}`,
        passwordHash: "x",
        role: "participant",
      };
    }),
  });
}

async function median(run: () => Promise<unknown>, repeats = 7): Promise<number> {
  await run();
  const samples: number[] = [];
  for (let index = 0; index < repeats; index++) {
    const begin = performance.now();
    await run();
    samples.push(performance.now() - begin);
  }
  samples.sort((a, b) => a - b);
  return Math.round(samples[Math.floor(repeats / 2)] * 10) / 10;
}

// The first search builds the folded index (every account read in batches); later ones reuse it.
const coldStart = performance.now();
await findUsers(prisma, { q: "tran", role: null, page: 1 });
const coldSearchMs = Math.round((performance.now() - coldStart) * 10) / 10;

const result = {
  users,
  coldSearchMs,
  pageMs: await median(() => findUsers(prisma, { q: "", role: null, page: 3 })),
  lastPageMs: await median(() => findUsers(prisma, { q: "", role: null, page: Math.ceil(users / 50) })),
  searchCommonMs: await median(() => findUsers(prisma, { q: "nguyen van", role: null, page: 1 })),
  searchRareMs: await median(() => findUsers(prisma, { q: "hs4242", role: null, page: 1 })),
  searchParticipantsMs: await median(() => findUsers(prisma, { q: "dang", role: "participant", page: 2 })),
};
console.log(`${users} accounts: first search ${coldSearchMs} ms, page ${result.pageMs} ms, last page ${result.lastPageMs} ms, search "nguyen van" ${result.searchCommonMs} ms, search "hs4242" ${result.searchRareMs} ms`);
console.log(JSON.stringify(result));
await prisma.$disconnect();
rmSync(file, { force: true });
