// The worker side of task-worker.server.ts: loads one TypeScript module through tsx once, then runs
// its exported function for each message, one at a time. Plain JavaScript so that Node starts it as
// it is, in development, in the production build and under Vitest alike.
import { parentPort, workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { moduleUrl, exportName, tsconfig } = workerData;
const loaded = await tsImport(moduleUrl, { parentURL: import.meta.url, tsconfig });
const run = loaded[exportName];
if (typeof run !== "function") throw new Error(`${moduleUrl} has no function ${exportName}`);
parentPort.postMessage({ type: "ready" });
parentPort.on("message", async ({ id, input }) => {
  try {
    parentPort.postMessage({ type: "done", id, value: await run(input) });
  } catch (error) {
    parentPort.postMessage({ type: "failed", id, message: error instanceof Error ? error.message : String(error) });
  }
});
