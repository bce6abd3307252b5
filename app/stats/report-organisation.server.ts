import type { PrismaClient } from "~/utils/db.server";
import type { ReportOrganisation } from "./yearly-report";

// Who issues, receives and signs the yearly report. The organisation settings belong to the units
// helper's getOrganisation(db) (app/units/organisation.server.ts); until that module is merged this
// adapter gives the same shape with the demo defaults, and it is the one line to switch.
export async function reportOrganisation(_db: PrismaClient): Promise<ReportOrganisation & { provinceUnitCode: string | null }> {
  return {
    organizerName: "Sở Văn hóa, Thể thao và Du lịch",
    reportIssuer: "Sở Văn hóa, Thể thao và Du lịch",
    reportRecipients: ["UBND tỉnh (để báo cáo)", "Sở Ngoại vụ", "Đài Phát thanh và Truyền hình tỉnh"],
    signerTitle: "Giám đốc",
    signerName: "(họ và tên)",
    provinceUnitCode: null,
  };
}
