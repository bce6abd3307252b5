/**
 * The load generator of the live benchmark, in a process of its own (pinned to its own core by
 * scripts/bench-live.ts). It plays one game against one server — the game or the floor, which
 * speak the same events — with a host and N players on raw WebSockets (raw-socket.ts), and
 * prints what it measured as one JSON object on stdout. Progress goes to stderr.
 *
 * A game: players join; then for each question the host starts the countdown, every player but
 * one answers once at a uniformly random moment in the answer window (the one who never answers
 * keeps the question open until the host closes it, as on air), the host closes the question
 * (results), shows the leaderboard, and after the last question the podium. Optionally, a share
 * of the players loses its connection in the middle of one question and comes back at once
 * (the reconnect storm).
 *
 * Usage: node --import tsx scripts/bench/generator.ts '<config as JSON>'
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { RawSocket } from "./raw-socket";
import type { ServerPhaseStats } from "./server-stats";
import { percentiles, round, type Percentiles } from "./stats";

export type GeneratorConfig = {
  port: number;
  pin: string;
  gameId: string;
  hostCookie: string | null;
  players: number;
  questions: number;
  /** The answer window of each question, cycled: [5000, 1000] alternates five seconds and one. */
  windowsMs: number[];
  /** Share of the players dropped mid-question and reconnected at once (0: no storm). */
  stormShare: number;
  /** The question (0-based) of the storm. */
  stormQuestion: number;
  /** Players connecting and joining at the same time. */
  joinConcurrency: number;
  /**
   * TV play-along (docs/decisions/038): the delays of the game's distribution paths (`path-1`, …);
   * player i plays at home on path i mod n. Empty: every player in the studio. Each player's
   * figures are measured from the moment the studio's step aired on their path.
   */
  pathDelaysMs: number[];
  /** Players per network address (X-Forwarded-For), as behind a school's NAT. */
  playersPerAddress: number;
  /** A heap snapshot of the server after these phases (profiling). */
  heapSnapshotDir: string | null;
  /** Sampled allocations of the server, garbage included, one file per phase (profiling). */
  allocationsDir: string | null;
  /** CPU profiles of the server, one file per phase (profiling). */
  phaseProfilesDir: string | null;
};

export type GeneratorPhase = {
  server: ServerPhaseStats & { afterGc?: { rssMb: number; heapUsedMb: number } };
  generator: { cpuShare: number; loopDelayP99Ms: number; loopDelayMaxMs: number };
};

export type QuestionReport = {
  index: number;
  windowMs: number;
  /** Server opened the question → a player has it (the server's clock in the view, this machine's clock). */
  questionFanoutMs: Percentiles;
  /** Answer sent → ack (the game acks only after the answer is stored). */
  ackMs: Percentiles;
  /** Host's "next" sent → a player has the results (their own). */
  resultsFanoutMs: Percentiles;
  /** Host's "next" sent → a player has the leaderboard. */
  leaderboardFanoutMs: Percentiles;
  sent: number;
  acked: number;
  refused: Record<string, number>;
  /** The server's count of answers at the reveal (the host's view). */
  answeredAtReveal: number | null;
  bytesPerPlayer: number;
  /** From the host's command to the question on every screen (the countdown, its snapshot and broadcast, the question's). */
  open: GeneratorPhase;
  answering: GeneratorPhase;
  results: GeneratorPhase;
  leaderboard: GeneratorPhase;
};

export type StormReport = {
  questionIndex: number;
  dropped: number;
  reconnected: number;
  /** New connection opened → the resumed snapshot is in. */
  reconnectToSnapshotMs: Percentiles;
  /** Snapshots that did not show the open question with time left, or lost the score or answer. */
  wrongSnapshots: number;
  retriedAnswers: number;
  phase: GeneratorPhase;
};

