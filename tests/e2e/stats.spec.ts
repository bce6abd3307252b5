import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

// An organizer opens the statistics, filters by an area, sees that each chart draws the numbers
// of the table beside it, and downloads the area table as XLSX with the same numbers.

/** [label, value] of every bar of one series in a section's chart, and the table's column. */
async function chartAndTable(page: Page, tableId: string, series: string) {
  const section = page.locator(`section[data-table="${tableId}"]`);
  // Charts are drawn once the page runs in the browser.
  await section.locator("figure svg").first().waitFor();
  const bars = await section.locator(`svg rect[data-series="${series}"]`).evaluateAll((nodes) =>
    nodes.map((node) => [node.getAttribute("data-label"), Number(node.getAttribute("data-value"))]),
  );
  const rows = await section.locator("tbody tr").evaluateAll(
    (nodes, column) =>
      nodes.map((row) => [row.querySelector("td")?.textContent, Number(row.querySelector(`td[data-column="${column}"]`)?.getAttribute("data-value"))]),
    series,
  );
  return { bars: bars as [string, number][], rows: rows as [string, number][] };
}

test("an organizer filters the statistics by an area; charts, tables and the XLSX agree", async ({ page }) => {
  await signIn(page, "btc", "asean-btc");
  await page.goto("/organizer/stats");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thống kê tham gia");
  await expect(page.getByText("Số liệu được tính theo đơn vị hành chính tại thời điểm thí sinh dự thi.")).toBeVisible();

  // An area someone from took part in.
  const areas = await chartAndTable(page, "byArea", "participants");
  expect(areas.bars).toEqual(areas.rows);
  const busy = areas.rows.find(([, participants]) => participants > 0);
  expect(busy).toBeTruthy();
  const areaName = busy![0] as string;

  // The level is named from the units of the period: communes and wards since 1 July 2025.
  await page.getByRole("combobox", { name: "Xã/phường", exact: true }).selectOption({ label: areaName });
  await page.getByRole("button", { name: "Xem số liệu" }).click();
  await page.waitForURL(/area=/);
  await expect(page.locator('section[data-table="byArea"] tbody tr')).toHaveCount(1);

  const filtered = await chartAndTable(page, "byArea", "participants");
  expect(filtered.rows).toEqual([[areaName, busy![1]]]);
  expect(filtered.bars).toEqual(filtered.rows);
  for (const [table, series] of [
    ["bySchool", "participants"],
    ["bySchool", "attempts"],
    ["byAudience", "participants"],
    ["scoreBands", "attempts"],
  ] as const) {
    const { bars, rows } = await chartAndTable(page, table, series);
    expect(bars.length).toBeGreaterThan(0);
    expect(bars).toEqual(rows);
  }
  // The schools in the area add up to no more than the area (a person may attempt from one school only).
  const schools = await chartAndTable(page, "bySchool", "participants");
  expect(schools.rows.reduce((sum, [, value]) => sum + (value as number), 0)).toBe(busy![1]);

  const downloadPromise = page.waitForEvent("download");
  await page.locator('section[data-table="byArea"]').getByRole("link", { name: "Tải XLSX" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^thong-ke-byArea-\d{4}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  expect(sheet.getCell("A1").value).toBe("Theo địa bàn");
  expect(sheet.getCell("A2").value).toBe("Đơn vị");
  expect(sheet.getCell("B2").value).toBe(areaName);
  expect(String(sheet.getCell("B4").value)).toContain(`Xã/phường: ${areaName}`);
  expect(sheet.getCell("A5").value).toBe("Thời điểm xuất (giờ Việt Nam)");
  expect(sheet.getCell("A8").value).toBe(areaName);
  expect(sheet.getCell("B8").value).toBe(busy![1]);
});

test("the area filter names the level of the chosen year: districts in 2024", async ({ page }) => {
  await signIn(page, "btc", "asean-btc");
  await page.goto("/organizer/stats?year=2024");
  await expect(page.getByRole("combobox", { name: "Huyện", exact: true })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Huyện", exact: true }).getByRole("option", { name: "Xã Sơn Động" })).toHaveCount(0);
});
