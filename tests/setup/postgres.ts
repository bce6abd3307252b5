// The PostgreSQL server the tests may use: always there in CI (.ci/run starts it), optional on a
// developer's machine. Tests that need it ask `postgresProblem()` once and, when it answers,
// call `expectPostgresOptionalHere(problem)` instead of running: that passes outside CI only.
import pg from "pg";
import { expect } from "vitest";

export const postgresServerUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** Why PostgreSQL cannot be used here, or undefined when it can. */
export async function postgresProblem(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: postgresServerUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Outside CI a missing PostgreSQL is reported and passes; in CI it fails the test. */
export function expectPostgresOptionalHere(problem: string): void {
  console.warn(`PostgreSQL at ${postgresServerUrl} is not reachable (${problem}): PostgreSQL checks not run here.`);
  const inCi = Boolean(process.env.CI) && !["0", "false"].includes(process.env.CI ?? "");
  expect(inCi, `CI has PostgreSQL, yet ${postgresServerUrl} is not reachable: ${problem}`).toBe(false);
}
