import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

// Every irreversible action asks first and says what will happen: handing in a contest attempt,
// closing a round, deleting one's data, ending a live game. With JavaScript the question is a
// dialog; without it, the form answers with a confirm step.

async function signUp(page: Page, displayName: string) {
  await page.goto("/signup");
  await page.getByLabel("Tên đăng nhập").fill(`hs-${Date.now()}-${Math.floor(Math.random() * 1000)}`);
  await page.getByLabel("Tên hiển thị").fill(displayName);
  await page.getByLabel("Mật khẩu").fill("mat-khau-123");
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  await page.waitForURL("/me");
}

async function register(page: Page, code: string) {
  await page.goto(`/r/${code}`);
  await page.getByRole("link", { name: "Đăng ký dự thi" }).click();
  await page.getByLabel("Năm sinh").fill("2013");
  await page.getByLabel("Đối tượng").selectOption({ label: "Học sinh THCS" });
  await page.getByLabel("Xã/phường (hoặc tỉnh, với trường trực thuộc tỉnh)", { exact: true }).selectOption({ label: "Phường Bắc Giang" });
  await page.getByLabel("Trường / nơi làm việc", { exact: true }).selectOption({ label: "Trường THCS mẫu (Phường Bắc Giang)" });
  await page.getByLabel("Lớp (không bắt buộc)").fill("8a");
  await page.getByLabel("Tôi đã đọc và đồng ý.").check();
  await page.getByLabel("Em đồng ý tham gia và cho phép lưu các thông tin trên.").check();
  await page.getByLabel("Họ tên cha, mẹ hoặc người giám hộ").fill("Trần Thị Hoa");
  await page.getByLabel("Tôi là cha, mẹ hoặc người giám hộ của em và đồng ý với nội dung trên.").check();
  await page.getByRole("button", { name: "Đăng ký", exact: true }).click();
  await page.waitForURL(/\/rounds\/[^/?]+$/);
}

async function createClassRound(page: Page, title: string) {
  await page.goto("/teacher/rounds");
  await page.getByLabel("Tên vòng thi").fill(title);
  await page.getByLabel("ASEAN cơ bản và lịch sử — Bất kỳ").fill("3");
  await page.getByLabel("Thời gian mỗi lượt (phút)").fill("10");
  await page.getByLabel("Số lượt làm bài").fill("1");
  await page.getByRole("radio", { name: "Một lớp" }).check();
  await page.getByLabel("Lớp", { exact: true }).fill("8A");
  await page.getByRole("button", { name: "Tạo vòng thi" }).click();
  await page.waitForURL(/\/rounds\/[^/]+\/results$/);
  return { resultsUrl: page.url(), code: (await page.getByTestId("join-code").textContent())!.trim() };
}

/** The same signed-in person in a browser with JavaScript turned off. */
async function withoutJavaScript(browser: Browser, page: Page): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  return context.newPage();
}

test("handing in and closing a round ask first, with a dialog and without JavaScript", async ({ browser }) => {
  const teacher = await (await browser.newContext()).newPage();
  await signIn(teacher, "giaovien", "asean-teacher");
  const { resultsUrl, code } = await createClassRound(teacher, "Vòng thi có xác nhận");

  const pupil = await (await browser.newContext()).newPage();
  await signUp(pupil, "Phạm Minh Khoa");
  await register(pupil, code);
  await pupil.getByRole("button", { name: "Bắt đầu làm bài (lượt 1)" }).click();
  await expect(pupil.getByText("Câu 1/3")).toBeVisible();
  const attemptUrl = pupil.url();

  // With JavaScript: a dialog says how many questions are blank; "cancel" keeps the attempt open.
  await pupil.getByRole("button", { name: "Nộp bài" }).click();
  const dialog = pupil.getByRole("dialog");
  await expect(dialog).toContainText("Bạn còn 3/3 câu chưa trả lời.");
  await expect(dialog).toContainText("không sửa được bài nữa");
  await dialog.getByRole("button", { name: "Huỷ, quay lại" }).click();
  await expect(dialog).toBeHidden();
  await expect(pupil.getByText("Câu 1/3")).toBeVisible();

  // Without JavaScript: the press saves the answer and comes back with a confirm step.
  const plain = await withoutJavaScript(browser, pupil);
  await plain.goto(attemptUrl);
  await plain.getByRole("group").getByRole("radio").or(plain.getByRole("group").getByRole("checkbox")).first().check();
  await plain.getByRole("button", { name: "Nộp bài" }).click();
  const step = plain.getByRole("alertdialog");
  await expect(step).toContainText("Bạn còn 2/3 câu chưa trả lời.");
  await step.getByRole("button", { name: "Nộp bài" }).click();
  await expect(plain.getByText("Đã nộp")).toBeVisible();

  // Closing the round: the dialog states the consequence; cancel leaves it open.
  await teacher.goto(resultsUrl);
  await teacher.getByRole("button", { name: "Đóng vòng thi ngay" }).click();
  await expect(teacher.getByRole("dialog")).toContainText("Thí sinh đang làm bài sẽ bị dừng");
  await teacher.getByRole("dialog").getByRole("button", { name: "Huỷ, quay lại" }).click();
  await teacher.reload();
  await expect(teacher.getByRole("button", { name: "Đóng vòng thi ngay" })).toBeVisible();

  // Without JavaScript the same question is a step of its own before anything closes.
  const plainTeacher = await withoutJavaScript(browser, teacher);
  await plainTeacher.goto(resultsUrl);
  await plainTeacher.getByRole("button", { name: "Đóng vòng thi ngay" }).click();
  await expect(plainTeacher.getByRole("alertdialog")).toContainText("Không thể mở lại.");
  await plainTeacher.goto(resultsUrl);
  await expect(plainTeacher.getByRole("button", { name: "Đóng vòng thi ngay" })).toBeVisible();
  await plainTeacher.getByRole("button", { name: "Đóng vòng thi ngay" }).click();
  await plainTeacher.getByRole("alertdialog").getByRole("button", { name: "Đóng vòng thi" }).click();
  await expect(plainTeacher.getByText("Vòng thi đã đóng.")).toBeVisible();
});

