// Prisma's schema engine compiled to WebAssembly, driven through a driver adapter. It replaces the
// native `schema-engine` binary that the `prisma` CLI cannot download here (docs/decisions/002).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorRegistry,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

export type { SchemaEngine };

export interface SchemaFile {
  path: string;
  content: string;
}

/** A migration-aware adapter factory that can also close every connection it handed out. */
export interface ClosableAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  close(): Promise<void>;
}

type SchemaEngineClass = typeof SchemaEngine;
let engineClass: Promise<SchemaEngineClass> | undefined;

/**
 * Node 20 cannot `import` a .wasm file, so the package's own entry point fails to load: instantiate
 * the module by hand and hand its exports to the wasm-bindgen glue, as the entry point would.
 */
function loadSchemaEngineClass(): Promise<SchemaEngineClass> {
  engineClass ??= (async () => {
    const require = createRequire(import.meta.url);
    const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
      SchemaEngine: SchemaEngineClass;
    };
    const module = new WebAssembly.Module(await readFile(path.join(packageDir, "schema_engine_bg.wasm")));
    const instance = new WebAssembly.Instance(module, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue.SchemaEngine;
  })();
  return engineClass;
}

export class MigrationEngineError extends Error {
  name = "MigrationEngineError";
}

/**
 * Runs `work` with a schema engine bound to the adapter factory, then closes every connection.
 * Engine failures come back as MigrationEngineError with the driver's own error spelled out.
 */
export async function withSchemaEngine<T>(
  schemaFiles: SchemaFile[],
  adapterFactory: ClosableAdapterFactory,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const SchemaEngineClass = await loadSchemaEngineClass();
  const boundFactory = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  let engine: SchemaEngine | undefined;
  try {
    engine = await SchemaEngineClass.new(
      { datamodels: schemaFiles.map((file) => [file.path, file.content]) },
      () => {},
      boundFactory,
    );
    return await work(engine);
  } catch (error) {
    throw new MigrationEngineError(describeEngineError(error, boundFactory.errorRegistry));
  } finally {
    engine?.free();
    await adapterFactory.close();
  }
}

/**
 * The engine reports a failure inside the driver adapter only as "External error id#N"; the real
 * error waits in the bound factory's registry under that id.
 */
export function describeEngineError(error: unknown, errorRegistry: ErrorRegistry): string {
  // The engine appends its internal span trace ("   0: sql_schema_connector::…"): not for users.
  const message = engineErrorMessage(error).split(/\n\s*0: /)[0].trimEnd();
  return message.replace(/External error id#(\d+)/g, (whole, id: string) => {
    const record = errorRegistry.consumeError(Number(id));
    if (!record) return whole;
    const cause = record.error;
    if (!(cause instanceof Error)) return String(cause);
    return cause.name === "Error" ? cause.message : `${cause.name}: ${cause.message}`;
  });
}

function engineErrorMessage(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  if (typeof error === "string") return error;
  return JSON.stringify(error);
}
