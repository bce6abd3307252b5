/**
 * The contest-round benchmark (docs/benchmarks.md, "Contest rounds over HTTP", issue 13 item 5, issue 14 item 5): N
 * participants take one self-paced round at once over HTTP against the production server — the
 * built app started as `NODE_ENV=production node --import tsx server.ts` — on SQLite or PostgreSQL.
 *
 *   npm run bench:contest                                   (1,000 participants, a fresh SQLite file)
 *   npm run bench:contest -- --postgres                     (a fresh PostgreSQL database on 127.0.0.1)
 *   DATABASE_URL=postgresql://… npm run bench:contest       (that database, as given)
 *
 * Two runs, each with its own round and participants, on the same server: "paced" — each
 * participant answers one question per --spacing (1,000 ms; 1,000 participants then offer 1,000
 * saves a second), the figures the targets are about — and "fast" — each answers the next question
 * as soon as the last one came back, the most the server does. The generator
 * (scripts/bench/contest-generator.ts) runs in a process of its own, pinned to CPU 1 when taskset
 * exists, the server to CPU 0. Participants, their profiles and sessions are written to the database
 * before the run (scripts/bench/contest-fixture.ts says why). After the runs, every acknowledged
 * answer is looked up in the database and every submitted attempt's stored score recounted.
 *
 * The floor: before the app, the same generator runs each mode against a bare node:http server
 * doing the least a save needs (scripts/bench/contest-floor-server.ts: the same form body parsed,
 * the rules checked in memory, JSON answered; no framework, no database). The report prints it
 * beside the app and the app's CPU per save and save p95 as multiples of it: the machine's noise
 * moves both alike, the ratio is the figure to compare between runs. --no-floor skips it.
 *
 * Options: --participants N (1000) --questions Q (10) --spacing MS (1000) --ramp MS (5000: the
 * participants open the round page spread over this long) --mode paced|fast|both
 * (both) --revalidate (a GET of the page's data after each save, as Remix did before the page
 * skipped it, app/contests/autosave.ts) --postgres
 * [--pg-database NAME] --keep (keep the database) --cpu-prof DIR (the server's CPU profile, start
 * to end) --phase-profiles DIR (a CPU profile of each phase: DIR/<mode>-<phase>.cpuprofile)
 * --build / --no-build (rebuild the app; default: when app/ is newer than build/) --timeout S (600)
 * --no-floor.
 * The last line of the output is one JSON object.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { ContestGeneratorConfig, ContestGeneratorReport, Latencies } from "./bench/contest-generator";
import type { BenchFixture, Verification } from "./bench/contest-fixture";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TARGETS = { saveP95Ms: 50, savesPerSecond: 1_000, submitP95Ms: 100 };

const { values: options } = parseArgs({
  options: {
    participants: { type: "string", default: "1000" },
    questions: { type: "string", default: "10" },
    spacing: { type: "string", default: "1000" },
    ramp: { type: "string", default: "5000" },
    mode: { type: "string", default: "both" },
    revalidate: { type: "boolean", default: false },
    postgres: { type: "boolean", default: false },
    "pg-database": { type: "string" },
    keep: { type: "boolean", default: false },
    "cpu-prof": { type: "string" },
    "phase-profiles": { type: "string" },
    build: { type: "boolean" },
    "no-build": { type: "boolean", default: false },
    timeout: { type: "string", default: "600" },
    "no-floor": { type: "boolean", default: false },
  },
});

const participantCount = Number(options.participants);
const questionCount = Number(options.questions);
const spacingMs = Number(options.spacing);
if (!Number.isInteger(participantCount) || participantCount < 1 || participantCount > 10_000 || !Number.isInteger(questionCount) || questionCount < 1 || questionCount > 20 || !(spacingMs > 0)) {
  // 20 answers fit the answer-saving burst of one account (app/contests/rate-limit.ts).
  console.error("--participants 1 to 10,000, --questions 1 to 20, --spacing positive milliseconds.");
  process.exit(2);
}
const modes = options.mode === "both" ? (["paced", "fast"] as const) : options.mode === "paced" || options.mode === "fast" ? ([options.mode] as const) : null;
if (!modes) {
  console.error("--mode paced, fast or both.");
  process.exit(2);
}
const taskset = existsSync("/usr/bin/taskset");
const pinned = (cpu: number, args: string[]) => (taskset ? ["taskset", ["-c", String(cpu), ...args]] : [args[0], args.slice(1)]) as [string, string[]];
const scratch = mkdtempSync(path.join(os.tmpdir(), "bench-contest-"));
const children = new Set<ChildProcess>();
const stopAll = setTimeout(() => {
  console.error(`Stopped after ${options.timeout} s.`);
  for (const child of children) child.kill("SIGKILL");
  process.exit(2);
}, Number(options.timeout) * 1000);

const progress = (text: string) => console.error(`› ${text}`);
const serverLog = path.join(scratch, "server.log");

/** Lines the server wrote to stderr (errors, warnings) and the first of them. */
function serverComplaints(): { lines: number; first: string[] } {
  const text = existsSync(serverLog) ? readFileSync(serverLog, "utf8") : "";
  const lines = text.split("\n").filter((line) => line.trim() !== "" && !/^\s+at /.test(line));
  return { lines: lines.length, first: [...new Set(lines)].slice(0, 3).map((line) => line.slice(0, 200)) };
}

