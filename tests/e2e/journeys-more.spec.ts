import { expect, test, type Browser, type Page } from "@playwright/test";
import { signedIn } from "./sign-in";

// The second round of journeys without a dead end: a teacher writes a question and hand-picks
// questions for a class round, reschedules it before it opens and is refused once it has; a pupil
// corrects their profile; an admin finds an account among many and merges a duplicate.

/** "2026-12-08T08:00" for an instant, as the datetime-local inputs take it in Viet Nam time. */
function vietnamLocal(epochMs: number): string {
  return new Date(epochMs + 7 * 3_600_000).toISOString().slice(0, 16);
}

const DAY = 86_400_000;

test("a teacher writes a new question; a second organizer approves it from the review queue", async ({ browser }) => {
  const teacher = await signedIn(browser, "giaovien", "asean-teacher");
  await teacher.goto("/bank");
  await teacher.getByRole("link", { name: "Viết câu hỏi mới" }).click();
  await expect(teacher.getByRole("heading", { name: "Viết câu hỏi mới" })).toBeVisible();

  // Saved with half the fields: refused field by field, nothing written.
  const prompt = `Thủ đô của Lào là thành phố nào? (e2e ${Date.now()})`;
  await teacher.getByLabel("Câu hỏi (tiếng Việt)").fill(prompt);
  await teacher.getByRole("button", { name: "Lưu bản nháp để duyệt" }).click();
  await expect(teacher.getByRole("alert").first()).toBeVisible();
  await expect(teacher.getByLabel("Câu hỏi (tiếng Việt)")).toHaveValue(prompt);

  await teacher.getByLabel("Câu hỏi (tiếng Anh)").fill("What is the capital of Laos?");
  await teacher.getByLabel("Phương án 1 (tiếng Việt)").fill("Viêng Chăn");
  await teacher.getByLabel("Phương án 1 đúng").check();
  await teacher.getByLabel("Phương án 2 (tiếng Việt)").fill("Luông Pha Băng");
  await teacher.getByLabel("Phương án 3 (tiếng Việt)").fill("Pắc Xế");
  await teacher.getByLabel("Giải thích (tiếng Việt)").fill("Viêng Chăn là thủ đô của Lào.");
  await teacher.getByRole("checkbox", { name: "THCS", exact: true }).check();
  await teacher.getByLabel("Tên tài liệu nguồn").fill("ASEAN Member States");
  await teacher.getByLabel("Ngày của tài liệu").fill("2025");
  await teacher.getByRole("button", { name: "Lưu bản nháp để duyệt" }).click();
  await teacher.waitForURL(/\/bank\/[a-z-]+-\d{4}\?saved=1$/);
  const questionId = new URL(teacher.url()).pathname.split("/").pop()!;
  await expect(teacher.getByText(prompt).first()).toBeVisible();

  const organizer = await signedIn(browser, "btc2", "asean-btc2");
  await organizer.goto("/bank/review");
  await organizer.getByRole("button", { name: `Duyệt bản 1 của ${questionId}` }).click();
  await expect(organizer.getByRole("button", { name: `Duyệt bản 1 của ${questionId}` })).toHaveCount(0);
});

/** The teacher's round form with a window, for class 8A. */
async function fillRound(page: Page, title: string, opensAt: number) {
  await page.getByLabel("Tên vòng thi").fill(title);
  await page.getByLabel("Mở lúc").fill(vietnamLocal(opensAt));
  await page.getByLabel("Đóng lúc").fill(vietnamLocal(opensAt + 7 * DAY));
  await page.getByRole("radio", { name: "Một lớp" }).check();
  await page.getByLabel("Lớp", { exact: true }).fill("8A");
}

/** Searches the bank within the form and ticks the first `count` results; returns their ids. */
async function pickFirst(page: Page, count: number): Promise<string[]> {
  await page.getByLabel("Chủ đề", { exact: true }).last().selectOption({ index: 1 });
  await page.getByRole("button", { name: "Tìm câu hỏi" }).click();
  const results = page.getByRole("region", { name: "Kết quả tìm kiếm" }).getByRole("checkbox");
  await expect(results.first()).toBeVisible();
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const box = results.nth(index);
    ids.push((await box.getAttribute("name"))!.replace(/^pick\./, ""));
    await box.check();
  }
  return ids;
}

