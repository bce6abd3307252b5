import { describe, expect, it } from "vitest";
import { MAX_CONCURRENT_PARSES, parseInWorker } from "./parse-in-worker.server";

// The real worker thread, loading the real TypeScript module through tsx, as in the server.

const task = (exportName: string) => ({ module: "app/utils/__fixtures__/parse-tasks.ts", exportName });
const budget = { timeoutMs: 1500, maxHeapMb: 48 };

describe("parseInWorker", () => {
  it("returns what the task returns", async () => {
    expect(await parseInWorker(task("echo"), { text: "héllo" }, budget)).toEqual({ ok: true, value: { length: 5 } });
  });

  it("stops a task that never ends at its time budget, and this thread keeps running meanwhile", async () => {
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 50);
    const started = performance.now();
    const outcome = await parseInWorker(task("spin"), {}, budget);
    clearInterval(ticker);
    expect(outcome).toEqual({ ok: false, failure: "timeout" });
    // Budget after loading, plus the load itself: well under the load timeout.
    expect(performance.now() - started).toBeLessThan(budget.timeoutMs + 15_000);
    // The event loop here was free the whole time: ~30 ticks in 1.5 s.
    expect(ticks).toBeGreaterThan(15);
  });

  it("stops a task that eats memory at its heap budget, without this heap growing", async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const outcome = await parseInWorker(task("hog"), {}, { timeoutMs: 20_000, maxHeapMb: 48 });
    expect(outcome).toEqual({ ok: false, failure: "memory" });
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(20 * 1024 * 1024);
  });

  it("turns an exception into a failure, and refuses more than the allowed parses at once", async () => {
    expect(await parseInWorker(task("fail"), {}, budget)).toEqual({ ok: false, failure: "failed" });
    const running = Array.from({ length: MAX_CONCURRENT_PARSES }, () => parseInWorker(task("spin"), {}, { timeoutMs: 300, maxHeapMb: 48 }));
    expect(await parseInWorker(task("echo"), { text: "" }, budget)).toEqual({ ok: false, failure: "busy" });
    expect(await Promise.all(running)).toEqual(Array(MAX_CONCURRENT_PARSES).fill({ ok: false, failure: "timeout" }));
  });
});
