// Where the schema folders and migration folders live, and how a database URL maps to them.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import type { SchemaFile } from "./schema-engine";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export const DEFAULT_DATABASE_URL = "file:./data/dev.db";

export type Provider = "sqlite" | "postgresql";

export interface ProviderFolders {
  provider: Provider;
  schemaDir: string;
  migrationsDir: string;
}

/** The SQLite schema is the source; the PostgreSQL one is derived from it (`db:pg-schema`). */
export function providerFolders(provider: Provider, root = projectRoot): ProviderFolders {
  const base = provider === "sqlite" ? path.join(root, "prisma") : path.join(root, "prisma", "postgres");
  return { provider, schemaDir: path.join(base, "schema"), migrationsDir: path.join(base, "migrations") };
}

export function providerOfUrl(url: string): Provider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got "${url}"`);
}

/** A relative SQLite path is taken from the project root, whatever the working directory. */
export function resolveSqliteUrl(url: string, root = projectRoot): string {
  const file = url.replace(/^file:/, "");
  if (file === ":memory:" || path.isAbsolute(file)) return url;
  return `file:${path.resolve(root, file)}`;
}

export async function readSchemaFolder(schemaDir: string): Promise<SchemaFile[]> {
  const names = (await readdir(schemaDir)).filter((name) => name.endsWith(".prisma")).sort();
  if (names.length === 0) throw new Error(`No .prisma files in ${schemaDir}`);
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(schemaDir, name);
      return { path: file, content: await readFile(file, "utf8") };
    }),
  );
}
