// Where to go after sign-in (or a language switch): only a path of this app. The check resolves the
// value the way a browser does, against a placeholder origin, and keeps it only when the origin is
// still ours: "//evil", "/\evil", "/%09/evil.example" (a tab the URL parser drops), "https://…" and
// "javascript:" all resolve elsewhere and fall back.
const OWN_ORIGIN = "http://app.invalid";

export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  // Control characters and backslashes are never in a link we make; browsers strip or rewrite them.
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(to);
  } catch {
    return fallback;
  }
  for (const candidate of [to, decoded]) {
    if (/[\u0000-\u001f\u007f\\]/.test(candidate) || candidate.startsWith("//")) return fallback;
    let url: URL;
    try {
      url = new URL(candidate, OWN_ORIGIN);
    } catch {
      return fallback;
    }
    if (url.origin !== OWN_ORIGIN) return fallback;
  }
  const url = new URL(to, OWN_ORIGIN);
  return `${url.pathname}${url.search}${url.hash}`;
}
