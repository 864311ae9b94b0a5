import { readText } from "./cell-reading";
import { headerKey } from "./header-key";
import type { CellValue } from "./snapshot";
import type { ColumnSpec, TableSchema } from "./schema-types";

/** Which header of a row is which SPEC column. */
export interface HeaderMatch {
  /** Column key → index of its header in the row. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Per header: the SPEC column it was recognised as, or null for the user's own columns. */
  readonly specAt: readonly (ColumnSpec | null)[];
  /** Number of SPEC columns recognised. */
  readonly recognised: number;
}

const aliasIndexes = new WeakMap<TableSchema, Map<string, ColumnSpec>>();

/** Normalised spelling → column, for every header and alias of a schema (built once per schema). */
export function aliasIndex(schema: TableSchema): Map<string, ColumnSpec> {
  const cached = aliasIndexes.get(schema);
  if (cached) return cached;
  const index = new Map<string, ColumnSpec>();
  for (const spec of schema.columns) {
    for (const spelling of [spec.header, ...spec.aliases]) {
      const key = headerKey(spelling);
      if (!index.has(key)) index.set(key, spec);
    }
  }
  aliasIndexes.set(schema, index);
  return index;
}

/** The text of a header cell ("" for an empty one). */
export function headerText(value: CellValue | undefined): string {
  return readText(value);
}

/**
 * Recognises the SPEC columns in a header row. An exact header wins over an alias; otherwise the first
 * header (left to right) that names a column takes it, and later ones stay as the user's own columns.
 * @example matchHeaders(["No. DO", "Aduana", "Mi columna"], OPERATIONS_SCHEMA).recognised // 2
 */
export function matchHeaders(headers: readonly string[], schema: TableSchema): HeaderMatch {
  const indexOf = new Map<string, number>();
  const specAt: (ColumnSpec | null)[] = headers.map(() => null);
  const exact = new Map(schema.columns.map((spec) => [spec.header.toLowerCase(), spec]));
  headers.forEach((header, i) => {
    const spec = exact.get(header.trim().toLowerCase());
    if (spec && !indexOf.has(spec.key)) {
      indexOf.set(spec.key, i);
      specAt[i] = spec;
    }
  });
  const aliases = aliasIndex(schema);
  headers.forEach((header, i) => {
    if (specAt[i] || header.trim() === "") return;
    const spec = aliases.get(headerKey(header));
    if (spec && !indexOf.has(spec.key)) {
      indexOf.set(spec.key, i);
      specAt[i] = spec;
    }
  });
  return { indexOf, specAt, recognised: indexOf.size };
}
