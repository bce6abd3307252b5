import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The development server as `npm run dev` starts it (Vite in middleware mode behind server.ts):
// it listens on 127.0.0.1 only and serves the browser's modules, never the database, .env, the
// migrations or the server's own files (docs/decisions/012). A real process, real HTTP requests.

const root = path.resolve(__dirname, "../..");
const scratch = path.join(root, "tests", ".tmp", `dev-server-${process.pid}`);
const databaseFile = path.join(scratch, "app.db");
let server: ChildProcess;
let port = 0;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port: found } = probe.address() as { port: number };
      probe.close(() => resolve(found));
    });
  });
}

function withoutHost(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { HOST: _host, ...rest } = environment;
  return rest;
}

async function get(pathname: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`http://127.0.0.1:${port}${pathname}`);
  return { status: response.status, body: await response.text() };
}

beforeAll(async () => {
  mkdirSync(scratch, { recursive: true });
  // A database with a recognisable secret in it, and an .env-like file: neither may come back.
  writeFileSync(databaseFile, "SQLite format 3\u0000 session-secret-0123456789");
  copyFileSync(databaseFile, path.join(scratch, "copy.db"));
  port = await freePort();
  // Node itself with tsx's loader: one process, so killing it leaves nothing behind.
  server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env: { ...withoutHost(process.env), NODE_ENV: "development", PORT: String(port), DATABASE_URL: `file:${databaseFile}`, LOG_LEVEL: "silent" },
    stdio: "ignore",
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    const answered = await fetch(`http://127.0.0.1:${port}/healthz`).then((response) => response.ok).catch(() => false);
    if (answered) break;
    if (Date.now() > deadline) throw new Error("the development server did not start");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}, 120_000);

afterAll(() => {
  server?.kill("SIGKILL");
});

describe("the development server", () => {
  it("serves the browser's modules", async () => {
    const statuses = await Promise.all(["/@vite/client", "/app/root.tsx", "/app/components/app-shell.tsx"].map(async (pathname) => `${pathname} ${(await get(pathname)).status}`));
    expect(statuses).toEqual(["/@vite/client 200", "/app/root.tsx 200", "/app/components/app-shell.tsx 200"]);
  });

  it("never serves the database, secrets, migrations or server modules", async () => {
    const relativeDb = path.relative(root, databaseFile);
    for (const pathname of [
      `/${relativeDb}`,
      `/@fs${databaseFile}`,
      "/data/dev.db",
      "/.env",
      "/package.json",
      "/prisma/schema/accounts.prisma",
      "/server.ts",
      "/app/utils/env.server.ts",
      `/@fs${path.join(root, "prisma/seed.ts")}`,
    ]) {
      const { status, body } = await get(pathname);
      expect(`${pathname} → ${status}`).not.toMatch(/→ 200$/);
      expect(body).not.toContain("session-secret");
    }
  });

  it("listens on the loopback address only", () => {
    // The kernel's own table of listening sockets (no traffic to any other address is needed).
    const listening = readFileSync("/proc/net/tcp", "utf8")
      .split("\n")
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[3] === "0A" && Number.parseInt(fields[1]?.split(":")[1] ?? "", 16) === port)
      .map((fields) => fields[1].split(":")[0]);
    const ipv6 = readFileSync("/proc/net/tcp6", "utf8")
      .split("\n")
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[3] === "0A" && Number.parseInt(fields[1]?.split(":")[1] ?? "", 16) === port);
    // 0100007F is 127.0.0.1 in the table's byte order.
    expect(listening).toEqual(["0100007F"]);
    expect(ipv6).toEqual([]);
  });
});
