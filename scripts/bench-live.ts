/**
 * The live-game benchmark (docs/benchmarks.md): one game of N players, the game's server beside
 * the floor — a bare Socket.IO server doing the least a quiz must do (scripts/bench/floor-server.ts)
 * — driven by the same raw-WebSocket generator in the same run, so that every figure is printed
 * beside the floor's and as a ratio to it. The machine's noise moves both alike; the ratio is the
 * number to read.
 *
 *   npm run bench:live -- --players 10000 --window 5000,1000 --storm 0.3
 *   npm run bench:floor -- --players 10000          (the floor alone)
 *   DATABASE_URL=postgresql://… npm run bench:live   (the game on that database, as given; else a fresh SQLite file)
 *
 * Each server runs in a process of its own, pinned to CPU 0 with `taskset` when it exists; the
 * generator runs in another, pinned to CPU 1; this process only prepares and reports. The last
 * line of the output is one JSON object (fields in docs/benchmarks.md).
 *
 * Options: --players N (500, at most 10,000) --questions Q (4) --window MS[,MS…] (5000,1000: the
 * answer window of each question, cycled) --countdown MS (1000) --storm SHARE (0: none; 0.3 drops
 * 30 % of the players in the middle of --storm-question, default the second, and reconnects
 * them at once) --only game|floor --cpu-prof DIR, --heap-prof DIR (sampled allocations) and
 * --heap-snapshots DIR (profiles of both servers), --allocations DIR (every allocation of each
 * phase, garbage included, sampled; both servers), --phase-profiles DIR (a CPU profile of each
 * phase; both servers) --server-flags="…" (Node flags for both servers) --rounds N (1: the floor
 * and the game N times each, alternating; the last line then holds the medians) --writes N (100,000
 * answers through the writer thread alone after the game: stored per second; 0 to skip)
 * --timeout S (900) --paths (or --delay-paths) MS[,MS…] (TV play-along, docs/decisions/038: the game gets one
 * distribution path per delay and every player joins at home, spread over the paths in turn;
 * the figures are measured from each step's airing on the player's path, so they compare with a
 * run without it).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { GeneratorConfig, GeneratorReport } from "./bench/generator";
import { benchQuestions } from "./bench/questions";
import { round } from "./bench/stats";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const MAX_PLAYERS = 10_000;
const PIN = "246810";

const { values: options } = parseArgs({
  options: {
    players: { type: "string", default: "500" },
    questions: { type: "string", default: "4" },
    window: { type: "string", default: "5000,1000" },
    countdown: { type: "string", default: "1000" },
    storm: { type: "string", default: "0" },
    "storm-question": { type: "string", default: "1" },
    only: { type: "string" },
    "cpu-prof": { type: "string" },
    "heap-prof": { type: "string" },
    allocations: { type: "string" },
    "phase-profiles": { type: "string" },
    "server-flags": { type: "string", default: "" },
    "heap-snapshots": { type: "string" },
    "join-concurrency": { type: "string", default: "100" },
    timeout: { type: "string", default: "900" },
    rounds: { type: "string", default: "1" },
    writes: { type: "string", default: "100000" },
    paths: { type: "string", default: "" },
    "delay-paths": { type: "string", default: "" },
  },
});

const playerCount = Number(options.players);
if (!Number.isInteger(playerCount) || playerCount < 2 || playerCount > MAX_PLAYERS) {
  console.error(`--players must be a whole number from 2 to ${MAX_PLAYERS} (one game's limit).`);
  process.exit(2);
}
const questionCount = Number(options.questions);
const windowsMs = options.window.split(",").map(Number);
const countdownMs = Number(options.countdown);
const stormShare = Number(options.storm);
const pathsOption = options["delay-paths"] || options.paths;
const pathDelaysMs = pathsOption ? pathsOption.split(",").map(Number) : [];
if (pathDelaysMs.some((delay) => !Number.isInteger(delay) || delay < 0 || delay > 120_000) || pathDelaysMs.length > 6) {
  console.error("--paths takes up to six delays in milliseconds, 0 to 120000, comma-separated.");
  process.exit(2);
}
if (windowsMs.some((value) => !(value > 0)) || !(questionCount >= 1) || !(stormShare >= 0 && stormShare < 1)) {
  console.error("--window needs positive milliseconds, --questions at least 1, --storm a share below 1.");
  process.exit(2);
}
// Long enough that the host, not the clock, closes every question, storm included.
const timeLimitMs = Math.min(120_000, Math.max(20_000, 2 * Math.max(...windowsMs) + 10_000) + Math.max(0, ...pathDelaysMs));
const runs = options.only === "floor" ? (["floor"] as const) : options.only === "game" ? (["game"] as const) : (["floor", "game"] as const);
const taskset = existsSync("/usr/bin/taskset");
const pinned = (cpu: number, args: string[]) => (taskset ? ["taskset", ["-c", String(cpu), ...args]] : [args[0], args.slice(1)]) as [string, string[]];

const children = new Set<ChildProcess>();
const scratch = mkdtempSync(path.join(os.tmpdir(), "bench-live-"));
/** The game's database: DATABASE_URL as given (PostgreSQL to measure it), else a fresh SQLite file. */
const givenDatabaseUrl = process.env.DATABASE_URL || null;
const stopAll = setTimeout(() => {
  console.error(`Stopped after ${options.timeout} s.`);
  for (const child of children) child.kill("SIGKILL");
  rmSync(scratch, { recursive: true, force: true });
  process.exit(2);
}, Number(options.timeout) * 1000);

