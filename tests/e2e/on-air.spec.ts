import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import { inspectFrame, putPictureBehind } from "./on-air-frame";
import { signedIn } from "./sign-in";

// On air (issue 15): the display and the overlay in each layout and phase at 1920×1080, the
// control room's keys, the presenter's view, duplicate names and the rundown. Players are real
// Socket.IO clients (the phone's flow is live.spec.ts); host, presenter and outputs are Chromium.

// The bank's longest question in all (a multiple-answer one), its longest prompt, its longest explanation.
const LONGEST = ["province-and-asean-0035", "province-and-asean-0030", "political-security-0003"];

type Player = { socket: Socket; playerId: string; name: string; payloads: string[] };

async function joinPlayer(baseURL: string, pin: string, name: string): Promise<Player> {
  const socket = io(baseURL, { transports: ["websocket"], forceNew: true });
  const payloads: string[] = [];
  socket.on("game:state", (view) => payloads.push(JSON.stringify(view)));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  const response = await socket.timeout(10_000).emitWithAck("player:join", { pin, name, unitId: null });
  if (!response.ok) throw new Error(`join refused: ${response.error}`);
  payloads.push(JSON.stringify(response.data.view));
  return { socket, playerId: response.data.playerId, name: response.data.view.me.name, payloads };
}

async function answer(player: Player, gameId: string, questionIndex: number, key: string) {
  const response = await player.socket.timeout(10_000).emitWithAck("answer:submit", { gameId, questionIndex, optionIds: [key], answerId: `${player.playerId}-${questionIndex}` });
  expect(response.ok).toBe(true);
}

async function createGame(host: Page, title: string, questionIds: string[], seconds: number): Promise<{ pin: string; displayHref: string; gameId: string }> {
  await host.goto("/host/games/new");
  await host.getByLabel("Tên trò chơi").fill(title);
  await host.getByLabel("Thời gian mỗi câu (giây, 5–120)").fill(String(seconds));
  await host.getByLabel("Chọn từng câu theo mã").check();
  await host.getByLabel("Mã câu hỏi, mỗi dòng một mã").fill(questionIds.join("\n"));
  await host.getByRole("button", { name: "Tạo trò chơi" }).click();
  await expect(host.getByRole("heading", { name: title })).toBeVisible();
  const pin = (await host.getByTestId("game-pin").textContent())!.trim();
  const displayHref = (await host.getByRole("link", { name: "Mở màn hình trình chiếu" }).getAttribute("href"))!;
  const gameId = displayHref.split("/")[2].split("?")[0];
  return { pin, displayHref, gameId };
}

const OUTPUTS = [
  { name: "display", query: "", overlay: false },
  { name: "overlay-full", query: "&overlay=1&layout=full", overlay: true },
  { name: "overlay-lower-third-key", query: "&overlay=1&layout=lower-third&key=00b140", overlay: true },
  { name: "overlay-side-panel", query: "&overlay=1&layout=side-panel", overlay: true },
] as const;

async function openOutputs(browser: Browser, displayHref: string) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const pages: { output: (typeof OUTPUTS)[number]; page: Page }[] = [];
  for (const output of OUTPUTS) {
    const page = await context.newPage();
    await page.goto(`${displayHref}${output.query}`);
    pages.push({ output, page });
  }
  return pages;
}

