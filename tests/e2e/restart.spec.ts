import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import Database from "better-sqlite3";

// A planned restart (SIGTERM) of the real server in the middle of a question, with a host console
// and two phones open: nobody reloads, the acknowledged answer is kept, and the host console
// follows the game after the restart (docs/decisions/023). The server is started by the test
// itself, on its own port, against a copy of the database the suite's server seeded: one process
// runs a database's live games (docs/decisions/032).

const e2ePort = Number(process.env.E2E_PORT ?? 3100);
const port = e2ePort + 7;
const base = `http://localhost:${port}`;
const QUESTION_IDS = ["asean-basics-0001", "asean-basics-0003"];
const database = `./tests/.tmp/e2e-${e2ePort}-restart.db`;

test.beforeAll(async () => {
  for (const suffix of ["", "-wal", "-shm", ".live-games.lock"]) rmSync(database + suffix, { force: true });
  // SQLite's online backup: a consistent copy while the suite's server keeps the original open.
  const seeded = new Database(`./tests/.tmp/e2e-${e2ePort}.db`, { readonly: true });
  await seeded.backup(database);
  seeded.close();
});

function startServer(): ChildProcess {
  // Node itself with tsx's loader: one process, which the SIGTERM reaches directly.
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: `file:${database}`,
      COOKIE_SECURE: "false",
      DEMO_MODE: "true",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return child;
}

async function waitUntilReady(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ready = await fetch(`${base}/readyz`).then((response) => response.ok).catch(() => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server on port ${port} did not become ready`);
}

function stopServer(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

async function join(browser: Browser, pin: string, name: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(`/play/${pin}`);
  await page.getByLabel("Tên hiển thị").fill(name);
  await page.getByRole("button", { name: "Vào chơi" }).click();
  await expect(page.getByText("Bạn đã vào trò chơi! Chờ người dẫn bắt đầu…")).toBeVisible();
  return page;
}

let server: ChildProcess | null = null;

test.afterEach(async () => {
  if (server && server.exitCode === null) await stopServer(server);
  server = null;
});

test("a planned restart mid-question: phones and the host console carry on without a reload, no answer lost", async ({ browser }) => {
  test.setTimeout(180_000);
  server = startServer();
  await waitUntilReady();

  const host = await (await browser.newContext({ baseURL: base })).newPage();
  await host.goto("/login");
  await host.getByLabel("Tên đăng nhập").fill("dai-ptth");
  await host.getByLabel("Mật khẩu").fill("asean-host");
  await host.getByRole("button", { name: "Đăng nhập" }).click();
  await host.waitForURL((url) => url.pathname !== "/login");
  await host.goto("/host/games/new");
  await host.getByLabel("Tên trò chơi").fill("Khởi động lại giữa câu hỏi");
  await host.getByLabel("Thời gian mỗi câu (giây, 5–120)").fill("90");
  await host.getByLabel("Chọn từng câu theo mã").check();
  await host.getByLabel("Mã câu hỏi, mỗi dòng một mã").fill(QUESTION_IDS.join("\n"));
  await host.getByRole("button", { name: "Tạo trò chơi" }).click();
  const pin = (await host.getByTestId("game-pin").textContent())!.trim();

  const early = await join(browser, pin, "Người trả lời sớm");
  const late = await join(browser, pin, "Người trả lời muộn");
  await host.getByRole("button", { name: "Bắt đầu" }).click();
  for (const player of [early, late]) await expect(player.getByText(/^Câu 1\/2$/)).toBeVisible({ timeout: 15_000 });

  const first = early.getByRole("button", { name: /^Đáp án A:/ });
  await first.click();
  await expect(first).toHaveCount(0);
  // Marks on the open pages: a reload would wipe them.
  for (const page of [host, early, late]) await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  expect(await stopServer(server)).toBe(0);
  server = startServer();
  await waitUntilReady();

  // The late player's phone comes back by itself to the same question and may still answer.
  const answer = late.getByRole("button", { name: /^Đáp án A:/ });
  await expect(answer).toBeEnabled({ timeout: 30_000 });
  await expect(late.getByText(/^Câu 1\/2$/)).toBeVisible();
  await answer.click();

  // Both answers count: the question closes as everyone has answered, on both phones and the console.
  for (const player of [early, late]) await expect(player.getByText(/^Đáp án đúng: [A-F]/)).toBeVisible({ timeout: 30_000 });
  await expect(host.getByRole("button", { name: "Xem bảng xếp hạng" })).toBeVisible({ timeout: 30_000 });
  for (const page of [host, early, late]) {
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  }
});