export type GeneratorReport = {
  players: number;
  joined: number;
  joinFailures: Record<string, number>;
  join: { ms: number; perSecond: number; latencyMs: Percentiles; serverCpuPerJoinMs: number; phase: GeneratorPhase };
  idle: { rssPerPlayerKb: number; heapPerPlayerKb: number; rssMb: number; heapUsedMb: number };
  questions: QuestionReport[];
  storm: StormReport | null;
  afterGame: { rssMb: number; heapUsedMb: number; rssAtStartMb: number };
  afterDisconnect: { rssMb: number; heapUsedMb: number };
  /** Wrong results: players whose reveal said "not answered" although their answer was acknowledged, and the reverse. */
  lostAnswers: number;
  phantomAnswers: number;
  sentTotal: number;
  ackedTotal: number;
  /** Every question together; acks by answer window. */
  summary: {
    questionFanoutMs: Percentiles;
    resultsFanoutMs: Percentiles;
    leaderboardFanoutMs: Percentiles;
    ackMs: Percentiles;
    ackMsByWindow: Record<string, Percentiles>;
    /** The server's event-loop delay p99 while answers came in, the worst question of each window. */
    loopDelayP99MsByWindow: Record<string, number>;
    /** Server CPU while answers came in, per answer, less its idle CPU (µs): CPU time, so less moved by a busy machine than any latency. */
    serverCpuPerAnswerUs: number;
    /** Server CPU to close a question and send every player their results (ms). */
    serverCpuPerResultsMs: number;
    /** Server CPU from the host's command to the question on every screen, and for a leaderboard (ms). */
    serverCpuPerQuestionOpenMs: number;
    serverCpuPerLeaderboardMs: number;
    /** The highest RSS sampled from the first join to the end of the game. */
    rssMaxMb: number;
    bytesPerPlayerPerQuestion: number;
  };
  valid: boolean;
  invalidBecause: string[];
};

const config = JSON.parse(process.argv[2]) as GeneratorConfig;
const HOST = "127.0.0.1";
/** A generator whose own loop lags this much measures itself (STACK.md): the run is marked invalid. */
const GENERATOR_LOOP_P99_LIMIT_MS = 50;
const GENERATOR_CPU_LIMIT = 0.85;
const WAIT_LIMIT_MS = 120_000;

const log = (message: string) => process.stderr.write(`[generator ${config.port}] ${message}\n`);

// ---------------------------------------------------------------------------------------------
// Measuring phases on both sides

const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
let generatorCpu = process.cpuUsage();
let generatorSince = performance.now();
const invalidBecause: string[] = [];

async function serverPhase(options: { gc?: boolean; heap?: string; allocations?: string; cpu?: string } = {}): Promise<GeneratorPhase["server"]> {
  const query = new URLSearchParams();
  if (options.gc) query.set("gc", "1");
  if (options.heap) query.set("heap", options.heap);
  if (options.allocations) query.set("allocations", options.allocations);
  if (options.cpu) query.set("cpu", options.cpu);
  // A server still busy with a broadcast may be slow to answer: try a few times before giving up on the run.
  for (let attempt = 1; ; attempt += 1) {
    try {
      const response = await fetch(`http://${HOST}:${config.port}/bench/stats?${query}`, { signal: AbortSignal.timeout(60_000) });
      return (await response.json()) as GeneratorPhase["server"];
    } catch (error) {
      if (attempt >= 3) throw error;
      log(`server stats: ${error instanceof Error ? error.message : String(error)}; trying again`);
      await sleep(1_000);
    }
  }
}

