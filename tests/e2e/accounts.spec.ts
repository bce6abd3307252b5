import { expect, test, type Page } from "@playwright/test";

async function submitSignIn(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

/** Signs in and waits until the redirect away from the sign-in page has landed. */
async function signIn(page: Page, username: string, password: string) {
  await submitSignIn(page, username, password);
  await page.waitForURL((url) => url.pathname !== "/login");
}

test("the home page says what the platform is, in Vietnamese", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Sân chơi ASEAN/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sân chơi tìm hiểu về ASEAN");
  // The broadcaster is named as /admin/organisation says (the demo default here).
  await expect(page.getByRole("heading", { name: /^Đài Phát thanh và Truyền hình tỉnh/ })).toBeVisible();
});

const roleHomes = [
  { username: "admin", password: "asean-admin", path: "/admin", heading: "Quản trị hệ thống" },
  { username: "btc", password: "asean-btc", path: "/organizer", heading: "Trang ban tổ chức" },
  { username: "dai-ptth", password: "asean-host", path: "/host", heading: "Trang người dẫn chương trình" },
  { username: "giaovien", password: "asean-teacher", path: "/teacher", heading: "Trang giáo viên" },
  { username: "hocsinh", password: "asean-student", path: "/me", heading: "Trang của tôi" },
];

for (const account of roleHomes) {
  test(`${account.username} signs in and lands on the role's home`, async ({ page }) => {
    await signIn(page, account.username, account.password);
    await expect(page).toHaveURL(account.path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(account.heading);
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect(page.getByRole("link", { name: "Đăng nhập" })).toBeVisible();
  });
}

test("a wrong password shows a Vietnamese error and no session", async ({ page }) => {
  await submitSignIn(page, "admin", "not-the-password");
  await expect(page.getByRole("alert")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin/);
});

test("signing up with a taken username is refused clearly; a new one works", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Tên đăng nhập").fill("hocsinh");
  await page.getByLabel("Tên hiển thị").fill("Bạn trùng tên");
  await page.getByLabel("Mật khẩu").fill("mat-khau-123");
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(page.getByText("Tên đăng nhập “hocsinh” đã có người dùng. Vui lòng chọn tên khác.")).toBeVisible();

  await page.getByLabel("Tên đăng nhập").fill("hocsinh.moi");
  await page.getByLabel("Mật khẩu").fill("mat-khau-123");
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(page).toHaveURL("/me");
  await expect(page.getByText("Xin chào, Bạn trùng tên")).toBeVisible();
});

test("the language switch shows English and is remembered", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The 'Learn about ASEAN' playground");
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đăng nhập");
});

test("an admin imports units from CSV: errors by row first, then a preview, then the import", async ({ page }) => {
  await signIn(page, "admin", "asean-admin");
  await page.goto("/admin/units/import");
  const upload = async (name: string, text: string) => {
    await page.getByLabel("Tệp CSV").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
    await page.getByRole("button", { name: "Xem trước" }).click();
  };
  await upload(
    "sai.csv",
    "code,name,kind,parent_code,enrolment\nbn-yen-the-thcs-moi,Trường THCS mới,school,bn-yen-the,500\nbn-khong-co,Trường X,school,khong-ton-tai,10\n",
  );
  await expect(page.getByText("Dòng 3: Đơn vị cấp trên “khong-ton-tai” không tồn tại.")).toBeVisible();

  await upload("dung.csv", "code,name,kind,parent_code,enrolment\nbn-yen-the-thcs-moi,Trường THCS mới (Yên Thế),school,bn-yen-the,500\n");
  await expect(page.getByText("Xem trước: 1 đơn vị sẽ được thêm")).toBeVisible();
  await page.getByRole("button", { name: "Nhập 1 đơn vị" }).click();
  await expect(page.getByText("Đã nhập 1 đơn vị.")).toBeVisible();
  await page.goto("/admin/units?q=THCS mới");
  await expect(page.getByText("Trường THCS mới (Yên Thế)", { exact: true })).toBeVisible();
});

test("an admin creates a teacher account, who can then sign in", async ({ page, browser }) => {
  await signIn(page, "admin", "asean-admin");
  await page.goto("/admin/users");
  await page.getByLabel("Tên đăng nhập").fill("gv.hiephoa");
  await page.getByLabel("Tên hiển thị").fill("Thầy Hùng");
  await page.getByLabel("Mật khẩu").fill("mat-khau-gv");
  await page.getByLabel("Vai trò", { exact: true }).selectOption("teacher");
  await page.getByRole("button", { name: "Tạo tài khoản cán bộ" }).click();
  await expect(page.getByText("Đã tạo tài khoản “gv.hiephoa”.")).toBeVisible();
  await page.goto("/admin/audit");
  await expect(page.getByRole("row", { name: /admin user\.created gv\.hiephoa/ })).toBeVisible();

  const teacher = await browser.newContext();
  const teacherPage = await teacher.newPage();
  await signIn(teacherPage, "gv.hiephoa", "mat-khau-gv");
  await expect(teacherPage).toHaveURL("/teacher");
  await teacher.close();
});

test("the layout fits a 360-px phone", async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await page.goto("/");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole("link", { name: "Vào trò chơi bằng mã PIN" })).toBeVisible();
  await phone.close();
});
