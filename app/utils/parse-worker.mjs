// The worker side of parse-in-worker.server.ts. Plain JavaScript so that Node starts it as it is,
// in development, in the production build and under Vitest alike; it loads the TypeScript parser
// module through tsx (a runtime dependency: `npm start` runs `tsx server.ts`).
import { parentPort, workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { moduleUrl, exportName, input, tsconfig } = workerData;
const loaded = await tsImport(moduleUrl, { parentURL: import.meta.url, tsconfig });
const run = loaded[exportName];
if (typeof run !== "function") throw new Error(`${moduleUrl} has no function ${exportName}`);
// The parse budget starts now: loading the modules depends on the machine, not on the upload.
parentPort.postMessage({ type: "ready" });
parentPort.postMessage({ type: "done", value: await run(input) });