/** Ends a phase: the server's figures and the generator's own (a lagging generator invalidates the run). */
async function endPhase(name: string, options: { gc?: boolean; heap?: string; measured?: boolean } = {}): Promise<GeneratorPhase> {
  // With --allocations, each phase's allocations (garbage included) go to a file of their own.
  const allocations = config.allocationsDir ? `${config.allocationsDir}/${name.replace(/\W+/g, "-")}.heapprofile` : undefined;
  const cpu = config.phaseProfilesDir ? `${config.phaseProfilesDir}/${name.replace(/\W+/g, "-")}.cpuprofile` : undefined;
  const used = process.cpuUsage(generatorCpu);
  const wall = performance.now() - generatorSince;
  const generator = {
    cpuShare: round((used.user + used.system) / 1000 / wall, 2),
    loopDelayP99Ms: round(loop.percentile(99) / 1e6),
    loopDelayMaxMs: round(loop.max / 1e6),
  };
  const server = await serverPhase({ ...options, allocations, cpu });
  if (options.measured !== false) {
    if (generator.loopDelayP99Ms > GENERATOR_LOOP_P99_LIMIT_MS) invalidBecause.push(`${name}: generator loop delay p99 ${generator.loopDelayP99Ms} ms`);
    if (generator.cpuShare > GENERATOR_CPU_LIMIT) invalidBecause.push(`${name}: generator CPU ${Math.round(generator.cpuShare * 100)} %`);
  }
  loop.reset();
  generatorCpu = process.cpuUsage();
  generatorSince = performance.now();
  return { server, generator };
}

// ---------------------------------------------------------------------------------------------
// Players

type Player = {
  index: number;
  address: string;
  socket: RawSocket | null;
  /** Joined or resumed on the current connection: only then may it answer. */
  ready: boolean;
  playerId: string;
  token: string;
  /** Score in the last results this player saw. */
  score: number;
  /** Question index → the answer id, once an ack said it is stored. */
  acked: Set<number>;
  /** The answer to send when the connection is back (a drop came between the timer and the ack). */
  pendingAnswer: number | null;
  seen: Set<string>;
  bytes: number;
};

type Tally = { count: number; samples: number[]; waiters: { target: number; wake: () => void }[] };
const tallies = new Map<string, Tally>();

function tally(key: string): Tally {
  let entry = tallies.get(key);
  if (!entry) {
    entry = { count: 0, samples: [], waiters: [] };
    tallies.set(key, entry);
  }
  return entry;
}

function count(key: string, sample?: number): void {
  const entry = tally(key);
  entry.count += 1;
  if (sample !== undefined) entry.samples.push(sample);
  for (const waiter of [...entry.waiters]) {
    if (entry.count >= waiter.target) {
      entry.waiters.splice(entry.waiters.indexOf(waiter), 1);
      waiter.wake();
    }
  }
}

/** Waits until `target` events of `key` happened, or gives up after the limit (logged). */
async function until(key: string, target: number, limitMs = WAIT_LIMIT_MS): Promise<void> {
  const entry = tally(key);
  if (entry.count >= target) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    new Promise<void>((wake) => entry.waiters.push({ target, wake })),
    new Promise<void>((wake) => {
      timer = setTimeout(() => {
        log(`gave up waiting for ${key}: ${entry.count} of ${target}`);
        wake();
      }, limitMs);
    }),
  ]);
  clearTimeout(timer);
}

const players: Player[] = [];
const refusedAnswers = new Map<number, Record<string, number>>();
const sentAnswers = new Map<number, number>();
const retried = { count: 0 };
let currentQuestion = -1;

function windowOf(questionIndex: number): number {
  return config.windowsMs[questionIndex % config.windowsMs.length];
}

/** The player who never answers: the host closes each question, not the last answer. */
const isSilent = (player: Player) => player.index === 0;

// Messages are read by looking for keys, not parsed: a JSON.parse per player per message would
// make the generator, not the server, the bottleneck of a 10,000-player broadcast. (In JSON text a
// quote inside a string is escaped, so `"key":` only ever matches a key.)
function phaseOf(text: string): string {
  const at = text.indexOf('"phase":"');
  if (at === -1) return "";
  return text.slice(at + 9, text.indexOf('"', at + 9));
}

function numberAfter(text: string, key: string, from: number): number {
  const at = text.indexOf(`"${key}":`, from);
  if (at === -1 || from === -1) return NaN;
  let end = at + key.length + 3;
  while (end < text.length && ((text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) || text.charCodeAt(end) === 45)) end += 1;
  return Number(text.slice(at + key.length + 3, end));
}

