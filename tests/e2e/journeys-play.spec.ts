import { expect, test } from "@playwright/test";

// The live game on the smallest phone we design for (360×640): no site header, every option of a
// five-option question and the "Gửi" button on screen without scrolling, the timer always in view.

const FIVE_OPTION_QUESTION = "province-and-asean-0035";

test("a five-option question fits a 360×640 phone with the submit button and the timer, without the site header", async ({ browser }) => {
  const host = await (await browser.newContext()).newPage();
  await host.goto("/login");
  await host.getByLabel("Tên đăng nhập").fill("dai-ptth");
  await host.getByLabel("Mật khẩu").fill("asean-host");
  await host.getByRole("button", { name: "Đăng nhập" }).click();
  await host.waitForURL((url) => url.pathname !== "/login");

  await host.goto("/host/games/new");
  await host.getByLabel("Tên trò chơi").fill("Câu hỏi năm đáp án");
  await host.getByLabel("Thời gian mỗi câu (giây, 5–120)").fill("60");
  await host.getByLabel("Chọn từng câu theo mã").check();
  await host.getByLabel("Mã câu hỏi, mỗi dòng một mã").fill(FIVE_OPTION_QUESTION);
  await host.getByRole("button", { name: "Tạo trò chơi" }).click();
  const pin = (await host.getByTestId("game-pin").textContent())!.trim();

  const phone = await (await browser.newContext({ viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true })).newPage();
  await phone.goto(`/play/${pin}`);
  // No site header on the game page: no sign-in link, no navigation.
  await expect(phone.getByRole("link", { name: "Đăng nhập" })).toHaveCount(0);
  await phone.getByLabel("Tên hiển thị").fill("Bảo Ngọc");
  await phone.getByRole("button", { name: "Vào chơi" }).click();
  await expect(phone.getByText("Bạn đã vào trò chơi! Chờ người dẫn bắt đầu…")).toBeVisible();

  await host.getByRole("button", { name: "Bắt đầu" }).click();
  await expect(phone.getByText(/^Câu 1\/1$/)).toBeVisible({ timeout: 15_000 });

  const options = phone.getByRole("button", { name: /^Đáp án [A-E]:/ });
  await expect(options).toHaveCount(5);
  for (let index = 0; index < 5; index += 1) await expect(options.nth(index)).toBeInViewport({ ratio: 1 });
  const send = phone.getByRole("button", { name: "Gửi", exact: true });
  await expect(send).toBeInViewport({ ratio: 1 });
  await expect(phone.getByTestId("play-timer")).toBeInViewport({ ratio: 1 });
  await expect(phone.getByTestId("play-timer")).toHaveText(/^Còn \d+ giây$/);
  // The page itself does not scroll: everything above is on the first screen.
  const overflow = await phone.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  expect(overflow).toBeLessThanOrEqual(0);

  // The short question line expands to the whole question on a tap.
  const prompt = phone.getByRole("button", { name: /Đài Phát thanh và Truyền hình/ });
  await expect(prompt).toHaveAttribute("aria-expanded", "false");
  await prompt.click();
  await expect(prompt).toHaveAttribute("aria-expanded", "true");
  await expect(send).toBeInViewport({ ratio: 1 });

  // The buttons work: choose two, send, and the phone says so.
  await options.nth(0).click();
  await options.nth(1).click();
  await send.click();
  await expect(phone.getByText(/^Đáp án đúng: /)).toBeVisible();
});
