import { IMPORT_MAX_BYTES } from "~/bank/import-formats";
import { UNITS_CSV_MAX_BYTES } from "~/units/units-csv";

/**
 * How many request-body bytes each path may send (docs/decisions/011). Every form of the app fits in
 * the default; only the two upload pages take files, and they get their file limit plus room for the
 * multipart envelope and the other fields. A new upload page must be listed here, or its files are
 * refused with 413 — the safe way to fail.
 */
export const DEFAULT_BODY_LIMIT = 64 * 1024;
const MULTIPART_ROOM = 1024 * 1024;

export const BODY_LIMITS: ReadonlyArray<{ path: string; bytes: number }> = [
  { path: "/bank/import", bytes: IMPORT_MAX_BYTES + MULTIPART_ROOM },
  { path: "/admin/units/import", bytes: UNITS_CSV_MAX_BYTES + MULTIPART_ROOM },
];

/** The body limit for a URL path, as a page or as Remix's single-fetch data request (`/x.data`). */
export function bodyLimitFor(pathname: string): number {
  const page = pathname.replace(/\.data$/, "").replace(/\/+$/, "") || "/";
  return BODY_LIMITS.find((rule) => rule.path === page)?.bytes ?? DEFAULT_BODY_LIMIT;
}

/** "64 KB", "5 MB": the limit as people read it in the refusal. */
export function formatByteLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.floor(bytes / (1024 * 1024))} MB` : `${Math.floor(bytes / 1024)} KB`;
}

export class BodyTooLargeError extends Error {
  name = "BodyTooLargeError";
  constructor(readonly limit: number) {
    super(`Request body larger than ${limit} bytes`);
  }
}
