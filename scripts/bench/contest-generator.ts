/**
 * The load generator of `npm run bench:contest`, in a process of its own: N signed-in participants
 * take one round at once over HTTP, each on its own keep-alive connection (as N phones would), with
 * the requests the round's pages make (app/routes/rounds.$roundId._index.tsx and
 * rounds.$roundId.attempt.$attemptId.tsx):
 *
 *  1. open (arrivals spread evenly over --ramp MS): the round page (document), its start button (a form post answered by a redirect to the
 *     attempt), the attempt's first question (the `.data` request the browser makes after it);
 *  2. save: one answer per question, as the autosave fetcher posts it (`.data`, fields index, total,
 *     choice); the page skips Remix's reload after an accepted autosave (app/contests/autosave.ts),
 *     --revalidate adds it back as it was before (a GET of the page's data after every save); paced (spacingMs > 0), participant p sends answer i at
 *     start + offset_p + i × spacing, offsets spread evenly over one spacing, so that the offered
 *     load is a steady N / spacing saves per second; fast (spacingMs = 0), each participant sends
 *     the next answer as soon as the previous one (and its revalidation) came back;
 *  3. submit: the submit button with its confirmation (intent=submit, confirmed=yes, the last
 *     answer again), then the round page's data the browser lands on.
 *
 * Every post carries the page's Origin, as a browser's does (app/http/same-origin.server.ts). The
 * phases are separated by barriers so that each one's server CPU, memory and event-loop delay
 * (read from the server's probe, scripts/bench/contest-server-probe.ts) belong to it alone.
 * Prints one JSON report on stdout.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { ServerPhaseStats } from "./server-stats";

export type ContestGeneratorConfig = {
  port: number;
  statsPort: number;
  roundId: string;
  questionCount: number;
  participants: { userId: string; cookie: string }[];
  /** The time between one participant's answers; 0 answers as fast as the server replies. */
  spacingMs: number;
  revalidate: boolean;
  /** Participants arrive at the round page spread evenly over this many milliseconds. */
  rampMs: number;
  /** A CPU profile of each phase of the server, written to this folder (profile-summary.ts reads them). */
  phaseProfilesDir: string | null;
  label: string;
};

export type Latencies = { n: number; p50: number; p95: number; p99: number; max: number };
type Phase = "open" | "save" | "submit";

export type ContestGeneratorReport = {
  participants: number;
  started: number;
  saves: number;
  savesOk: number;
  submitsOk: number;
  errors: number;
  errorKinds: Record<string, number>;
  retriedOnClosedConnection: number;
  latency: { open: Latencies; start: Latencies; firstQuestion: Latencies; save: Latencies; revalidate: Latencies; submit: Latencies; afterSubmit: Latencies };
  savePhaseSeconds: number;
  savesPerSecond: number;
  server: Record<Phase, ServerPhaseStats>;
  generator: { cpuShareOfOneCore: number; loopDelayP99Ms: number };
  acked: Record<string, { attemptId: string; choices: Record<number, number>; submitted: boolean }>;
};

const config = JSON.parse(readFileSync(process.argv[2], "utf8")) as ContestGeneratorConfig;
const origin = `http://127.0.0.1:${config.port}`;
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 100_000 });

type Reply = { status: number; location: string | undefined; body: string };

/** Requests sent again because a kept-alive connection was closed under them (browsers do the same). */
let retriedOnClosedConnection = 0;

/**
 * One request; when it fails with ECONNRESET on a reused keep-alive connection (the server closed
 * it as idle just as the request went out: the server never saw it), it is sent once more on a
 * fresh one, as Node's documentation advises and browsers do.
 */
async function request(method: "GET" | "POST", path: string, cookie: string, form?: Record<string, string>): Promise<Reply> {
  try {
    return await requestOnce(method, path, cookie, form);
  } catch (error) {
    if (!(error instanceof Error && (error as NodeJS.ErrnoException).code === "ECONNRESET" && (error as { reusedSocket?: boolean }).reusedSocket)) throw error;
    retriedOnClosedConnection += 1;
    return requestOnce(method, path, cookie, form);
  }
}

