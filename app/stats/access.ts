import type { Role } from "~/utils/roles";
import type { StatsFilter } from "./figures";
import type { TableId } from "./tables";

// Who sees which figures (issue 10, item 8). Organizers and admins see everything; a teacher sees
// their own school's attempts; a host sees the live games they hosted. The scope is applied on the
// server to the filter itself, so a hand-made URL cannot widen it, and exports inherit it. The
// figures hold no names at all: only units, groups and counts.

export type StatsViewer = { id: string; role: Role; unitId: string | null };
export type StatsScope = { kind: "all" } | { kind: "school"; unitId: string } | { kind: "host"; hostId: string };

export function statsScope(viewer: StatsViewer): StatsScope | null {
  if (viewer.role === "admin" || viewer.role === "organizer") return { kind: "all" };
  if (viewer.role === "teacher") return viewer.unitId ? { kind: "school", unitId: viewer.unitId } : null;
  if (viewer.role === "host") return { kind: "host", hostId: viewer.id };
  return null;
}

export function scopedFilter(filter: StatsFilter, scope: StatsScope): StatsFilter {
  if (scope.kind === "school") return { ...filter, areaId: null, schoolId: scope.unitId, hostId: null, only: null };
  if (scope.kind === "host") return { ...filter, contestId: null, roundId: null, audience: null, schoolId: null, hostId: scope.hostId, only: "live" };
  return { ...filter, hostId: null, only: null };
}

const LIVE_TABLES: readonly TableId[] = ["liveGames", "liveByArea"];

export function visibleTables(scope: StatsScope): (id: TableId) => boolean {
  if (scope.kind === "host") return (id) => id === "totals" || LIVE_TABLES.includes(id);
  if (scope.kind === "school") return (id) => !LIVE_TABLES.includes(id) && id !== "byArea";
  return () => true;
}
