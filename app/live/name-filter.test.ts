import { describe, expect, it } from "vitest";
import { foldVietnamese, isNameAllowed } from "./name-filter";

// Ordinary names, including ones that look like English insults or fold to rude syllables.
const ORDINARY_NAMES = [
  "Nguyễn Văn Phúc",
  "Ngọc Bích",
  "Lê Thị Cúc",
  "Phạm Cu",
  "Đặng Cường",
  "Dương Thị Hồng",
  "Nguyễn Thị Sắc",
  "Trần Đức Dũng",
  "Vũ Thị Dung",
  "Cao Thị Dậu",
  "Đinh Thị Dì",
  "Hoàng Lớn",
  "Lưu Thị Cẩm",
  "Bùi Các",
  "Tạ Thị Thu",
  "Ngô Sĩ Liên",
  "Lã Văn Cường",
  "Phí Văn Tuấn",
  "Đàm Đức Đạt",
  "Cù Thị Hà",
  "Hà Buổi",
  "Minh Đức 7A2",
  "Team ASEAN",
  "Scunthorpe",
  "Dũng Nguyen",
];

const OFFENSIVE_NAMES = [
  "fuck you",
  "FvCK",
  "b1tch",
  "nigga",
  "Đụ má",
  "du ma",
  "ĐỊT",
  "đ.m.m",
  "d m m",
  "ditme",
  "Địt mẹ",
  "Lồn",
  "cặc to",
  "vcl",
  "VKL luôn",
  "thằng ngu",
  "Óc chó",
  "con chó đẻ",
];

describe("display names on air", () => {
  it.each(ORDINARY_NAMES)("lets the ordinary name %s through", (name) => {
    expect(isNameAllowed(name)).toBe(true);
  });

  it.each(OFFENSIVE_NAMES)("keeps %s off the screen", (name) => {
    expect(isNameAllowed(name)).toBe(false);
  });

  it("folds Vietnamese without marks, case or đ", () => {
    expect(foldVietnamese("Đụ Má Ở Ĩ")).toBe("du ma o i");
  });
});
