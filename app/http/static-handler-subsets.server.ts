import { createRequire } from "node:module";

/**
 * The router's static handler, per first path segment, over only the routes that can match it
 * (docs/decisions/044). Every page and data request reaches the router's `query()` (or
 * `queryRoute()`), which flattens all the app's routes (about seventy), ranks them and compiles a
 * regular expression per route tried until one matches: 11–13 % of the server's CPU for a contest
 * round's saves and pages (docs/benchmarks.md, "Contest rounds over HTTP"). That match is inside the
 * router and cannot be remembered from outside as decision 040 did for the server runtime's own.
 *
 * What can be changed is which routes the handler is given. A path whose first segment is `rounds`
 * can only be matched by a route whose own path begins with `rounds` (matched without regard to
 * case, as the router does), or by one that matches any first segment: a pathless layout, an index,
 * a path starting with a parameter, a splat or an optional segment — all of those are kept. So the
 * server runtime's `createStaticHandler` (called through the router's CommonJS exports object, once
 * per build) is wrapped: the handler it gets answers each request with a handler made, once per
 * first segment, from those routes only; the matches, and so everything that follows, are the ones
 * the whole set gives. Anything unusual (a basename, a path that does not decode, top-level routes
 * with paths) goes to the handler over all routes.
 */

type DataRoute = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: DataRoute[] };
type StaticHandler = {
  dataRoutes: unknown[];
  query(request: Request, options?: unknown): Promise<unknown>;
  queryRoute(request: Request, options?: unknown): Promise<unknown>;
};
type CreateStaticHandler = (routes: DataRoute[], options?: { basename?: string }) => StaticHandler;
type RouterModule = { createStaticHandler: CreateStaticHandler } & { [WRAPPED]?: true };

const WRAPPED = Symbol.for("san-choi.static-handler-subsets");
const require = createRequire(import.meta.url);

/** The router module the server runtime calls (the same CommonJS exports object). */
export function routerModule(): RouterModule {
  return require("@remix-run/router") as RouterModule;
}

/** The first segment of a route's path, or null when the route can match any first segment. */
function staticFirstSegment(route: DataRoute): string | null {
  if (!route.path) return null;
  const first = route.path.replace(/^\/+/, "").split("/")[0];
  if (first === "" || /^[:*]|[?()]/.test(first)) return null;
  return route.caseSensitive ? first : first.toLowerCase();
}

/** The request's first path segment as the router decodes it, lower-cased; null sends the request to all routes. */
export function firstSegmentOf(url: string): string | null {
  const pathname = new URL(url).pathname;
  try {
    return decodeURIComponent(pathname.replace(/^\/+/, "").split("/")[0]);
  } catch {
    return null;
  }
}

/** The top-level pathless routes' children that can match a path whose first segment is `segment`. */
export function routesFor(routes: DataRoute[], segment: string): DataRoute[] {
  return routes.map((top) => ({
    ...top,
    children: top.children?.filter((child) => {
      const first = staticFirstSegment(child);
      return first === null || first === segment || first === segment.toLowerCase();
    }),
  }));
}

/** Installs the wrapper; calling it again changes nothing. */
export function narrowStaticHandlers(): void {
  const router = routerModule();
  if (router[WRAPPED]) return;
  const create = router.createStaticHandler;
  router.createStaticHandler = (routes, options) => {
    const all = create(routes, options);
    // Only the shape Remix makes: top-level routes without paths of their own (the root), no basename.
    const narrowable = (!options?.basename || options.basename === "/") && routes.every((route) => !route.path || route.path === "/");
    if (!narrowable) return all;
    const known = new Set(routes.flatMap((top) => (top.children ?? []).map(staticFirstSegment).filter((first): first is string => first !== null)));
    const bySegment = new Map<string, StaticHandler>();
    const handlerFor = (request: Request): StaticHandler => {
      const segment = firstSegmentOf(request.url);
      if (segment === null) return all;
      // A segment no route starts with shares one handler: the routes that match any segment.
      const key = known.has(segment) ? segment : known.has(segment.toLowerCase()) ? segment.toLowerCase() : "";
      let handler = bySegment.get(key);
      if (!handler) bySegment.set(key, (handler = create(routesFor(routes, key === "" ? "\u0000" : key), options)));
      return handler;
    };
    return {
      dataRoutes: all.dataRoutes,
      query: (request, queryOptions) => handlerFor(request).query(request, queryOptions),
      queryRoute: (request, queryOptions) => handlerFor(request).queryRoute(request, queryOptions),
    };
  };
  router[WRAPPED] = true;
}
