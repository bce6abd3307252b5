// A counter bumped by this process's writers of facts the statistics count (an attempt started,
// scored or anonymised), so cached figures are dropped at once; the fingerprint read from the
// database (figures.server.ts) catches every other writer within a few seconds.
let version = 0;

export function statsChanged(): void {
  version++;
}

export function statsVersion(): number {
  return version;
}
