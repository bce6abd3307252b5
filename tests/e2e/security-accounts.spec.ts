import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page.getByRole("link", { name: "Đăng nhập" })).toBeVisible();
}

test("the demo says it is a demo on every page", async ({ page }) => {
  for (const path of ["/", "/login", "/signup", "/reset"]) {
    await page.goto(path);
    await expect(page.getByText("Bản demo — tài khoản và mật khẩu mẫu công khai trong README")).toBeVisible();
  }
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByText("Demo — sample accounts whose passwords are in the README")).toBeVisible();
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
});

test("anyone changes their own password with the current one, then signs in with the new one", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Tên đăng nhập").fill("doi.matkhau");
  await page.getByLabel("Tên hiển thị").fill("Bạn Đổi Mật Khẩu");
  await page.getByLabel("Mật khẩu").fill("mat-khau-dau-tien");
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(page).toHaveURL("/me");

  await page.getByRole("link", { name: "Bạn Đổi Mật Khẩu" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tài khoản của tôi");
  await page.getByLabel("Mật khẩu hiện tại").fill("khong-phai-mat-khau");
  await page.getByLabel("Mật khẩu mới", { exact: true }).fill("mat-khau-thu-hai");
  await page.getByLabel("Nhập lại mật khẩu mới").fill("mat-khau-thu-hai");
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(page.getByText("Mật khẩu hiện tại không đúng.")).toBeVisible();

  await page.getByLabel("Mật khẩu hiện tại").fill("mat-khau-dau-tien");
  await page.getByLabel("Mật khẩu mới", { exact: true }).fill("mat-khau-thu-hai");
  await page.getByLabel("Nhập lại mật khẩu mới").fill("mat-khau-thu-hai");
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã đổi mật khẩu. Các phiên đăng nhập trên thiết bị khác đã kết thúc.");
  // This browser stays signed in with a fresh session.
  await page.goto("/me");
  await expect(page).toHaveURL("/me");
  await signOut(page);

  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill("doi.matkhau");
  await page.getByLabel("Mật khẩu").fill("mat-khau-dau-tien");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("alert")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
  await signIn(page, "doi.matkhau", "mat-khau-thu-hai");
  await expect(page).toHaveURL("/me");
});

test("a teacher issues a one-time code; the pupil sets a new password with it at /reset", async ({ browser }) => {
  // An admin creates a pupil of the teacher's school.
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, "admin", "asean-admin");
  await adminPage.goto("/admin/users");
  await adminPage.getByLabel("Tên đăng nhập").fill("em.quenmatkhau");
  await adminPage.getByLabel("Tên hiển thị").fill("Em Quên Mật Khẩu");
  await adminPage.getByLabel("Mật khẩu").fill("mat-khau-da-quen");
  await adminPage.locator("#create-role").selectOption("participant");
  await adminPage.locator("#create-unit").selectOption({ label: "Trường THCS mẫu (Phường Bắc Giang)" });
  await adminPage.getByRole("button", { name: "Tạo tài khoản cán bộ" }).click();
  await expect(adminPage.getByRole("status")).toContainText("em.quenmatkhau");
  await adminPage.context().close();

  const teacher = await (await browser.newContext()).newPage();
  await signIn(teacher, "giaovien", "asean-teacher");
  await teacher.getByRole("link", { name: "Học sinh" }).click();
  await expect(teacher.getByRole("heading", { level: 1 })).toHaveText("Học sinh của trường");
  await teacher.getByRole("button", { name: "Tạo mã đặt lại mật khẩu cho em.quenmatkhau" }).click();
  const notice = teacher.getByRole("status");
  await expect(notice).toContainText("Mã đặt lại mật khẩu của em.quenmatkhau:");
  const code = /([A-Z2-9]{5}-[A-Z2-9]{5})/.exec((await notice.textContent()) ?? "")?.[1];
  expect(code).toBeTruthy();
  await teacher.context().close();

  const pupil = await (await browser.newContext()).newPage();
  await pupil.goto("/login");
  await pupil.getByRole("link", { name: "Quên mật khẩu? Nhập mã đặt lại" }).click();
  await expect(pupil.getByRole("heading", { level: 1 })).toHaveText("Đặt lại mật khẩu bằng mã");
  const fillReset = async (password: string) => {
    await pupil.getByLabel("Tên đăng nhập").fill("em.quenmatkhau");
    await pupil.getByLabel("Mã đặt lại").fill(code!.toLowerCase());
    await pupil.getByLabel("Mật khẩu mới", { exact: true }).fill(password);
    await pupil.getByLabel("Nhập lại mật khẩu mới").fill(password);
    await pupil.getByRole("button", { name: "Đặt mật khẩu mới" }).click();
  };
  await fillReset("mat-khau-moi-cua-em");
  await expect(pupil).toHaveURL("/me");
  await signOut(pupil);

  // The code worked once.
  await pupil.goto("/reset");
  await fillReset("mat-khau-lan-nua");
  await expect(pupil.getByRole("alert")).toHaveText("Mã không đúng, đã được dùng hoặc đã hết hạn. Hãy xin thầy cô một mã mới.");

  await signIn(pupil, "em.quenmatkhau", "mat-khau-moi-cua-em");
  await expect(pupil).toHaveURL("/me");
  await pupil.context().close();
});

test("guessing one account's password is stopped with a Vietnamese message and shows in the audit log", async ({ page }) => {
  await page.goto("/login");
  const messages: string[] = [];
  for (let attempt = 0; attempt < 11; attempt += 1) {
    await page.getByLabel("Tên đăng nhập").fill("khong.ton.tai");
    await page.getByLabel("Mật khẩu").fill(`doan-mo-${attempt}`);
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname.startsWith("/login")),
      page.getByRole("button", { name: "Đăng nhập" }).click(),
    ]);
    const alert = page.getByRole("alert");
    await expect(alert).toHaveText(attempt < 10 ? "Tên đăng nhập hoặc mật khẩu không đúng." : /quá nhiều lần/);
    messages.push((await alert.textContent()) ?? "");
  }
  expect(messages.at(-1)).toBe("Bạn đã thử quá nhiều lần. Vui lòng đợi vài phút rồi thử lại.");

  await page.getByLabel("Tên đăng nhập").fill("admin");
  await page.getByLabel("Mật khẩu").fill("asean-admin");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL("/admin");
  await page.goto("/admin/audit");
  const failures = page.getByRole("row").filter({ hasText: "auth.sign-in-failed" }).filter({ hasText: "khong.ton.tai" });
  await expect(failures).toHaveCount(10);
});