test("deleting one's data asks in a dialog that says it cannot be undone", async ({ browser }) => {
  const pupil = await (await browser.newContext()).newPage();
  await signUp(pupil, "Người sẽ xóa");
  await pupil.goto("/me/data");
  await pupil.getByLabel("Tôi hiểu và muốn xóa.").check();
  await pupil.getByRole("button", { name: "Xóa dữ liệu của tôi" }).click();
  const dialog = pupil.getByRole("dialog");
  await expect(dialog).toContainText("Không thể hoàn tác.");
  await dialog.getByRole("button", { name: "Huỷ, quay lại" }).click();
  await expect(pupil).toHaveURL(/\/me\/data$/);
  await pupil.getByRole("button", { name: "Xóa dữ liệu của tôi" }).click();
  await pupil.getByRole("dialog").getByRole("button", { name: "Xóa vĩnh viễn" }).click();
  await pupil.waitForURL("/");
  await expect(pupil.getByRole("link", { name: "Đăng nhập" })).toBeVisible();
});

test("ending a live game mid-question asks first and says the scores become final", async ({ browser }) => {
  const host = await (await browser.newContext()).newPage();
  await signIn(host, "dai-ptth", "asean-host");
  await host.goto("/host/games/new");
  await host.getByLabel("Tên trò chơi").fill("Trò chơi kết thúc sớm");
  await host.getByLabel("Chọn từng câu theo mã").check();
  await host.getByLabel("Mã câu hỏi, mỗi dòng một mã").fill("asean-basics-0001\nasean-basics-0003");
  await host.getByRole("button", { name: "Tạo trò chơi" }).click();
  const pin = (await host.getByTestId("game-pin").textContent())!.trim();

  const phone = await (await browser.newContext({ viewport: { width: 360, height: 640 } })).newPage();
  await phone.goto(`/play/${pin}`);
  await phone.getByLabel("Tên hiển thị").fill("Gia Huy");
  await phone.getByRole("button", { name: "Vào chơi" }).click();
  await expect(phone.getByText("Bạn đã vào trò chơi! Chờ người dẫn bắt đầu…")).toBeVisible();
  await host.getByRole("button", { name: "Bắt đầu" }).click();
  await expect(phone.getByText(/^Câu 1\/2$/)).toBeVisible({ timeout: 15_000 });

  // The first time the host changes their mind; the game goes on.
  host.once("dialog", (dialog) => void dialog.dismiss());
  await host.getByRole("button", { name: "Kết thúc ngay" }).click();
  await expect(phone.getByRole("button", { name: /^Đáp án A:/ })).toBeVisible();

  const asked = new Promise<string>((resolve) =>
    host.once("dialog", (dialog) => {
      resolve(dialog.message());
      void dialog.accept();
    }),
  );
  await host.getByRole("button", { name: "Kết thúc ngay" }).click();
  expect(await asked).toContain("điểm được chốt như hiện tại");
  await expect(phone.getByText("Trò chơi đã kết thúc. Cảm ơn bạn đã tham gia!")).toBeVisible();
});
