import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * A small run of the contest benchmark (issue 13 item 5) in the test suite, so that it keeps
 * working: 50 participants on a fresh SQLite file, both the paced and the fast run, against the
 * production server (built first when the build is older than app/). Timings are not asserted (they
 * belong to docs/benchmarks.md, "Contest rounds over HTTP"); what must hold whatever the machine is asserted: every
 * participant started and submitted, every save was acknowledged and is stored as acknowledged, and
 * every stored score equals a recount from the stored answers; the floor ran beside it (its figures and the ratios in the line).
 */
describe("npm run bench:contest", () => {
  it("takes 50 participants through a round over HTTP and ends with one JSON line of figures", async () => {
    const args = ["--participants", "50", "--questions", "5", "--spacing", "200", "--ramp", "500"];
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench-contest.ts", ...args], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: "" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      let err = "";
      child.stdout.on("data", (chunk) => (out += chunk));
      child.stderr.on("data", (chunk) => (err += chunk));
      child.on("error", reject);
      child.on("exit", (exitCode) => resolve({ code: exitCode, stdout: out, stderr: err }));
    });
    expect(code, stderr).toBe(0);

    const summary = JSON.parse(stdout.trim().split("\n").at(-1)!) as Record<string, unknown> & {
      runs: Record<string, { errors: number; verification: { attempts: number; storedAnswers: number; lostAnswers: number; submitted: number; wrongScores: number; unscored: number } }>;
    };
    for (const field of ["participants", "saves", "savesPerSecond", "saveP95Ms", "submitP95Ms", "errors"]) expect(typeof summary[field], field).toBe("number");
    expect(summary.database).toBe("sqlite");
    expect(typeof summary.pass).toBe("boolean");
    expect(summary.participants).toBe(50);
    // Two runs (paced and fast), 50 participants, 5 answers each: every one acknowledged.
    expect(summary.saves).toBe(2 * 50 * 5);
    expect(summary.errors).toBe(0);
    expect(Object.keys(summary.runs).sort()).toEqual(["fast", "paced"]);
    for (const run of Object.values(summary.runs)) {
      expect(run.errors).toBe(0);
      expect(run.verification).toEqual({ attempts: 50, storedAnswers: 250, lostAnswers: 0, submitted: 50, wrongScores: 0, unscored: 0 });
    }
    expect(stdout).toMatch(/save p50 \/ p95 \/ p99 \/ max/);
    // The floor ran each mode with the same generator, and the ratios to it are in the line.
    const { floor, ratio } = summary as unknown as { floor: Record<string, { errors: number; cpuPerSaveMs: number }>; ratio: Record<string, { cpuPerSave: number | null; saveP95: number | null }> };
    expect(Object.keys(floor).sort()).toEqual(["fast", "paced"]);
    for (const run of Object.values(floor)) expect(run.errors).toBe(0);
    for (const mode of ["paced", "fast"]) expect(typeof ratio[mode].cpuPerSave, mode).toBe("number");
    expect(stdout).toMatch(/our server is [\d.]+× the floor's CPU per save/);
  }, 600_000);
});
