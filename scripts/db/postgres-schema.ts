// Derives prisma/postgres/schema/ from prisma/schema/: one schema cannot serve two providers, so
// the PostgreSQL copy differs only in the datasource provider and the generated client's folder.
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";

import { projectRoot, providerFolders, readSchemaFolder } from "./project";

const SQLITE_CLIENT_FOLDER = "generated/sqlite";
const POSTGRES_CLIENT_FOLDER = "generated/postgres";

/** Rewrites one SQLite schema file for PostgreSQL, placed in `targetDir`. */
export function toPostgresSchemaFile(content: string, sourceDir: string, targetDir: string): string {
  const withProvider = content.replace(/(datasource\s+\w+\s*\{)([^}]*)(\})/g, (_block, open: string, body: string, close: string) => {
    const replaced = body.replace(/(\bprovider\s*=\s*)"sqlite"/, '$1"postgresql"');
    if (replaced === body) throw new Error('The SQLite schema\'s datasource must say provider = "sqlite"');
    return open + replaced + close;
  });
  return withProvider.replace(/(generator\s+\w+\s*\{)([^}]*)(\})/g, (_block, open: string, body: string, close: string) => {
    const replaced = body.replace(/(\boutput\s*=\s*)"([^"]+)"/, (_line, key: string, output: string) => {
      const absolute = path.resolve(sourceDir, output);
      if (!absolute.endsWith(path.join(...SQLITE_CLIENT_FOLDER.split("/")))) {
        throw new Error(`The generator output must end in ${SQLITE_CLIENT_FOLDER}, got "${output}"`);
      }
      const postgresOutput = path.join(path.dirname(path.dirname(absolute)), ...POSTGRES_CLIENT_FOLDER.split("/"));
      return `${key}"${path.relative(targetDir, postgresOutput).split(path.sep).join("/")}"`;
    });
    return open + replaced + close;
  });
}

/** Writes the PostgreSQL schema folder, removing files whose SQLite source is gone. */
export async function writePostgresSchema(root = projectRoot): Promise<string[]> {
  const source = providerFolders("sqlite", root).schemaDir;
  const target = providerFolders("postgresql", root).schemaDir;
  const files = await readSchemaFolder(source);
  await mkdir(target, { recursive: true });
  const written = new Set<string>();
  for (const file of files) {
    const name = path.basename(file.path);
    const header = `// Generated from prisma/schema/${name} by \`npm run db:pg-schema\`: edit the source, not this copy.\n`;
    await writeFile(path.join(target, name), header + toPostgresSchemaFile(file.content, source, target));
    written.add(name);
  }
  for (const name of await readdir(target)) {
    if (name.endsWith(".prisma") && !written.has(name)) await rm(path.join(target, name));
  }
  return [...written].map((name) => path.join(target, name));
}
