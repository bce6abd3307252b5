import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { languageFrom, pageTitle, titled } from "./page-title";

const routesFolder = path.resolve(__dirname, "../routes");

describe("page titles", () => {
  it("name the page, then the site, in the reader's language", () => {
    const english = [{ id: "root", data: { language: "en" } }];
    const vietnamese = [{ id: "root", data: { language: "vi" } }];
    expect(pageTitle("auth.signIn.title")({ matches: vietnamese })).toEqual([{ title: "Đăng nhập — Sân chơi ASEAN" }]);
    expect(pageTitle("auth.signIn.title")({ matches: english })).toEqual([{ title: "Sign in — ASEAN Playground" }]);
    // No root data (an error page): Vietnamese, the default.
    expect(languageFrom([])).toBe("vi");
    expect(titled(vietnamese, "Cuộc thi tìm hiểu về ASEAN năm 2026")).toEqual([{ title: "Cuộc thi tìm hiểu về ASEAN năm 2026 — Sân chơi ASEAN" }]);
    expect(titled(english, undefined)).toEqual([{ title: "ASEAN Playground" }]);
  });

  it("are given by every page route (a tab without a title reads as the address)", () => {
    const pages = readdirSync(routesFolder).filter((file) => file.endsWith(".tsx") && /^export default/m.test(readFileSync(path.join(routesFolder, file), "utf8")));
    expect(pages.length).toBeGreaterThan(40);
    const untitled = pages.filter((file) => !/^export (const|function) meta\b/m.test(readFileSync(path.join(routesFolder, file), "utf8")));
    expect(untitled).toEqual([]);
  });
});
