import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { cacheRouteMatches, routeMatchingModule } from "./route-match-cache.server";

const require = createRequire(import.meta.url);
const { createRoutes } = require("@remix-run/server-runtime/dist/routes.js") as { createRoutes: (manifest: Record<string, unknown>) => unknown[] };

/** A route manifest shaped like the app's flat routes: root, index, nested params, an index of a segment and a splat. */
function manifest() {
  const route = (id: string, parentId: string | undefined, path: string | undefined, index = false) => ({ id, parentId, path, index, module: {} });
  return {
    root: route("root", undefined, ""),
    "routes/_index": route("routes/_index", "root", undefined, true),
    "routes/rounds._index": route("routes/rounds._index", "root", "rounds", true),
    "routes/rounds.$roundId._index": route("routes/rounds.$roundId._index", "root", "rounds/:roundId", true),
    "routes/rounds.$roundId.attempt.$attemptId": route("routes/rounds.$roundId.attempt.$attemptId", "root", "rounds/:roundId/attempt/:attemptId"),
    "routes/rounds.$roundId.results": route("routes/rounds.$roundId.results", "root", "rounds/:roundId/results"),
    "routes/$": route("routes/$", "root", "*"),
  };
}

const paths = ["/", "/rounds", "/rounds/", "/rounds/r1", "/rounds/r1/attempt/a1", "/rounds/r%C3%A1/attempt/a2", "/rounds/r1/results", "/nothing/here", "/rounds/r1/attempt"];

describe("route matches remembered per path", () => {
  it("answers every path exactly as Remix's own matching, every time, with objects of its own", () => {
    const original = routeMatchingModule().matchServerRoutes;
    const routes = createRoutes(manifest());
    const expected = paths.map((path) => original(routes, path));
    cacheRouteMatches();
    const cached = routeMatchingModule().matchServerRoutes;
    expect(cached).not.toBe(original);
    for (let round = 0; round < 3; round += 1) {
      expect(paths.map((path) => cached(routes, path))).toEqual(expected);
    }
    // What one caller changes in its matches is not what the next caller gets.
    const first = cached(routes, "/rounds/r1/attempt/a1")!;
    first[first.length - 1].params.attemptId = "changed";
    first.pop();
    expect(cached(routes, "/rounds/r1/attempt/a1")).toEqual(original(routes, "/rounds/r1/attempt/a1"));
    // Another set of routes (a new build) is matched on its own.
    const other = createRoutes({ root: manifest().root, "routes/only": { id: "routes/only", parentId: "root", path: "only", module: {} } });
    expect(cached(other, "/rounds/r1")).toEqual(original(other, "/rounds/r1"));
    expect(cached(other, "/only")?.map((match) => (match.route as { id: string }).id)).toEqual(["root", "routes/only"]);
    // Installing twice wraps once.
    cacheRouteMatches();
    expect(routeMatchingModule().matchServerRoutes).toBe(cached);
  });
});
