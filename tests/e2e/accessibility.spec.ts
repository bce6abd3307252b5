import { expect, test, type Browser, type Page } from "@playwright/test";
import { audit, desktop, phone, report, type Finding } from "./axe-audit";
import { signIn } from "./sign-in";

// axe-core (WCAG 2 A and AA rules) in a real Chromium on the pages students, teachers, hosts and
// organizers use, with the demo data: students on a phone (Pixel 5), staff on a desktop. A violation
// of impact "serious" or "critical" fails the test, with the rule ids and the elements it found.

test("the pages students use have no serious or critical axe violations on a phone", async ({ browser }) => {
  test.setTimeout(90_000);
  const findings: Finding[] = [];

  // A host opens a live game, so the player's lobby screen has something to join.
  const host = await desktop(browser);
  await signIn(host, "dai-ptth", "asean-host");
  await host.goto("/host/games/new");
  await host.getByLabel("Tên trò chơi").fill("Kiểm tra trợ năng");
  await host.getByLabel("Chọn từng câu theo mã").check();
  await host.getByLabel("Mã câu hỏi, mỗi dòng một mã").fill("asean-basics-0001");
  await host.getByRole("button", { name: "Tạo trò chơi" }).click();
  const pin = (await host.getByTestId("game-pin").textContent())!.trim();

  const student = await phone(browser);
  await student.goto("/");
  await audit(student, "/", findings);
  await student.goto("/join");
  await audit(student, "/join", findings);
  await student.goto("/login");
  await audit(student, "/login", findings);
  await student.goto("/leaderboard");
  await audit(student, "/leaderboard", findings);

  await student.goto(`/play/${pin}`);
  await audit(student, "/play/:pin (name form)", findings);
  await student.getByLabel("Tên hiển thị").fill("Bảo Ngọc");
  await student.getByRole("button", { name: "Vào chơi" }).click();
  await expect(student.getByText("Bạn đã vào trò chơi! Chờ người dẫn bắt đầu…")).toBeVisible();
  await audit(student, "/play/:pin (lobby)", findings);
  await host.getByRole("button", { name: "Bắt đầu" }).click();
  await expect(student.getByRole("button", { name: /^Đáp án A:/ })).toBeVisible({ timeout: 15_000 });
  await audit(student, "/play/:pin (question)", findings);

  await signIn(student, "hocsinh", "asean-student");
  await expect(student).toHaveURL("/me");
  await audit(student, "/me", findings);
  await student.getByRole("listitem").filter({ hasText: "Tuần 2" }).getByRole("link").first().click();
  await student.waitForURL(/\/rounds\/[^/]+$/);
  await audit(student, "/rounds/:id", findings);
  await student.getByRole("link", { name: "Đăng ký dự thi" }).click();
  await expect(student.getByLabel("Năm sinh")).toBeVisible();
  await audit(student, "/rounds/:id/register", findings);
  await student.getByLabel("Năm sinh").fill("2013");
  await student.getByLabel("Đối tượng").selectOption({ label: "Học sinh THCS" });
  await student.getByLabel("Xã/phường (hoặc tỉnh, với trường trực thuộc tỉnh)", { exact: true }).selectOption({ label: "Phường Bắc Giang" });
  await student.getByLabel("Trường / nơi làm việc", { exact: true }).selectOption({ label: "Trường THCS mẫu (Phường Bắc Giang)" });
  await student.getByLabel("Tôi đã đọc và đồng ý.").check();
  await student.getByLabel("Em đồng ý tham gia và cho phép lưu các thông tin trên.").check();
  await student.getByLabel("Họ tên cha, mẹ hoặc người giám hộ").fill("Trần Thị Hoa");
  await student.getByLabel("Tôi là cha, mẹ hoặc người giám hộ của em và đồng ý với nội dung trên.").check();
  await student.getByRole("button", { name: "Đăng ký", exact: true }).click();
  await student.waitForURL(/\/rounds\/[^/?]+$/);
  await student.getByRole("button", { name: /^Bắt đầu làm bài/ }).click();
  await expect(student.getByText(/^Câu 1\/\d+$/).first()).toBeVisible();
  await audit(student, "/rounds/:id/attempt/:id", findings);
  // The hand-in question (a dialog over the page), then back to the attempt.
  await student.getByRole("button", { name: "Nộp bài" }).click();
  await expect(student.getByRole("dialog")).toBeVisible();
  await audit(student, "/rounds/:id/attempt/:id (hand-in dialog)", findings);
  await student.getByRole("dialog").getByRole("button", { name: "Huỷ, quay lại" }).click();

  expect(findings, report(findings)).toEqual([]);
});

test("the pages teachers and organizers use have no serious or critical axe violations on a desktop", async ({ browser }) => {
  test.setTimeout(90_000);
  const findings: Finding[] = [];

  const teacher = await desktop(browser);
  await signIn(teacher, "giaovien", "asean-teacher");
  await teacher.goto("/teacher");
  await audit(teacher, "/teacher", findings);
  await teacher.goto("/bank");
  await audit(teacher, "/bank", findings);

  const organizer = await desktop(browser);
  await signIn(organizer, "btc", "asean-btc");
  await organizer.goto("/organizer");
  await audit(organizer, "/organizer", findings);
  await organizer.goto("/organizer/stats");
  await audit(organizer, "/organizer/stats", findings);

  expect(findings, report(findings)).toEqual([]);
});
