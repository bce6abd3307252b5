import { readdirSync } from "node:fs";
import express, { type RequestHandler } from "express";

/**
 * The build's public files (favicon, icons, the web manifest), served as express.static would, but
 * asked for only when the path's first segment is one of them: a static handler in front of every
 * route otherwise costs each page and each `.data` request a failed `stat` in the thread pool
 * (a tenth of the server's CPU when a thousand pupils save answers, docs/benchmarks.md, "Contest rounds over HTTP").
 * The folder is the build's and does not change while the server runs.
 */
export function publicFiles(clientDir: string, options: { maxAge: string }): RequestHandler {
  const serve = express.static(clientDir, options);
  const names = new Set(readdirSync(clientDir));
  return (req, res, next) => {
    const first = req.path.split("/", 2)[1] ?? "";
    let name = first;
    try {
      name = decodeURIComponent(first);
    } catch {
      return next();
    }
    return names.has(name) ? serve(req, res, next) : next();
  };
}
