import type { PrismaClient } from "~/utils/db.server";
import type { Translate } from "~/utils/i18n";
import { fileInWorker } from "~/utils/task-worker-files.server";
import type { StatsViewer } from "./access";
import { dashboard } from "./dashboard.server";
import { tableCsv, type ExportHeading } from "./export.server";
import { TABLE_IDS, type TableId } from "./tables";

// One dashboard table as a CSV or XLSX file, in the viewer's scope, under its heading block. The
// XLSX is made in the worker kept for files (docs/decisions/043); the CSV, string joins of a few
// hundred rows, here.

export type ExportFile =
  | { ok: true; body: Uint8Array; contentType: string; filename: string }
  | { ok: false; status: number; message: string; headers?: Record<string, string> };

export async function statsExport(db: PrismaClient, viewer: StatsViewer, params: URLSearchParams, t: Translate, now = Date.now()): Promise<ExportFile> {
  const tableId = params.get("table");
  const format = params.get("format") === "xlsx" ? "xlsx" : "csv";
  const data = await dashboard(db, viewer, params, t, now);
  if (!data) return { ok: false, status: 403, message: "Forbidden" };
  const table = (TABLE_IDS as readonly string[]).includes(tableId ?? "") ? data.tables.find((candidate) => candidate.id === (tableId as TableId)) : undefined;
  if (!table) return { ok: false, status: 404, message: t("stats.export.unknownTable") };

  const { filter, choices } = data;
  const unitNames = await db.unit.findMany({
    where: { id: { in: [filter.areaId, filter.schoolId].filter((id): id is string => Boolean(id)) } },
    select: { id: true, name: true },
  });
  const nameOf = (id: string | null | undefined) => unitNames.find((unit) => unit.id === id)?.name ?? null;
  const province = await db.unit.findFirst({ where: { kind: "province", parentId: null }, select: { name: true }, orderBy: { createdAt: "desc" } });
  const unit = choices.scopeUnitName ?? nameOf(filter.schoolId) ?? nameOf(filter.areaId) ?? province?.name ?? "—";
  const filters = [
    filter.contestId ? `${t("stats.filter.contest")}: ${choices.contests.find((contest) => contest.id === filter.contestId)?.title ?? filter.contestId}` : null,
    filter.roundId ? `${t("stats.filter.round")}: ${choices.rounds.find((round) => round.id === filter.roundId)?.title ?? filter.roundId}` : null,
    filter.audience ? `${t("stats.filter.audience")}: ${t(`contests.audience.${filter.audience}` as Parameters<Translate>[0])}` : null,
    filter.areaId ? `${data.areaLabel}: ${nameOf(filter.areaId) ?? filter.areaId}` : null,
    filter.schoolId ? `${t("stats.filter.school")}: ${nameOf(filter.schoolId) ?? filter.schoolId}` : null,
    t(`stats.view.${filter.view}`),
  ].filter(Boolean);
  const heading: ExportHeading = {
    unit,
    period: data.periodLabel,
    filters: filters.join("; ") || t("stats.export.none"),
    exportedAt: new Date(now),
    labels: { unit: t("stats.export.unit"), period: t("stats.export.period"), filters: t("stats.export.filters"), exportedAt: t("stats.export.exportedAt") },
  };
  const filename = `thong-ke-${table.id}-${data.year}.${format}`;
  if (format === "xlsx") {
    const made = await fileInWorker("statsTable", { table, heading });
    if (!made.ok) {
      const busy = made.failure === "busy";
      return { ok: false, status: busy ? 503 : 500, message: t(busy ? "export.file.busy" : "export.file.failed"), headers: busy ? { "Retry-After": "10" } : undefined };
    }
    return { ok: true, body: made.value, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename };
  }
  return { ok: true, body: Buffer.from(tableCsv(table, heading), "utf8"), contentType: "text/csv; charset=utf-8", filename };
}
