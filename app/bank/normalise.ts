/**
 * Text folded for comparison: two prompts that differ only in case, spacing, punctuation or
 * Vietnamese diacritics fold to the same string, so "hiep dinh" finds "Hiệp định" and a
 * re-typed duplicate of an existing question is caught.
 */
export function foldText(text: string): string {
  return (
    text
      .normalize("NFD")
      // Combining marks carry every Vietnamese tone and vowel mark once decomposed.
      .replace(/\p{M}+/gu, "")
      // đ/Đ are letters of their own, not d plus a mark, so NFD leaves them alone.
      .replace(/[đĐ]/g, "d")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()
  );
}

/** True when every word of the query occurs, in order, inside the folded text. */
export function matchesSearch(text: string, query: string): boolean {
  const foldedQuery = foldText(query);
  if (foldedQuery === "") return true;
  return ` ${foldText(text)} `.includes(` ${foldedQuery}`);
}