function onPlayerEvent(player: Player, text: string, receivedAt: number): void {
  // text: ["game:state",{…}] or ["game:common",{…}]
  if (!text.startsWith('["game:')) return;
  const phase = phaseOf(text);
  if (phase === "question") {
    const at = text.indexOf('"question":{');
    const index = numberAfter(text, "index", at);
    const key = `question:${index}`;
    if (player.seen.has(key)) return;
    player.seen.add(key);
    const openedAt = numberAfter(text, "deadline", at) - numberAfter(text, "timeLimitMs", at);
    count(key, performance.timeOrigin + receivedAt - openedAt);
    if (!isSilent(player)) {
      const delay = Math.random() * windowOf(index);
      setTimeout(() => answer(player, index), delay);
    }
  } else if (phase === "reveal") {
    const key = `reveal:${currentQuestion}`;
    const me = text.indexOf('"me":{');
    if (player.seen.has(key) || me === -1 || numberAfter(text, "index", text.indexOf('"question":{')) !== currentQuestion) return;
    player.seen.add(key);
    player.score = numberAfter(text, "score", me);
    count(key, receivedAt - hostSentAt - delayOf(player));
    const acked = player.acked.has(currentQuestion);
    const answered = text.includes('"myOutcome":{"answered":true');
    if (acked && !answered) count(`lost`);
    if (!acked && answered) count(`phantom`);
  } else if (phase === "leaderboard" || phase === "podium" || phase === "countdown") {
    const key = `${phase}:${currentQuestion}`;
    if (player.seen.has(key)) return;
    player.seen.add(key);
    count(key, receivedAt - hostSentAt - delayOf(player));
  }
}

/** How far behind the studio this player's path airs (0 in the studio). */
function delayOf(player: Player): number {
  const delays = config.pathDelaysMs;
  return delays.length === 0 ? 0 : delays[player.index % delays.length];
}

/** The path a player joins on, or none for a studio player. */
function pathOf(player: Player): string | null {
  const delays = config.pathDelaysMs;
  return delays.length === 0 ? null : `path-${(player.index % delays.length) + 1}`;
}

/** A player's answer, at its moment in the window (`retry`: the same answer again after a drop). */
function answer(player: Player, questionIndex: number, retry = false): void {
  if (!retry) sentAnswers.set(questionIndex, (sentAnswers.get(questionIndex) ?? 0) + 1);
  if (!player.socket || player.socket.closed || !player.ready) {
    player.pendingAnswer = questionIndex;
    return;
  }
  if (retry) retried.count += 1;
  const socket = player.socket;
  const options = 4;
  const key = String.fromCharCode(65 + (player.index % options));
  const sentAt = performance.now();
  player.pendingAnswer = null;
  void socket
    .emitWithAck("answer:submit", { gameId: config.gameId, questionIndex, optionIds: [key], answerId: `a-${player.index}-${questionIndex}` })
    .then(({ text, receivedAt }) => {
      if (text === "") {
        // The connection went before the ack: the same answer is sent again once it is back.
        player.pendingAnswer = questionIndex;
        return;
      }
      if (text.startsWith('[{"ok":true')) {
        if (!player.acked.has(questionIndex)) {
          player.acked.add(questionIndex);
          count(`acked:${questionIndex}`, retry ? undefined : receivedAt - sentAt);
        }
      } else {
        const error = /"error":"([^"]*)"/.exec(text)?.[1] ?? "unknown";
        const refused = refusedAnswers.get(questionIndex) ?? {};
        refused[error] = (refused[error] ?? 0) + 1;
        refusedAnswers.set(questionIndex, refused);
        count(`acked:${questionIndex}`);
      }
    });
}

function headersFor(player: Player): Record<string, string> {
  return { "X-Forwarded-For": player.address };
}

