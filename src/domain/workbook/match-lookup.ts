import { excelTextKey, looseTextKey } from "./cell-reading";

/**
 * Finding a record by a text as MATCH(text, column, 0) finds it: letter case ignored, accents and spaces not;
 * the first row wins; blank texts are never found. Alliances (by name) and operations (by DO number) are looked up
 * this way, so the sheet's formulas, Validar, the evaluation and the follow-up agree on which record a text names.
 */
export type MatchedText<T> = (record: T) => string;

const indexes = new WeakMap<MatchedText<never>, WeakMap<readonly unknown[], Map<string, unknown>>>();

/** The records by their MATCH key; built once per records array and text reader. */
export function matchIndex<T>(records: readonly T[], textOf: MatchedText<T>): ReadonlyMap<string, T> {
  let byRecords = indexes.get(textOf as MatchedText<never>);
  if (!byRecords) {
    byRecords = new WeakMap();
    indexes.set(textOf as MatchedText<never>, byRecords);
  }
  const cached = byRecords.get(records) as Map<string, T> | undefined;
  if (cached) return cached;
  const index = new Map<string, T>();
  for (const record of records) {
    const key = excelTextKey(textOf(record));
    if (key !== "" && !index.has(key)) index.set(key, record);
  }
  byRecords.set(records, index);
  return index;
}

/** The record a text names as MATCH finds it; undefined for a blank text or one not in the records. */
export function matchRecord<T>(records: readonly T[], textOf: MatchedText<T>, text: string): T | undefined {
  const key = excelTextKey(text);
  return key === "" ? undefined : matchIndex(records, textOf).get(key);
}

/** The record a text MATCH does not find probably meant: the same letters ignoring accents, case and spaces. */
export function suggestRecord<T>(records: readonly T[], textOf: MatchedText<T>, text: string): T | undefined {
  const loose = looseTextKey(text);
  if (loose === "") return undefined;
  return records.find((record) => looseTextKey(textOf(record)) === loose);
}
