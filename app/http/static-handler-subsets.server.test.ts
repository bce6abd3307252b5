import { describe, expect, it } from "vitest";
import { firstSegmentOf, narrowStaticHandlers, routerModule, routesFor } from "./static-handler-subsets.server";

// The router's static handler narrowed per first path segment (docs/decisions/044) against the
// router's own, on routes shaped like the app's flat routes: for every path, the same matches, the
// same loader data, the same status, the same errors.

type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[]; loader?: () => unknown };

function routes(): Route[] {
  const route = (id: string, path: string | undefined, index = false): Route => ({ id, path, index, loader: () => ({ id }) });
  return [
    {
      id: "root",
      path: "",
      loader: () => ({ id: "root" }),
      children: [
        route("routes/_index", undefined, true),
        route("routes/rounds._index", "rounds", true),
        route("routes/rounds.$roundId._index", "rounds/:roundId", true),
        route("routes/rounds.$roundId.attempt.$attemptId", "rounds/:roundId/attempt/:attemptId"),
        route("routes/rounds.$roundId.results", "rounds/:roundId/results"),
        route("routes/bank.export[.]csv", "bank/export.csv"),
        route("routes/play.$pin", "play/:pin"),
        route("routes/$lang.about", ":lang/about"),
        { id: "routes/_layout", loader: () => ({ id: "routes/_layout" }), children: [route("routes/_layout.inside", "inside")] },
      ],
    },
  ];
}

const paths = [
  "/",
  "/rounds",
  "/rounds/",
  "/ROUNDS/r1",
  "/rounds/r1",
  "/rounds/r1/attempt/a1",
  "/rounds/r%C3%A1/attempt/a2",
  "/%72ounds/r1/results",
  "/rounds/r1/attempt",
  "/bank/export.csv",
  "/play/123",
  "/vi/about",
  "/rounds/about",
  "/inside",
  "/nothing/here",
  "/%E0%A4%A/x",
];

const summary = (context: unknown) => {
  if (context instanceof Response) return { response: context.status };
  const { matches, loaderData, statusCode, errors } = context as { matches: { route: { id: string }; params: unknown }[]; loaderData: unknown; statusCode: number; errors: unknown };
  return { matches: matches.map((match) => [match.route.id, match.params]), loaderData, statusCode, errors: errors === null ? null : Object.keys(errors as object) };
};

describe("the router's static handler narrowed per first path segment", () => {
  it("answers every path as the handler over all routes does, for query and queryRoute", async () => {
    const original = routerModule().createStaticHandler;
    const whole = original(routes());
    narrowStaticHandlers();
    const wrapped = routerModule().createStaticHandler;
    expect(wrapped).not.toBe(original);
    const narrowed = wrapped(routes());
    for (const path of paths) {
      const request = () => new Request(`http://localhost${path}`);
      expect(summary(await narrowed.query(request())), path).toEqual(summary(await whole.query(request())));
      const [viaWhole, viaNarrowed] = await Promise.all([whole.queryRoute(request()).catch((error: unknown) => error), narrowed.queryRoute(request()).catch((error: unknown) => error)]);
      expect(viaNarrowed, path).toEqual(viaWhole);
    }
    // Installing twice wraps once.
    narrowStaticHandlers();
    expect(routerModule().createStaticHandler).toBe(wrapped);
  });

  it("keeps for a segment the routes that can match it, and those that match any", () => {
    const ids = (segment: string) => routesFor(routes(), segment)[0].children!.map((route) => route.id);
    expect(ids("rounds")).toEqual([
      "routes/_index",
      "routes/rounds._index",
      "routes/rounds.$roundId._index",
      "routes/rounds.$roundId.attempt.$attemptId",
      "routes/rounds.$roundId.results",
      "routes/$lang.about",
      "routes/_layout",
    ]);
    expect(ids("\u0000")).toEqual(["routes/_index", "routes/$lang.about", "routes/_layout"]);
    expect(firstSegmentOf("http://localhost/%72ounds/x")).toBe("rounds");
    expect(firstSegmentOf("http://localhost/%E0%A4%A/x")).toBeNull();
  });
});
