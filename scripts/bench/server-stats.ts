import { writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Session } from "node:inspector";
import { monitorEventLoopDelay } from "node:perf_hooks";
import v8 from "node:v8";

/**
 * What a benchmark server reports about itself, per phase of the benchmark: `GET /bench/stats`
 * returns the CPU time, memory and event-loop delay since the previous call and starts a new
 * phase. `?gc=1` collects garbage first (servers run with --expose-gc) so that memory after a
 * phase is what is still held, not what is waiting for the collector. `?heap=<file>` writes a
 * heap snapshot (profiling runs only: it stops the server for seconds).
 */
export type ServerPhaseStats = {
  cpuMs: number;
  wallMs: number;
  rssMb: number;
  /** The highest RSS sampled (every 50 ms) during the phase. */
  rssMaxMb: number;
  heapUsedMb: number;
  loopDelayP50Ms: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
};

const MB = 1024 * 1024;

let inspector: Session | null = null;
let sampling = false;
let profiling = false;

function session(): Session {
  if (!inspector) {
    inspector = new Session();
    inspector.connect();
  }
  return inspector;
}

/** Writes the allocations sampled since the last call (if any) to `file`, and starts sampling again. */
function sampleAllocations(file: string): void {
  const debug = session();
  if (!sampling) debug.post("HeapProfiler.enable");
  else {
    debug.post("HeapProfiler.stopSampling", (error, result) => {
      if (!error) writeFileSync(file, JSON.stringify(result.profile));
    });
  }
  sampling = true;
  debug.post("HeapProfiler.startSampling", {
    samplingInterval: 64 * 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  } as object);
}

/** Writes the CPU profile since the last call (if any) to `file`, and starts a new one. */
function profileCpu(file: string): void {
  const debug = session();
  if (!profiling) debug.post("Profiler.enable");
  else {
    debug.post("Profiler.stop", (error, result) => {
      if (!error) writeFileSync(file, JSON.stringify(result.profile));
    });
  }
  profiling = true;
  debug.post("Profiler.start");
}

export function serverStats() {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let cpu = process.cpuUsage();
  let since = performance.now();
  let rssMax = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    rssMax = Math.max(rssMax, process.memoryUsage.rss());
  }, 50);
  sampler.unref();

  function phase(): ServerPhaseStats {
    const used = process.cpuUsage(cpu);
    const memory = process.memoryUsage();
    return {
      cpuMs: (used.user + used.system) / 1000,
      wallMs: performance.now() - since,
      rssMb: memory.rss / MB,
      rssMaxMb: Math.max(rssMax, memory.rss) / MB,
      heapUsedMb: memory.heapUsed / MB,
      loopDelayP50Ms: loop.count > 0 ? loop.percentile(50) / 1e6 : 0,
      loopDelayP99Ms: loop.count > 0 ? loop.percentile(99) / 1e6 : 0,
      loopDelayMaxMs: loop.count > 0 ? loop.max / 1e6 : 0,
    };
  }

  function nextPhase(): void {
    loop.reset();
    cpu = process.cpuUsage();
    since = performance.now();
    rssMax = process.memoryUsage.rss();
  }

  /** Answers /bench/stats; false for any other request. */
  return function handle(request: IncomingMessage, response: ServerResponse): boolean {
    const url = new URL(request.url ?? "/", "http://bench");
    if (url.pathname !== "/bench/stats") return false;
    const stats: ServerPhaseStats & { afterGc?: { rssMb: number; heapUsedMb: number } } = phase();
    const collect = (globalThis as { gc?: () => void }).gc;
    if (url.searchParams.get("gc") === "1" && collect) {
      collect();
      collect();
      const memory = process.memoryUsage();
      stats.afterGc = { rssMb: memory.rss / MB, heapUsedMb: memory.heapUsed / MB };
    }
    const heap = url.searchParams.get("heap");
    if (heap) v8.writeHeapSnapshot(heap);
    // ?allocations=<file>: every allocation since the last such request, garbage included, sampled
    // (profiling runs only: a .heapprofile that scripts/bench/profile-summary.ts reads).
    const allocations = url.searchParams.get("allocations");
    if (allocations) sampleAllocations(allocations);
    // ?cpu=<file>: a CPU profile of the phase that ends now (a .cpuprofile).
    const cpu = url.searchParams.get("cpu");
    if (cpu) profileCpu(cpu);
    // The next phase starts once the delay this request caused (a collection, a snapshot) has been
    // recorded by the loop-delay monitor, whose timer runs late after it.
    setTimeout(() => {
      setTimeout(() => {
        nextPhase();
        response.setHeader("Content-Type", "application/json");
        response.end(JSON.stringify(stats));
      }, 20);
    }, 20);
    return true;
  };
}