type RunResult = { report: GeneratorReport; storedAnswers: number | null; writer: WriterResult | null };
type WriterResult = { rowsPerSecond: number; cpuPerRowUs: number; stored: number };

async function main() {
  const questions = benchQuestions(root, questionCount, timeLimitMs);
  const rounds = Math.max(1, Number(options.rounds));
  const compared: Comparison[] = [];
  const failures: string[] = [];
  // Several rounds alternate the floor and the game, so that the machine's changing load falls on both.
  for (let round = 1; round <= rounds; round += 1) {
    const results: Partial<Record<"floor" | "game", RunResult>> = {};
    for (const kind of runs) {
      console.error(`› Round ${round} of ${rounds}. ${kind === "floor" ? "The floor (bare Socket.IO)" : "The game"}: ${playerCount} players, ${questionCount} questions`);
      try {
        results[kind] = kind === "floor" ? await runFloor(questions) : await runGame(questions, round);
      } catch (error) {
        // One side failing (a server that fell over) still leaves the other side's figures to report.
        failures.push(`round ${round}, ${kind}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (!results.floor && !results.game) continue;
    const comparison = compare(results);
    printTable(rounds > 1 ? `Round ${round} of ${rounds}: ` : "", comparison, results);
    compared.push(comparison);
  }
  if (compared.length === 0) throw new Error(failures.join("; "));
  for (const failure of failures) console.error(`failed: ${failure}`);
  if (failures.length > 0) process.exitCode = 1;
  if (compared.length === 1) {
    const [only] = compared;
    console.log(JSON.stringify({ ...only.main, floor: only.floor, ratio: only.ratios, details: only.details }));
    return;
  }
  // The medians of the rounds, each figure and each ratio on its own.
  const combined = medians(compared.map((comparison) => comparison.main as Record<string, unknown>));
  const floor = compared.every((comparison) => comparison.floor) ? medians(compared.map((comparison) => comparison.floor as Record<string, unknown>)) : null;
  const ratios = compared.every((comparison) => comparison.ratios) ? medians(compared.map((comparison) => comparison.ratios as Record<string, unknown>)) : null;
  if (floor && ratios) printTable(`Median of ${compared.length} rounds: `, { main: combined as Headline, game: combined as Headline, floor: floor as Headline, ratios: ratios as Record<string, number>, details: null }, {});
  console.log(
    JSON.stringify({ ...combined, floor, ratio: ratios, rounds: compared.map((comparison) => ({ game: comparison.game, floor: comparison.floor, ratio: comparison.ratios })) }),
  );
}

function medians(rows: Record<string, unknown>[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(rows[0])) {
    const values = rows.map((row) => row[key]);
    if (values.every((value) => typeof value === "number")) {
      const sorted = (values as number[]).sort((a, b) => a - b);
      out[key] = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : round((sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2, 2);
    } else if (values.every((value) => typeof value === "boolean")) out[key] = (values as boolean[]).every(Boolean);
    else out[key] = values[0];
  }
  return out;
}

async function runFloor(questions: ReturnType<typeof benchQuestions>): Promise<RunResult> {
  const file = path.join(scratch, "questions.json");
  writeFileSync(file, JSON.stringify(questions));
  const server = startServer([path.join(here, "bench", "floor-server.ts"), file, PIN, String(countdownMs)], {}, profilingFlags("floor"));
  try {
    const port = await portOf(server);
    const heapDir = options["heap-snapshots"] ? path.resolve(options["heap-snapshots"], "floor") : null;
    if (heapDir) mkdirSync(heapDir, { recursive: true });
    const report = await generate({ port, pin: PIN, gameId: "floor", hostCookie: null, heapSnapshotDir: heapDir }, "floor");
    return { report, storedAnswers: null, writer: null };
  } finally {
    await stop(server);
  }
}

async function runGame(questions: ReturnType<typeof benchQuestions>, round: number): Promise<RunResult> {
  // One database for every round (this process's Prisma client opens one file), a new game each time.
  const databaseUrl = givenDatabaseUrl ?? `file:${path.join(scratch, "bench.db")}`;
  process.env.DATABASE_URL = databaseUrl;
  const { deployMigrations } = await import("./db/migrations");
  if (round === 1) await deployMigrations({ databaseUrl, root });
  const { prisma } = await import("../app/utils/db.server");
  const { createSession } = await import("../app/utils/session.server");
  const { insertLiveGame } = await import("../app/live/live-games.server");
  const host = await prisma.user.upsert({
    where: { username: "bench-host" },
    create: { username: "bench-host", displayName: "Bench", passwordHash: "x", role: "host" },
    update: {},
  });
  const cookie = (await createSession(host.id)).split(";")[0];
  const created = await insertLiveGame(
    prisma,
    { hostId: host.id, title: "Bench", releaseId: "bench", releaseName: "bench", mode: "classic", teamsBy: null, countdownMs, questions },
    Date.now(),
  );
  if (!created.ok) throw new Error(created.problem);
  if (pathDelaysMs.length > 0) await configurePaths(prisma, created.gameId);
  await prisma.$disconnect();

  const profiling = profilingFlags("game");
  if (options["heap-snapshots"]) mkdirSync(path.resolve(options["heap-snapshots"], "game"), { recursive: true });
  const server = startServer([path.join(here, "bench", "game-server.ts")], { DATABASE_URL: databaseUrl, NODE_ENV: "production", LOG_LEVEL: "warn" }, profiling);
  try {
    const port = await portOf(server);
    const report = await generate({
      port,
      pin: created.pin,
      gameId: created.gameId,
      hostCookie: cookie,
      heapSnapshotDir: options["heap-snapshots"] ? path.resolve(options["heap-snapshots"], "game") : null,
    }, "game");
    await stop(server);
    // Every acknowledged answer is a row, once (the answers table is unique on game, player, question).
    const count = await prisma.liveAnswer.count({ where: { gameId: created.gameId } });
    await prisma.$disconnect();
    return { report, storedAnswers: count, writer: await measureWriter() };
  } finally {
    await stop(server);
  }
}

/** Play-along: the game's distribution paths, set in its lobby as the host's console does. */
async function configurePaths(prisma: import("../app/utils/db.server").PrismaClient, gameId: string): Promise<void> {
  const { transition } = await import("../app/live/transition");
  const paths = pathDelaysMs.map((delayMs, index) => ({ id: `path-${index + 1}`, name: `Đường ${index + 1}`, delayMs }));
  const game = await prisma.liveGame.findUniqueOrThrow({ where: { id: gameId }, select: { state: true } });
  const configured = transition(JSON.parse(game.state), { type: "play-along-configured", paths }, Date.now());
  if (!configured.ok) throw new Error(`play-along paths refused: ${configured.code}`);
  await prisma.liveGame.update({
    where: { id: gameId },
    data: { state: JSON.stringify(configured.state), stateVersion: configured.state.version, playAlongPaths: JSON.stringify(paths) },
  });
}

/** Profiles of a server, in DIR/floor and DIR/game: both sides pay the profiler's overhead alike. */
function profilingFlags(kind: "floor" | "game"): string[] {
  return [
    ...(options["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(options["cpu-prof"], kind)}`] : []),
    ...(options["heap-prof"] ? ["--heap-prof", `--heap-prof-dir=${path.resolve(options["heap-prof"], kind)}`] : []),
  ];
}

/**
 * Acknowledged answers stored per second by the live store's writer thread alone, pinned like the
 * server (scripts/bench/writer-throughput.ts), on a database of its own.
 */
async function measureWriter(): Promise<WriterResult | null> {
  const answers = Number(options.writes);
  if (!(answers > 0)) return null;
  const dir = mkdtempSync(path.join(scratch, "writer-"));
  const config = { dir, players: Math.min(playerCount, 10_000), answers, perTurn: 500 };
  const [program, args] = pinned(0, [process.execPath, "--import", "tsx", path.join(here, "bench", "writer-throughput.ts"), JSON.stringify(config)]);
  const child = spawn(program, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  children.add(child);
  let output = "";
  child.stdout!.on("data", (data: Buffer) => (output += data.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  children.delete(child);
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0) throw new Error(`writer benchmark exited with ${code}`);
  return JSON.parse(output.trim().split("\n").at(-1)!) as WriterResult;
}

function startServer(args: string[], env: Record<string, string>, nodeOptions: string[] = []): ChildProcess {
  const extra = options["server-flags"].split(" ").filter(Boolean);
  const [program, programArgs] = pinned(0, [process.execPath, "--expose-gc", ...extra, ...nodeOptions, "--import", "tsx", ...args]);
  const child = spawn(program, programArgs, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

function portOf(server: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let text = "";
    const onData = (data: Buffer) => {
      text += data.toString();
      for (const line of text.split("\n")) {
        const port = /^\{"port":(\d+)\}$/.exec(line.trim())?.[1];
        if (port) {
          server.stdout!.off("data", onData);
          // What the server prints later (warnings, --trace-gc) goes with the progress, not the report.
          server.stdout!.pipe(process.stderr);
          return resolve(Number(port));
        }
      }
    };
    server.stdout!.on("data", onData);
    server.once("exit", (code) => reject(new Error(`server exited with ${code} before listening`)));
  });
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
}

function generate(target: Pick<GeneratorConfig, "port" | "pin" | "gameId" | "hostCookie" | "heapSnapshotDir">, kind: "floor" | "game"): Promise<GeneratorReport> {
  const allocationsDir = options.allocations ? path.resolve(options.allocations, kind) : null;
  if (allocationsDir) mkdirSync(allocationsDir, { recursive: true });
  const phaseProfilesDir = options["phase-profiles"] ? path.resolve(options["phase-profiles"], kind) : null;
  if (phaseProfilesDir) mkdirSync(phaseProfilesDir, { recursive: true });
  const config: GeneratorConfig = {
    ...target,
    allocationsDir,
    phaseProfilesDir,
    players: playerCount,
    questions: questionCount,
    windowsMs,
    stormShare,
    stormQuestion: Math.min(questionCount - 1, Number(options["storm-question"])),
    joinConcurrency: Number(options["join-concurrency"]),
    playersPerAddress: 40,
    // The floor knows nothing of paths: its players stay in the studio.
    pathDelaysMs: kind === "game" ? pathDelaysMs : [],
  };
  const [program, args] = pinned(1, [process.execPath, "--import", "tsx", path.join(here, "bench", "generator.ts"), JSON.stringify(config)]);
  const child = spawn(program, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  children.add(child);
  let output = "";
  child.stdout!.on("data", (data: Buffer) => (output += data.toString()));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      children.delete(child);
      if (code !== 0) return reject(new Error(`generator exited with ${code}`));
      resolve(JSON.parse(output.trim().split("\n").at(-1)!) as GeneratorReport);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The report

/** The figures of one run that the summary line carries (names from issue 13). */
function headline(run: RunResult) {
  const { report } = run;
  const summary = report.summary;
  const windows = Object.keys(summary.ackMsByWindow);
  return {
    players: report.joined,
    sent: report.sentTotal,
    acked: report.ackedTotal,
    storedAnswers: run.storedAnswers,
    fanoutP50Ms: summary.questionFanoutMs.p50,
    fanoutP99Ms: summary.questionFanoutMs.p99,
    fanoutMaxMs: summary.questionFanoutMs.max,
    ackP50Ms: summary.ackMs.p50,
    ackP99Ms: summary.ackMs.p99,
    ...Object.fromEntries(windows.flatMap((windowMs) => [[`ackP99Ms@${windowMs}`, summary.ackMsByWindow[windowMs].p99]])),
    resultsP50Ms: summary.resultsFanoutMs.p50,
    resultsP99Ms: summary.resultsFanoutMs.p99,
    leaderboardP99Ms: summary.leaderboardFanoutMs.p99,
    loopDelayP99Ms: Math.max(...Object.values(summary.loopDelayP99MsByWindow)),
    cpuPerAnswerUs: summary.serverCpuPerAnswerUs,
    cpuPerResultsMs: summary.serverCpuPerResultsMs,
    cpuPerQuestionOpenMs: summary.serverCpuPerQuestionOpenMs,
    cpuPerLeaderboardMs: summary.serverCpuPerLeaderboardMs,
    rssMb: summary.rssMaxMb,
    rssStartMb: report.afterGame.rssAtStartMb,
    rssAfterGameMb: report.afterGame.rssMb,
    joinsPerSecond: report.join.perSecond,
    cpuPerJoinMs: report.join.serverCpuPerJoinMs,
    idleKbPerPlayer: report.idle.rssPerPlayerKb,
    idleHeapKbPerPlayer: report.idle.heapPerPlayerKb,
    bytesPerPlayerPerQuestion: summary.bytesPerPlayerPerQuestion,
    ...(report.storm
      ? {
          stormDropped: report.storm.dropped,
          stormReconnected: report.storm.reconnected,
          stormP99Ms: report.storm.reconnectToSnapshotMs.p99,
          stormWrongSnapshots: report.storm.wrongSnapshots,
        }
      : {}),
    lostAnswers: report.lostAnswers,
    phantomAnswers: report.phantomAnswers,
    ...(run.writer ? { answersStoredPerSecond: run.writer.rowsPerSecond, writerCpuPerAnswerUs: run.writer.cpuPerRowUs } : {}),
    valid: report.valid,
  };
}

type Headline = ReturnType<typeof headline>;
type Comparison = {
  main: Headline;
  game: Headline | null;
  floor: Headline | null;
  ratios: Record<string, number> | null;
  details: { game: GeneratorReport | null; floor: GeneratorReport | null } | null;
};

function compare(results: Partial<Record<"floor" | "game", RunResult>>): Comparison {
  const floor = results.floor ? headline(results.floor) : null;
  const game = results.game ? headline(results.game) : null;
  let ratios: Record<string, number> | null = null;
  if (floor && game) {
    ratios = {};
    for (const [key, value] of Object.entries(game)) {
      const base = (floor as Record<string, unknown>)[key];
      if (typeof value === "number" && typeof base === "number" && base > 0 && key !== "players" && key !== "sent") ratios[key] = round(value / base, 2);
    }
  }
  return { main: game ?? floor!, game, floor, ratios, details: { game: results.game?.report ?? null, floor: results.floor?.report ?? null } };
}

function printTable(label: string, comparison: Comparison, results: Partial<Record<"floor" | "game", RunResult>>) {
  const { main, game, floor } = comparison;
  const ratios = comparison.ratios ?? {};

  const rows: [string, string][] = [
    ["players joined", "players"],
    ["answers sent / acknowledged", "acked"],
    ["answers stored (rows)", "storedAnswers"],
    ["joins per second", "joinsPerSecond"],
    ["server CPU per join (ms)", "cpuPerJoinMs"],
    ["RSS per idle player (KB)", "idleKbPerPlayer"],
    ["question fan-out p50 / p99 (ms)", "fanout"],
    ...Object.keys(main)
      .filter((key) => key.startsWith("ackP99Ms@"))
      .map((key) => [`ack p99, answers over ${key.slice(9)} ms (ms)`, key] as [string, string]),
    ["ack p50 / p99, all (ms)", "ack"],
    ["results fan-out p50 / p99 (ms)", "results"],
    ["leaderboard fan-out p99 (ms)", "leaderboardP99Ms"],
    ["server loop delay p99 while answering (ms)", "loopDelayP99Ms"],
    ["server CPU per answer (µs)", "cpuPerAnswerUs"],
    ["server CPU per results broadcast (ms)", "cpuPerResultsMs"],
    ["server CPU per question opened (ms)", "cpuPerQuestionOpenMs"],
    ["server CPU per leaderboard (ms)", "cpuPerLeaderboardMs"],
    ["server RSS: start / highest / after the game (MB)", "rss"],
    ["bytes per player per question", "bytesPerPlayerPerQuestion"],
    ...(main.stormDropped !== undefined
      ? ([
          ["storm: dropped / back", "storm"],
          ["storm: reconnect → snapshot p99 (ms)", "stormP99Ms"],
          ["storm: wrong snapshots", "stormWrongSnapshots"],
        ] as [string, string][])
      : []),
    ["results that lost / invented an answer", "lostPhantom"],
    ...(main.answersStoredPerSecond !== undefined
      ? ([
          ["answers stored per second, writer alone (acked after commit)", "answersStoredPerSecond"],
          ["CPU per stored answer, writer alone (µs, both threads)", "writerCpuPerAnswerUs"],
        ] as [string, string][])
      : []),
    ["valid run (generator kept up)", "valid"],
  ];
  const cell = (run: ReturnType<typeof headline> | null, key: string): string => {
    if (!run) return "";
    const value = run as Record<string, unknown>;
    switch (key) {
      case "acked":
        return `${run.sent} / ${run.acked}`;
      case "fanout":
        return `${run.fanoutP50Ms} / ${run.fanoutP99Ms}`;
      case "ack":
        return `${run.ackP50Ms} / ${run.ackP99Ms}`;
      case "results":
        return `${run.resultsP50Ms} / ${run.resultsP99Ms}`;
      case "rss":
        return `${run.rssStartMb} / ${run.rssMb} / ${run.rssAfterGameMb}`;
      case "storm":
        return `${run.stormDropped} / ${run.stormReconnected}`;
      case "lostPhantom":
        return `${run.lostAnswers} / ${run.phantomAnswers}`;
      default:
        return value[key] === null || value[key] === undefined ? "—" : String(value[key]);
    }
  };
  const ratioOf = (key: string): string => {
    const ratioKey = { fanout: "fanoutP99Ms", ack: "ackP99Ms", results: "resultsP99Ms", rss: "rssMb" }[key] ?? key;
    return ratios[ratioKey] === undefined ? "" : `${ratios[ratioKey]}×`;
  };
  const table = [
    ["", "game", "floor", "game ÷ floor"],
    ...rows.map(([label, key]) => [label, cell(game, key), cell(floor, key), ratioOf(key)]),
  ];
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
  console.log(`\n${label}${playerCount} players, ${questionCount} questions, answer windows ${windowsMs.join(" / ")} ms, ${taskset ? "server on CPU 0, generator on CPU 1" : "not pinned (no taskset)"}`);
  for (const row of table) console.log(row.map((text, column) => text.padEnd(widths[column])).join("  "));
  for (const [kind, run] of Object.entries(results)) {
    for (const reason of run.report.invalidBecause) console.log(`${kind}: invalid: ${reason}`);
    if (Object.keys(run.report.joinFailures).length > 0) console.log(`${kind}: join failures ${JSON.stringify(run.report.joinFailures)}`);
    for (const question of run.report.questions) {
      if (Object.keys(question.refused).length > 0) console.log(`${kind}: question ${question.index + 1} refused ${JSON.stringify(question.refused)}`);
    }
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    clearTimeout(stopAll);
    for (const child of children) child.kill("SIGKILL");
    rmSync(scratch, { recursive: true, force: true });
  });
