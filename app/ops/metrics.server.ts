import { monitorEventLoopDelay, performance, type EventLoopUtilization } from "node:perf_hooks";
import client from "prom-client";

// The figures an operator watches on a broadcast day (docs/operations.md), in the Prometheus text
// format from the maintained client. One registry per process; what is cheaper to read at scrape
// time than to keep up to date (sockets, games) is read through sources set once by server.ts.

export type GameFigures = { gameId: string; phase: string; paused: boolean; players: number; connectedPlayers: number };

export type MetricsSources = {
  connectedSockets?: () => number;
  liveGames?: () => Promise<GameFigures[]>;
};

const PREFIX = "sanchoi_";
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5];

function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });

  const holder: { sources: MetricsSources } = { sources: {} };

  new client.Gauge({
    name: `${PREFIX}socket_connections`,
    help: "Socket.IO connections open on this process",
    registers: [registry],
    collect() {
      this.set(holder.sources.connectedSockets?.() ?? 0);
    },
  });

  const liveGamesGauge = new client.Gauge({
    name: `${PREFIX}live_games`,
    help: "Live games loaded in this process",
    registers: [registry],
  });

  const livePlayersGauge = new client.Gauge({
    name: `${PREFIX}live_players`,
    help: "Players of each live game in this process, by connection state",
    labelNames: ["game", "state"] as const,
    registers: [registry],
  });


  const answersStored = new client.Counter({
    name: `${PREFIX}live_answers_total`,
    help: "Live answers stored and acknowledged (rate() gives answers per second)",
    registers: [registry],
  });

  const ackLatency = new client.Histogram({
    name: `${PREFIX}live_ack_seconds`,
    help: "From an answer's arrival to its acknowledgement (after it is stored)",
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });

  const fanoutDuration = new client.Histogram({
    name: `${PREFIX}live_fanout_seconds`,
    help: "Time to hand one game's snapshot to every connected player",
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });

  const commitBatchSize = new client.Histogram({
    name: `${PREFIX}live_commit_batch_size`,
    help: "Answers per group commit",
    buckets: [1, 5, 10, 25, 50, 100, 200, 500],
    registers: [registry],
  });

  const commitDuration = new client.Histogram({
    name: `${PREFIX}live_commit_seconds`,
    help: "Time one group commit of answers takes",
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });

  const httpDuration = new client.Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: "HTTP request durations by route pattern, method and status class",
    labelNames: ["route", "method", "status"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });

  const signInFailures = new client.Counter({
    name: `${PREFIX}sign_in_failures_total`,
    help: "Refused sign-ins (wrong password, unknown account, throttled)",
    registers: [registry],
  });

  const throttledRequests = new client.Counter({
    name: `${PREFIX}throttled_requests_total`,
    help: "Requests refused by a rate limit, by limiter",
    labelNames: ["limiter"] as const,
    registers: [registry],
  });

  // Event-loop delay over the last scrape interval, and utilisation since the last scrape: the two
  // figures that tell whether one busy request is stalling every live game.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  let lastUtilisation: EventLoopUtilization = performance.eventLoopUtilization();

  new client.Gauge({
    name: `${PREFIX}event_loop_delay_p99_seconds`,
    help: "99th percentile of event-loop delay since the last scrape",
    registers: [registry],
    collect() {
      this.set(loopDelay.count > 0 ? loopDelay.percentile(99) / 1e9 : 0);
      loopDelay.reset();
    },
  });

  new client.Gauge({
    name: `${PREFIX}event_loop_utilisation`,
    help: "Share of time the event loop was busy since the last scrape (0–1)",
    registers: [registry],
    collect() {
      const now = performance.eventLoopUtilization();
      this.set(performance.eventLoopUtilization(now, lastUtilisation).utilization);
      lastUtilisation = now;
    },
  });

  return {
    registry,
    holder,
    liveGamesGauge,
    livePlayersGauge,
    answersStored,
    ackLatency,
    fanoutDuration,
    commitBatchSize,
    commitDuration,
    httpDuration,
    signInFailures,
    throttledRequests,
    loopDelay,
  };
}

