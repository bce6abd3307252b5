// Prints what a page costs to load: the JavaScript and CSS a route pulls in (from the build's Remix
// manifest), raw and compressed with gzip and brotli as the server sends them. Run after
// `npm run build`: `npm run weight` (or `npm run weight -- routes/join routes/play.$pin`).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

type ManifestEntry = { module: string; imports?: string[]; css?: string[]; parentId?: string };
type Manifest = { entry: ManifestEntry; url?: string; routes: Record<string, ManifestEntry> };

const clientDir = path.resolve(process.env.REMIX_BUILD_DIR ?? "build", "client");
const manifestFile = readdirSync(path.join(clientDir, "assets")).find((name) => /^manifest-[\w-]+\.js$/.test(name));
if (!manifestFile) {
  console.error("No build/client/assets/manifest-*.js: run `npm run build` first.");
  process.exit(1);
}
const manifestSource = readFileSync(path.join(clientDir, "assets", manifestFile), "utf8");
const manifest = JSON.parse(manifestSource.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as Manifest;

function sizes(file: string) {
  const bytes = readFileSync(path.join(clientDir, file));
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 6 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }).length,
  };
}

/** Every file the browser fetches for a route on first load: entry, the route and its parents, the manifest, CSS. */
function filesFor(routeId: string) {
  const js = new Set<string>([manifest.entry.module, ...(manifest.entry.imports ?? []), `/assets/${manifestFile}`]);
  const css = new Set<string>();
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) {
    const route = manifest.routes[id];
    if (!route) throw new Error(`No route "${id}" in the manifest`);
    js.add(route.module);
    for (const file of route.imports ?? []) js.add(file);
    for (const file of route.css ?? []) css.add(file);
  }
  // Tailwind's stylesheet is linked from root's `links`, not listed in the manifest.
  for (const name of readdirSync(path.join(clientDir, "assets"))) if (name.endsWith(".css")) css.add(`/assets/${name}`);
  return { js: [...js], css: [...css] };
}

function total(files: string[]) {
  return files.map(sizes).reduce((sum, size) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip, brotli: sum.brotli + size.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`.padStart(9);
const routes = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["routes/join", "routes/play.$pin", "routes/_index", "routes/me._index", "routes/rounds.$roundId.attempt.$attemptId"];
console.log(`${"route".padEnd(44)} ${"JS raw".padStart(9)} ${"JS gzip".padStart(9)} ${"JS br".padStart(9)} ${"CSS raw".padStart(9)} ${"CSS br".padStart(9)}`);
for (const routeId of routes) {
  const { js, css } = filesFor(routeId);
  const jsSize = total(js);
  const cssSize = total(css);
  console.log(`${routeId.padEnd(44)} ${kb(jsSize.raw)} ${kb(jsSize.gzip)} ${kb(jsSize.brotli)} ${kb(cssSize.raw)} ${kb(cssSize.brotli)}`);
}