function requestOnce(method: "GET" | "POST", path: string, cookie: string, form?: Record<string, string>): Promise<Reply> {
  const body = form ? new URLSearchParams(form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: "127.0.0.1",
        port: config.port,
        method,
        path,
        headers: {
          Cookie: cookie,
          "Accept-Language": "vi",
          ...(body !== undefined
            ? { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body), Origin: origin, "Sec-Fetch-Site": "same-origin" }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
    req.end(body);
  });
}

const samples: Record<keyof ContestGeneratorReport["latency"], number[]> = {
  open: [],
  start: [],
  firstQuestion: [],
  save: [],
  revalidate: [],
  submit: [],
  afterSubmit: [],
};
const errorKinds: Record<string, number> = {};
const fail = (kind: string) => (errorKinds[kind] = (errorKinds[kind] ?? 0) + 1);

/** Times one request; a status other than `expected` (or a network error) counts as an error of `kind`. */
async function timed(kind: keyof typeof samples, expected: number[], send: () => Promise<Reply>): Promise<Reply | null> {
  const started = performance.now();
  try {
    const reply = await send();
    samples[kind].push(performance.now() - started);
    if (!expected.includes(reply.status)) {
      fail(`${kind}: HTTP ${reply.status}`);
      return null;
    }
    return reply;
  } catch (error) {
    fail(`${kind}: ${error instanceof Error ? (error as NodeJS.ErrnoException).code ?? error.message : String(error)}`);
    return null;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (low: number, high: number) => low + Math.random() * (high - low);

/** The server's figures of the phase that ends now (and, when profiling, its CPU profile). */
async function serverPhase(ending: string): Promise<ServerPhaseStats> {
  const profile = config.phaseProfilesDir ? `?cpu=${encodeURIComponent(`${config.phaseProfilesDir}/${config.label}-${ending}.cpuprofile`)}` : "";
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port: config.statsPort, path: `/bench/stats${profile}` }, (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve(JSON.parse(text) as ServerPhaseStats));
      })
      .on("error", reject);
  });
}

type Participant = { userId: string; cookie: string; attemptId: string | null; choices: Record<number, number>; submitted: boolean };

async function open(participant: Participant, position: number): Promise<void> {
  await sleep((position / config.participants.length) * config.rampMs);
  const page = `/rounds/${config.roundId}`;
  if (!(await timed("open", [200], () => request("GET", page, participant.cookie)))) return;
  // The start button is a plain form post (no `.data`): the action answers with a redirect.
  const started = await timed("start", [302], () => request("POST", `${page}?index`, participant.cookie, {}));
  const attemptId = started?.location ? /\/attempt\/([^/?]+)/.exec(started.location)?.[1] : undefined;
  if (!attemptId) {
    if (started) fail("start: no attempt in the redirect");
    return;
  }
  participant.attemptId = attemptId;
  await timed("firstQuestion", [200], () => request("GET", `${page}/attempt/${attemptId}.data`, participant.cookie));
}

let saves = 0;
let savesOk = 0;

/** When each save came back (ms since the phase began): the steady rate is read from them. */
const saveDoneAt: number[] = [];

async function answerAll(participant: Participant, position: number, phaseStart: number): Promise<void> {
  if (!participant.attemptId) return;
  const base = `/rounds/${config.roundId}/attempt/${participant.attemptId}`;
  const offset = (position / config.participants.length) * config.spacingMs;
  for (let index = 0; index < config.questionCount; index += 1) {
    // A save that came back late is sent at once: the schedule is not made up for by bursts.
    if (config.spacingMs > 0) await sleep(phaseStart + offset + index * config.spacingMs - performance.now());
    // Every question has at least two options; which is right is the server's secret until the close.
    const choice = Math.random() < 0.5 ? 0 : 1;
    const url = `${base}.data?q=${index + 1}`;
    saves += 1;
    const saved = await timed("save", [200], () =>
      request("POST", url, participant.cookie, { index: String(index), total: String(config.questionCount), choice: String(choice) }),
    );
    if (!saved) continue;
    // The action answers 200 with { problem } in the body; a refusal would carry a message key.
    if (saved.body.includes("attempt.refused")) {
      fail("save: refused");
      continue;
    }
    savesOk += 1;
    saveDoneAt.push(performance.now() - phaseStart);
    participant.choices[index] = choice;
    if (config.revalidate) await timed("revalidate", [200], () => request("GET", url, participant.cookie));
  }
}

