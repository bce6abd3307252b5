import AxeBuilder from "@axe-core/playwright";
import { devices, type Browser, type Page } from "@playwright/test";

// What the accessibility specs share: an axe audit of a page (WCAG 2 A and AA rules) that keeps the
// "serious" and "critical" violations, their report, and the phone and desktop a page is seen on.

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export type Finding = { page: string; rule: string; impact: string; targets: string[] };

export async function audit(page: Page, name: string, findings: Finding[]): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  for (const violation of violations) {
    if (violation.impact !== "serious" && violation.impact !== "critical") continue;
    findings.push({ page: name, rule: violation.id, impact: violation.impact, targets: violation.nodes.map((node) => node.target.join(" ")) });
  }
}

/** The findings as a failing test prints them: page, rule, impact, and up to eight elements. */
export function report(findings: Finding[]): string {
  return findings.map((f) => `${f.page}: ${f.rule} (${f.impact}) ×${f.targets.length}\n    ${f.targets.slice(0, 8).join("\n    ")}`).join("\n");
}

export async function phone(browser: Browser): Promise<Page> {
  return (await browser.newContext({ ...devices["Pixel 5"], locale: "vi-VN" })).newPage();
}

export async function desktop(browser: Browser, width = 1366, height = 900): Promise<Page> {
  return (await browser.newContext({ viewport: { width, height }, locale: "vi-VN" })).newPage();
}
