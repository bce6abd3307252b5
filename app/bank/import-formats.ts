// The formats the web import reads (app/bank/web-import.server.ts), shared with the import form.

export const IMPORT_FORMATS = ["csv", "xlsx", "kahoot", "gift", "aiken"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
/** Formats from other quiz tools: text in one language, no topic, no source. */
export const QUIZ_FORMATS: readonly ImportFormat[] = ["kahoot", "gift", "aiken"];
export const IMPORT_MAX_BYTES = 4 * 1024 * 1024;