let submitsOk = 0;

async function submit(participant: Participant): Promise<void> {
  if (!participant.attemptId) return;
  if (config.spacingMs > 0) await sleep(between(0, config.spacingMs));
  const last = config.questionCount - 1;
  const choice = participant.choices[last] ?? 0;
  const page = `/rounds/${config.roundId}`;
  const sent = await timed("submit", [202, 204, 302], () =>
    request("POST", `${page}/attempt/${participant.attemptId}.data?q=${last + 1}`, participant.cookie, {
      index: String(last),
      total: String(config.questionCount),
      choice: String(choice),
      intent: "submit",
      confirmed: "yes",
    }),
  );
  if (!sent) return;
  // Single fetch answers a redirect with 202 and the target in the body.
  if (!sent.body.includes(`${page}`) && !(sent.location ?? "").includes(page)) {
    fail("submit: no redirect to the round page");
    return;
  }
  submitsOk += 1;
  participant.submitted = true;
  participant.choices[last] = choice;
  if (config.revalidate) await timed("afterSubmit", [200], () => request("GET", `${page}.data`, participant.cookie));
}

function latencies(values: number[]): Latencies {
  if (values.length === 0) return { n: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN };
  const sorted = Float64Array.from(values).sort();
  const at = (share: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] * 10) / 10;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: Math.round(sorted[sorted.length - 1] * 10) / 10 };
}

async function main() {
  const participants: Participant[] = config.participants.map((person) => ({ ...person, attemptId: null, choices: {}, submitted: false }));
  const loop = monitorEventLoopDelay({ resolution: 5 });
  await serverPhase("before");
  loop.enable();
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();

  await Promise.all(participants.map((participant, position) => open(participant, position)));
  const openStats = await serverPhase("open");

  const saveStarted = performance.now();
  await Promise.all(participants.map((participant, position) => answerAll(participant, position, saveStarted)));
  const savePhaseSeconds = (performance.now() - saveStarted) / 1000;
  // Paced: the saves that came back while every participant was answering (from the end of the
  // first spacing to the last scheduled send), per second. Fast: all saves over the whole phase.
  const steadyFrom = config.spacingMs;
  const steadyTo = (config.questionCount - 1) * config.spacingMs;
  const savesPerSecond =
    config.spacingMs > 0 && config.questionCount > 2
      ? saveDoneAt.filter((at) => at >= steadyFrom && at < steadyTo).length / ((steadyTo - steadyFrom) / 1000)
      : savesOk / savePhaseSeconds;
  const saveStats = await serverPhase("save");

  await Promise.all(participants.map(submit));
  const submitStats = await serverPhase("submit");

  const cpu = process.cpuUsage(cpuBefore);
  const report: ContestGeneratorReport = {
    participants: participants.length,
    started: participants.filter((participant) => participant.attemptId).length,
    saves,
    savesOk,
    submitsOk,
    errors: Object.values(errorKinds).reduce((sum, count) => sum + count, 0),
    errorKinds,
    retriedOnClosedConnection,
    latency: Object.fromEntries(Object.entries(samples).map(([kind, values]) => [kind, latencies(values)])) as ContestGeneratorReport["latency"],
    savePhaseSeconds: Math.round(savePhaseSeconds * 100) / 100,
    savesPerSecond: Math.round(savesPerSecond),
    server: { open: openStats, save: saveStats, submit: submitStats },
    generator: {
      cpuShareOfOneCore: Math.round(((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 100) / 100,
      loopDelayP99Ms: Math.round((loop.percentile(99) / 1e6) * 10) / 10,
    },
    acked: Object.fromEntries(participants.map((participant) => [participant.userId, { attemptId: participant.attemptId ?? "", choices: participant.choices, submitted: participant.submitted }])),
  };
  agent.destroy();
  console.log(JSON.stringify(report));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
