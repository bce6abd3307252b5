/**
 * Vietnamese words and phrases that may not appear in a display name shown on air. Our own list
 * (no maintained Vietnamese list exists on npm): vulgar words, their common "teen code" spellings,
 * and insults. Kept short and deliberate; each entry was checked against common given names and
 * family names so that ordinary names pass (app/live/name-filter.test.ts lists the names tried).
 *
 * Two kinds:
 * - EXACT: compared with their tone marks, lower case, as whole words, because without the marks
 *   they are everyday words or names ("cặc" / "các", "buồi" / "buổi", "lồn" / "lớn", "đĩ" / "dì").
 * - FOLDED: compared without marks, case or separators (see foldVietnamese), because no ordinary
 *   word or name folds to them.
 */
export const VIETNAMESE_BLOCKED_EXACT: ReadonlySet<string> = new Set([
  "lồn",
  "buồi",
  "cặc",
  "địt",
  "đụ",
  "đéo",
  "đĩ",
  "cứt",
  "đái",
  "ỉa",
  "dái",
  "đù",
  "nứng",
]);

export const VIETNAMESE_BLOCKED_FOLDED: ReadonlySet<string> = new Set([
  // teen code and abbreviations
  "dm",
  "dmm",
  "dcm",
  "dkm",
  "dcmm",
  "vcl",
  "vkl",
  "vl",
  "vcc",
  "clgt",
  "cmnr",
  "loz",
  "lozz",
  "cak",
  "buoy",
  "dit",
  "djt",
  "dis me",
  "dit me",
  "dit cu",
  "du ma",
  "du me",
  "do ngu",
  "oc cho",
  "con cho",
  "cho de",
  "me may",
  "bo may",
  "thang ngu",
  "con di",
]);
