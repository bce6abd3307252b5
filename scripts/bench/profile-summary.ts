/**
 * Reads a V8 CPU profile (node --cpu-prof, as `npm run bench:live -- --cpu-prof DIR` writes for the
 * game's server) and prints where the time went: by area of code, then the functions with the most
 * time of their own and the most time including what they call. A sampled allocation profile
 * (`--heap-prof DIR`, a .heapprofile) prints the bytes allocated by function and by app caller.
 *
 *   node --import tsx scripts/bench/profile-summary.ts DIR/CPU.*.cpuprofile [--top 25]
 *   … --callers REGEX   the time of frames matching REGEX, by the nearest calling frames of the app
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: "string", default: "25" }, callers: { type: "string" } } });
const top = Number(values.top);

/** Which part of the program a frame belongs to. */
function areaOf(url: string, name: string): string {
  if (name === "(garbage collector)") return "garbage collection";
  if (name === "(idle)" || name === "(program)" || name === "(root)") return name;
  if (url.includes("/app/live/")) return "app/live (the game)";
  if (url.includes("/app/realtime/")) return "app/realtime (handlers)";
  if (url.includes("/app/ops/") || url.includes("prom-client") || url.includes("pino")) return "app/ops, metrics, logs";
  if (url.includes("/app/")) return "app (other)";
  if (/socket\.io|engine\.io|\/ws\//.test(url)) return "socket.io, engine.io, ws";
  if (/@prisma|\.prisma|query_compiler|wasm/.test(url)) return "prisma";
  if (url.includes("better-sqlite3")) return "better-sqlite3";
  if (url.includes("zod")) return "zod";
  if (url.includes("obscenity") || url.includes("name-filter")) return "name filter";
  if (url.startsWith("node:") || url === "") return name.startsWith("(") ? name : "node internals and native";
  return "other packages";
}

type HeapNode = { callFrame: ProfileNode["callFrame"]; selfSize: number; children: HeapNode[] };

/** A sampled allocation profile (--heap-prof): bytes allocated, by function and by its callers in the app. */
function heapSummary(file: string, root: HeapNode): void {
  const bySelf = new Map<string, number>();
  const byCaller = new Map<string, number>();
  let total = 0;
  const walk = (node: HeapNode, stack: string[]) => {
    const name = `${node.callFrame.functionName || "(anonymous)"} ${node.callFrame.url.replace(/^.*\/(node_modules|app|scripts)\//, "$1/")}:${node.callFrame.lineNumber + 1}`;
    const next = [...stack, name];
    if (node.selfSize > 0) {
      total += node.selfSize;
      bySelf.set(name, (bySelf.get(name) ?? 0) + node.selfSize);
      const app = next.filter((frame) => /^\S+ (app|scripts)\//.test(frame)).slice(-2).reverse().join(" < ") || "(no app frame)";
      byCaller.set(app, (byCaller.get(app) ?? 0) + node.selfSize);
    }
    for (const child of node.children) walk(child, next);
  };
  walk(root, []);
  const line = (label: string, bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).padStart(8)} MB ${((100 * bytes) / total).toFixed(1).padStart(5)} %  ${label}`;
  console.log(`${file}\n${(total / 1024 / 1024).toFixed(1)} MB sampled\n\nAllocated by, top ${top}:`);
  for (const [name, bytes] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(line(name, bytes));
  console.log(`\nFor the app code, top ${top}:`);
  for (const [name, bytes] of [...byCaller].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(line(name, bytes));
}

for (const file of positionals) {
  if (file.endsWith(".heapprofile")) {
    heapSummary(file, (JSON.parse(readFileSync(file, "utf8")) as { head: HeapNode }).head);
    continue;
  }
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));
  const total = [...self.values()].reduce((sum, value) => sum + value, 0);

  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const key = (node: ProfileNode) => `${node.callFrame.functionName || "(anonymous)"} ${node.callFrame.url.replace(/^.*\/(node_modules|app|scripts)\//, "$1/")}:${node.callFrame.lineNumber + 1}`;

  const areas = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, ms] of self) {
    const node = byId.get(id)!;
    const area = areaOf(node.callFrame.url, node.callFrame.functionName);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    selfByFunction.set(key(node), (selfByFunction.get(key(node)) ?? 0) + ms);
    // Inclusive: every distinct function on the stack gets the sample once.
    const seen = new Set<string>();
    for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
      const name = key(byId.get(current)!);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  }

  const busy = total - (areas.get("(idle)") ?? 0);
  if (values.callers) {
    // Which code of ours the matching time is spent for: the two nearest app or script frames above it.
    const pattern = new RegExp(values.callers);
    const byCaller = new Map<string, number>();
    for (const [id, ms] of self) {
      let matched = false;
      const chain: string[] = [];
      for (let current: number | undefined = id; current !== undefined && chain.length < 2; current = parent.get(current)) {
        const node = byId.get(current)!;
        const name = key(node);
        if (!matched && pattern.test(name)) matched = true;
        if (matched && /^\S+ (app|scripts)\//.test(name)) chain.push(name.split(" ")[0] + " " + name.split(" ")[1].replace(/:\d+$/, ""));
      }
      if (matched) byCaller.set(chain.join(" < ") || "(no app frame: a callback or a microtask)", (byCaller.get(chain.join(" < ") || "(no app frame: a callback or a microtask)") ?? 0) + ms);
    }
    console.log(`${file}\nTime in frames matching ${pattern}, by the app code above them:`);
    for (const [name, ms] of [...byCaller].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(ms / 1000).toFixed(2).padStart(8)} s ${((100 * ms) / busy).toFixed(1).padStart(5)} %  ${name}`);
    continue;
  }
  const line = (label: string, ms: number) => `${(ms / 1000).toFixed(2).padStart(8)} s ${((100 * ms) / busy).toFixed(1).padStart(5)} %  ${label}`;
  console.log(`${file}\n${(total / 1000).toFixed(1)} s profiled, ${(busy / 1000).toFixed(1)} s busy (percentages of busy time)\n\nBy area:`);
  for (const [area, ms] of [...areas].sort((a, b) => b[1] - a[1])) if (area !== "(idle)") console.log(line(area, ms));
  console.log(`\nSelf time, top ${top}:`);
  for (const [name, ms] of [...selfByFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) if (!name.startsWith("(idle)")) console.log(line(name, ms));
  console.log(`\nIncluding callees, top ${top}:`);
  const skip = /^\((root|idle|program)\)/;
  for (const [name, ms] of [...inclusive].filter(([name]) => !skip.test(name)).sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(line(name, ms));
}