test("every output, in every phase and layout, sits inside the graphics-safe area on panels, without site chrome or clipping", async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(240_000);
  const shots = testInfo.outputPath("on-air");
  mkdirSync(shots, { recursive: true });
  // BROADCAST_SHOTS=docs/examples also writes the documentation's pictures: each layout over a bright picture.
  const docs = process.env.BROADCAST_SHOTS ? path.resolve(process.env.BROADCAST_SHOTS) : null;
  async function documentationShot(name: string, layout: string, ready: (page: Page) => Promise<void>) {
    if (!docs) return;
    const page = await outputs[0].page.context().newPage();
    await page.goto(`${game.displayHref}&overlay=1&layout=${layout}`);
    await ready(page);
    await putPictureBehind(page);
    await page.screenshot({ path: path.join(docs, `overlay-${name}.jpg`), type: "jpeg", quality: 80 });
    await page.close();
  }
  const host = await signedIn(browser, "dai-ptth", "asean-host");
  const game = await createGame(host, "Rung chuông vàng ASEAN", LONGEST, 120);
  const outputs = await openOutputs(browser, game.displayHref);
  for (const { page } of outputs) await expect(page.getByTestId("display-pin")).toHaveText(game.pin);

  const players = [await joinPlayer(baseURL!, game.pin, "Lan Anh"), await joinPlayer(baseURL!, game.pin, "Minh Đức")];

  const minScales: Record<string, number> = {};
  const explanationSizes: Record<string, number> = {};
  async function checkAll(phase: string, ready: (page: Page) => Promise<void>) {
    for (const { output, page } of outputs) {
      await ready(page);
      const report = await inspectFrame(page, { overlay: output.overlay });
      expect.soft(report.problems, `${output.name} in ${phase}`).toEqual([]);
      expect(report.texts, `${output.name} in ${phase} shows text`).toBeGreaterThan(0);
      minScales[output.name] = Math.min(minScales[output.name] ?? 1, ...report.fitScales);
      await page.screenshot({ path: path.join(shots, `${output.name}-${phase}.png`), omitBackground: output.overlay });
    }
  }

  await checkAll("lobby", (page) => expect(page.getByText("2 người chơi")).toBeVisible());

  await host.getByRole("button", { name: "Bắt đầu" }).click();
  await host.getByRole("button", { name: "Tạm dừng" }).click();
  await checkAll("countdown-paused", (page) => expect(page.getByText("Người dẫn đã tạm dừng trò chơi.")).toBeVisible());
  await host.getByRole("button", { name: "Tiếp tục" }).click();

  for (let question = 0; question < LONGEST.length; question += 1) {
    if (question > 0) await host.getByRole("button", { name: "Câu tiếp theo" }).click();
    await host.getByRole("button", { name: "Hiện câu hỏi ngay" }).click();
    await checkAll(`question-${question + 1}`, (page) => expect(page.getByText(`Câu ${question + 1}/3`)).toBeVisible());
    if (question === 0) {
      for (const layout of ["full", "lower-third", "side-panel"]) {
        await documentationShot(`${layout}-question`, layout, (page) => expect(page.getByText("Câu 1/3")).toBeVisible());
      }
    }
    for (const player of players) await answer(player, game.gameId, question, "A");
    await checkAll(`reveal-${question + 1}`, (page) => expect(page.getByText(/người trả lời đúng$/)).toBeVisible());
    if (question === 2) await documentationShot("lower-third-reveal", "lower-third", (page) => expect(page.getByText(/người trả lời đúng$/)).toBeVisible());
    // Read from a sofa: the explanation stays large even for the bank's longest one.
    for (const { output, page } of outputs) {
      const size = await page.getByTestId("display-explanation").evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
      explanationSizes[output.name] = Math.min(explanationSizes[output.name] ?? Infinity, size);
    }
    await host.getByRole("button", { name: "Xem bảng xếp hạng" }).click();
    if (question === 0) await checkAll("leaderboard", (page) => expect(page.getByRole("heading", { name: "Bảng xếp hạng" })).toBeVisible());
  }
  await host.getByRole("button", { name: "Xem bục vinh quang" }).click();
  await checkAll("podium", (page) => expect(page.getByRole("heading", { name: "Bục vinh quang" })).toBeVisible());
  await host.getByRole("button", { name: "Kết thúc trò chơi" }).click();
  await checkAll("ended", (page) => expect(page.getByText("Cảm ơn các bạn đã tham gia!")).toBeVisible());

  // The key colour fills the frame of the output that asked for it; the others stay transparent.
  const keyed = outputs.find(({ output }) => output.name === "overlay-lower-third-key")!.page;
  expect(await keyed.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(0, 177, 64)");
  const transparent = outputs.find(({ output }) => output.name === "overlay-side-panel")!.page;
  expect(await transparent.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgba(0, 0, 0, 0)");
  testInfo.annotations.push({ type: "smallest fit scale per output", description: JSON.stringify(minScales) });
  testInfo.annotations.push({ type: "smallest explanation font size (px)", description: JSON.stringify(explanationSizes) });
  // The bank's longest content shrinks a little, not to something nobody reads (decision 031's floors).
  for (const output of OUTPUTS) {
    expect(minScales[output.name], `${output.name} fit scale`).toBeGreaterThanOrEqual(0.7);
    expect(explanationSizes[output.name], `${output.name} explanation px`).toBeGreaterThanOrEqual(output.name.includes("third") || output.name.includes("side") ? 25 : 30);
  }
  for (const player of players) player.socket.disconnect();
});

test("the control room: keys and a clicker drive the game, the presenter sees each answer before the reveal while no player payload holds it, a second Minh is Minh (2)", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const host = await signedIn(browser, "dai-ptth", "asean-host");
  const game = await createGame(host, "Đố vui phòng điều khiển", ["asean-basics-0001", "asean-basics-0003"], 10);
  const presenter = await signedIn(browser, "dai-ptth", "asean-host");
  await presenter.goto(`/host/games/${game.gameId}/presenter`);
  const outputs = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const display = await outputs.newPage();
  await display.goto(`${game.displayHref}&sound=1`);
  const overlay = await outputs.newPage();
  await overlay.goto(`${game.displayHref}&overlay=1`);
  await expect(overlay.getByTestId("display")).toHaveAttribute("data-layout", "full");

  // Two players type the same name: the screen never shows it twice.
  const first = await joinPlayer(baseURL!, game.pin, "Minh");
  const second = await joinPlayer(baseURL!, game.pin, "minh");
  expect([first.name, second.name]).toEqual(["Minh", "minh (2)"]);
  await expect(display.getByText("minh (2)", { exact: true })).toBeVisible();
  await expect(display.getByText("Minh", { exact: true })).toBeVisible();

  // The look of the overlay is the game's: saved on the console, on air at the next step.
  await host.getByLabel("Một phần ba dưới (lower third)").check();
  await host.getByLabel("Màu nền đặc để tách nền (chroma key)").check();
  await host.getByRole("button", { name: "Lưu đồ họa" }).click();
  await expect(host.getByText("Đã lưu. Màn hình đang mở đổi theo ở bước tiếp theo.")).toBeVisible();

  // The presenter sees the first question and its answer before anything is on air.
  const upcoming = presenter.getByRole("article", { name: "Câu tiếp theo: 1/2" });
  await expect(upcoming.locator("[data-correct='true']")).toHaveCount(1);
  await expect(upcoming.getByText(/^Giải thích:/)).toBeVisible();

  // Keys: "?" opens the list, L locks the door, PageDown (a clicker's forward button) starts.
  await host.keyboard.press("?");
  await expect(host.getByRole("cell", { name: "Bước tiếp theo (nút chính)" })).toBeVisible();
  await host.keyboard.press("l");
  await expect(host.getByText("Đã khoá: không ai vào thêm được.")).toBeVisible();
  await host.keyboard.press("l");
  await expect(host.getByText("Đã khoá: không ai vào thêm được.")).toHaveCount(0);
  await host.keyboard.press("PageDown");
  await expect(display.getByText("Chuẩn bị! Câu 1/2")).toBeVisible();
  await expect(overlay.getByTestId("display")).toHaveAttribute("data-layout", "lower-third");
  expect(await overlay.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(0, 177, 64)");
  await host.keyboard.press("ArrowRight");
  await expect(display.getByText("Câu 1/2")).toBeVisible();

  // On air: the presenter has the answer and the live count; the players have neither.
  const onAir = presenter.getByRole("article", { name: "Câu đang lên sóng: 1/2" });
  const presenterKeys = await onAir.locator("[data-correct='true'] > span:first-child").allTextContents();
  expect(presenterKeys).toHaveLength(1);
  await expect(presenter.getByTestId("presenter-answered")).toHaveText("0/2 đã trả lời");
  await answer(first, game.gameId, 0, "A");
  await expect(presenter.getByTestId("presenter-answered")).toHaveText("1/2 đã trả lời");
  for (const player of [first, second]) {
    expect(player.payloads.length).toBeGreaterThan(0);
    for (const payload of player.payloads) expect(payload).not.toMatch(/"correct(OptionIds)?"\s*:/);
  }

  // The clicker's blank-screen button (B, or ".") pauses and resumes.
  await host.keyboard.press("b");
  await expect(display.getByText("Người dẫn đã tạm dừng trò chơi.")).toBeVisible();
  await expect(presenter.getByText("Người dẫn đã tạm dừng trò chơi.")).toBeVisible();
  await host.keyboard.press(".");
  await expect(display.getByText("Người dẫn đã tạm dừng trò chơi.")).toHaveCount(0);

  await answer(second, game.gameId, 0, "B");
  const revealed = JSON.parse(second.payloads.findLast((payload) => payload.includes('"phase":"reveal"'))!);
  expect(revealed.result.correctOptionIds).toEqual(presenterKeys);
  await expect(presenter.getByTestId("presenter-answered")).toHaveText(/trả lời đúng$/);

  // Next twice: leaderboard, then the second question's countdown; the arrow opens it.
  await host.keyboard.press("PageDown");
  await expect(display.getByRole("heading", { name: "Bảng xếp hạng" })).toBeVisible();
  await host.keyboard.press("PageDown");
  await expect(presenter.getByRole("article", { name: "Câu đang lên sóng: 2/2" })).toBeVisible();
  await host.keyboard.press("ArrowDown");
  await expect(display.getByText("Câu 2/2")).toBeVisible();
  // The last five seconds: the bar and the number turn urgent on every screen.
  await expect(display.getByTestId("timer-bar")).toHaveAttribute("data-urgent", "true", { timeout: 9_000 });
  await expect(display.getByTestId("display-seconds")).toHaveAttribute("data-urgent", "true");

  // Skipping wants a second press.
  await host.keyboard.press("s");
  await expect(host.getByText("Bấm S lần nữa trong 3 giây để bỏ câu này.")).toBeVisible();
  await host.keyboard.press("s");
  await expect(display.getByRole("heading", { name: "Bục vinh quang" })).toBeVisible();
  // The console must be on the podium too before the key: a key pressed on an older step is refused as stale.
  await expect(host.getByRole("heading", { name: "Bục vinh quang" })).toBeVisible();
  await host.keyboard.press("PageDown");
  await expect(host.getByText("Trò chơi đã kết thúc.", { exact: true })).toBeVisible();
  await expect(presenter.getByTestId("presenter-phase")).toHaveText("Đã kết thúc");

  // Sound cues: a browser that keeps audio off until a click says so, and one click turns it on.
  const enable = display.getByRole("button", { name: "Bấm để bật âm thanh" });
  if ((await enable.count()) > 0) {
    await enable.click();
    await expect(enable).toHaveCount(0);
  }
  for (const player of [first, second]) player.socket.disconnect();
});

test("the rundown before going live: moved, swapped and previewed as the display shows it, then created in that order", async ({ browser }) => {
  test.setTimeout(120_000);
  const host = await signedIn(browser, "dai-ptth", "asean-host");
  await host.goto("/host/games/new");
  await host.getByLabel("Tên trò chơi").fill("Rundown ASEAN");
  await host.getByLabel("Số câu hỏi").fill("3");
  await host.getByRole("button", { name: "Xem danh sách câu hỏi" }).click();
  const entries = host.getByTestId("rundown-entry");
  await expect(entries).toHaveCount(3);
  await expect(host.getByRole("heading", { name: "Danh sách câu hỏi lên sóng (3 câu)" })).toBeVisible();
  const ids = async () => (await host.getByLabel("Mã câu hỏi, mỗi dòng một mã").inputValue()).split("\n");
  const drawn = await ids();
  expect(drawn).toHaveLength(3);

  await host.getByRole("button", { name: "Đưa câu 3 lên trước" }).click();
  await expect.poll(ids).toEqual([drawn[0], drawn[2], drawn[1]]);
  await host.getByRole("button", { name: "Đổi câu 1 lấy câu khác cùng chủ đề" }).click();
  await expect.poll(async () => (await ids())[0]).not.toBe(drawn[0]);
  const final = await ids();
  expect(final.slice(1)).toEqual([drawn[2], drawn[1]]);

  // The preview is the display itself, at question 1, with the options in the order the game will use.
  const firstEntry = entries.first();
  await firstEntry.getByText("Xem trước trên màn hình trình chiếu").click();
  const preview = firstEntry.getByTestId("display-preview");
  await expect(preview.getByText("Câu 1/3")).toBeVisible();
  const previewOptions = await preview.locator("li").allTextContents();
  const previewPrompt = await preview.getByRole("heading").textContent();

  await host.getByRole("button", { name: "Tạo trò chơi" }).click();
  await expect(host.getByRole("heading", { name: "Rundown ASEAN" })).toBeVisible();
  const gameId = (await host.getByRole("link", { name: "Mở màn hình trình chiếu" }).getAttribute("href"))!.split("/")[2].split("?")[0];
  const presenter = await host.context().newPage();
  await presenter.goto(`/host/games/${gameId}/presenter`);
  await presenter.getByText("Toàn bộ danh sách câu hỏi (3 câu)").click();
  const first = presenter.getByRole("article", { name: "Câu 1" });
  await expect(first.getByText(previewPrompt!, { exact: true })).toBeVisible();
  // Same keys, same texts, same order as previewed.
  const onAirOptions = await first.locator("li").evaluateAll((items) => items.map((item) => `${item.children[0].textContent}${item.children[1].textContent}`));
  expect(previewOptions.map((text) => text.replace(/^[▲◆●■★⬟•]/, ""))).toEqual(onAirOptions);
});
