// A synthetic year over the demo province, for `npm run bench:stats`: 100,000 attempts with their
// answers (10 each) by 30,000 participants, and 200 live games with players and answers.
//
//   npx tsx scripts/stats-synthetic-year.ts [--year 2026] [--attempts 100000] [--games 200]
//
// SQLite only (the default database): rows go in through better-sqlite3 prepared statements in
// batched transactions, which is what makes a million answer rows take seconds. Earlier synthetic
// rows (codes and usernames starting "syn-") are removed first, so the script can be run again.
// Run `npm run db:seed` before it: the units and the bank release come from the seed.
import "dotenv/config";
import { randomBytes } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const YEAR = option("year", 2026);
const ATTEMPTS = option("attempts", 100_000);
const GAMES = option("games", 200);
const PARTICIPANTS = Math.max(1, Math.round(ATTEMPTS * 0.3));
const QUESTIONS = 10;
const PLAYERS_PER_GAME = 40;
const BATCH = 5_000;

const url = process.env.DATABASE_URL ?? "file:./data/dev.db";
if (!url.startsWith("file:")) {
  console.error("Dữ liệu tổng hợp chỉ ghi vào SQLite (DATABASE_URL=file:...).");
  process.exit(1);
}
const db = new Database(path.resolve(url.replace(/^file:/, "")));
db.pragma("journal_mode = WAL");
// A bulk load of throwaway rows: no fsync per commit, and pages kept in memory until the end.
db.pragma("synchronous = OFF");
db.pragma("cache_size = -262144");

// A deterministic generator, so two runs make the same year.
let state = 20_261_207;
const random = () => {
  state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
  return state / 2_147_483_648;
};
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
const id = (prefix: string, n: number) => `syn-${prefix}-${n}-${randomBytes(3).toString("hex")}`;
// Prisma's SQLite adapter stores DateTime as ISO text with an explicit offset.
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

const started = performance.now();
const staff = db.prepare(`SELECT id FROM "User" WHERE role IN ('admin','organizer') ORDER BY createdAt LIMIT 1`).get() as { id: string } | undefined;
const release = db.prepare(`SELECT id, name FROM "BankRelease" ORDER BY createdAt DESC LIMIT 1`).get() as { id: string; name: string } | undefined;
if (!staff || !release) {
  console.error("Chưa có dữ liệu mẫu: hãy chạy `npm run db:seed` trước.");
  process.exit(1);
}
const items = db.prepare(`SELECT questionId, revisionId FROM "BankReleaseItem" WHERE releaseId = ?`).all(release.id) as { questionId: string; revisionId: string }[];
const members = db
  .prepare(
    `SELECT u.id, p.id AS areaId, p.kind AS parentKind FROM "Unit" u LEFT JOIN "Unit" p ON p.id = u.parentId
     WHERE u.kind IN ('school','workplace') AND u.validTo IS NULL`,
  )
  .all() as { id: string; areaId: string | null; parentKind: string | null }[];
if (members.length === 0 || items.length < QUESTIONS) {
  console.error("Không có trường/cơ quan hoặc ngân hàng câu hỏi: hãy chạy `npm run db:seed` trước.");
  process.exit(1);
}
const areaOf = (member: (typeof members)[number]) => (member.parentKind && member.parentKind !== "province" ? member.areaId : null);

// Remove an earlier synthetic year (answers and attempts go with their rounds and users).
db.transaction(() => {
  db.prepare(`DELETE FROM "AttemptAnswer" WHERE attemptId IN (SELECT a.id FROM "Attempt" a JOIN "Round" r ON r.id = a.roundId WHERE r.code LIKE 'SYN%')`).run();
  db.prepare(`DELETE FROM "Attempt" WHERE roundId IN (SELECT id FROM "Round" WHERE code LIKE 'SYN%')`).run();
  db.prepare(`DELETE FROM "Round" WHERE code LIKE 'SYN%'`).run();
  db.prepare(`DELETE FROM "Contest" WHERE id LIKE 'syn-%'`).run();
  db.prepare(`DELETE FROM "LiveAnswer" WHERE gameId LIKE 'syn-%'`).run();
  db.prepare(`DELETE FROM "LivePlayer" WHERE gameId LIKE 'syn-%'`).run();
  db.prepare(`DELETE FROM "LiveGame" WHERE id LIKE 'syn-%'`).run();
  db.prepare(`DELETE FROM "ParticipantProfile" WHERE id LIKE 'syn-%'`).run();
  db.prepare(`DELETE FROM "User" WHERE username LIKE 'syn-%'`).run();
})();