/** The database: DATABASE_URL as given, a fresh PostgreSQL database with --postgres, else a fresh SQLite file. */
async function chooseDatabase(): Promise<{ url: string; kind: "sqlite" | "postgresql"; drop: (() => Promise<void>) | null }> {
  const given = process.env.DATABASE_URL;
  if (given && !options.postgres) return { url: given, kind: given.startsWith("file:") ? "sqlite" : "postgresql", drop: null };
  if (!options.postgres) return { url: `file:${path.join(scratch, "bench.db")}`, kind: "sqlite", drop: null };
  const admin = process.env.PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = options["pg-database"] ?? `bench_contest_${Date.now()}`;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error("--pg-database: lower-case letters, digits and _");
  const pg = (await import("pg")).default;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`DROP DATABASE IF EXISTS ${name}`);
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), kind: "postgresql", drop: options.keep ? null : () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * This environment without a test runner's variables: run from Vitest (scripts/bench-contest.test.ts),
 * VITEST would make vite.config.ts leave out the Remix plugin and the build fail.
 */
function operatorEnv(): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST") && key !== "TEST");
  return { ...Object.fromEntries(kept), NODE_ENV: "production" };
}

function ensureBuild() {
  const built = path.join(root, "build", "server", "index.js");
  const stale = !existsSync(built) || statSync(built).mtimeMs < newestMtime(path.join(root, "app"));
  if (options["no-build"] || (options.build === undefined && !stale)) return;
  progress("Building the app (npm run build)");
  const result = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, env: operatorEnv(), stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error("npm run build failed");
}

function run(program: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd: root, env: { ...operatorEnv(), ...env }, stdio: ["ignore", "ignore", "inherit"] });
    children.add(child);
    child.once("exit", (code) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${args.join(" ")} exited with ${code}`));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(databaseUrl: string, kind: "app" | "floor"): Promise<{ server: ChildProcess; port: number; statsPort: number }> {
  const [port, statsPort] = [await freePort(), await freePort()];
  const profiling = options["cpu-prof"] && kind === "app" ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(options["cpu-prof"])}`] : [];
  const script = kind === "app" ? "server.ts" : "scripts/bench/contest-floor-server.ts";
  const [program, args] = pinned(0, [process.execPath, ...profiling, "--import", "tsx", "--import", "./scripts/bench/contest-server-probe.ts", script]);
  const server = spawn(program, args, {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      // The demo seed's accounts exist in this database: a production start needs demo mode then.
      DEMO_MODE: "true",
      COOKIE_SECURE: "false",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      BENCH_STATS_PORT: String(statsPort),
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    },
    // The server's own complaints go to a file; the report counts them and shows the first.
    stdio: ["ignore", "ignore", openSync(serverLog, "w")],
  });
  children.add(server);
  server.once("exit", () => children.delete(server));
  for (let waited = 0; ; waited += 200) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    const up = await fetch(`http://127.0.0.1:${port}/healthz`).then((response) => response.ok, () => false);
    if (up) break;
    if (waited > 60_000) throw new Error("the server did not answer /healthz within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { server, port, statsPort };
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
}

