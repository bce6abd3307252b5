import { expect, test } from "@playwright/test";

// A pupil without an account opens a class link: the page says who invites them to what, and the
// link survives sign-in → sign-up → registration, ending on the round itself.

test("a class link survives sign-up and registration", async ({ browser }) => {
  const teacher = await (await browser.newContext()).newPage();
  await teacher.goto("/login");
  await teacher.getByLabel("Tên đăng nhập").fill("giaovien");
  await teacher.getByLabel("Mật khẩu").fill("asean-teacher");
  await teacher.getByRole("button", { name: "Đăng nhập" }).click();
  await teacher.waitForURL("/teacher");
  await teacher.goto("/teacher/rounds");
  await teacher.getByLabel("Tên vòng thi").fill("Vòng thi lớp 7C qua đường link");
  await teacher.getByLabel("ASEAN cơ bản và lịch sử — Bất kỳ").fill("3");
  await teacher.getByRole("radio", { name: "Một lớp" }).check();
  await teacher.getByLabel("Lớp", { exact: true }).fill("7C");
  await teacher.getByRole("button", { name: "Tạo vòng thi" }).click();
  await teacher.waitForURL(/\/rounds\/[^/]+\/results$/);
  const roundPath = new URL(teacher.url()).pathname.replace(/\/results$/, "");
  const code = (await teacher.getByTestId("join-code").textContent())!.trim();

  const pupil = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
  await pupil.goto(`/r/${code}`);
  await expect(pupil.getByText(/mời bạn tham gia$/)).toBeVisible();
  await expect(pupil.getByRole("heading", { name: "Vòng thi lớp 7C qua đường link" })).toBeVisible();
  await expect(pupil.getByText(/^Một lớp · .* · lớp 7C · Đang mở$/)).toBeVisible();

  // A detour through the sign-in page, then on to sign-up: the link goes along.
  await pupil.getByRole("link", { name: "Tôi đã có tài khoản" }).click();
  await expect(pupil).toHaveURL(/\/login\?redirectTo=/);
  await pupil.getByRole("main").getByRole("link", { name: "Đăng ký" }).click();
  await expect(pupil).toHaveURL(/\/signup\?redirectTo=/);
  await pupil.getByLabel("Tên đăng nhập").fill(`hs-link-${Date.now()}`);
  await pupil.getByLabel("Tên hiển thị").fill("Đỗ Thảo Vy");
  await pupil.getByLabel("Mật khẩu").fill("mat-khau-123");
  await pupil.getByRole("button", { name: "Tạo tài khoản" }).click();
  await pupil.waitForURL(roundPath);
  await expect(pupil.getByRole("heading", { name: "Vòng thi lớp 7C qua đường link" })).toBeVisible();

  // Registration comes back to the round too.
  await pupil.getByRole("link", { name: "Đăng ký dự thi" }).click();
  await pupil.getByLabel("Năm sinh").fill("2013");
  await pupil.getByLabel("Đối tượng").selectOption({ label: "Học sinh THCS" });
  await pupil.getByLabel("Xã/phường (hoặc tỉnh, với trường trực thuộc tỉnh)", { exact: true }).selectOption({ label: "Phường Bắc Giang" });
  await pupil.getByLabel("Trường / nơi làm việc", { exact: true }).selectOption({ label: "Trường THCS mẫu (Phường Bắc Giang)" });
  await pupil.getByLabel("Lớp (không bắt buộc)").fill("7c");
  await pupil.getByLabel("Tôi đã đọc và đồng ý.").check();
  await pupil.getByLabel("Em đồng ý tham gia và cho phép lưu các thông tin trên.").check();
  await pupil.getByLabel("Họ tên cha, mẹ hoặc người giám hộ").fill("Đỗ Văn Nam");
  await pupil.getByLabel("Tôi là cha, mẹ hoặc người giám hộ của em và đồng ý với nội dung trên.").check();
  await pupil.getByRole("button", { name: "Đăng ký", exact: true }).click();
  await pupil.waitForURL(roundPath);
  await expect(pupil.getByRole("button", { name: "Bắt đầu làm bài (lượt 1)" })).toBeVisible();

  // And the round is on the pupil's home page from now on.
  await pupil.goto("/me");
  await expect(pupil.getByRole("listitem").filter({ hasText: "Vòng thi lớp 7C qua đường link" }).getByText("Đang mở", { exact: true })).toBeVisible();
});
