/**
 * Loaded before server.ts by the contest benchmark (`node --import tsx --import
 * ./scripts/bench/contest-server-probe.ts server.ts`): the production server itself, unchanged,
 * plus its CPU time, memory and event-loop delay per phase on a side port of its own
 * (`GET /bench/stats` on BENCH_STATS_PORT, scripts/bench/server-stats.ts), so that the app's own
 * routes and middleware are not touched for the benchmark's sake.
 */
import { createServer } from "node:http";
import { serverStats } from "./server-stats";

const port = Number(process.env.BENCH_STATS_PORT);
if (port > 0) {
  const stats = serverStats();
  const side = createServer((request, response) => {
    if (!stats(request, response)) response.writeHead(404).end();
  });
  side.listen(port, "127.0.0.1");
  side.unref();
}
