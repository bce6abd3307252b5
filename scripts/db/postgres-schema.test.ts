import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { toPostgresSchemaFile, writePostgresSchema } from "./postgres-schema";
import { projectRoot, providerFolders } from "./project";

type Block = { kind: string; name: string; lines: string[] };

function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"' && line[i - 1] !== "\\") inString = !inString;
    if (!inString && line.startsWith("//", i)) return line.slice(0, i);
  }
  return line;
}

/** A deliberately independent reading of a schema: top-level blocks, lines normalised, comments dropped. */
function parseBlocks(text: string): Block[] {
  const lines = text
    .split("\n")
    .map((line) => stripComment(line).trim().replace(/\s+/g, " "))
    .filter(Boolean);
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const line of lines) {
    if (!current) {
      const header = /^(model|enum|view|type|generator|datasource) (\w+) \{$/.exec(line);
      if (!header) throw new Error(`Unexpected line outside a block: ${line}`);
      current = { kind: header[1], name: header[2], lines: [] };
    } else if (line === "}") {
      blocks.push(current);
      current = undefined;
    } else {
      current.lines.push(line);
    }
  }
  if (current) throw new Error(`Unclosed block ${current.kind} ${current.name}`);
  return blocks;
}

async function readFolder(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".prisma")).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(path.join(dir, name), "utf8")] as const)));
}

function settingOf(block: Block, key: string): string | undefined {
  return block.lines.find((line) => line.startsWith(`${key} =`))?.slice(key.length + 2).trim();
}

/** Everything but the two settings allowed to differ, keyed by file and block. */
function comparable(files: Map<string, string>) {
  const result: Record<string, string[]> = {};
  for (const [file, text] of files) {
    for (const block of parseBlocks(text)) {
      const ignored = block.kind === "datasource" ? "provider =" : block.kind === "generator" ? "output =" : undefined;
      result[`${file} ${block.kind} ${block.name}`] = block.lines.filter((line) => !ignored || !line.startsWith(ignored));
    }
  }
  return result;
}

describe("the PostgreSQL schema folder", () => {
  it("has the same files, models, enums and settings as the SQLite one; only provider and output differ", async () => {
    const sqlite = await readFolder(providerFolders("sqlite").schemaDir);
    const postgres = await readFolder(providerFolders("postgresql").schemaDir);

    expect([...postgres.keys()], "run npm run db:pg-schema after editing prisma/schema").toEqual([...sqlite.keys()]);
    expect(comparable(postgres), "run npm run db:pg-schema after editing prisma/schema").toEqual(comparable(sqlite));

    const all = (files: Map<string, string>) => [...files.values()].flatMap(parseBlocks);
    const models = all(sqlite).filter((block) => block.kind === "model");
    expect(models.length).toBeGreaterThan(0);
    for (const [files, provider, output] of [
      [sqlite, '"sqlite"', '"../../app/generated/sqlite"'],
      [postgres, '"postgresql"', '"../../../app/generated/postgres"'],
    ] as const) {
      const blocks = all(files);
      expect(blocks.filter((block) => block.kind === "datasource").map((block) => settingOf(block, "provider"))).toEqual([provider]);
      expect(blocks.filter((block) => block.kind === "generator").map((block) => settingOf(block, "output"))).toEqual([output]);
    }
  });
});

describe("toPostgresSchemaFile", () => {
  const source = path.join(projectRoot, "prisma", "schema");
  const target = path.join(projectRoot, "prisma", "postgres", "schema");

  it("changes the provider and points the client output at app/generated/postgres, nothing else", () => {
    const schema = [
      "generator client {",
      '  provider = "prisma-client"',
      '  output   = "../../app/generated/sqlite"',
      "}",
      "datasource db {",
      '  provider = "sqlite"',
      "}",
      "model Note {",
      "  id   String @id",
      '  body String @default("sqlite")',
      "}",
    ].join("\n");

    const derived = toPostgresSchemaFile(schema, source, target).split("\n");

    expect(derived).toEqual([
      "generator client {",
      '  provider = "prisma-client"',
      '  output   = "../../../app/generated/postgres"',
      "}",
      "datasource db {",
      '  provider = "postgresql"',
      "}",
      "model Note {",
      "  id   String @id",
      '  body String @default("sqlite")',
      "}",
    ]);
  });

  it("refuses a datasource that is not SQLite and an output outside generated/sqlite", () => {
    expect(() => toPostgresSchemaFile('datasource db {\n  provider = "mysql"\n}', source, target)).toThrow(/provider = "sqlite"/);
    expect(() =>
      toPostgresSchemaFile('generator client {\n  provider = "prisma-client"\n  output = "../client"\n}', source, target),
    ).toThrow(/generated\/sqlite/);
  });
});

describe("writePostgresSchema", () => {
  const roots: string[] = [];
  afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

  it("writes one derived file per source file and removes copies whose source is gone", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "pg-schema-"));
    roots.push(root);
    await cp(path.join(projectRoot, "prisma", "schema"), path.join(root, "prisma", "schema"), { recursive: true });
    const targetDir = providerFolders("postgresql", root).schemaDir;
    await mkdir(targetDir, { recursive: true });
    await writeFile(path.join(targetDir, "removed.prisma"), "model Gone {\n  id String @id\n}\n");

    await writePostgresSchema(root);

    expect((await readdir(targetDir)).sort()).toEqual((await readdir(providerFolders("sqlite", root).schemaDir)).sort());
    expect(await readFile(path.join(targetDir, "base.prisma"), "utf8")).toContain('provider = "postgresql"');
  });
});