async function connectPlayer(player: Player): Promise<RawSocket> {
  return RawSocket.open({
    host: HOST,
    port: config.port,
    headers: headersFor(player),
    onEvent: (text, receivedAt) => onPlayerEvent(player, text, receivedAt),
    onBytes: (bytes) => {
      player.bytes += bytes;
    },
  });
}

async function join(player: Player, failures: Record<string, number>, latencies: number[]): Promise<void> {
  const started = performance.now();
  try {
    const socket = await connectPlayer(player);
    player.socket = socket;
    const { text, receivedAt } = await socket.emitWithAck("player:join", { pin: config.pin, name: nameOf(player.index), unitId: null, ...(pathOf(player) ? { pathId: pathOf(player) } : {}) });
    const [response] = JSON.parse(text || "[{}]") as [{ ok: boolean; error?: string; data?: { playerId: string; token: string } }];
    if (!response.ok || !response.data) {
      failures[response.error ?? "closed"] = (failures[response.error ?? "closed"] ?? 0) + 1;
      socket.close();
      player.socket = null;
      return;
    }
    player.playerId = response.data.playerId;
    player.token = response.data.token;
    player.ready = true;
    latencies.push(receivedAt - started);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    failures[reason] = (failures[reason] ?? 0) + 1;
    player.socket = null;
  }
}

/** Numbers written with the digits 0 2 3 6 8 9 only: the name filter reads "455" as "ass", rightly on air. */
function nameOf(index: number): string {
  const digits = "023689";
  let code = "";
  do {
    code = digits[index % digits.length] + code;
    index = Math.floor(index / digits.length);
  } while (index > 0);
  return `Người chơi ${code}`;
}

function addressOf(index: number): string {
  const group = Math.floor(index / config.playersPerAddress);
  return `10.${(group >> 16) & 255}.${(group >> 8) & 255}.${group & 255}`;
}

// ---------------------------------------------------------------------------------------------
// The host

type HostView = { phase: string; controls: { step: number } | null; counts?: { answered: number | null }; result?: { answeredCount: number } | null; question?: { index: number } | null };
let hostView: HostView | null = null;
let hostSentAt = 0;
const hostWaiters: (() => void)[] = [];

async function connectHost(): Promise<RawSocket> {
  const socket = await RawSocket.open({
    host: HOST,
    port: config.port,
    headers: config.hostCookie ? { Cookie: config.hostCookie } : {},
    onEvent: (text) => {
      if (!text.startsWith('["game:state"')) return;
      hostView = JSON.parse(text)[1] as HostView;
      for (const wake of hostWaiters.splice(0)) wake();
    },
  });
  const { text } = await socket.emitWithAck("host:watch", { gameId: config.gameId });
  const [response] = JSON.parse(text) as [{ ok: boolean; error?: string; data: HostView }];
  if (!response.ok) throw new Error(`host:watch refused: ${response.error}`);
  hostView = response.data;
  return socket;
}

async function hostUntil(test: (view: HostView) => boolean): Promise<HostView> {
  const deadline = performance.now() + WAIT_LIMIT_MS;
  while (!hostView || !test(hostView)) {
    if (performance.now() > deadline) throw new Error(`host view never reached the expected state (phase ${hostView?.phase})`);
    await new Promise<void>((wake) => {
      hostWaiters.push(wake);
      setTimeout(wake, 1_000);
    });
  }
  return hostView;
}

async function command(host: RawSocket, name: "start" | "next" | "end"): Promise<void> {
  hostSentAt = performance.now();
  const { text } = await host.emitWithAck("host:command", { gameId: config.gameId, command: name, step: hostView!.controls!.step });
  const [response] = JSON.parse(text) as [{ ok: boolean; error?: string }];
  if (!response.ok) throw new Error(`host:command ${name}: ${response.error}`);
}

// ---------------------------------------------------------------------------------------------
// The reconnect storm

