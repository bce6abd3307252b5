// How long the event loop is held while files are exported, against the floor of the same run (the
// event loop with no export), on the database in DATABASE_URL (make a synthetic year first: see
// docs/decisions/042). Every file is asked of its route's loader, as a browser would ask it, by an
// organizer with a real session. The last line is one JSON object.
//
//   npm run bench:exports                 (run it alone: the machine's cores are shared)
//
// What is measured (docs/decisions/043), with perf_hooks.monitorEventLoopDelay (2 ms resolution):
// - a reference task (sorting a million numbers), so runs on a busy machine can be compared by ratio;
// - boot: the server's start (entry.server's warmUp: the facts, then the file worker) with a DOCX
//   asked at once, as by an organizer who opens the report while the server starts; then the parts
//   of it: the worker's load, the first and second file made in it, the report's model with the
//   facts loaded;
// - the floor: the event loop's delay for a few seconds with nothing asked;
// - each export alone, a few times: its time and the event loop's longest delay meanwhile (the
//   median of the runs, and the worst);
// - all the exports asked at once, over and over for a while (each again 0.1 s after its answer):
//   the event loop's delay (max, p99), and how many were refused as busy; then the same without
//   the round's results.
import "dotenv/config";
import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { warmUp } from "../app/entry.server";
import { loader as bankXlsx } from "../app/routes/bank.export[.]xlsx";
import { loader as statsExport } from "../app/routes/organizer.stats.export";
import { loader as reportDocx } from "../app/routes/organizer.stats.report[.]docx";
import { loader as reportXlsx } from "../app/routes/organizer.stats.report[.]xlsx";
import { loader as roundExport } from "../app/routes/rounds.$roundId.export";
import { startReportWorker, stopReportWorker } from "../app/stats/report-files.server";
import { stopWatchingRoundClosings } from "../app/stats/warm-up.server";
import { yearlyReportModel } from "../app/stats/yearly-report.server";
import { prisma } from "../app/utils/db.server";
import { createSession, hashSessionId, readSessionId } from "../app/utils/session.server";

const FLOOR_MS = 5_000;
const ALONE_REPEATS = 5;
const TOGETHER_MS = 20_000;
const round1 = (value: number) => Math.round(value * 10) / 10;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const line = (name: string, figures: Record<string, number | string>) =>
  console.log(`${name.padEnd(30)} ${Object.entries(figures).map(([key, value]) => `${key} ${String(value).padStart(8)}`).join("   ")}`);

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: round1(performance.now() - start), value };
}

// One monitor runs from the start. It only sees a stall once its timer has fired twice after being
// enabled or reset (Node 20 records nothing for a 700 ms block begun right after reset()), so each
// phase resets it and lets it tick before starting.
const histogram = monitorEventLoopDelay({ resolution: 2 });
histogram.enable();
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The event loop's delay while `run` runs: max and p99 in ms. */
async function loopDelay<T>(run: () => Promise<T>): Promise<{ maxMs: number; p99Ms: number; value: T }> {
  histogram.reset();
  await settle(10);
  const value = await run();
  // A stall is recorded when the monitor's timer fires after it: let it fire before reading.
  await settle(10);
  return { maxMs: round1(histogram.max / 1e6), p99Ms: round1(histogram.percentile(99) / 1e6), value };
}

// The reference task: how fast this machine is right now.
const sortSamples: number[] = [];
for (let index = 0; index < 5; index++) {
  const numbers = Float64Array.from({ length: 1_000_000 }, (_, n) => Math.sin(n) * 1e6);
  const start = performance.now();
  numbers.sort();
  sortSamples.push(performance.now() - start);
}
const machine = { referenceSortMs: round1(median(sortSamples)), loadAverage: os.loadavg().map(round1), cores: os.cpus().length };
line("machine", { "sort ms": machine.referenceSortMs, "load 1m": machine.loadAverage[0] });

const organizer = await prisma.user.findFirst({ where: { role: "organizer" }, select: { id: true } });
if (!organizer) throw new Error("No organizer: run npm run db:seed first.");
const cookie = (await createSession(organizer.id)).split(";")[0];
const largest = await prisma.attempt.groupBy({ by: ["roundId"], _count: { _all: true }, orderBy: { _count: { roundId: "desc" } }, take: 1 });
const roundId = largest[0]?.roundId;
if (!roundId) throw new Error("No attempts: make the synthetic year first.");
const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();

type Loader = (args: LoaderFunctionArgs) => Promise<Response>;
const ask = (loader: Loader, url: string, params: Record<string, string> = {}) => async () => {
  const response = await loader({ request: new Request(`http://localhost${url}`, { headers: { Cookie: cookie } }), params, context: {} });
  return { status: response.status, bytes: (await response.arrayBuffer()).byteLength };
};
const exports: Record<string, () => Promise<{ status: number; bytes: number }>> = {
  "report.docx": ask(reportDocx, `/organizer/stats/report.docx?year=${year}`),
  "report.xlsx": ask(reportXlsx, `/organizer/stats/report.xlsx?year=${year}`),
  "stats.xlsx:bySchool": ask(statsExport, `/organizer/stats/export?year=${year}&table=bySchool&format=xlsx`),
  "stats.xlsx:byDay": ask(statsExport, `/organizer/stats/export?year=${year}&table=byDay&format=xlsx`),
  "stats.csv:bySchool": ask(statsExport, `/organizer/stats/export?year=${year}&table=bySchool&format=csv`),
  "bank.xlsx": ask(bankXlsx, "/bank/export.xlsx"),
  "round.xlsx": ask(roundExport, `/rounds/${roundId}/export?format=xlsx`, { roundId }),
  "round.csv": ask(roundExport, `/rounds/${roundId}/export?format=csv`, { roundId }),
};

