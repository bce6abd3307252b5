import { describe, expect, it } from "vitest";
import { foldText, matchesSearch } from "./normalise";

describe("foldText", () => {
  it("drops diacritics, đ, case, punctuation and extra spacing", () => {
    expect(foldText("Hiệp định")).toBe("hiep dinh");
    expect(foldText("  ĐỒNG  bằng sông   Cửu Long!? ")).toBe("dong bang song cuu long");
    expect(foldText("ASEAN – Ấn Độ (AIFTA), 1/1/2010")).toBe("asean an do aifta 1 1 2010");
  });

  it("folds precomposed (NFC) and decomposed (NFD) input alike", () => {
    const composed = "Cộng đồng Kinh tế";
    expect(foldText(composed.normalize("NFD"))).toBe(foldText(composed));
    expect(foldText(composed)).toBe("cong dong kinh te");
  });
});

describe("matchesSearch", () => {
  it("finds Vietnamese text typed without diacritics", () => {
    expect(matchesSearch("Hiệp định Thương mại hàng hóa ASEAN", "hiep dinh")).toBe(true);
    expect(matchesSearch("Hiệp định Thương mại hàng hóa ASEAN", "thuong mai hang")).toBe(true);
    expect(matchesSearch("Hiệp định Thương mại hàng hóa ASEAN", "Đinh")).toBe(true);
  });

  it("matches from the start of a word, not inside one", () => {
    expect(matchesSearch("Hiệp định", "ep dinh")).toBe(false);
    expect(matchesSearch("Hiệp định", "dinh hiep")).toBe(false);
  });

  it("treats an empty query as matching everything", () => {
    expect(matchesSearch("Hiệp định", "  ?! ")).toBe(true);
  });
});