async function storm(questionIndex: number): Promise<StormReport> {
  const connected = players.filter((player) => player.socket && !player.socket.closed);
  const dropped = connected.filter((_, position) => position % Math.round(1 / config.stormShare) === 0).slice(0, Math.round(connected.length * config.stormShare));
  const before = new Map(dropped.map((player) => [player, { score: player.score, acked: player.acked.has(questionIndex) }]));
  for (const player of dropped) {
    player.socket!.destroy();
    player.socket = null;
    player.ready = false;
  }
  log(`storm: dropped ${dropped.length} players`);
  await sleep(300);
  await endPhase("before storm", { measured: false });
  const latencies: number[] = [];
  let wrong = 0;
  let reconnected = 0;
  await Promise.all(
    dropped.map(async (player) => {
      const started = performance.now();
      try {
        const socket = await connectPlayer(player);
        player.socket = socket;
        const { text, receivedAt } = await socket.emitWithAck("player:resume", { gameId: config.gameId, token: player.token });
        const [response] = JSON.parse(text || "[{}]") as [
          { ok: boolean; data?: { view: { phase: string; question: { index: number; remainingMs: number } | null; me: { score: number }; myAnswer: unknown } } },
        ];
        if (!response.ok || !response.data) {
          wrong += 1;
          return;
        }
        reconnected += 1;
        player.ready = true;
        latencies.push(receivedAt - started);
        const view = response.data.view;
        const was = before.get(player)!;
        const right =
          view.phase === "question" &&
          view.question?.index === questionIndex &&
          view.question.remainingMs > 0 &&
          view.me.score === was.score &&
          (was.acked ? view.myAnswer !== null : true);
        if (!right) wrong += 1;
        if (player.pendingAnswer === questionIndex) answer(player, questionIndex, true);
      } catch {
        wrong += 1;
      }
    }),
  );
  const phase = await endPhase("storm");
  log(`storm: ${reconnected} back, ${wrong} wrong snapshots`);
  return {
    questionIndex,
    dropped: dropped.length,
    reconnected,
    reconnectToSnapshotMs: percentiles(latencies),
    wrongSnapshots: wrong,
    retriedAnswers: retried.count,
    phase,
  };
}

// ---------------------------------------------------------------------------------------------
// The game

