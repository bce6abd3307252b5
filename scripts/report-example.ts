// The yearly report of the demo province, as a file an official can open:
//   npm run report:example                 fresh database, seeded demo data, report for 2026
//   npm run report:example -- --year 2025  another year
//   REPORT_DATABASE_URL=file:./x.db npm run report:example   an existing database (no seeding),
//                                           e.g. the synthetic year, to time the DOCX
// Writes docs/examples/bao-cao-asean-<year>.docx and prints the timings as one JSON line: docxMs in
// this fresh process (every fact read first), warmDocxMs the same report again with the facts in
// memory, as a running server makes it (docs/decisions/024).
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const yearArgument = process.argv.indexOf("--year");
const year = yearArgument > 0 ? Number(process.argv[yearArgument + 1]) : 2026;
if (!Number.isInteger(year) || year < 2000 || year > 2100) {
  console.error("Năm không hợp lệ (--year 2000…2100).");
  process.exit(1);
}

if (process.env.REPORT_DATABASE_URL) {
  process.env.DATABASE_URL = process.env.REPORT_DATABASE_URL;
} else {
  const file = path.join(root, "tests", ".tmp", "report-example.db");
  mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  process.env.DATABASE_URL = `file:${file}`;
  // The demo's contests and results are seeded in demo mode only (docs/security.md).
  process.env.DEMO_MODE = "true";
  const run = (script: string) => execFileSync("npm", ["run", "--silent", script], { cwd: root, env: process.env, stdio: "inherit" });
  run("db:deploy");
  run("db:seed");
}

// Imported only now, so the app's database client opens the file chosen above.
const { prisma } = await import("~/utils/db.server");
const { yearlyReportModel } = await import("~/stats/yearly-report.server");
const { reportDocx } = await import("~/stats/report-docx.server");

const started = performance.now();
const model = await yearlyReportModel(prisma, { year });
if (!model) {
  console.error("Không tìm thấy tỉnh trong cây đơn vị.");
  process.exit(1);
}
const modelMs = performance.now() - started;
const docx = await reportDocx(model);
const totalMs = performance.now() - started;
const output = path.join(root, "docs", "examples", `bao-cao-asean-${year}.docx`);
writeFileSync(output, docx);
const again = performance.now();
await reportDocx((await yearlyReportModel(prisma, { year }))!);
const warmMs = performance.now() - again;
console.log(
  JSON.stringify({ year, file: path.relative(root, output), bytes: docx.length, modelMs: Math.round(modelMs), docxMs: Math.round(totalMs), warmDocxMs: Math.round(warmMs) }),
);
await prisma.$disconnect();
