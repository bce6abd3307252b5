import { expect, test } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import { signedIn } from "./sign-in";

// TV play-along (issue 15, docs/decisions/038): the host sets an internet stream 10 s behind the
// studio; a viewer at home joins on it from their phone and answers when the question reaches
// their screen, though the studio closed the question at once: their window runs its full time.
// Another viewer on the same path (a real Socket.IO client) tries before the question has aired
// for them and after their window has closed, and is refused both times.

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

test("a home player 10 s behind the studio answers in their own window and is refused outside it", async ({ browser, baseURL }) => {
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

  const phone = await (await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true })).newPage();
  await phone.goto(`/play/${pin}`);
  await phone.getByLabel("Tên hiển thị").fill("Xem qua mạng");
  await phone.getByLabel("Bạn đang xem ở đâu?").selectOption({ label: "Internet (chậm 10 giây)" });
  await phone.getByRole("button", { name: "Vào chơi" }).click();
  await expect(phone.getByText("Bạn đã vào trò chơi! Chờ người dẫn bắt đầu…")).toBeVisible();
  const other = await homeViewer(baseURL!, pin);
  await expect(host.getByText("2 người chơi tại nhà")).toBeVisible();

  await host.getByRole("button", { name: "Bắt đầu" }).click();
  // The studio's question is open: on the stream it has not aired yet.
  await expect(host.getByRole("button", { name: "Dừng nhận trả lời" })).toBeVisible({ timeout: 15_000 });
  expect(await tryAnswer(other, "too-early")).toBe("not-in-question");
  await expect(phone.getByRole("button", { name: /^Đáp án A:/ })).toHaveCount(0);
  // The studio closes the question at once (its contestants have answered, or the host says so):
  // the viewers at home still get the whole 10 s on their path (docs/decisions/039).
  await host.getByRole("button", { name: "Dừng nhận trả lời" }).click();
  await expect(host.getByRole("button", { name: "Dừng nhận trả lời" })).toHaveCount(0);

  // Ten seconds later it reaches the phone, and stays open there: an answer 6 s in still counts.
  const option = phone.getByRole("button", { name: /^Đáp án A:/ });
  await expect(option).toBeVisible({ timeout: 20_000 });
  await phone.waitForTimeout(6_000);
  await expect(phone.getByText(/^Đáp án đúng: [A-F]/)).toHaveCount(0);
  await option.click();
  await expect(phone.getByText("Đã gửi câu trả lời. Chờ kết quả…")).toBeVisible();

  // The phone's reveal airs when the window has closed on its path: from then on, too late.
  await expect(phone.getByText(/^Đáp án đúng: [A-F]/)).toBeVisible({ timeout: 30_000 });
  expect(await tryAnswer(other, "too-late")).toBe("too-late");
  await expect(host.getByText("Câu 1: 1 trả lời", { exact: false })).toBeVisible();
  other.socket.disconnect();
});
