import { afterEach, describe, expect, it } from "vitest";
import { TaskWorker } from "./task-worker.server";

// The real worker thread, loading the real TypeScript module through tsx once, as in the server.

const task = (exportName: string) => ({ module: "app/utils/__fixtures__/parse-tasks.ts", exportName });
const workers: TaskWorker<unknown, unknown>[] = [];
function worker(exportName: string, timeoutMs = 1_500, maxWaiting = 3) {
  const made = new TaskWorker<unknown, unknown>(task(exportName), { timeoutMs, maxHeapMb: 48 }, maxWaiting);
  workers.push(made);
  return made;
}
afterEach(() => {
  for (const made of workers.splice(0)) made.stop();
});

describe("TaskWorker", () => {
  it("runs task after task in one worker that keeps its modules", async () => {
    const echo = worker("echo");
    expect(await echo.start()).toBe(true);
    // Once loaded, a task takes milliseconds, not the seconds of loading tsx and the module again.
    const started = performance.now();
    const outcomes = await Promise.all(["a", "bé", "cầu"].map((text) => echo.run({ text })));
    expect(outcomes).toEqual([1, 2, 3].map((length) => ({ ok: true, value: { length } })));
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("serves several tasks from one worker, each message naming its task", async () => {
    const both = new TaskWorker<unknown, unknown>([task("echo"), task("fail")], { timeoutMs: 1_500, maxHeapMb: 48 });
    workers.push(both);
    expect(await both.run({ text: "ab" })).toEqual({ ok: true, value: { length: 2 } });
    expect(await both.run({}, task("fail"))).toEqual({ ok: false, failure: "failed" });
    expect(await both.run({ text: "abc" }, task("echo"))).toEqual({ ok: true, value: { length: 3 } });
    expect(() => both.run({}, task("spin"))).toThrow(/not a task of this worker/);
  });

  it("ends a task at its time budget while this thread runs on, and starts a new worker for the next", async () => {
    const spin = worker("spin");
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 50);
    expect(await spin.run({})).toEqual({ ok: false, failure: "timeout" });
    clearInterval(ticker);
    expect(ticks).toBeGreaterThan(15);
    // The worker that ran away was ended; the next task gets a new one (and runs away again).
    expect(await spin.run({})).toEqual({ ok: false, failure: "timeout" });
    const failing = worker("fail");
    expect(await failing.run({})).toEqual({ ok: false, failure: "failed" });
    // An exception does not end the worker: the next task runs in it.
    expect(await failing.run({})).toEqual({ ok: false, failure: "failed" });
  });

  it("queues a few tasks and refuses more as busy", async () => {
    const spin = worker("spin", 300, 1);
    const first = spin.run({});
    const second = spin.run({});
    expect(await spin.run({})).toEqual({ ok: false, failure: "busy" });
    expect(await Promise.all([first, second])).toEqual([
      { ok: false, failure: "timeout" },
      { ok: false, failure: "timeout" },
    ]);
  });
});