test("a teacher hand-picks questions by searching the bank, reschedules the round before it opens, and is refused once it has", async ({ browser }) => {
  const teacher = await signedIn(browser, "giaovien", "asean-teacher");
  await teacher.goto("/teacher/rounds");
  const title = `Ôn tập chọn tay ${Date.now()}`;
  await fillRound(teacher, title, Date.now() + DAY);
  const picked = await pickFirst(teacher, 2);
  // A second search keeps what was ticked, and every other field.
  await teacher.getByLabel("Tìm trong ngân hàng câu hỏi").fill("khong co cau nao nhu the nay");
  await teacher.getByRole("button", { name: "Tìm câu hỏi" }).click();
  await expect(teacher.getByText("Không tìm thấy câu hỏi nào trong bản phát hành đã chọn.")).toBeVisible();
  const pickedList = teacher.getByRole("region", { name: "Câu đã chọn" });
  await expect(pickedList.getByRole("checkbox", { checked: true })).toHaveCount(2);
  await expect(teacher.getByLabel("Tên vòng thi")).toHaveValue(title);
  await teacher.getByRole("button", { name: "Tạo vòng thi" }).click();
  await teacher.waitForURL(/\/rounds\/[^/]+\/results$/);
  await expect(teacher.getByText(/2 câu hỏi/).first()).toBeVisible();

  // Rescheduled and renamed before it opens: the join code stays.
  const code = await teacher.getByTestId("join-code").textContent();
  await teacher.getByRole("link", { name: "Sửa, dời lịch" }).click();
  await expect(teacher.getByRole("region", { name: "Câu đã chọn" }).getByRole("checkbox", { checked: true })).toHaveCount(2);
  for (const id of picked) await expect(teacher.getByText(id, { exact: true })).toBeVisible();
  await teacher.getByLabel("Tên vòng thi").fill(`${title} (dời)`);
  await teacher.getByLabel("Mở lúc").fill(vietnamLocal(Date.now() - 60_000));
  await teacher.getByRole("button", { name: "Lưu thay đổi" }).click();
  await teacher.waitForURL(/\/results\?edited=1$/);
  await expect(teacher.getByText("Đã lưu thay đổi của vòng thi.")).toBeVisible();
  await expect(teacher.getByRole("heading", { level: 1 })).toHaveText(`${title} (dời)`);
  await expect(teacher.getByTestId("join-code")).toHaveText(code!);

  // Now open: no edit link, and the edit page says why.
  await expect(teacher.getByRole("link", { name: "Sửa, dời lịch" })).toHaveCount(0);
  await teacher.goto(teacher.url().replace(/\/results.*$/, "/edit"));
  await expect(teacher.getByRole("alert")).toContainText(/Vòng thi đã mở lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} nên không sửa được nữa/);
});

test("a host hand-picks a live game's questions by searching the bank", async ({ browser }) => {
  const host = await signedIn(browser, "dai-ptth", "asean-host");
  await host.goto("/host/games/new");
  await host.getByLabel("Tên trò chơi").fill("Trò chơi chọn tay");
  await host.getByLabel("Chọn từng câu theo mã").check();
  await pickFirst(host, 3);
  await host.getByRole("button", { name: "Tạo trò chơi" }).click();
  const pin = (await host.getByTestId("game-pin").textContent())!.replace(/\D/g, "");

  // One player joins; the game asks the three picked questions.
  const player = await (await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true })).newPage();
  await player.goto(`/play/${pin}`);
  await player.getByLabel("Tên hiển thị").fill("Lan Anh");
  await player.getByLabel("Xã/phường", { exact: true }).selectOption({ label: "Xã Yên Thế" });
  await player.getByLabel("Trường", { exact: true }).selectOption({ label: "Trường THCS mẫu (Xã Yên Thế)" });
  await player.getByRole("button", { name: "Vào chơi" }).click();
  await expect(host.getByText("Người chơi: 1")).toBeVisible();
  await host.getByRole("button", { name: "Bắt đầu" }).click();
  await expect(player.getByText(/^Câu 1\/3$/)).toBeVisible({ timeout: 15_000 });
});

async function newPupil(browser: Browser, username: string, displayName: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/signup");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Tên hiển thị").fill(displayName);
  await page.getByLabel("Mật khẩu").fill("mat-khau-123");
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  await page.waitForURL("/me");
  return page;
}

