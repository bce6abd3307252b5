// Database commands (docs/decisions/002-migrations-without-the-native-engine.md):
//   npm run db:generate                  derive the PostgreSQL schema, generate both clients
//   npm run db:pg-schema                 only derive prisma/postgres/schema from prisma/schema
//   npm run db:migrate -- --name <name>  new migration for SQLite and PostgreSQL, applied to the dev database
//   npm run db:deploy                    apply pending migrations to DATABASE_URL (SQLite or PostgreSQL)
// DATABASE_URL defaults to file:./data/dev.db (relative to the project root); MIGRATE_POSTGRES_URL names
// the PostgreSQL server `db:migrate` computes the PostgreSQL migration on (default postgresql://postgres@127.0.0.1:5432/postgres).
import "dotenv/config";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

import { generateClients } from "./db/generate";
import { createMigration, deployMigrations } from "./db/migrations";
import { writePostgresSchema } from "./db/postgres-schema";
import { DEFAULT_DATABASE_URL, projectRoot } from "./db/project";

const DEFAULT_MIGRATE_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

const usage = `Usage: tsx scripts/db.ts <generate | pg-schema | migrate --name <name> | deploy>`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  switch (command) {
    case "generate":
      await generateClients();
      return;
    case "pg-schema": {
      const files = await writePostgresSchema();
      console.log(`Wrote ${files.map((file) => path.relative(projectRoot, file)).join(", ")}`);
      return;
    }
    case "migrate": {
      const { values } = parseArgs({ args: rest, options: { name: { type: "string", short: "n" } } });
      if (!values.name) throw new Error(`migrate needs a name: npm run db:migrate -- --name add_questions`);
      const devDatabaseUrl = databaseUrl.startsWith("file:") ? databaseUrl : DEFAULT_DATABASE_URL;
      const postgresServerUrl = process.env.MIGRATE_POSTGRES_URL || DEFAULT_MIGRATE_POSTGRES_URL;
      const result = await createMigration({ name: values.name, devDatabaseUrl, postgresServerUrl }).catch((error) => {
        throw withPostgresHint(error, postgresServerUrl);
      });
      if (!result.created) {
        console.log("No changes: the schema matches the migrations; nothing was created.");
        return;
      }
      for (const folder of result.folders) console.log(`Created ${path.relative(projectRoot, folder)}/migration.sql`);
      console.log(`Applied to ${devDatabaseUrl}: ${result.appliedToDevDatabase.join(", ") || "nothing pending"}`);
      console.log("Run npm run db:generate to update the clients.");
      return;
    }
    case "deploy": {
      const started = performance.now();
      const { provider, appliedMigrationNames } = await deployMigrations({ databaseUrl });
      const took = `${Math.round(performance.now() - started)} ms`;
      if (appliedMigrationNames.length === 0) console.log(`${provider}: no pending migrations (${took}).`);
      else console.log(`${provider}: applied ${appliedMigrationNames.join(", ")} (${took}).`);
      return;
    }
    default:
      throw new Error(command ? `Unknown command "${command}".\n${usage}` : usage);
  }
}

function withPostgresHint(error: unknown, serverUrl: string): unknown {
  const code = (error as { code?: unknown }).code;
  if (code !== "ECONNREFUSED" && code !== "ENOTFOUND" && code !== "28000" && code !== "28P01") return error;
  const message = error instanceof Error ? error.message : String(error);
  return new Error(
    `Cannot reach PostgreSQL at ${serverUrl} (${message}). db:migrate writes the PostgreSQL migration too: ` +
      `start the server (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set MIGRATE_POSTGRES_URL.`,
  );
}

// Exit explicitly: the schema engine leaves a 10-second timer behind after a PostgreSQL run.
main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    process.exit(1);
  },
);
