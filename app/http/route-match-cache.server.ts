import { createRequire } from "node:module";

/**
 * Remix's route matching, remembered per path (docs/decisions/040). For every request Remix's server
 * runtime matches the path against the routes twice through `matchServerRoutes` (the request, then
 * the single-fetch target), and each match flattens all the routes, ranks them and compiles a
 * regular expression per route tried: about a quarter of the server's CPU in a contest round's
 * answer saves (docs/benchmarks.md, "Contest rounds over HTTP"). The answer for a path never changes while the routes
 * are the same objects, so it is kept, per set of routes, for the most recent paths.
 *
 * How: the server runtime (CommonJS) calls the function through its module's exports object
 * (`routeMatching.matchServerRoutes(...)`), so replacing that property here changes what it calls
 * and nothing else. Each call gets its own copies of the match objects, as a fresh match would.
 * The third match of a request, inside the router's static handler, cannot be reached this way and
 * is left as it is.
 */

type ServerRouteMatch = { params: Record<string, string | undefined>; pathname: string; route: unknown };
type MatchServerRoutes = (routes: unknown[], pathname: string, basename?: string) => ServerRouteMatch[] | null;
type RouteMatchingModule = { matchServerRoutes: MatchServerRoutes } & { [CACHED]?: true };

/** Paths remembered per set of routes; the oldest is forgotten past this (a scan of made-up paths costs memory once, not forever). */
export const ROUTE_MATCH_CACHE_SIZE = 10_000;
const CACHED = Symbol.for("san-choi.route-match-cache");

const require = createRequire(import.meta.url);

/** The server runtime's own route-matching module, the one its request handler calls. */
export function routeMatchingModule(): RouteMatchingModule {
  return require("@remix-run/server-runtime/dist/routeMatching.js") as RouteMatchingModule;
}

function copy(matches: ServerRouteMatch[] | null): ServerRouteMatch[] | null {
  return matches === null ? null : matches.map((match) => ({ params: { ...match.params }, pathname: match.pathname, route: match.route }));
}

/** Remembers `matchServerRoutes` per path from now on; calling it again changes nothing. */
export function cacheRouteMatches(): void {
  const module = routeMatchingModule();
  if (module[CACHED]) return;
  const match = module.matchServerRoutes;
  const byRoutes = new WeakMap<object, Map<string, ServerRouteMatch[] | null>>();
  module.matchServerRoutes = (routes, pathname, basename) => {
    let known = byRoutes.get(routes);
    if (!known) byRoutes.set(routes, (known = new Map()));
    const key = `${basename ?? ""}\u0000${pathname}`;
    let found = known.get(key);
    if (found === undefined) {
      found = match(routes, pathname, basename);
      if (known.size >= ROUTE_MATCH_CACHE_SIZE) known.delete(known.keys().next().value!);
      known.set(key, found);
    }
    return copy(found);
  };
  module[CACHED] = true;
}
