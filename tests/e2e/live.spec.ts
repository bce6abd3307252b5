import { expect, test, type Browser, type Page } from "@playwright/test";
import { signedIn } from "./sign-in";

// A host, a display and three players, each in a browser context of their own, play a
// three-question game to the podium; one player reloads the page in the middle of a question.

const QUESTION_IDS = ["asean-basics-0001", "asean-basics-0003", "asean-basics-0004"];

async function joinAsPlayer(browser: Browser, pin: string, name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  // The QR code's link.
  await page.goto(`/join?pin=${pin}`);
  await expect(page).toHaveURL(`/play/${pin}`);
  await page.getByLabel("Tên hiển thị").fill(name);
  await page.getByLabel("Xã/phường", { exact: true }).selectOption({ label: "Xã Yên Thế" });
  await page.getByLabel("Trường", { exact: true }).selectOption({ label: "Trường THCS mẫu (Xã Yên Thế)" });
  await page.getByRole("button", { name: "Vào chơi" }).click();
  await expect(page.getByText("Bạn đã vào trò chơi! Chờ người dẫn bắt đầu…")).toBeVisible();
  return page;
}

/** The first answer on a player's phone (any answer will do: the test checks the flow, not knowledge). */
async function answerFirstOption(page: Page) {
  const option = page.getByRole("button", { name: /^Đáp án A:/ });
  await option.click();
  // A multiple-answer question (the third one) takes a choice, then "Send".
  const send = page.getByRole("button", { name: "Gửi", exact: true });
  if ((await send.count()) > 0) await send.click();
  // The buttons give way to "answer sent" (or, for the last one to answer, straight to the reveal).
  await expect(option).toHaveCount(0);
}

async function scoreOf(page: Page): Promise<string> {
  return (await page.getByText(/^Điểm: \d+$/).first().textContent()) ?? "";
}

test("a host, a display and three players play a game to the podium; a reload keeps the player's place", async ({ browser }) => {
  test.setTimeout(120_000);
  const host = await signedIn(browser, "dai-ptth", "asean-host");

  await host.goto("/host/games/new");
  await host.getByLabel("Tên trò chơi").fill("Đố vui ASEAN trên sóng");
  await host.getByLabel("Thời gian mỗi câu (giây, 5–120)").fill("30");
  await host.getByLabel("Chọn từng câu theo mã").check();
  await host.getByLabel("Mã câu hỏi, mỗi dòng một mã").fill(QUESTION_IDS.join("\n"));
  await host.getByRole("button", { name: "Tạo trò chơi" }).click();
  await expect(host.getByRole("heading", { name: "Đố vui ASEAN trên sóng" })).toBeVisible();
  await expect(host.getByRole("img", { name: "Mã QR để vào trò chơi" })).toBeVisible();
  const pin = (await host.getByTestId("game-pin").textContent())!.trim();
  expect(pin).toMatch(/^\d{6}$/);

  const displayHref = await host.getByRole("link", { name: "Mở màn hình trình chiếu" }).getAttribute("href");
  const display = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await display.goto(displayHref!);
  await expect(display.getByTestId("display-pin")).toHaveText(pin);
  await expect(display.getByRole("img", { name: "Mã QR để vào trò chơi" })).toBeVisible();

  const names = ["Lan Anh", "Minh Đức", "Thu Hà"];
  const players: Page[] = [];
  for (const name of names) players.push(await joinAsPlayer(browser, pin, name));
  await expect(host.getByText("Người chơi: 3")).toBeVisible();
  await expect(display.getByText("3 người chơi")).toBeVisible();

  await host.getByRole("button", { name: "Bắt đầu" }).click();
  for (let question = 1; question <= 3; question += 1) {
    for (const player of players) await expect(player.getByText(new RegExp(`^Câu ${question}/3$`))).toBeVisible({ timeout: 15_000 });
    await expect(display.getByText(`Câu ${question}/3`)).toBeVisible();

    if (question === 2) {
      // Mid-question, before answering: the phone reloads and comes back as the same player.
      const before = await scoreOf(players[1]);
      await players[1].reload();
      await expect(players[1].getByText(/^Câu 2\/3$/)).toBeVisible();
      await expect(players[1].getByText(before, { exact: true }).first()).toBeVisible();
      await expect(players[1].getByRole("button", { name: /^Đáp án A:/ })).toBeEnabled();
    }

    for (const player of players) await answerFirstOption(player);
    // Everyone has answered: the question closes at once and the answer is shown.
    for (const player of players) await expect(player.getByText(/^Đáp án đúng: [A-F]/)).toBeVisible();
    await expect(display.getByText(/người trả lời đúng$/)).toBeVisible();

    await host.getByRole("button", { name: "Xem bảng xếp hạng" }).click();
    await expect(display.getByRole("heading", { name: "Bảng xếp hạng" })).toBeVisible();
    await host.getByRole("button", { name: question < 3 ? "Câu tiếp theo" : "Xem bục vinh quang" }).click();
  }

  await expect(display.getByRole("heading", { name: "Bục vinh quang" })).toBeVisible();
  for (const player of players) await expect(player.getByText("Trò chơi đã kết thúc. Cảm ơn bạn đã tham gia!")).toBeVisible();
  await host.getByRole("button", { name: "Kết thúc trò chơi" }).click();
  await expect(host.getByText("Trò chơi đã kết thúc.", { exact: true })).toBeVisible();

  await host.getByRole("link", { name: "Xem và tải kết quả" }).click();
  await expect(host.getByRole("heading", { name: "Kết quả: Đố vui ASEAN trên sóng" })).toBeVisible();
  for (const name of names) await expect(host.getByRole("cell", { name, exact: true })).toBeVisible();
  const download = host.waitForEvent("download");
  await host.getByRole("link", { name: "Tải Excel (XLSX)" }).click();
  expect((await download).suggestedFilename()).toMatch(new RegExp(`^ket-qua-${pin}-.*\\.xlsx$`));
});
