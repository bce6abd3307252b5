/**
 * How fast acknowledged answers are stored (issue 13: ≥ 50,000 per second in group commits): a
 * game of `players` players on a fresh SQLite file, and `answers` answer rows handed to the live
 * store the way the runner hands them (the answers of each turn of the event loop together, up to
 * `perTurn`), each one acknowledged only when its commit is done. Prints one JSON line: rows per
 * second, the process's CPU per row (both threads: this one and the writer's), commits.
 *
 * Usage: node --import tsx scripts/bench/writer-throughput.ts '{"dir":"…","players":10000,"answers":200000,"perTurn":500}'
 */
import path from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";

const { dir, players, answers, perTurn } = JSON.parse(process.argv[2]) as { dir: string; players: number; answers: number; perTurn: number };
const root = path.resolve(import.meta.dirname, "..", "..");
const databaseUrl = `file:${path.join(dir, "writer.db")}`;
process.env.DATABASE_URL = databaseUrl;

const { deployMigrations } = await import("../db/migrations");
await deployMigrations({ databaseUrl, root });
const { prisma } = await import("~/utils/db.server");
const { insertLiveGame } = await import("~/live/live-games.server");
const { sqliteLiveStore } = await import("~/live/live-writer.server");
const { benchQuestions } = await import("./questions");

const host = await prisma.user.create({ data: { username: "writer-bench", displayName: "Bench", passwordHash: "x", role: "host" } });
const questions = benchQuestions(root, 4, 20_000);
const created = await insertLiveGame(
  prisma,
  { hostId: host.id, title: "Writer", releaseId: "bench", releaseName: "bench", mode: "classic", teamsBy: null, countdownMs: 0, questions },
  Date.now(),
);
if (!created.ok) throw new Error(created.problem);
const store = sqliteLiveStore(prisma, databaseUrl);
const ids = Array.from({ length: players }, (_, index) => `p_writer_${index}`);
for (let start = 0; start < players; start += 1_000) {
  await store.insertPlayers(
    ids.slice(start, start + 1_000).map((id) => ({ id, gameId: created.gameId, displayName: id, unitId: null, areaId: null, tokenHash: `t_${id}`, joinedAt: Date.now() })),
  );
}

// Question after question, every player answers once: the unique (game, player, question) holds.
const started = performance.now();
const cpu = process.cpuUsage();
const pending: Promise<void>[] = [];
let sent = 0;
while (sent < answers) {
  const count = Math.min(perTurn, answers - sent);
  const rows = Array.from({ length: count }, (_, offset) => {
    const index = sent + offset;
    return {
      gameId: created.gameId,
      playerId: ids[index % players],
      answerId: `a-${index}`,
      questionIndex: Math.floor(index / players),
      revisionId: questions[0].revisionId,
      optionIds: [questions[0].options[index % 4].id],
      receivedAt: Date.now(),
      elapsedMs: 1_000 + (index % 4_000),
    };
  });
  pending.push(store.writeAnswers(rows, rows.map((_, offset) => offset % 2 === 0)));
  sent += count;
  await nextTurn();
}
await Promise.all(pending);
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
const stored = await prisma.liveAnswer.count({ where: { gameId: created.gameId } });
await store.close();
await prisma.$disconnect();
console.log(
  JSON.stringify({
    answers: sent,
    stored,
    rowsPerSecond: Math.round(stored / seconds),
    cpuPerRowUs: Math.round(((used.user + used.system) / stored) * 10) / 10,
    seconds: Math.round(seconds * 100) / 100,
  }),
);
