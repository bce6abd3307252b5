/**
 * What a heap snapshot holds (`npm run bench:live -- --heap-snapshots DIR` writes DIR/idle.heapsnapshot
 * with every player joined and idle): the bytes of the objects themselves, by kind and
 * constructor, largest first. Divided by the players, it says what an idle player costs.
 *
 *   node --import tsx scripts/bench/heap-summary.ts DIR/idle.heapsnapshot [--per 10000] [--top 30]
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { per: { type: "string", default: "1" }, top: { type: "string", default: "30" } } });
const per = Number(values.per);

type Snapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
};

for (const file of positionals) {
  const heap = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
  const fields = heap.snapshot.meta.node_fields;
  const width = fields.length;
  const typeAt = fields.indexOf("type");
  const nameAt = fields.indexOf("name");
  const sizeAt = fields.indexOf("self_size");
  const types = heap.snapshot.meta.node_types[0];
  const totals = new Map<string, { bytes: number; count: number }>();
  let all = 0;
  for (let index = 0; index < heap.nodes.length; index += width) {
    const type = types[heap.nodes[index + typeAt]];
    const size = heap.nodes[index + sizeAt];
    all += size;
    // Strings and code are grouped by kind; objects and closures by their constructor or function name.
    // Arrays by size class: many small ones are per-socket or per-player state, a few big ones are tables.
    const name =
      type === "object" || type === "closure"
        ? heap.strings[heap.nodes[index + nameAt]]
        : type === "array"
          ? `${heap.strings[heap.nodes[index + nameAt]]} ≤${2 ** Math.ceil(Math.log2(Math.max(16, size)))} B`
          : "";
    const key = `${type}${name ? ` ${name}` : ""}`;
    const entry = totals.get(key) ?? { bytes: 0, count: 0 };
    entry.bytes += size;
    entry.count += 1;
    totals.set(key, entry);
  }
  console.log(`${file}: ${(all / 1024 / 1024).toFixed(1)} MB in objects${per > 1 ? `, ${(all / per / 1024).toFixed(1)} KB per player` : ""}`);
  for (const [key, { bytes, count }] of [...totals].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, Number(values.top))) {
    const each = per > 1 ? `${(bytes / per).toFixed(0).padStart(7)} B/player ${(count / per).toFixed(1).padStart(6)}/player` : "";
    console.log(`${(bytes / 1024 / 1024).toFixed(2).padStart(9)} MB ${String(count).padStart(9)}  ${each}  ${key.slice(0, 90)}`);
  }
}
