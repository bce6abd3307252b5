import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { projectRoot, type ParseBudget, type ParseOutcome, type ParseTask } from "./parse-in-worker.server";

// Work that is rare but long and all synchronous (making the yearly report's DOCX: half a second
// to a second of CPU) runs in a worker thread that keeps its modules loaded, so that the live games
// this one process serves do not stop meanwhile. Tasks run one at a time, in order; a task that
// runs out of time or memory ends the worker, and the next task starts a new one. One worker may
// serve several tasks (functions of several modules, all loaded when it starts).

const LOAD_TIMEOUT_MS = 60_000;

type Waiting<Input, Output> = { input: Input; task: number; resolve: (outcome: ParseOutcome<Output>) => void };

export class TaskWorker<Input, Output> {
  private worker: Worker | null = null;
  private ready: Promise<boolean> | null = null;
  private readonly queue: Waiting<Input, Output>[] = [];
  private running = false;
  private nextId = 0;
  private readonly tasks: readonly ParseTask[];

  constructor(
    tasks: ParseTask | readonly ParseTask[],
    private readonly budget: ParseBudget,
    /** Tasks waiting beyond the one running; more are refused as "busy". */
    private readonly maxWaiting = 3,
  ) {
    this.tasks = Array.isArray(tasks) ? tasks : [tasks as ParseTask];
  }

  /** Runs `task` (one of this worker's; the first if none is named) on `input`. */
  run(input: Input, task: ParseTask = this.tasks[0]): Promise<ParseOutcome<Output>> {
    const index = this.tasks.findIndex((candidate) => candidate.module === task.module && candidate.exportName === task.exportName);
    if (index < 0) throw new Error(`${task.module}#${task.exportName} is not a task of this worker`);
    if (this.queue.length + (this.running ? 1 : 0) > this.maxWaiting) return Promise.resolve({ ok: false, failure: "busy" });
    return new Promise((resolve) => {
      this.queue.push({ input, task: index, resolve });
      void this.next();
    });
  }

  /** Starts the worker ahead of the first task (its modules take a second or more to load). */
  start(): Promise<boolean> {
    if (this.ready) return this.ready;
    const root = projectRoot();
    const worker = new Worker(path.join(root, "app", "utils", "task-worker.mjs"), {
      workerData: {
        tasks: this.tasks.map((task) => ({ moduleUrl: pathToFileURL(path.join(root, task.module)).href, exportName: task.exportName })),
        tsconfig: path.join(root, "tsconfig.json"),
      },
      resourceLimits: { maxOldGenerationSizeMb: this.budget.maxHeapMb, maxYoungGenerationSizeMb: 32 },
      // Vitest and Vite start this process with loaders of their own; the worker needs none of them.
      execArgv: [],
      stdout: false,
      stderr: false,
    });
    // An idle worker does not keep the process alive.
    worker.unref();
    this.worker = worker;
    worker.once("exit", () => {
      if (this.worker === worker) this.stop();
    });
    this.ready = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), LOAD_TIMEOUT_MS);
      worker.once("message", (message: { type: string }) => {
        clearTimeout(timer);
        resolve(message.type === "ready");
      });
      worker.once("error", (error) => {
        clearTimeout(timer);
        console.error(`task worker (${this.tasks.map((task) => task.module).join(", ")}):`, error);
        resolve(false);
      });
    });
    return this.ready;
  }

  /** Ends the worker (tests, shutdown); a later task starts a new one. */
  stop(): void {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    if (worker) void worker.terminate();
  }

  private async next(): Promise<void> {
    if (this.running) return;
    const waiting = this.queue.shift();
    if (!waiting) return;
    this.running = true;
    try {
      waiting.resolve(await this.runOne(waiting.input, waiting.task));
    } finally {
      this.running = false;
      void this.next();
    }
  }

  private async runOne(input: Input, task: number): Promise<ParseOutcome<Output>> {
    if (!(await this.start()) || !this.worker) {
      this.stop();
      return { ok: false, failure: "failed" };
    }
    const worker = this.worker;
    const id = ++this.nextId;
    worker.ref();
    try {
      return await new Promise<ParseOutcome<Output>>((resolve) => {
        const settle = (outcome: ParseOutcome<Output>, keep: boolean) => {
          clearTimeout(timer);
          worker.off("message", onMessage);
          worker.off("error", onError);
          worker.off("exit", onExit);
          if (!keep) this.stop();
          resolve(outcome);
        };
        const onMessage = (message: { type: string; id: number; value?: Output; message?: string }) => {
          if (message.id !== id) return;
          if (message.type === "done") settle({ ok: true, value: message.value as Output }, true);
          else {
            console.error(`task worker (${this.tasks[task].module}): ${message.message}`);
            settle({ ok: false, failure: "failed" }, true);
          }
        };
        const onError = (error: Error & { code?: string }) => settle({ ok: false, failure: error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : "failed" }, false);
        const onExit = () => settle({ ok: false, failure: "failed" }, false);
        const timer = setTimeout(() => settle({ ok: false, failure: "timeout" }, false), this.budget.timeoutMs);
        worker.on("message", onMessage);
        worker.once("error", onError);
        worker.once("exit", onExit);
        worker.postMessage({ id, task, input });
      });
    } finally {
      worker.unref();
    }
  }
}