const yearStart = Date.UTC(YEAR, 0, 1) - 7 * 3_600_000;
const now = iso(Date.now());
const audiences = ["lower-secondary", "upper-secondary", "university", "young-workers", "public"];

// Participants, each with a school or workplace and an audience group.
type Person = { key: string; unitId: string; areaId: string | null; audience: string };
const people: Person[] = [];
const insertUser = db.prepare(`INSERT INTO "User" (id, username, displayName, passwordHash, role, unitId, createdAt, updatedAt) VALUES (?, ?, ?, 'x', 'participant', NULL, ?, ?)`);
const insertProfile = db.prepare(
  `INSERT INTO "ParticipantProfile" (id, userId, displayName, birthYear, audience, areaId, unitId, consentVersion, consentedAt, childConsent, demo, createdAt, updatedAt)
   VALUES (?, ?, ?, ?, ?, ?, ?, 'synthetic', ?, 1, 1, ?, ?)`,
);
db.transaction(() => {
  for (let n = 0; n < PARTICIPANTS; n++) {
    const member = pick(members);
    const audience = pick(audiences);
    const userId = id("u", n);
    insertUser.run(userId, `syn-${n}`, `Thí sinh ${n}`, now, now);
    insertProfile.run(id("p", n), userId, `Thí sinh ${n}`, 1990 + Math.floor(random() * 25), audience, areaOf(member), member.id, now, now, now);
    people.push({ key: userId, unitId: member.id, areaId: areaOf(member), audience });
  }
})();

// One contest of six monthly rounds, and the attempts spread over them.
const contestId = id("c", 0);
db.prepare(`INSERT INTO "Contest" (id, title, createdById, createdAt) VALUES (?, ?, ?, ?)`).run(contestId, `Cuộc thi tổng hợp ${YEAR}`, staff.id, iso(yearStart));
const rounds = Array.from({ length: 6 }, (_, index) => {
  const opensAt = yearStart + (index * 2 + 1) * 30 * 86_400_000;
  return { id: id("r", index), opensAt, closesAt: opensAt + 20 * 86_400_000 };
});
const insertRound = db.prepare(
  `INSERT INTO "Round" (id, contestId, title, code, opensAt, closesAt, releaseId, releaseName, drawRule, questionCount, timeLimitSeconds, maxAttempts, scope, createdById, createdAt)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, '{"kind":"mix","buckets":[]}', ?, 900, 3, 'province', ?, ?)`,
);
rounds.forEach((round, index) =>
  insertRound.run(round.id, contestId, `Vòng ${index + 1}`, `SYN${index}${randomBytes(2).toString("hex").toUpperCase()}`, iso(round.opensAt), iso(round.closesAt), release.id, release.name, QUESTIONS, staff.id, iso(round.opensAt)),
);

