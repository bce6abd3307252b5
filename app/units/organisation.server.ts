// Who organises, broadcasts, reports and signs: names the code must not assume (agencies were merged
// in 2025 and differ between provinces). Stored as OrganisationSetting rows an admin edits; the
// defaults only make a fresh demo readable and say they are examples.
import { z } from "zod";

import type { Db } from "./history.server";

export type Organisation = {
  organizerName: string;
  broadcasterName: string;
  reportIssuer: string;
  reportRecipients: string[];
  signerTitle: string;
  signerName: string;
  /** Code of the province unit the contest belongs to (the root of leaderboards). */
  provinceUnitCode: string;
};

export const ORGANISATION_KEYS = [
  "organizerName",
  "broadcasterName",
  "reportIssuer",
  "reportRecipients",
  "signerTitle",
  "signerName",
  "provinceUnitCode",
] as const satisfies readonly (keyof Organisation)[];
export type OrganisationKey = (typeof ORGANISATION_KEYS)[number];

export const DEMO_ORGANISATION: Organisation = {
  organizerName: "Ban tổ chức cuộc thi (tên cơ quan chủ trì — quản trị viên cập nhật)",
  broadcasterName: "Đài Phát thanh và Truyền hình tỉnh (quản trị viên cập nhật)",
  reportIssuer: "Ban tổ chức cuộc thi",
  reportRecipients: ["Ủy ban nhân dân tỉnh"],
  signerTitle: "Trưởng ban tổ chức",
  signerName: "",
  provinceUnitCode: "bn",
};

const text = (max: number) => z.string().trim().max(max, "organisation.error.tooLong");

/** One schema for the admin form and for values read back from the database. */
export const organisationSchema = z.object({
  organizerName: text(200).min(2, "organisation.error.required"),
  broadcasterName: text(200),
  reportIssuer: text(200).min(2, "organisation.error.required"),
  // One recipient per line in the form.
  reportRecipients: z
    .union([z.array(z.string()), z.string()])
    .transform((value) => (Array.isArray(value) ? value : value.split(/\r?\n/)).map((line) => line.trim()).filter(Boolean))
    .pipe(z.array(z.string().max(200, "organisation.error.tooLong")).max(20, "organisation.error.tooMany")),
  signerTitle: text(120),
  signerName: text(120),
  provinceUnitCode: text(40).regex(/^[a-z0-9-]*$/, "organisation.error.code"),
});

function encode(key: OrganisationKey, value: Organisation[OrganisationKey]): string {
  return key === "reportRecipients" ? JSON.stringify(value) : String(value);
}

function decode(key: OrganisationKey, raw: string): unknown {
  if (key !== "reportRecipients") return raw;
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed : [raw];
  } catch {
    return [raw];
  }
}

/** The settings, each falling back to its demo default when unset or unreadable. */
export async function getOrganisation(db: Db): Promise<Organisation> {
  const rows = await db.organisationSetting.findMany({ where: { key: { in: [...ORGANISATION_KEYS] } } });
  const result: Organisation = { ...DEMO_ORGANISATION, reportRecipients: [...DEMO_ORGANISATION.reportRecipients] };
  for (const row of rows) {
    const key = row.key as OrganisationKey;
    const field = organisationSchema.shape[key].safeParse(decode(key, row.value));
    if (field.success) (result as Record<OrganisationKey, unknown>)[key] = field.data;
  }
  return result;
}

/** Writes every setting in one transaction. */
export async function saveOrganisation(db: PrismaClientLike, organisation: Organisation): Promise<void> {
  await db.$transaction(
    ORGANISATION_KEYS.map((key) =>
      db.organisationSetting.upsert({
        where: { key },
        create: { key, value: encode(key, organisation[key]) },
        update: { value: encode(key, organisation[key]) },
      }),
    ),
  );
}

type PrismaClientLike = import("~/generated/sqlite/client").PrismaClient;