// server.ts (run by tsx) and the Remix server build each load their own copy of this module: the
// metrics live on globalThis so that both count into, and read from, the same figures.
const shared = globalThis as typeof globalThis & { __sanChoiMetrics?: ReturnType<typeof createMetrics> };
const metrics = (shared.__sanChoiMetrics ??= createMetrics());

export const {
  registry,
  answersStored,
  ackLatency,
  fanoutDuration,
  commitBatchSize,
  commitDuration,
  httpDuration,
  signInFailures,
  throttledRequests,
} = metrics;
const { liveGamesGauge, livePlayersGauge, loopDelay } = metrics;

/** server.ts tells the metrics where the live figures are read from. */
export function setMetricsSources(next: MetricsSources): void {
  metrics.holder.sources = next;
}

/** The whole text exposition, with the live games read fresh. */
export async function metricsText(): Promise<string> {
  await refreshGames();
  return registry.metrics();
}

export const metricsContentType = registry.contentType;

async function refreshGames(): Promise<GameFigures[]> {
  const games = (await metrics.holder.sources.liveGames?.()) ?? [];
  liveGamesGauge.set(games.length);
  livePlayersGauge.reset();
  for (const game of games) {
    livePlayersGauge.set({ game: game.gameId, state: "connected" }, game.connectedPlayers);
    livePlayersGauge.set({ game: game.gameId, state: "away" }, game.players - game.connectedPlayers);
  }
  return games;
}

/** What the operator page shows: the same figures as /metrics, as data. */
export async function operatorFigures() {
  const games = await refreshGames();
  const memory = process.memoryUsage();
  const ack = await ackLatency.get();
  const fanout = await fanoutDuration.get();
  return {
    connectedSockets: metrics.holder.sources.connectedSockets?.() ?? 0,
    games,
    answersStored: (await answersStored.get()).values[0]?.value ?? 0,
    ackP99Ms: histogramQuantileMs(ack.values, 0.99),
    fanoutP99Ms: histogramQuantileMs(fanout.values, 0.99),
    eventLoopDelayP99Ms: loopDelay.count > 0 ? Math.round(loopDelay.percentile(99) / 1e6) : 0,
    eventLoopDelayMaxMs: loopDelay.count > 0 ? Math.round(loopDelay.max / 1e6) : 0,
    rssMb: Math.round(memory.rss / 1_048_576),
    heapUsedMb: Math.round(memory.heapUsed / 1_048_576),
    uptimeSeconds: Math.round(process.uptime()),
  };
}

type HistogramValue = { value: number; labels: Partial<Record<string, string | number>>; metricName?: string };

/** The upper bound of the bucket holding the quantile: what Prometheus' histogram_quantile approximates. */
export function histogramQuantileMs(values: HistogramValue[], quantile: number): number | null {
  const buckets = values
    .filter((value) => value.metricName?.endsWith("_bucket") && value.labels.le !== undefined)
    .map((value) => ({ le: value.labels.le === "+Inf" ? Number.POSITIVE_INFINITY : Number(value.labels.le), count: value.value }))
    .sort((a, b) => a.le - b.le);
  const total = buckets.at(-1)?.count ?? 0;
  if (total === 0) return null;
  const bucket = buckets.find((candidate) => candidate.count >= quantile * total);
  if (!bucket || !Number.isFinite(bucket.le)) return null;
  return Math.round(bucket.le * 1000);
}

/** "/play/123456" → "/play/:id": route patterns keep the label set small whatever the URLs. */
export function routePattern(pathname: string): string {
  const segments = pathname.split("/").filter(Boolean).slice(0, 4);
  const pattern = segments.map((segment) => (/^(\d+|c[a-z0-9]{20,}|[A-Za-z0-9_-]{16,}|[A-Z0-9]{5,8})$/.test(segment) ? ":id" : segment));
  if (pattern[0] === "assets") return "/assets/*";
  return `/${pattern.join("/")}`;
}
