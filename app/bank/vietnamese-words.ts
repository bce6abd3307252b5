// Vietnamese text as syllables, for the quality checks (app/bank/quality.ts). Vietnamese writes
// one syllable per space-separated token, and a word is one or more syllables, so comparing
// syllables finds shared words without a dictionary.

/**
 * Syllables of a text: NFC, lower case, split on anything that is not a letter or digit. Tone
 * marks are kept: folding them away would merge unrelated syllables (tài "finance", tại "at",
 * tái "again"), and a writer's NFD keyboard is already undone by NFC.
 */
export function syllables(text: string): string[] {
  return text
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== "");
}

/**
 * Syllables that carry no content on their own: function words, question words, and the words
 * every question of this bank uses (ASEAN, Đông Nam Á, quốc gia …). A shared stop syllable is no
 * give-away. English stop words are here too because options often quote English names.
 */
export const STOP_SYLLABLES: ReadonlySet<string> = new Set(
  `
  và với của là có không được bị các những một hai ba bốn năm sáu bảy tám chín mười mươi
  trong ngoài trên dưới giữa cho về theo từ đến tới tại ở vào ra lên xuống qua sau trước khi
  nào gì ai đâu sao bao nhiêu mấy này kia đó ấy đây thì mà nên nếu vì do bởi để
  đã sẽ đang vẫn còn cũng đều rất nhất hơn lần thứ ngày tháng quý thời kỳ giai đoạn
  người nước quốc gia asean đông nam á khu vực thành viên
  cái con chiếc việc sự cuộc nhà làm như hay hoặc nhau cùng
  tên gọi là gồm bao gồm hiện nay mới đầu tiên cuối chung riêng điều
  the of and a an in on at to for by with from is was were are as its their which what who when where
  how many much that this these those or not no
`
    .split(/\s+/)
    .filter((word) => word !== ""),
);

/** The content syllables of a text: its syllables minus stop syllables and single letters. */
export function contentSyllables(text: string): Set<string> {
  return new Set(syllables(text).filter((syllable) => syllable.length > 1 && !STOP_SYLLABLES.has(syllable)));
}
