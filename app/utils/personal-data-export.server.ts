import type { PrismaClient } from "~/utils/db.server";

// Files that carry participants' names (a round's results, a live game's results) are personal
// data leaving the system: each one is written to the audit log — who, what, which format, how
// many rows. The bank export is not personal data and is not logged here.

export type PersonalDataExport = {
  actorId: string;
  kind: "round-results" | "live-game-results";
  /** The round or game id. */
  subject: string;
  format: "csv" | "xlsx";
  rows: number;
};

export async function auditPersonalDataExport(db: PrismaClient, entry: PersonalDataExport): Promise<void> {
  await db.auditEntry.create({
    data: { actorId: entry.actorId, action: `export.${entry.kind}`, subject: entry.subject, detail: `${entry.format}, ${entry.rows} rows` },
  });
}
