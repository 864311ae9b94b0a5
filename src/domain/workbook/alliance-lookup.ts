import { excelTextKey } from "./cell-reading";
import type { AllianceRecord } from "./model";

const lookups = new WeakMap<readonly AllianceRecord[], Map<string, AllianceRecord>>();

/** Alliance by name as MATCH(…,tblAlianzas[Aliado],0) finds it: case-insensitive, first row wins. */
export function allianceLookup(alliances: readonly AllianceRecord[]): ReadonlyMap<string, AllianceRecord> {
  const cached = lookups.get(alliances);
  if (cached) return cached;
  const byName = new Map<string, AllianceRecord>();
  for (const alliance of alliances) {
    const key = excelTextKey(alliance.name);
    if (key !== "" && !byName.has(key)) byName.set(key, alliance);
  }
  lookups.set(alliances, byName);
  return byName;
}

export function findAlliance(alliances: readonly AllianceRecord[], name: string): AllianceRecord | undefined {
  return allianceLookup(alliances).get(excelTextKey(name));
}
