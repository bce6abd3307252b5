import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

// On the demo data (README): this year's contest ranks the merged province's communes and wards;
// the 2024 contest ranks the former districts as they were, or maps them onto today's units.

test("an organizer sees this year's leaderboard by commune and 2024's by district", async ({ page }) => {
  await signIn(page, "btc", "asean-btc");
  await page.goto("/leaderboard");
  await page.getByLabel("Cuộc thi").selectOption({ label: "Cuộc thi tìm hiểu về ASEAN năm 2026" });
  await page.getByRole("button", { name: "Xem" }).click();
  await expect(page.getByRole("heading", { name: "Theo xã/phường" })).toBeVisible();
  const thisYear = page.getByTestId("area-board");
  await expect(thisYear).toContainText("Phường Bắc Giang");
  await expect(thisYear).toContainText("Phường Kinh Bắc");
  await expect(thisYear).not.toContainText("Huyện");

  await page.getByLabel("Cuộc thi").selectOption({ label: "Cuộc thi tìm hiểu về ASEAN năm 2024" });
  await page.getByRole("button", { name: "Xem" }).click();
  await expect(page.getByRole("heading", { name: "Theo huyện" })).toBeVisible();
  await expect(page.getByTestId("area-view-note")).toContainText("tại thời điểm thi");
  const lastYear = page.getByTestId("area-board");
  await expect(lastYear).toContainText("Thành phố Bắc Ninh");
  await expect(lastYear).toContainText("Huyện Yên Thế");
  await expect(lastYear).not.toContainText("Phường Kinh Bắc");
  // The 2024 winner by district: Bắc Ninh city (one pupil, 10 of 10).
  await expect(lastYear.locator("tbody tr").first()).toContainText("Thành phố Bắc Ninh");

  await page.getByRole("link", { name: "Quy đổi sang đơn vị hiện nay" }).click();
  await expect(page.getByRole("heading", { name: "Theo xã/phường" })).toBeVisible();
  await expect(page.getByTestId("area-view-note")).toContainText("quy đổi");
  await expect(page.getByTestId("area-board")).toContainText("Phường Kinh Bắc");
});