// Boot: as the server starts, an organizer asks for the report at once.
let warming: unknown;
const boot = await loopDelay(() =>
  timed(async () => {
    warming = warmUp();
    return exports["report.docx"]();
  }),
);
line("boot: DOCX asked at start", { ms: boot.value.ms, status: boot.value.value.status, "loop max ms": boot.maxMs });
// Let the warm-up finish (it ends with the worker's start; before decision 043's "Changed" warmUp
// returned nothing, and took well under 20 s more), then time the parts.
if (warming instanceof Promise) await warming;
else await settle(20_000);
await startReportWorker();
stopReportWorker();
const workerLoad = await timed(() => startReportWorker());
const firstFile = await timed(exports["report.docx"]);
const secondFile = await timed(exports["report.docx"]);
const modelWarm = await loopDelay(() => timed(() => yearlyReportModel(prisma, { year })));
const cold = {
  docxAskedAtBootMs: boot.value.ms,
  bootLoopMaxMs: boot.maxMs,
  workerLoadMs: workerLoad.ms,
  firstDocxInNewWorkerMs: firstFile.ms,
  secondDocxMs: secondFile.ms,
  modelMs: modelWarm.value.ms,
  modelLoopMaxMs: modelWarm.maxMs,
};
line("boot: worker load", { ms: workerLoad.ms });
line("boot: DOCX in the new worker", { "first ms": firstFile.ms, "second ms": secondFile.ms });
line("report model", { ms: modelWarm.value.ms, "loop max ms": modelWarm.maxMs });

// The floor: nothing asked.
const floor = await loopDelay(() => new Promise((resolve) => setTimeout(resolve, FLOOR_MS)));
line("floor (nothing asked)", { "loop max ms": floor.maxMs, "loop p99 ms": floor.p99Ms });

// Each export alone.
const alone: Record<string, { ms: number; bytes: number; loopMaxMs: number; loopWorstMs: number; loopP99Ms: number }> = {};
for (const [name, run] of Object.entries(exports)) {
  const samples: { ms: number; bytes: number; loopMaxMs: number; loopP99Ms: number }[] = [];
  for (let index = 0; index < ALONE_REPEATS; index++) {
    const measured = await loopDelay(() => timed(run));
    if (measured.value.value.status !== 200) throw new Error(`${name} answered ${measured.value.value.status}`);
    samples.push({ ms: measured.value.ms, bytes: measured.value.value.bytes, loopMaxMs: measured.maxMs, loopP99Ms: measured.p99Ms });
  }
  alone[name] = {
    ms: median(samples.map((sample) => sample.ms)),
    bytes: samples[0].bytes,
    loopMaxMs: median(samples.map((sample) => sample.loopMaxMs)),
    loopWorstMs: Math.max(...samples.map((sample) => sample.loopMaxMs)),
    loopP99Ms: median(samples.map((sample) => sample.loopP99Ms)),
  };
  line(name, { ms: alone[name].ms, KB: Math.round(alone[name].bytes / 1024), "loop max ms": alone[name].loopMaxMs, worst: alone[name].loopWorstMs });
}

// All at once, over and over: one organizer's tab per export, each asking again 0.1 s after its
// answer. Then the same without the round's results, whose rows (app/contests/results.server.ts,
// read and ranked on this thread before any file is made) hold the loop longest.
async function together(names: string[]) {
  const statuses: Record<string, number> = {};
  const measured = await loopDelay(async () => {
    const until = performance.now() + TOGETHER_MS;
    await Promise.all(
      names.map(async (name) => {
        while (performance.now() < until) {
          // Each request arrives as its own event, as from the network: a loop of requests that
          // resolve by promises alone would never let the event loop turn.
          await settle(100);
          const { status } = await exports[name]();
          statuses[status] = (statuses[status] ?? 0) + 1;
          // A refused file is asked again a little later, as Retry-After asks (shortened here).
          if (status === 503) await settle(500);
        }
      }),
    );
  });
  return {
    loopMaxMs: measured.maxMs,
    loopP99Ms: measured.p99Ms,
    statuses,
    maxOverFloor: round1(measured.maxMs / Math.max(floor.maxMs, 1)),
    p99OverFloor: round1(measured.p99Ms / Math.max(floor.p99Ms, 1)),
  };
}
const concurrent = await together(Object.keys(exports));
line("all at once", { "loop max ms": concurrent.loopMaxMs, "loop p99 ms": concurrent.loopP99Ms, "x floor max": concurrent.maxOverFloor, answers: JSON.stringify(concurrent.statuses) });
const withoutRounds = await together(Object.keys(exports).filter((name) => !name.startsWith("round.")));
line("all at once, no round results", {
  "loop max ms": withoutRounds.loopMaxMs,
  "loop p99 ms": withoutRounds.loopP99Ms,
  "x floor max": withoutRounds.maxOverFloor,
  answers: JSON.stringify(withoutRounds.statuses),
});

stopReportWorker();
stopWatchingRoundClosings();
await prisma.session.delete({ where: { id: hashSessionId((await readSessionId(cookie))!) } });
await prisma.$disconnect();
console.log(JSON.stringify({ machine, cold, floor: { loopMaxMs: floor.maxMs, loopP99Ms: floor.p99Ms }, alone, concurrent, withoutRounds }));
process.exit(0);