async function main(): Promise<GeneratorReport> {
  const host = await connectHost();
  await sleep(200);
  const start = await endPhase("setup", { gc: true, measured: false });

  // Joining: waves of `joinConcurrency` players at a time, as an audience does after the PIN is on screen.
  for (let index = 0; index < config.players; index += 1) {
    players.push({ index, address: addressOf(index), socket: null, ready: false, playerId: "", token: "", score: 0, acked: new Set(), pendingAnswer: null, seen: new Set(), bytes: 0 });
  }
  const joinFailures: Record<string, number> = {};
  const joinLatencies: number[] = [];
  const joinStarted = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: config.joinConcurrency }, async () => {
      while (next < players.length) {
        const player = players[next++];
        await join(player, joinFailures, joinLatencies);
        if (player.index > 0 && player.index % 1000 === 0) log(`${player.index} players joined`);
      }
    }),
  );
  const joinMs = performance.now() - joinStarted;
  const joinPhase = await endPhase("join");
  const joined = players.filter((player) => player.socket !== null);
  log(`${joined.length} joined in ${Math.round(joinMs)} ms`);

  await sleep(1_000);
  const idlePhase = await endPhase("idle", { gc: true, measured: false, heap: config.heapSnapshotDir ? `${config.heapSnapshotDir}/idle.heapsnapshot` : undefined });
  const idle = {
    rssMb: round(idlePhase.server.afterGc!.rssMb),
    heapUsedMb: round(idlePhase.server.afterGc!.heapUsedMb),
    rssPerPlayerKb: round(((idlePhase.server.afterGc!.rssMb - start.server.afterGc!.rssMb) * 1024) / Math.max(1, joined.length)),
    heapPerPlayerKb: round(((idlePhase.server.afterGc!.heapUsedMb - start.server.afterGc!.heapUsedMb) * 1024) / Math.max(1, joined.length)),
  };

  const questions: QuestionReport[] = [];
  let stormReport: StormReport | null = null;
  for (let index = 0; index < config.questions; index += 1) {
    currentQuestion = index;
    const connectedCount = () => players.filter((player) => player.socket && !player.socket.closed).length;
    const answering = players.filter((player) => player.socket && !isSilent(player)).length;
    for (const player of players) player.bytes = 0;
    await command(host, index === 0 ? "start" : "next");
    await until(`question:${index}`, connectedCount());
    const opened = performance.now();
    // The countdown and the question going out, apart from the answers that follow.
    const openPhase = await endPhase(`question ${index + 1} open`);
    if (config.stormShare > 0 && index === config.stormQuestion) {
      await sleep(windowOf(index) / 2);
      stormReport = await storm(index);
    }
    await until(`acked:${index}`, answering, windowOf(index) + WAIT_LIMIT_MS);
    // The last answers' effects (the staff's counters) settle before the question closes.
    await sleep(Math.max(0, 300 - (performance.now() - opened - windowOf(index))));
    const answeringPhase = await endPhase(`question ${index + 1} answering`, {
      heap: config.heapSnapshotDir && index === 0 ? `${config.heapSnapshotDir}/answering.heapsnapshot` : undefined,
      measured: true,
    });

    // The host closes the question; if its clock or the last answer closed it first (a slow
    // server), the results are timed from now.
    await hostUntil((view) => view.phase === "question" || view.phase === "reveal");
    if (hostView!.phase === "question") await command(host, "next");
    else {
      log(`question ${index + 1} closed before the host closed it`);
      hostSentAt = performance.now();
    }
    await until(`reveal:${index}`, connectedCount());
    const host_ = await hostUntil((view) => view.phase === "reveal");
    const resultsPhase = await endPhase(`question ${index + 1} results`);
    await command(host, "next");
    await until(`leaderboard:${index}`, connectedCount());
    await hostUntil((view) => view.phase === "leaderboard");
    const leaderboardPhase = await endPhase(`question ${index + 1} leaderboard`);

    const refused = refusedAnswers.get(index) ?? {};
    const refusedCount = Object.values(refused).reduce((sum, value) => sum + value, 0);
    const acked = tally(`acked:${index}`).count - refusedCount;
    const bytes = players.reduce((sum, player) => sum + player.bytes, 0);
    questions.push({
      index,
      windowMs: windowOf(index),
      questionFanoutMs: percentiles(tally(`question:${index}`).samples),
      ackMs: percentiles(tally(`acked:${index}`).samples),
      resultsFanoutMs: percentiles(tally(`reveal:${index}`).samples),
      leaderboardFanoutMs: percentiles(tally(`leaderboard:${index}`).samples),
      sent: sentAnswers.get(index) ?? 0,
      acked,
      refused,
      answeredAtReveal: host_.result?.answeredCount ?? null,
      bytesPerPlayer: Math.round(bytes / Math.max(1, connectedCount())),
      open: openPhase,
      answering: answeringPhase,
      results: resultsPhase,
      leaderboard: leaderboardPhase,
    });
    const last = questions.at(-1)!;
    log(
      `question ${index + 1} (${last.windowMs} ms): fan-out p99 ${last.questionFanoutMs.p99} ms, ack p99 ${last.ackMs.p99} ms, results p99 ${last.resultsFanoutMs.p99} ms, ${last.acked}/${last.sent} acked`,
    );
  }
  currentQuestion = config.questions;
  await command(host, "next");
  await hostUntil((view) => view.phase === "podium");
  await command(host, "end");
  await hostUntil((view) => view.phase === "ended");
  await sleep(500);
  const after = await endPhase("after the game", { gc: true, measured: false, heap: config.heapSnapshotDir ? `${config.heapSnapshotDir}/after.heapsnapshot` : undefined });

  for (const player of players) player.socket?.close();
  host.close();
  await sleep(1_500);
  const disconnected = await endPhase("after disconnect", { gc: true, measured: false });

  const idleCpuShare = idlePhase.server.cpuMs / Math.max(1, idlePhase.server.wallMs);
  const sentTotal = [...sentAnswers.values()].reduce((sum, value) => sum + value, 0);
  const ackedTotal = questions.reduce((sum, question) => sum + question.acked, 0);
  const samples = (prefix: string, indexes: number[]) => indexes.flatMap((index) => tally(`${prefix}:${index}`).samples);
  const all = questions.map((question) => question.index);
  // The storm's question has figures of its own: its acks wait for reconnections.
  const calm = questions.filter((question) => question.index !== stormReport?.questionIndex);
  const windows = [...new Set(calm.map((question) => question.windowMs))];
  const ofWindow = (windowMs: number) => calm.filter((question) => question.windowMs === windowMs);
  const phases = [joinPhase, ...questions.flatMap((question) => [question.open, question.answering, question.results, question.leaderboard]), ...(stormReport ? [stormReport.phase] : [])];
  const summary = {
    questionFanoutMs: percentiles(samples("question", all)),
    resultsFanoutMs: percentiles(samples("reveal", all)),
    leaderboardFanoutMs: percentiles(samples("leaderboard", all)),
    ackMs: percentiles(samples("acked", calm.map((question) => question.index))),
    ackMsByWindow: Object.fromEntries(windows.map((windowMs) => [String(windowMs), percentiles(samples("acked", ofWindow(windowMs).map((question) => question.index)))])),
    loopDelayP99MsByWindow: Object.fromEntries(
      windows.map((windowMs) => [String(windowMs), round(Math.max(...ofWindow(windowMs).map((question) => question.answering.server.loopDelayP99Ms)))]),
    ),
    // Less what the server spends idle in as long (its timers), measured with every player joined and nothing happening.
    serverCpuPerAnswerUs: round(
      (1000 *
        calm.reduce((sum, question) => sum + Math.max(0, question.answering.server.cpuMs - idleCpuShare * question.answering.server.wallMs), 0)) /
        Math.max(1, calm.reduce((sum, question) => sum + question.acked, 0)),
    ),
    serverCpuPerResultsMs: round(questions.reduce((sum, question) => sum + question.results.server.cpuMs, 0) / Math.max(1, questions.length)),
    serverCpuPerQuestionOpenMs: round(questions.reduce((sum, question) => sum + question.open.server.cpuMs, 0) / Math.max(1, questions.length)),
    serverCpuPerLeaderboardMs: round(questions.reduce((sum, question) => sum + question.leaderboard.server.cpuMs, 0) / Math.max(1, questions.length)),
    rssMaxMb: round(Math.max(...phases.map((phase) => phase.server.rssMaxMb))),
    bytesPerPlayerPerQuestion: Math.round(questions.reduce((sum, question) => sum + question.bytesPerPlayer, 0) / Math.max(1, questions.length)),
  };
  return {
    players: config.players,
    joined: joined.length,
    joinFailures,
    join: {
      ms: Math.round(joinMs),
      perSecond: Math.round((joined.length / joinMs) * 1000),
      latencyMs: percentiles(joinLatencies),
      serverCpuPerJoinMs: round(joinPhase.server.cpuMs / Math.max(1, joined.length), 2),
      phase: joinPhase,
    },
    idle,
    questions,
    storm: stormReport,
    afterGame: { rssMb: round(after.server.afterGc!.rssMb), heapUsedMb: round(after.server.afterGc!.heapUsedMb), rssAtStartMb: idle.rssMb },
    afterDisconnect: { rssMb: round(disconnected.server.afterGc!.rssMb), heapUsedMb: round(disconnected.server.afterGc!.heapUsedMb) },
    lostAnswers: tally("lost").count,
    phantomAnswers: tally("phantom").count,
    sentTotal,
    ackedTotal,
    summary,
    valid: invalidBecause.length === 0,
    invalidBecause,
  };
}

main().then(
  (report) => {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    process.exit(0);
  },
  (error) => {
    log(`failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
