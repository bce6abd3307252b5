// What keeping names unique costs a join (app/live/unique-name.ts, docs/decisions/031): 10,000
// players join one game through the real transition, once with distinct names and once with every
// other player called "Minh"; then the name checks of the same storm alone, so their share of a
// join shows. Also printed: one pass that lower-cases every name at 10,000 players, what a check
// without the index would pay per join. The last line is one JSON object.
//
//   npx tsx scripts/bench-names.ts      (run it alone: the machine's cores are shared)
import { createGame } from "../app/live/create-game";
import type { GameState, LiveQuestion } from "../app/live/game-state";
import { transition } from "../app/live/transition";
import { uniqueDisplayName } from "../app/live/unique-name";

const PLAYERS = 10_000;

const question: LiveQuestion = {
  revisionId: "rev-1",
  type: "single",
  prompt: { vi: "Câu hỏi?" },
  options: [
    { id: "a", text: { vi: "Có" }, correct: true },
    { id: "b", text: { vi: "Không" }, correct: false },
  ],
  timeLimitMs: 10_000,
  explanation: null,
};

function newGame(): GameState {
  const created = createGame({ gameId: "bench", questions: [question], mode: "classic", seed: "bench" }, 0);
  if (!created.ok) throw new Error(created.issue);
  return { ...created.state, joinLocked: false };
}

/** Microseconds per join for a storm of PLAYERS joins with these names. */
function joinStorm(nameOf: (index: number) => string): number {
  let game = newGame();
  const started = performance.now();
  for (let index = 0; index < PLAYERS; index += 1) {
    const result = transition(game, { type: "player-joined", playerId: `p${index}`, name: nameOf(index), unit: null }, index);
    if (!result.ok) throw new Error(`join ${index} refused: ${result.code}`);
    game = result.state;
  }
  return ((performance.now() - started) * 1000) / PLAYERS;
}

/** The same storm's name checks alone, on the arrays the joins produce. */
function nameChecks(nameOf: (index: number) => string): number {
  let game = newGame();
  const states: GameState[] = [];
  for (let index = 0; index < PLAYERS; index += 1) {
    states.push(game);
    game = transition(game, { type: "player-joined", playerId: `p${index}`, name: nameOf(index), unit: null }, index).state;
  }
  const fresh = newGame().settings;
  const started = performance.now();
  for (let index = 0; index < PLAYERS; index += 1) uniqueDisplayName({ settings: fresh, players: states[index].players }, nameOf(index));
  return ((performance.now() - started) * 1000) / PLAYERS;
}

// 20 × 10 × 50 = 10,000 ordinary, distinct Vietnamese names (the join's name filter passes them).
const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đào", "Đoàn", "Vương", "Trịnh"];
const MIDDLE = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Đức", "Hoài", "Quang", "Thu", "Gia"];
const GIVEN = ("An Anh Bảo Bình Chi Cường Dũng Duy Giang Hà Hải Hạnh Hiếu Hoa Hùng Huy Hương Khang Khánh Khoa Lan Linh Long Mai Minh My Nam Nga Ngân Nhung " +
  "Oanh Phong Phúc Phương Quân Quyên Sơn Tâm Thảo Thắng Thịnh Thủy Tiến Trang Trí Trung Tú Tuấn Uyên Yến").split(" ");
const distinct = (index: number) => `${FAMILY[index % 20]} ${MIDDLE[Math.floor(index / 20) % 10]} ${GIVEN[Math.floor(index / 200) % 50]}`;
const halfMinh = (index: number) => (index % 2 === 0 ? "Minh" : distinct(index));

const players = newGame();
let full = players;
for (let index = 0; index < PLAYERS; index += 1) {
  full = transition(full, { type: "player-joined", playerId: `p${index}`, name: distinct(index), unit: null }, index).state;
}
const scanStarted = performance.now();
for (let repeat = 0; repeat < 20; repeat += 1) new Set(full.players.map((player) => player.name.toLowerCase()));
const fullScanUs = ((performance.now() - scanStarted) * 1000) / 20;

joinStorm(distinct); // warm-up
const result = {
  players: PLAYERS,
  joinUsDistinct: Math.round(joinStorm(distinct) * 10) / 10,
  joinUsHalfMinh: Math.round(joinStorm(halfMinh) * 10) / 10,
  nameCheckUsDistinct: Math.round(nameChecks(distinct) * 10) / 10,
  nameCheckUsHalfMinh: Math.round(nameChecks(halfMinh) * 10) / 10,
  indexFreeCheckAt10kUs: Math.round(fullScanUs),
};
console.log(`join through the transition, distinct names: ${result.joinUsDistinct} µs per join (of which the name check ${result.nameCheckUsDistinct} µs)`);
console.log(`join through the transition, every other one "Minh": ${result.joinUsHalfMinh} µs per join (of which the name check ${result.nameCheckUsHalfMinh} µs)`);
console.log(`an index-free check (lower-case every name) at ${PLAYERS} players: ${result.indexFreeCheckAt10kUs} µs per join`);
console.log(JSON.stringify(result));
