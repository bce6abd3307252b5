// A counter bumped by this process's writers of facts the statistics count (an attempt started,
// scored or anonymised), so cached figures are dropped at once; the fingerprint read from the
// database (figures.server.ts) catches every other writer within a few seconds.
//
// A writer that names the attempts it wrote lets the next view read just those rows
// (StatsStore.lookAtOwnAttempts) instead of looking at every table again.
let version = 0;
/** The attempts named by each change, by the version it made; null for a change that named none. */
const named = new Map<number, readonly string[] | null>();
const MAX_REMEMBERED = 1_000;

export function statsChanged(attemptIds?: readonly string[]): void {
  version++;
  named.set(version, attemptIds && attemptIds.length > 0 ? attemptIds : null);
  if (named.size > MAX_REMEMBERED) named.delete(named.keys().next().value!);
}

export function statsVersion(): number {
  return version;
}

/** The attempts written since `seen` (a version), or null when some change since did not say which. */
export function attemptsChangedSince(seen: number): string[] | null {
  if (seen >= version) return [];
  if (!named.has(seen + 1)) return null;
  const ids = new Set<string>();
  for (let at = seen + 1; at <= version; at++) {
    const attempts = named.get(at);
    if (!attempts) return null;
    for (const id of attempts) ids.add(id);
  }
  return [...ids];
}