const insertAttempt = db.prepare(
  `INSERT INTO "Attempt" (id, roundId, userId, participantKey, attemptNumber, audience, unitId, areaId, seed, questions, currentIndex, startedAt, deadline, submittedAt, correct, demo, updatedAt)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'syn', ?, 0, ?, ?, ?, ?, 0, ?)`,
);
const insertAnswer = db.prepare(`INSERT INTO "AttemptAnswer" (id, attemptId, questionId, revisionId, options, savedAt) VALUES (?, ?, ?, ?, ?, ?)`);
const attemptNumbers = new Map<string, number>();
for (let offset = 0; offset < ATTEMPTS; offset += BATCH) {
  db.transaction(() => {
    for (let n = offset; n < Math.min(ATTEMPTS, offset + BATCH); n++) {
      const person = people[n % PARTICIPANTS];
      const round = rounds[Math.floor(random() * rounds.length)];
      const numberKey = `${round.id}:${person.key}`;
      const attemptNumber = (attemptNumbers.get(numberKey) ?? 0) + 1;
      attemptNumbers.set(numberKey, attemptNumber);
      const startedAt = round.opensAt + Math.floor(random() * (round.closesAt - round.opensAt - 3_600_000));
      const chosen = Array.from({ length: QUESTIONS }, (_, index) => items[(n * 7 + index * 13) % items.length]);
      const attemptId = id("a", n);
      let correct = 0;
      const answers = chosen.map((item) => {
        const right = random() < 0.65;
        if (right) correct++;
        return { item, options: JSON.stringify([right ? 0 : 1 + Math.floor(random() * 3)]) };
      });
      const submitted = random() < 0.9;
      const questions = JSON.stringify(chosen.map((item) => ({ questionId: item.questionId, revisionId: item.revisionId, type: "single", optionOrder: [0, 1, 2, 3] })));
      insertAttempt.run(attemptId, round.id, person.key, person.key, attemptNumber, person.audience, person.unitId, person.areaId, questions, iso(startedAt), iso(startedAt + 900_000), submitted ? iso(startedAt + 600_000) : null, correct, now);
      answers.forEach(({ item, options }, index) => insertAnswer.run(`${attemptId}-${index}`, attemptId, item.questionId, item.revisionId, options, iso(startedAt + (index + 1) * 30_000)));
    }
  })();
}

// Live games with players (most gave a school) and their answers.
const insertGame = db.prepare(
  `INSERT INTO "LiveGame" (id, pin, openPin, title, hostId, releaseId, releaseName, mode, teamsBy, status, state, stateVersion, displayToken, createdAt, endedAt)
   VALUES (?, ?, NULL, ?, ?, ?, ?, 'classic', NULL, 'ended', '{}', 1, ?, ?, ?)`,
);
const insertPlayer = db.prepare(`INSERT INTO "LivePlayer" (id, gameId, displayName, unitId, areaId, tokenHash, score, joinedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
const insertLiveAnswer = db.prepare(
  `INSERT INTO "LiveAnswer" (id, gameId, playerId, questionIndex, revisionId, answerId, optionIds, correct, points, serverReceivedAt, elapsedMs) VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?)`,
);
db.transaction(() => {
  for (let g = 0; g < GAMES; g++) {
    const gameId = id("g", g);
    const at = yearStart + Math.floor(random() * 360) * 86_400_000 + 12 * 3_600_000;
    insertGame.run(gameId, String(100_000 + g), `Trò chơi trực tiếp ${g + 1}`, staff.id, release.id, release.name, `syn-${gameId}`, iso(at), iso(at + 1_800_000));
    for (let p = 0; p < PLAYERS_PER_GAME; p++) {
      const playerId = `${gameId}-p${p}`;
      const member = random() < 0.8 ? pick(members) : null;
      let score = 0;
      insertPlayer.run(playerId, gameId, `Người chơi ${p}`, member?.id ?? null, member ? areaOf(member) : null, `syn-${playerId}`, 0, iso(at));
      for (let q = 0; q < QUESTIONS; q++) {
        const correct = random() < 0.6;
        if (correct) score += 500;
        insertLiveAnswer.run(`${playerId}-${q}`, gameId, playerId, q, items[q].revisionId, `${playerId}-${q}`, correct ? 1 : 0, correct ? 500 : 0, iso(at + q * 30_000), 5_000);
      }
      db.prepare(`UPDATE "LivePlayer" SET score = ? WHERE id = ?`).run(score, playerId);
    }
  }
})();
db.close();
const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({ year: YEAR, participants: PARTICIPANTS, attempts: ATTEMPTS, answers: ATTEMPTS * QUESTIONS, liveGames: GAMES, livePlayers: GAMES * PLAYERS_PER_GAME, seconds: Math.round(seconds * 10) / 10 }),
);
