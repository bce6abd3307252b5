import { describe, expect, it } from "vitest";
import { ClusterConfigError, startCluster } from "./cluster.server";

describe("switching to several processes", () => {
  it("refuses REDIS_URL with a SQLite database, saying why in Vietnamese and English", () => {
    let refusal: unknown;
    try {
      startCluster({ redisUrl: "redis://127.0.0.1:6379", databaseUrl: "file:/tmp/scale-never.db", db: {} as never, log: () => undefined });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ClusterConfigError);
    expect((refusal as Error).message).toMatch(/cần PostgreSQL/);
    expect((refusal as Error).message).toMatch(/needs PostgreSQL/);
  });
});
