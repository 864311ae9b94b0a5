import { BACKUP_PREFIX } from "./table-location";

/** Excel's limit on sheet names. */
const MAX_SHEET_NAME = 31;

/** A name Excel accepts: no []:*?/\ , no leading or trailing apostrophe, at most 31 characters. */
export function validSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, " ").replace(/\s+/g, " ").trim().replace(/^'+|'+$/g, "");
  return cleaned.slice(0, MAX_SHEET_NAME).trim() || "Hoja";
}

/** `base`, or `base (2)`, `base (3)`… trimmed to fit, whichever no sheet has yet (case-insensitive). */
export function uniqueSheetName(base: string, taken: ReadonlySet<string>): string {
  const first = validSheetName(base);
  if (!taken.has(first.toLowerCase())) return first;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${validSheetName(base).slice(0, MAX_SHEET_NAME - suffix.length).trim()}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Name of the copy kept before a sheet is restructured: "Respaldo Operaciones". */
export function backupSheetName(sheet: string, taken: ReadonlySet<string>): string {
  return uniqueSheetName(`${BACKUP_PREFIX} ${sheet}`, taken);
}
