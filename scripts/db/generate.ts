// Generates both Prisma clients with the ordinary CLI. `prisma generate` never runs the schema
// engine but refuses to start without one, so any existing file stands in for it (STACK.md).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

import { writePostgresSchema } from "./postgres-schema";
import { projectRoot, providerFolders, type Provider } from "./project";

function runPrismaGenerate(schemaDir: string, root: string): Promise<void> {
  const require = createRequire(import.meta.url);
  const cli = require.resolve("prisma/build/index.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "generate", "--schema", schemaDir], {
      cwd: root,
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false" },
      stdio: "inherit",
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma generate --schema ${schemaDir} exited with code ${code}`)),
    );
  });
}

/** Derives the PostgreSQL schema, then generates app/generated/sqlite and app/generated/postgres. */
export async function generateClients(root = projectRoot): Promise<void> {
  await writePostgresSchema(root);
  const providers: Provider[] = ["sqlite", "postgresql"];
  for (const provider of providers) await runPrismaGenerate(providerFolders(provider, root).schemaDir, root);
}
