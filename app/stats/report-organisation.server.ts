import { getOrganisation } from "~/units/organisation.server";
import type { PrismaClient } from "~/utils/db.server";
import type { ReportOrganisation } from "./yearly-report";

/** Who issues, receives and signs the yearly report: the organisation settings an admin edits. */
export async function reportOrganisation(db: PrismaClient): Promise<ReportOrganisation & { provinceUnitCode: string | null }> {
  const organisation = await getOrganisation(db);
  return { ...organisation, provinceUnitCode: organisation.provinceUnitCode || null };
}
