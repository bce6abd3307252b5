import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from "obscenity";
import { VIETNAMESE_BLOCKED_EXACT, VIETNAMESE_BLOCKED_FOLDED } from "./vietnamese-blocklist";

/**
 * Whether a display name may go on a screen that is broadcast (docs/security.md, "Live games on
 * air"). English: the maintained `obscenity` matcher, which also catches leetspeak and stretched
 * letters. Vietnamese: our own list (vietnamese-blocklist.ts), compared without diacritics, case or
 * separators. Ordinary Vietnamese names must pass: "Bích" looks like an English word to obscenity, so
 * it is whitelisted; Vietnamese words that only become rude with their tone marks ("cặc" but "các")
 * are compared with the marks.
 */
const englishMatcher = new RegExpMatcher({
  ...englishDataset.build(),
  ...englishRecommendedTransformers,
  // Vietnamese given names that obscenity's English patterns would otherwise take for insults.
  whitelistedTerms: ["bích", "bich", "bịch"],
});

/** Lower case, no tone or vowel marks, đ → d: "Đụ Má" → "du ma". */
export function foldVietnamese(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
}

/**
 * A number standing on its own ("Lan 455", "Tổ 7") is a number, not leetspeak: obscenity would read
 * 455 as "ass" and 717 as "tit". Digits inside a word ("b1tch") are still read as letters.
 */
const withoutStandaloneNumbers = (text: string) => text.replace(/(?<!\p{L})\p{N}+(?!\p{L})/gu, " ");

const words = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

export function isNameAllowed(name: string): boolean {
  const nfc = name.normalize("NFC");
  // One pass on the folded form: it is the same text for English, and "fück" becomes "fuck".
  if (englishMatcher.hasMatch(withoutStandaloneNumbers(foldVietnamese(nfc)))) return false;

  // Tokens with their marks, for the words that are innocent without them.
  const exact = words(nfc.toLowerCase());
  if (exact.some((word) => VIETNAMESE_BLOCKED_EXACT.has(word))) return false;

  // Folded: single tokens ("vcl"), neighbouring pairs ("du ma"), and the whole name with every
  // separator removed ("d.m.m", "đ ụ m á"), so spacing and dots do not slip an insult through.
  const folded = words(foldVietnamese(nfc));
  if (folded.some((word) => VIETNAMESE_BLOCKED_FOLDED.has(word))) return false;
  for (let i = 0; i + 1 < folded.length; i += 1) {
    if (VIETNAMESE_BLOCKED_FOLDED.has(`${folded[i]} ${folded[i + 1]}`)) return false;
  }
  const joined = folded.join("");
  if (folded.length > 1 && folded.every((word) => word.length <= 2) && VIETNAMESE_BLOCKED_FOLDED.has(joined)) return false;
  for (const phrase of VIETNAMESE_BLOCKED_FOLDED) {
    if (phrase.includes(" ") && joined.includes(phrase.replace(/ /g, "")) && phrase.replace(/ /g, "").length >= 5) return false;
  }
  return true;
}
