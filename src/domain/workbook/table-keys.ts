import { headerKey } from "./header-key";
import { ALLIANCE_HEADERS, EXTRA_HOLIDAY_HEADERS, NONCONFORMITY_HEADERS, OPERATION_HEADERS, TABLES } from "./headers";

/** The column that tells one row of a table from another, per table (case-insensitive table names, as Excel). */
const KEY_HEADERS: ReadonlyMap<string, string> = new Map([
  [TABLES.operations.toLowerCase(), OPERATION_HEADERS.do],
  [TABLES.nonconformities.toLowerCase(), NONCONFORMITY_HEADERS.number],
  [TABLES.alliances.toLowerCase(), ALLIANCE_HEADERS.alliance],
  [TABLES.extraHolidays.toLowerCase(), EXTRA_HOLIDAY_HEADERS.date],
]);

/** Evaluation tables (tblEvaluacionAAAA) are keyed by alliance. */
const EVALUATION_TABLE = /^tblEvaluacion\d{4}$/i;

/**
 * Index, among `headers`, of the table's key column (DO, Nº, Aliado…), so that an adapter can tell that the
 * rows it is about to write are still the rows that were read; null for a table without a known key.
 */
export function keyColumnIndex(table: string, headers: readonly string[]): number | null {
  const wanted = EVALUATION_TABLE.test(table) ? ALLIANCE_HEADERS.alliance : KEY_HEADERS.get(table.toLowerCase());
  if (wanted === undefined) return null;
  const index = headers.findIndex((h) => headerKey(h) === headerKey(wanted));
  return index < 0 ? null : index;
}
