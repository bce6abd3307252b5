import type { MessageKey, Translate } from "~/utils/i18n";

// The kinds of unit in the tree (docs/decisions/013). Levels are data: the level directly under a
// province is called an "area" here, whatever it was called in its period — district, town or
// provincial city before 1 July 2025 (three-tier local government), commune, ward or special zone
// after (two tiers). Code never names the level "district"; it asks the units which kinds they are.
export const UNIT_KINDS = [
  "province",
  "district",
  "town",
  "provincial-city",
  "commune",
  "ward",
  "special-zone",
  "school",
  "workplace",
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Area kinds of the three-tier period (until 30 June 2025). */
export const DISTRICT_LEVEL_KINDS = ["district", "town", "provincial-city"] as const satisfies readonly UnitKind[];
/** Area kinds of the two-tier period (from 1 July 2025). */
export const COMMUNE_LEVEL_KINDS = ["commune", "ward", "special-zone"] as const satisfies readonly UnitKind[];
export const AREA_KINDS = [...DISTRICT_LEVEL_KINDS, ...COMMUNE_LEVEL_KINDS] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** Kinds a participant belongs to (their school or workplace). */
export const MEMBER_KINDS = ["school", "workplace"] as const satisfies readonly UnitKind[];

export function isUnitKind(kind: string): kind is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(kind);
}

export function isAreaKind(kind: string): kind is AreaKind {
  return (AREA_KINDS as readonly string[]).includes(kind);
}

export function isMemberKind(kind: string): boolean {
  return (MEMBER_KINDS as readonly string[]).includes(kind);
}

/** Which kinds a unit may sit under. Schools and workplaces hang under an area or the province. */
export const ALLOWED_PARENT_KINDS: Record<UnitKind, readonly (UnitKind | null)[]> = {
  province: [null],
  district: ["province"],
  town: ["province"],
  "provincial-city": ["province"],
  commune: ["province"],
  ward: ["province"],
  "special-zone": ["province"],
  school: [...AREA_KINDS, "province"],
  workplace: [...AREA_KINDS, "province"],
};

export function unitKindKey(kind: UnitKind): MessageKey {
  return `units.kind.${kind}`;
}

export type AreaLevel = "district" | "commune";

/**
 * The name of the level under the province for a set of area kinds: "xã/phường" when any of them
 * belongs to the two-tier period, "huyện" otherwise (the customary name of the whole district level,
 * towns and provincial cities included). With no kinds at all (an empty tree) the current level.
 */
export function areaLevelOf(kinds: Iterable<string>): AreaLevel {
  let sawDistrictLevel = false;
  for (const kind of kinds) {
    if ((COMMUNE_LEVEL_KINDS as readonly string[]).includes(kind)) return "commune";
    if ((DISTRICT_LEVEL_KINDS as readonly string[]).includes(kind)) sawDistrictLevel = true;
  }
  return sawDistrictLevel ? "district" : "commune";
}

/** "xã/phường" or "huyện" in the user's language; `capital` for a heading or a column title. */
export function areaLevelName(kinds: Iterable<string>, t: Translate, options: { capital?: boolean } = {}): string {
  const name = t(`units.level.${areaLevelOf(kinds)}`);
  return options.capital ? capitalize(name) : name;
}

export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

/** A kind's name in the user's language ("xã", "huyện"…); an unknown kind is shown as stored. */
export function kindName(kind: string, t: Translate, options: { capital?: boolean } = {}): string {
  const name = isUnitKind(kind) ? t(unitKindKey(kind)) : kind;
  return options.capital ? capitalize(name) : name;
}
