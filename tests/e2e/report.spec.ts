import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

test("an organizer downloads the yearly report as DOCX and XLSX and opens its print view", async ({ page }) => {
  await signIn(page, "btc", "asean-btc");
  await page.goto("/organizer/stats/report?year=2026");
  await expect(page.getByRole("heading", { level: 1, name: "Báo cáo năm" })).toBeVisible();
  const report = page.locator("article.report-page");
  await expect(report.getByText("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toBeVisible();
  await expect(report.getByText("Nơi nhận:")).toBeVisible();
  const shownTotals = (await report.getByText(/^Có .* người tham gia với .* lượt thi/).textContent())!;

  const [docxDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải báo cáo (Word)" }).click()]);
  expect(docxDownload.suggestedFilename()).toBe("bao-cao-asean-2026.docx");
  const { value: text } = await mammoth.extractRawText({ buffer: await readFile((await docxDownload.path())!) });
  expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
  expect(text).toContain("BÁO CÁO");
  // The document and the print view say the same.
  expect(text).toContain(shownTotals.trim());

  const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải bảng số liệu (Excel)" }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await xlsxDownload.path())!);
  expect(workbook.worksheets.length).toBeGreaterThanOrEqual(10);
  expect(workbook.getWorksheet("Bảng 3")!.getCell(4, 1).value).toBe("Bảng 3. Tham gia theo địa bàn");

  // Printed, only the document shows: the page's own header and form are hidden.
  await page.emulateMedia({ media: "print" });
  await expect(report).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Báo cáo năm" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Xem báo cáo" })).toBeHidden();
});

test("an organizer opens item analysis and topic mastery; a teacher sees their own item analysis", async ({ page, browser }) => {
  await signIn(page, "btc", "asean-btc");
  await page.goto("/organizer/stats/items");
  await expect(page.getByRole("heading", { level: 1, name: "Phân tích câu hỏi" })).toBeVisible();
  await page.goto("/organizer/stats/mastery?by=area");
  await expect(page.getByRole("heading", { level: 1, name: "Mức độ nắm vững theo chủ đề" })).toBeVisible();
  await page.goto("/bank?flagged=review");
  await expect(page.getByLabel("Phân tích câu hỏi")).toHaveValue("review");

  const teacher = await browser.newPage();
  await signIn(teacher, "giaovien", "asean-teacher");
  await teacher.goto("/teacher/stats/items");
  await expect(teacher.getByRole("heading", { level: 1, name: "Phân tích câu hỏi" })).toBeVisible();
  // A teacher has no organizer report.
  const response = await teacher.goto("/organizer/stats/report");
  expect(response?.status()).toBe(403);
});
