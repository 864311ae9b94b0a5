import { excelTextKey } from "./cell-reading";
import { matchIndex, matchRecord, suggestRecord } from "./match-lookup";
import type { AllianceRecord } from "./model";

/**
 * Which alliance a DO or a non-conformity belongs to — one policy for validation, the evaluation, the Resumen, the
 * indicators and the follow-up: the one the sheet's formulas can honour, MATCH(…,tblAlianzas[Aliado],0), which
 * ignores letter case only (not accents, not spaces). The loose key serves only to suggest the name meant.
 */
export function allianceKey(name: string): string {
  return excelTextKey(name);
}

const nameOf = (alliance: AllianceRecord): string => alliance.name;

/** Alliance by name as MATCH(…,tblAlianzas[Aliado],0) finds it: case-insensitive, first row wins. */
export function allianceLookup(alliances: readonly AllianceRecord[]): ReadonlyMap<string, AllianceRecord> {
  return matchIndex(alliances, nameOf);
}

export function findAlliance(alliances: readonly AllianceRecord[], name: string): AllianceRecord | undefined {
  return matchRecord(alliances, nameOf, name);
}

/** The alliance a name MATCH does not find probably meant (same letters ignoring accents, case and spaces). */
export function suggestAlliance(alliances: readonly AllianceRecord[], name: string): AllianceRecord | undefined {
  return suggestRecord(alliances, nameOf, name);
}
