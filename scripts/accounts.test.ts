import { resetDatabase, testDatabaseUrl, testPrisma } from "../tests/setup/test-database";

import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import { demoAccounts } from "~/accounts/demo-accounts";
import { createUser, verifyCredentials } from "~/utils/auth.server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

beforeEach(resetDatabase);

/** Runs `npm run admin:create`'s command as a separate process with `input` on its standard input. */
function runCommand(
  args: string[],
  input: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), args, {
      cwd: root,
      env: { ...process.env, DATABASE_URL: testDatabaseUrl, ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe("npm run admin:create", () => {
  it("creates an administrator with the password given on standard input", async () => {
    const result = await runCommand(["scripts/accounts.ts", "create-admin", "--username", "quantri", "--name", "Quản trị tỉnh"], "mot-mat-khau-rieng\n");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("quantri");
    const user = await testPrisma.user.findUniqueOrThrow({ where: { username: "quantri" }, select: { role: true, displayName: true } });
    expect(user).toEqual({ role: "admin", displayName: "Quản trị tỉnh" });
    expect((await verifyCredentials("quantri", "mot-mat-khau-rieng")).ok).toBe(true);
  }, 60_000);

  it("refuses a password printed in the README and creates nothing", async () => {
    const result = await runCommand(["scripts/accounts.ts", "create-admin", "--username", "quantri"], "asean-admin\n");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("mật khẩu mẫu công khai");
    expect(await testPrisma.user.count()).toBe(0);
  }, 60_000);
});

describe("the production start", () => {
  it("refuses to run while the README's accounts exist, says how to fix it, and starts once they are locked", async () => {
    for (const account of demoAccounts) await createUser(account);
    // Port 3101 belongs to this checkout's browser tests; the refusal comes before any listening.
    const production = { NODE_ENV: "production", PORT: "3101", REMIX_BUILD_DIR: "tests/.tmp/no-build" };
    const refused = await runCommand(["server.ts"], "", production);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Refusing to start");
    expect(refused.stderr).toContain("admin, btc, btc2, dai-ptth, giaovien, hocsinh");
    expect(refused.stderr).toContain("npm run admin:create");

    // After the fix the guard lets the start go on (here it then stops at the missing build).
    const locked = await runCommand(["scripts/accounts.ts", "lock-demo"], "");
    expect(locked.code).toBe(0);
    const started = await runCommand(["server.ts"], "", production);
    expect(started.stderr).not.toContain("Refusing to start");
    expect(started.stderr).toContain("no-build");
  }, 120_000);
});
