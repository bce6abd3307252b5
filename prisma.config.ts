// Configuration for the `prisma` CLI. On these machines the CLI only runs `generate` (through
// `npm run db:generate`); migrations go through scripts/db.ts because the native schema engine
// cannot be downloaded (docs/decisions/002). The file still describes the project completely, so
// that on a machine with the native engine `prisma migrate deploy` finds the same schema,
// migrations folder and database as `npm run db:deploy`: the DATABASE_URL scheme picks SQLite
// (the default) or the derived PostgreSQL schema, exactly as app/utils/db.server.ts does.
import "dotenv/config";
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? "file:./data/dev.db";
const folder = /^postgres(ql)?:\/\//.test(url) ? "prisma/postgres" : "prisma";

export default defineConfig({
  schema: `${folder}/schema`,
  migrations: { path: `${folder}/migrations` },
  datasource: { url },
});
