// The worker side of task-worker.server.ts: loads its TypeScript modules through tsx once, then runs
// the exported function a message names, one message at a time. Plain JavaScript so that Node
// starts it as it is, in development, in the production build and under Vitest alike.
import { parentPort, workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { tasks, tsconfig } = workerData;
const runs = [];
for (const { moduleUrl, exportName } of tasks) {
  const loaded = await tsImport(moduleUrl, { parentURL: import.meta.url, tsconfig });
  const run = loaded[exportName];
  if (typeof run !== "function") throw new Error(`${moduleUrl} has no function ${exportName}`);
  runs.push(run);
}
parentPort.postMessage({ type: "ready" });

// A file made here is handed over, not copied, when it owns its whole memory.
const transferable = (value) =>
  value instanceof Uint8Array && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength ? [value.buffer] : [];

parentPort.on("message", async ({ id, task, input }) => {
  try {
    const value = await runs[task](input);
    parentPort.postMessage({ type: "done", id, value }, transferable(value));
  } catch (error) {
    parentPort.postMessage({ type: "failed", id, message: error instanceof Error ? error.message : String(error) });
  }
});
