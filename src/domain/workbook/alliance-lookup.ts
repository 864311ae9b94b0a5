import { excelTextKey, looseTextKey } from "./cell-reading";
import type { AllianceRecord } from "./model";

/**
 * Which alliance a DO or a non-conformity belongs to — one policy for validation, the evaluation, the Resumen, the
 * indicators and the follow-up: the one the sheet's formulas can honour, MATCH(…,tblAlianzas[Aliado],0), which
 * ignores letter case only (not accents, not spaces). The loose key serves only to suggest the name meant.
 */
export function allianceKey(name: string): string {
  return excelTextKey(name);
}

const lookups = new WeakMap<readonly AllianceRecord[], Map<string, AllianceRecord>>();

/** Alliance by name as MATCH(…,tblAlianzas[Aliado],0) finds it: case-insensitive, first row wins. */
export function allianceLookup(alliances: readonly AllianceRecord[]): ReadonlyMap<string, AllianceRecord> {
  const cached = lookups.get(alliances);
  if (cached) return cached;
  const byName = new Map<string, AllianceRecord>();
  for (const alliance of alliances) {
    const key = allianceKey(alliance.name);
    if (key !== "" && !byName.has(key)) byName.set(key, alliance);
  }
  lookups.set(alliances, byName);
  return byName;
}

export function findAlliance(alliances: readonly AllianceRecord[], name: string): AllianceRecord | undefined {
  return allianceLookup(alliances).get(allianceKey(name));
}

/** The alliance a name MATCH does not find probably meant (same letters ignoring accents, case and spaces). */
export function suggestAlliance(alliances: readonly AllianceRecord[], name: string): AllianceRecord | undefined {
  const loose = looseTextKey(name);
  if (loose === "") return undefined;
  return alliances.find((alliance) => looseTextKey(alliance.name) === loose);
}