function generate(config: ContestGeneratorConfig): Promise<ContestGeneratorReport> {
  const file = path.join(scratch, `generator-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(config));
  const [program, args] = pinned(1, [process.execPath, "--import", "tsx", path.join(root, "scripts", "bench", "contest-generator.ts"), file]);
  const child = spawn(program, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  children.add(child);
  let output = "";
  child.stdout!.on("data", (data: Buffer) => (output += data.toString()));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      children.delete(child);
      if (code !== 0) return reject(new Error(`the generator exited with ${code}`));
      resolve(JSON.parse(output.trim().split("\n").at(-1)!) as ContestGeneratorReport);
    });
  });
}

type RunResult = { mode: "paced" | "fast"; report: ContestGeneratorReport; verification: Verification | null; listenOverflows: number | null };

/**
 * The kernel's count of connections dropped because a listening socket's queue was full (the whole
 * machine's, so other programs' count too): a dropped connection is retried by the client after 1,
 * 3, 7, 15, 31, 63 s, which is what a stalled server's new connections see.
 */
function listenOverflows(): number | null {
  try {
    const lines = readFileSync("/proc/net/netstat", "utf8").split("\n");
    const header = lines.findIndex((line) => line.startsWith("TcpExt:"));
    const names = lines[header].split(/\s+/);
    const values = lines[header + 1].split(/\s+/);
    const at = names.indexOf("ListenOverflows");
    return at > 0 ? Number(values[at]) : null;
  } catch {
    return null;
  }
}

async function main() {
  const database = await chooseDatabase();
  progress(`Database: ${database.kind}${database.url.startsWith("file:") ? ` ${database.url}` : ""}`);
  try {
    ensureBuild();
    const env = { DATABASE_URL: database.url };
    progress("Migrations and the demo seed (release 2026.1, units)");
    await run(process.execPath, ["--import", "tsx", "scripts/db.ts", "deploy"], env);
    await run(process.execPath, ["--import", "tsx", "prisma/seed.ts"], { ...env, DEMO_MODE: "true" });

    process.env.DATABASE_URL = database.url;
    const { prepareContest, verifyContest } = await import("./bench/contest-fixture");
    const { prisma } = await import("../app/utils/db.server");
    const fixtures = new Map<string, BenchFixture>();
    for (const mode of modes!) {
      progress(`A round of ${questionCount} questions and ${participantCount} participants with sessions (${mode})`);
      fixtures.set(mode, await prepareContest({ participants: participantCount, questions: questionCount, now: Date.now(), tag: `${mode}-${Date.now().toString(36)}` }));
    }

    if (options["phase-profiles"]) mkdirSync(path.resolve(options["phase-profiles"]), { recursive: true });
    const floorResults: RunResult[] = [];
    if (!options["no-floor"]) {
      progress(`Starting the floor, a bare node:http server (${taskset ? "CPU 0; the generator on CPU 1" : "not pinned: no taskset"})`);
      const floor = await startServer(database.url, "floor");
      try {
        for (const mode of modes!) {
          progress(`floor, ${mode}: ${participantCount} participants, ${questionCount} answers each`);
          const fixture = fixtures.get(mode)!;
          const overflowsBefore = listenOverflows();
          const report = await generate({
            port: floor.port,
            statsPort: floor.statsPort,
            roundId: fixture.roundId,
            questionCount,
            participants: fixture.participants,
            spacingMs: mode === "paced" ? spacingMs : 0,
            revalidate: options.revalidate,
            rampMs: Number(options.ramp),
            phaseProfilesDir: null,
            label: `floor-${mode}`,
          });
          const overflowsAfter = listenOverflows();
          floorResults.push({ mode, report, verification: null, listenOverflows: overflowsBefore === null || overflowsAfter === null ? null : overflowsAfter - overflowsBefore });
        }
      } finally {
        await stop(floor.server);
      }
    }
    progress(`Starting the production server (${taskset ? "CPU 0; the generator on CPU 1" : "not pinned: no taskset"})`);
    const { server, port, statsPort } = await startServer(database.url, "app");
    const results: RunResult[] = [];
    try {
      for (const mode of modes!) {
        const fixture = fixtures.get(mode)!;
        progress(`${mode}: ${participantCount} participants, ${questionCount} answers each${mode === "paced" ? `, one every ${spacingMs} ms` : ", as fast as the server replies"}`);
        const overflowsBefore = listenOverflows();
        const report = await generate({
          port,
          statsPort,
          roundId: fixture.roundId,
          questionCount,
          participants: fixture.participants,
          spacingMs: mode === "paced" ? spacingMs : 0,
          revalidate: options.revalidate,
          rampMs: Number(options.ramp),
          phaseProfilesDir: options["phase-profiles"] ? path.resolve(options["phase-profiles"]) : null,
          label: mode,
        });
        const overflowsAfter = listenOverflows();
        const overflows = overflowsBefore === null || overflowsAfter === null ? null : overflowsAfter - overflowsBefore;
        results.push({ mode, report, verification: await verifyContest(fixture.roundId, report.acked), listenOverflows: overflows });
      }
    } finally {
      await stop(server);
      await prisma.$disconnect();
    }
    report(database.kind, results, floorResults);
  } finally {
    if (database.drop) await database.drop().catch((error) => console.error(`could not drop the database: ${error}`));
  }
}

const ms = (latency: Latencies) => (latency.n === 0 ? "—" : `${latency.p50} / ${latency.p95} / ${latency.p99} / ${latency.max}`);
const mb = (value: number) => value.toFixed(0);

const cpuPerSave = (run: RunResult) => run.report.server.save.cpuMs / Math.max(1, run.report.savesOk);
/** The open phase's server CPU per participant: the round page, the start and the first question (docs/decisions/044). */
const cpuPerArrival = (run: RunResult) => run.report.server.open.cpuMs / Math.max(1, run.report.started);
/** The submit phase's server CPU per submitted attempt. */
const cpuPerSubmit = (run: RunResult) => run.report.server.submit.cpuMs / Math.max(1, run.report.submitsOk);
const ratio = (ours: number, floor: number) => (floor > 0 && Number.isFinite(ours) && Number.isFinite(floor) ? Math.round((ours / floor) * 10) / 10 : null);

/** The app's figures as multiples of the floor's in the same mode: CPU per save, save p95, and the floor's saves a second over ours. */
function floorRatios(run: RunResult, floor: RunResult) {
  return {
    cpuPerSave: ratio(cpuPerSave(run), cpuPerSave(floor)),
    cpuPerArrival: ratio(cpuPerArrival(run), cpuPerArrival(floor)),
    cpuPerSubmit: ratio(cpuPerSubmit(run), cpuPerSubmit(floor)),
    saveP95: ratio(run.report.latency.save.p95, floor.report.latency.save.p95),
    submitP95: ratio(run.report.latency.submit.p95, floor.report.latency.submit.p95),
    floorSavesPerSecondOverOurs: ratio(floor.report.savesPerSecond, run.report.savesPerSecond),
  };
}

function report(database: "sqlite" | "postgresql", ours: RunResult[], floors: RunResult[]) {
  const results = ours;
  const rows: [string, (run: RunResult) => string][] = [
    ["participants started / submitted", (run) => `${run.report.started} / ${run.report.submitsOk}`],
    ["answer saves acknowledged / sent", (run) => `${run.report.savesOk} / ${run.report.saves}`],
    ["saves per second", (run) => String(run.report.savesPerSecond)],
    ["save p50 / p95 / p99 / max (ms)", (run) => ms(run.report.latency.save)],
    ["submit p50 / p95 / p99 / max (ms)", (run) => ms(run.report.latency.submit)],
    ["revalidation after a save p50 / p95 / p99 / max (ms)", (run) => ms(run.report.latency.revalidate)],
    ["round page, start, first question p95 (ms)", (run) => `${run.report.latency.open.p95}, ${run.report.latency.start.p95}, ${run.report.latency.firstQuestion.p95}`],
    ["errors", (run) => (run.report.errors === 0 ? "0" : `${run.report.errors} ${JSON.stringify(run.report.errorKinds)}`)],
    ["requests sent again after a kept-alive connection closed under them", (run) => String(run.report.retriedOnClosedConnection)],
    ["connections dropped by full listen queues, whole machine", (run) => String(run.listenOverflows ?? "—")],
    ["server CPU while saving (share of one core)", (run) => (run.report.server.save.cpuMs / run.report.server.save.wallMs).toFixed(2)],
    ["server CPU per acknowledged save (ms)", (run) => cpuPerSave(run).toFixed(2)],
    ["server CPU per arrival: page, start, first question (ms)", (run) => cpuPerArrival(run).toFixed(2)],
    ["server CPU per submit (ms)", (run) => cpuPerSubmit(run).toFixed(2)],
    ["server loop delay p99 / max: open, save, submit (ms)", (run) => (["open", "save", "submit"] as const).map((phase) => `${run.report.server[phase].loopDelayP99Ms.toFixed(0)}/${run.report.server[phase].loopDelayMaxMs.toFixed(0)}`).join(", ")],
    ["server RSS highest: open, save, submit (MB)", (run) => (["open", "save", "submit"] as const).map((phase) => mb(run.report.server[phase].rssMaxMb)).join(", ")],
    ["generator CPU (share of one core) / loop p99 (ms)", (run) => `${run.report.generator.cpuShareOfOneCore} / ${run.report.generator.loopDelayP99Ms}`],
    ["answers stored / acknowledged but not stored", (run) => (run.verification ? `${run.verification.storedAnswers} / ${run.verification.lostAnswers}` : "—")],
    ["submitted attempts: stored / unscored / score ≠ recount", (run) => (run.verification ? `${run.verification.submitted} / ${run.verification.unscored} / ${run.verification.wrongScores}` : "—")],
  ];
  // Each mode, then the floor in the same mode beside it.
  const columns = results.flatMap((run) => {
    const floor = floors.find((candidate) => candidate.mode === run.mode);
    return floor ? [{ label: run.mode, run }, { label: `${run.mode} floor`, run: floor }] : [{ label: run.mode, run }];
  });
  const table = [["", ...columns.map((column) => column.label)], ...rows.map(([label, cell]) => [label, ...columns.map((column) => cell(column.run))])];
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
  console.log(
    `\n${participantCount} participants, ${questionCount} questions, ${database}, paced = one answer per participant every ${spacingMs} ms; ${taskset ? "server on CPU 0, generator on CPU 1" : "not pinned"}${options.revalidate ? "; with the reload after each save" : ""}`,
  );
  for (const row of table) console.log(row.map((text, column) => text.padEnd(widths[column])).join("  "));
  const complaints = serverComplaints();
  if (complaints.lines > 0) console.log(`server stderr: ${complaints.lines} lines, e.g. ${complaints.first.join(" | ")}`);
  const ratios = Object.fromEntries(
    results.flatMap((run) => {
      const floor = floors.find((candidate) => candidate.mode === run.mode);
      return floor ? [[run.mode, floorRatios(run, floor)]] : [];
    }),
  ) as Record<string, ReturnType<typeof floorRatios>>;
  for (const [mode, figures] of Object.entries(ratios)) {
    console.log(
      `${mode}: our server is ${figures.cpuPerSave ?? "—"}× the floor's CPU per save, ${figures.cpuPerArrival ?? "—"}× per arrival, ${figures.cpuPerSubmit ?? "—"}× per submit, ${figures.saveP95 ?? "—"}× its save p95, ${figures.submitP95 ?? "—"}× its submit p95; the floor saved ${figures.floorSavesPerSecondOverOurs ?? "—"}× as many a second`,
    );
  }

  // The targets: latency under the paced load (it offers 1,000 saves a second at 1,000
  // participants), throughput the most either run reached.
  const paced = results.find((run) => run.mode === "paced") ?? results[0];
  const errors = results.reduce((sum, run) => sum + run.report.errors + (run.verification ? run.verification.lostAnswers + run.verification.wrongScores + run.verification.unscored : 0), 0);
  const savesPerSecond = Math.max(...results.map((run) => run.report.savesPerSecond));
  const summary = {
    participants: participantCount,
    saves: results.reduce((sum, run) => sum + run.report.savesOk, 0),
    savesPerSecond,
    saveP95Ms: paced.report.latency.save.p95,
    submitP95Ms: paced.report.latency.submit.p95,
    errors,
    database,
    pass: errors === 0 && paced.report.latency.save.p95 <= TARGETS.saveP95Ms && paced.report.latency.submit.p95 <= TARGETS.submitP95Ms && savesPerSecond >= TARGETS.savesPerSecond,
    lostAnswers: results.reduce((sum, run) => sum + (run.verification?.lostAnswers ?? 0), 0),
    wrongScores: results.reduce((sum, run) => sum + (run.verification?.wrongScores ?? 0), 0),
    cpuPerSaveMs: Math.round(Math.max(...results.map(cpuPerSave)) * 100) / 100,
    serverLoopDelayP99Ms: Math.max(...results.map((run) => run.report.server.save.loopDelayP99Ms)),
    serverStderrLines: complaints.lines,
    serverRssMb: Math.round(Math.max(...results.flatMap((run) => (["open", "save", "submit"] as const).map((phase) => run.report.server[phase].rssMaxMb)))),
    runs: Object.fromEntries(
      results.map((run) => [
        run.mode,
        {
          savesPerSecond: run.report.savesPerSecond,
          save: run.report.latency.save,
          submit: run.report.latency.submit,
          revalidate: run.report.latency.revalidate,
          errors: run.report.errors,
          errorKinds: run.report.errorKinds,
          serverCpuShare: Math.round((run.report.server.save.cpuMs / run.report.server.save.wallMs) * 100) / 100,
          cpuPerSaveMs: Math.round(cpuPerSave(run) * 100) / 100,
          cpuPerArrivalMs: Math.round(cpuPerArrival(run) * 100) / 100,
          cpuPerSubmitMs: Math.round(cpuPerSubmit(run) * 100) / 100,
          open: run.report.latency.open,
          serverLoopDelayP99Ms: Math.round(run.report.server.save.loopDelayP99Ms),
          listenOverflows: run.listenOverflows,
          retriedOnClosedConnection: run.report.retriedOnClosedConnection,
          verification: run.verification,
        },
      ]),
    ),
    floor: Object.fromEntries(
      floors.map((run) => [
        run.mode,
        {
          savesPerSecond: run.report.savesPerSecond,
          save: run.report.latency.save,
          submit: run.report.latency.submit,
          open: run.report.latency.open,
          errors: run.report.errors,
          cpuPerSaveMs: Math.round(cpuPerSave(run) * 1000) / 1000,
          cpuPerArrivalMs: Math.round(cpuPerArrival(run) * 1000) / 1000,
          cpuPerSubmitMs: Math.round(cpuPerSubmit(run) * 1000) / 1000,
        },
      ]),
    ),
    ratio: ratios,
  };
  console.log(JSON.stringify(summary));
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
