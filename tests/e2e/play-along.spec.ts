import { expect, test, type Browser, type Page } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import { signedIn } from "./sign-in";

// TV play-along (issue 15, docs/decisions/038, 039): the host sets an internet stream 10 s behind
// the studio; viewers at home join on it from their phones. The host closes the question by hand
// a few seconds in: on the stream that close, and the reveal, reach the television 10 s later, and
// the phones' window closes then too. One phone answers after the studio closed, while its
// television still shows the question; its reveal comes when the close airs, not before. A second
// phone whose connection stalls taps after that moment and is told, in Vietnamese, that time is up.
// Another viewer (a real Socket.IO client) is refused before the question airs for them and after.

const DELAY_MS = 10_000;

async function homeViewer(baseURL: string, pin: string): Promise<{ socket: Socket; gameId: string }> {
  const socket = io(baseURL, { transports: ["websocket"], forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  const response = await socket.timeout(10_000).emitWithAck("player:join", { pin, name: "Khán giả mạng", unitId: null, pathId: "path-1" });
  if (!response.ok) throw new Error(`join refused: ${response.error}`);
  return { socket, gameId: response.data.gameId };
}

async function tryAnswer(viewer: { socket: Socket; gameId: string }, answerId: string): Promise<string> {
  const response = await viewer.socket.timeout(10_000).emitWithAck("answer:submit", { gameId: viewer.gameId, questionIndex: 0, optionIds: ["A"], answerId });
  return response.ok ? response.data.code : response.error;
}

/**
 * A phone on the stream. `stall` holds what the server sends it (its taps still go out) until it is
 * called again: a mobile connection that stops delivering for a moment.
 */
async function phoneOnStream(browser: Browser, pin: string, name: string): Promise<{ page: Page; stall: (on: boolean) => void }> {
  const page = await (await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true })).newPage();
  let stalled = false;
  const held: { send: () => void }[] = [];
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => server.send(message));
    server.onMessage((message) => {
      if (stalled) held.push({ send: () => ws.send(message) });
      else ws.send(message);
    });
  });
  await page.goto(`/play/${pin}`);
  await page.getByLabel("Tên hiển thị").fill(name);
  await page.getByLabel("Bạn đang xem ở đâu?").selectOption({ label: "Internet (chậm 10 giây)" });
  await page.getByRole("button", { name: "Vào chơi" }).click();
  await expect(page.getByText("Bạn đã vào trò chơi! Chờ người dẫn bắt đầu…")).toBeVisible();
  const stall = (on: boolean) => {
    stalled = on;
    if (!on) for (const message of held.splice(0)) message.send();
  };
  return { page, stall };
}

test("the host closes a question by hand: a home phone 10 s behind answers until that close airs on its path, then is refused", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const host = await signedIn(browser, "dai-ptth", "asean-host");
  await host.goto("/host/games/new");
  await host.getByLabel("Tên trò chơi").fill("Cùng xem, cùng chơi");
  await host.getByLabel("Thời gian mỗi câu (giây, 5–120)").fill("10");
  await host.getByLabel("Chọn từng câu theo mã").check();
  await host.getByLabel("Mã câu hỏi, mỗi dòng một mã").fill("asean-basics-0001");
  await host.getByRole("button", { name: "Tạo trò chơi" }).click();
  await expect(host.getByRole("heading", { name: "Cùng xem, cùng chơi" })).toBeVisible();
  const pin = (await host.getByTestId("game-pin").textContent())!.trim();

  await host.getByLabel("Đường phát sóng 1").fill("Internet");
  await host.getByLabel("Độ trễ (giây) 1").fill("10");
  await host.getByRole("button", { name: "Lưu đường phát sóng" }).click();
  await expect(host.getByText("Đã lưu đường phát sóng.")).toBeVisible();

  const phone = await phoneOnStream(browser, pin, "Xem qua mạng");
  const stalling = await phoneOnStream(browser, pin, "Mạng chập chờn");
  const other = await homeViewer(baseURL!, pin);
  await expect(host.getByText("3 người chơi tại nhà")).toBeVisible();

  await host.getByRole("button", { name: "Bắt đầu" }).click();
  // The studio's question is open: on the stream it has not aired yet.
  const stop = host.getByRole("button", { name: "Dừng nhận trả lời" });
  await expect(stop).toBeVisible({ timeout: 15_000 });
  expect(await tryAnswer(other, "too-early")).toBe("not-in-question");
  await expect(phone.page.getByRole("button", { name: /^Đáp án A:/ })).toHaveCount(0);

  // Three seconds in, the host closes the question by hand.
  await host.waitForTimeout(3_000);
  const closing = Date.now();
  await stop.click();
  await expect(stop).toHaveCount(0);
  const closed = Date.now();

  // Ten seconds after its opening the question reaches the phones, after the studio closed it: the
  // phone still answers, since its television still shows the question.
  const option = phone.page.getByRole("button", { name: /^Đáp án A:/ });
  await expect(option).toBeVisible({ timeout: 20_000 });
  await expect(stalling.page.getByRole("button", { name: /^Đáp án A:/ })).toBeVisible();
  stalling.stall(true);
  expect(Date.now()).toBeLessThan(closing + DELAY_MS);
  await option.click();
  await expect(phone.page.getByText("Đã gửi câu trả lời. Chờ kết quả…")).toBeVisible();

  // No reveal on the phone before the close airs on its path.
  await phone.page.waitForTimeout(Math.max(0, closing + DELAY_MS - 300 - Date.now()));
  await expect(phone.page.getByText(/^Đáp án đúng: [A-F]/)).toHaveCount(0);
  // It comes when the close airs, not at the end of the question's full 10 s there.
  await expect(phone.page.getByText(/^Đáp án đúng: [A-F]/)).toBeVisible({ timeout: 10_000 });
  const revealSeen = Date.now();
  expect(revealSeen).toBeGreaterThanOrEqual(closing + DELAY_MS);
  expect(revealSeen).toBeLessThan(closed + DELAY_MS + 4_000);

  // The stalled phone still shows the question; its tap after the close aired is refused.
  await stalling.page.waitForTimeout(Math.max(0, closed + DELAY_MS + 300 - Date.now()));
  await stalling.page.getByRole("button", { name: /^Đáp án A:/ }).click();
  await stalling.page.waitForTimeout(1_000);
  stalling.stall(false);
  await expect(stalling.page.getByRole("alert")).toHaveText("Đã hết giờ trả lời câu này.");
  await expect(stalling.page.getByText(/^Đáp án đúng: [A-F]/)).toBeVisible();
  expect(await tryAnswer(other, "too-late")).toBe("too-late");

  await expect(host.getByText("Câu 1: 1 trả lời", { exact: false })).toBeVisible();
  other.socket.disconnect();
});