async function register(page: Page, birthYear: string, className: string) {
  await page.goto("/register");
  await page.getByLabel("Năm sinh").fill(birthYear);
  await page.getByLabel("Đối tượng").selectOption({ label: "Học sinh THPT" });
  await page.getByLabel("Xã/phường (hoặc tỉnh, với trường trực thuộc tỉnh)", { exact: true }).selectOption({ label: "Phường Bắc Giang" });
  await page.getByLabel("Trường / nơi làm việc", { exact: true }).selectOption({ index: 1 });
  await page.getByLabel("Lớp (không bắt buộc)").fill(className);
  await page.getByLabel("Tôi đã đọc và đồng ý.").check();
  await page.getByRole("button", { name: "Đăng ký", exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/register");
}

test("a pupil corrects their class; an unusual birth year for the group is questioned first", async ({ browser }) => {
  const pupil = await newPupil(browser, `hs-hoso-${Date.now()}`, "Phạm Minh Châu");
  await register(pupil, "2008", "11a1");
  await pupil.goto("/me/data");
  await pupil.getByRole("link", { name: "Sửa hồ sơ (trường, lớp, đối tượng…)" }).click();
  await expect(pupil.getByRole("heading", { name: "Sửa hồ sơ dự thi" })).toBeVisible();

  // An upper-secondary pupil born in 1990 is questioned, then confirmed.
  await pupil.getByRole("spinbutton", { name: "Năm sinh" }).fill("1990");
  await pupil.getByRole("button", { name: "Lưu hồ sơ" }).click();
  await expect(pupil.getByText("Năm sinh này ít gặp ở đối tượng đã chọn.", { exact: false })).toBeVisible();
  await pupil.getByRole("spinbutton", { name: "Năm sinh" }).fill("2008");
  await pupil.getByLabel("Lớp (không bắt buộc)").fill("12a2");
  await pupil.getByRole("button", { name: "Lưu hồ sơ" }).click();
  await pupil.waitForURL("/me/data?profile=saved");
  await expect(pupil.getByText("Đã lưu hồ sơ của bạn.")).toBeVisible();
  await expect(pupil.getByText("12A2")).toBeVisible();
});

test("an admin finds accounts by name without diacritics and merges a duplicate into the one to keep", async ({ browser }) => {
  const stamp = Date.now();
  const keepName = `hs-giu-${stamp}`;
  const duplicateName = `hs-trung-${stamp}`;
  const kept = await newPupil(browser, keepName, "Đỗ Khánh Vy");
  const duplicate = await newPupil(browser, duplicateName, "Do Khanh Vy");
  await register(duplicate, "2009", "10a3");
  await kept.close();

  const admin = await signedIn(browser, "admin", "asean-admin");
  await admin.goto("/admin/users");
  await admin.getByLabel("Tìm tài khoản").fill("do khanh vy");
  await admin.getByRole("button", { name: "Tìm", exact: true }).click();
  await expect(admin.getByTestId("users-count")).toHaveText(/^\d+ tài khoản$/);
  await expect(admin.getByRole("link", { name: `Quản lý — ${keepName}` })).toBeVisible();
  await expect(admin.getByRole("link", { name: `Quản lý — ${duplicateName}` })).toBeVisible();

  await admin.getByRole("link", { name: `Quản lý — ${keepName}` }).click();
  await admin.getByLabel("Tên đăng nhập của tài khoản trùng").fill(duplicateName);
  await admin.getByRole("button", { name: "Xem trước" }).click();
  await expect(admin.getByText("Gộp vào rồi xóa")).toBeVisible();
  await admin.getByRole("button", { name: "Gộp tài khoản" }).click();
  const dialog = admin.getByRole("dialog");
  await expect(dialog).toContainText(`rồi xóa hẳn tài khoản ${duplicateName}? Không thể hoàn tác.`);
  await dialog.getByRole("button", { name: "Gộp và xóa tài khoản trùng" }).click();
  await expect(admin.getByText(`Đã gộp ${duplicateName} vào ${keepName}`)).toBeVisible();

  // The duplicate is gone; the kept account carries the profile it lacked.
  await admin.goto(`/admin/users?q=${duplicateName}`);
  await expect(admin.getByTestId("users-count")).toHaveText("0 tài khoản");
  await expect(duplicate.goto("/me/data").then(() => duplicate.url())).resolves.toContain("/login");
});

test("the home page names the organiser and the broadcaster from the organisation settings", async ({ browser, page }) => {
  const admin = await signedIn(browser, "admin", "asean-admin");
  await admin.goto("/admin/organisation");
  const organizer = await admin.getByLabel("Cơ quan chủ trì (ban tổ chức)").inputValue();
  await page.goto("/");
  await expect(page.getByRole("main").getByText(organizer, { exact: false }).first()).toBeVisible();
});

test("pages whose messages load with them hydrate cleanly and show words, not keys, after a client-side navigation", async ({ browser }) => {
  const teacher = await signedIn(browser, "giaovien", "asean-teacher");
  const errors: string[] = [];
  teacher.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await teacher.goto("/teacher");
  await teacher.getByRole("banner").getByRole("link", { name: "Vòng thi của lớp" }).click();
  await teacher.waitForURL("/teacher/rounds");
  await expect(teacher.getByText("Chọn câu hỏi cụ thể")).toBeVisible();
  await expect(teacher.getByText(/roundPick\.|roundEdit\./)).toHaveCount(0);
  // A full load of the same page: rendered on the server, hydrated in the browser, no mismatch.
  await teacher.reload();
  await teacher.getByRole("button", { name: "Tìm câu hỏi" }).click();
  await expect(teacher.getByRole("region", { name: "Kết quả tìm kiếm" })).toBeVisible();
  expect(errors).toEqual([]);
});
