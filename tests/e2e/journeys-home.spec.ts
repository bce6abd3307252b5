import { expect, test, type Page } from "@playwright/test";
import { signedIn } from "./sign-in";

/** The figures at a glance on a role's home: the ones shown, each a number or a percentage. */
async function glance(page: Page, figures: string[]) {
  const section = page.getByRole("region", { name: /^Số liệu năm \d{4}$/ });
  await expect(section).toBeVisible();
  for (const figure of figures) {
    await expect(section.getByTestId(`glance-${figure}`)).toHaveText(/^(\d[\d.]*(,\d+)?%?|—)$/);
  }
  await expect(section.getByTestId(/^glance-/)).toHaveCount(figures.length);
  await expect(section.getByRole("link", { name: "Xem thống kê" })).toHaveAttribute("href", "/organizer/stats");
  return section;
}

/** A number as the page writes it in Vietnamese ("1.234"). */
const asNumber = (text: string | null) => Number((text ?? "").replaceAll(".", "").replace(",", "."));

// Every home page shows the next step: the public page the open round with its rules, deadline and
// latest results; each role its own rounds, games or the contest at a glance.

test("the public home page shows the open contest round, its rules, deadline and the latest results", async ({ page }) => {
  await page.goto("/");
  // Other tests may open more rounds; the seeded contest's open round is "Tuần 2".
  const open = page.getByRole("region", { name: "Vòng thi đang mở" }).getByRole("listitem").filter({ hasText: "Tuần 2" });
  await expect(open.getByRole("link", { name: /Tuần 2$/ })).toBeVisible();
  await expect(open.getByText("Đang mở", { exact: true })).toBeVisible();
  await expect(open.getByText("Thể lệ", { exact: true })).toBeVisible();
  await expect(open.getByText(/câu hỏi · \d+ phút mỗi lượt · tối đa \d+ lượt/)).toBeVisible();
  await expect(open.getByText(/Hạn chót: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/)).toBeVisible();
  const latest = page.getByRole("region", { name: /^Kết quả mới nhất: .*Tuần 1$/ });
  await expect(latest.getByRole("listitem").first()).toContainText(/\d+\/\d+ câu đúng/);
});

test("a pupil's home lists the rounds they may take with their state", async ({ browser }) => {
  const pupil = await signedIn(browser, "hocsinh", "asean-student");
  await expect(pupil).toHaveURL("/me");
  const mine = pupil.getByRole("listitem").filter({ hasText: "Tuần 2" });
  await expect(mine.getByText("Đang mở", { exact: true })).toBeVisible();
  await expect(pupil.getByRole("listitem").filter({ hasText: "Tuần 1" }).getByText("Đã đóng")).toBeVisible();
});

test("a teacher's home lists their class rounds and their state; a host's their games; an organizer's the contest at a glance", async ({ browser }) => {
  const teacher = await signedIn(browser, "giaovien", "asean-teacher");
  await teacher.goto("/teacher/rounds");
  await teacher.getByLabel("Tên vòng thi").fill("Ôn tập trên trang chủ giáo viên");
  await teacher.getByLabel("ASEAN cơ bản và lịch sử — Bất kỳ").fill("3");
  await teacher.getByRole("radio", { name: "Một lớp" }).check();
  await teacher.getByLabel("Lớp", { exact: true }).fill("9B");
  await teacher.getByRole("button", { name: "Tạo vòng thi" }).click();
  await teacher.waitForURL(/\/results$/);
  await teacher.goto("/teacher");
  const round = teacher.getByRole("listitem").filter({ hasText: "Ôn tập trên trang chủ giáo viên" });
  await expect(round.getByText("Đang mở", { exact: true })).toBeVisible();
  await expect(round.getByText("lớp 9B")).toBeVisible();
  await expect(round.getByText("0 học sinh đã làm")).toBeVisible();
  // Their school's figures of the year; live games are the hosts'.
  await glance(teacher, ["participants", "attempts", "completionRate", "averageScore"]);

  const host = await signedIn(browser, "dai-ptth", "asean-host");
  await host.goto("/host/games/new");
  await host.getByLabel("Tên trò chơi").fill("Trò chơi trên trang chủ người dẫn");
  await host.getByLabel("Chọn từng câu theo mã").check();
  await host.getByLabel("Mã câu hỏi, mỗi dòng một mã").fill("asean-basics-0001");
  await host.getByRole("button", { name: "Tạo trò chơi" }).click();
  await expect(host.getByTestId("game-pin")).toBeVisible();
  await host.goto("/host");
  const game = host.getByRole("listitem").filter({ hasText: "Trò chơi trên trang chủ người dẫn" });
  await expect(game.getByText("Đang chờ người chơi")).toBeVisible();
  await expect(host.getByRole("heading", { name: "Trò chơi gần đây" })).toBeVisible();
  await glance(host, ["liveGames", "livePlayers"]);

  const organizer = await signedIn(browser, "btc", "asean-btc");
  await expect(organizer).toHaveURL("/organizer");
  await expect(organizer.getByText("Người tham gia hôm nay")).toBeVisible();
  await expect(organizer.getByTestId("participants-today")).toHaveText(/^\d[\d.]*$/);
  await expect(organizer.getByTestId("participants-week")).toHaveText(/^\d[\d.]*$/);
  await expect(organizer.getByTestId("review-queue")).toHaveText(/^\d[\d.]*$/);
  await expect(organizer.getByRole("main").getByRole("link", { name: "Duyệt câu hỏi" })).toBeVisible();
  await expect(organizer.getByRole("listitem").filter({ hasText: "Tuần 2" }).getByText("Đang mở", { exact: true })).toBeVisible();
  // The province's figures of the year, the same numbers as the dashboard's totals.
  const figures = await glance(organizer, ["participants", "attempts", "completionRate", "averageScore", "liveGames", "livePlayers"]);
  const participants = asNumber(await figures.getByTestId("glance-participants").textContent());
  const attempts = asNumber(await figures.getByTestId("glance-attempts").textContent());
  expect(participants).toBeGreaterThan(0);
  await figures.getByRole("link", { name: "Xem thống kê" }).click();
  await organizer.waitForURL("/organizer/stats");
  const totals = organizer.locator('section[data-table="totals"] tbody tr');
  await expect(totals.filter({ hasText: "Người tham gia" }).locator('td[data-column="thisYear"]')).toHaveAttribute("data-value", String(participants));
  await expect(totals.filter({ hasText: "Lượt thi" }).locator('td[data-column="thisYear"]')).toHaveAttribute("data-value", String(attempts));
});
