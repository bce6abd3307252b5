import { describe, expect, it } from "vitest";

import { providerFolders, readSchemaFolder } from "./project";
import { withSchemaEngine, type ClosableAdapterFactory } from "./schema-engine";

describe("withSchemaEngine", () => {
  it("reports a driver adapter's own error, which the engine only knows as an external error id", async () => {
    let closed = false;
    const failing: ClosableAdapterFactory = {
      provider: "sqlite",
      adapterName: "failing-for-test",
      connect: async () => {
        throw new Error("disk quota exceeded on /srv/data");
      },
      connectToShadowDb: async () => {
        throw new Error("no shadow database either");
      },
      close: async () => {
        closed = true;
      },
    };
    const schema = await readSchemaFolder(providerFolders("sqlite").schemaDir);

    const attempt = withSchemaEngine(schema, failing, (engine) => engine.version());

    await expect(attempt).rejects.toThrow("disk quota exceeded on /srv/data");
    await expect(attempt).rejects.not.toThrow(/External error id#/);
    expect(closed).toBe(true);
  });
});
