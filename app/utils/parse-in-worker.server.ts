import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

// Parsing an upload (GIFT, Aiken, CSV, XLSX, Kahoot, units CSV) runs in a worker thread with a
// time and a heap budget, so that a parser that is slow or greedy on some input — a bug we have
// not found yet, or a library's — costs that worker, not the live games and rounds this one
// process serves (docs/security.md, docs/decisions/009-parse-uploads-in-a-worker.md).

export type ParseBudget = {
  /** Wall time the parse itself may take, from the moment the worker has loaded its modules. */
  timeoutMs: number;
  /** V8 old-generation heap of the worker; past it the worker dies, not the server. */
  maxHeapMb: number;
};

// 20 s of wall time: a 4 MB upload parses in ~1 s on an idle core, but 2 shared cores under load
// stretch that several times; the budget is there to end a runaway, not to race honest files.
export const DEFAULT_PARSE_BUDGET: ParseBudget = { timeoutMs: 20_000, maxHeapMb: 384 };
/**
 * Starting a worker and loading its modules (tsx, the parser, exceljs): ~1 s on an idle core,
 * measured up to ~30 s on 2 cores shared by a dozen busy processes.
 */
const LOAD_TIMEOUT_MS = 60_000;
/**
 * Parses at the same time. One: on a 2-core server the other core stays with the live games;
 * a second upload meanwhile is asked to retry (uploads are rare, staff-only actions).
 */
export const MAX_CONCURRENT_PARSES = 1;

export type ParseFailure = "timeout" | "memory" | "busy" | "failed";
export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; failure: ParseFailure };

/** A module and one of its exported functions, `(input) => result`; both must be cloneable. */
export type ParseTask = { module: string; exportName: string };

let running = 0;

/** The project folder: the one holding app/utils/parse-worker.mjs, from the source or the build. */
export function projectRoot(): string {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(directory, "app", "utils", "parse-worker.mjs"))) return directory;
    const parent = path.dirname(directory);
    if (parent === directory) return process.cwd();
    directory = parent;
  }
}

/**
 * Runs `task.exportName(input)` from `task.module` (a path relative to the project folder, e.g.
 * "app/bank/upload-check.ts") in a new worker thread, within `budget`. Never throws for the
 * task's sake: a timeout, an exhausted heap, an exception or a full house come back as a failure.
 */
export async function parseInWorker<Input, Output>(
  task: ParseTask,
  input: Input,
  budget: ParseBudget = DEFAULT_PARSE_BUDGET,
): Promise<ParseOutcome<Output>> {
  if (running >= MAX_CONCURRENT_PARSES) return { ok: false, failure: "busy" };
  running += 1;
  try {
    return await runWorker<Input, Output>(task, input, budget);
  } finally {
    running -= 1;
  }
}

function runWorker<Input, Output>(task: ParseTask, input: Input, budget: ParseBudget): Promise<ParseOutcome<Output>> {
  const root = projectRoot();
  const worker = new Worker(path.join(root, "app", "utils", "parse-worker.mjs"), {
    workerData: {
      moduleUrl: pathToFileURL(path.join(root, task.module)).href,
      exportName: task.exportName,
      input,
      tsconfig: path.join(root, "tsconfig.json"),
    },
    resourceLimits: { maxOldGenerationSizeMb: budget.maxHeapMb, maxYoungGenerationSizeMb: 32 },
    // Vitest and Vite start this process with loaders of their own; the worker needs none of them.
    execArgv: [],
    stdout: false,
    stderr: false,
  });
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: ParseOutcome<Output>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    let timer = setTimeout(() => settle({ ok: false, failure: "timeout" }), LOAD_TIMEOUT_MS);
    worker.on("message", (message: { type: "ready" } | { type: "done"; value: Output }) => {
      if (message.type === "done") return settle({ ok: true, value: message.value });
      clearTimeout(timer);
      timer = setTimeout(() => settle({ ok: false, failure: "timeout" }), budget.timeoutMs);
    });
    worker.once("error", (error: Error & { code?: string }) => {
      if (error.code !== "ERR_WORKER_OUT_OF_MEMORY") console.error(`parse worker (${task.module}):`, error);
      settle({ ok: false, failure: error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : "failed" });
    });
    worker.once("exit", () => settle({ ok: false, failure: "failed" }));
  });
}
