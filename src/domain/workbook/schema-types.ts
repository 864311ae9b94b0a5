import type { CellValue } from "./snapshot";

/** What a column holds; decides its number format, its validation and how it is read. */
export type ColumnKind = "text" | "list" | "yesno" | "date" | "datetime" | "number" | "percent" | "formula";

/** The formula columns of tblOperaciones, computed by the add-in. */
export type FormulaColumnId = "target" | "serviceTime" | "ansStatus";

/** Where a list validation takes its values from. */
export type ListSource = { readonly values: readonly string[] } | { readonly table: string; readonly column: string };

export interface ColumnSpec {
  /** Key in the *_HEADERS object of headers.ts. */
  readonly key: string;
  /** Exact SPEC header. */
  readonly header: string;
  readonly kind: ColumnKind;
  readonly required: boolean;
  readonly list?: ListSource;
  /** Excel number format for the data cells; none for text. */
  readonly numberFormat?: string;
  /** Width in characters, set only on columns the add-in creates. */
  readonly width: number;
  /** Other spellings coordinators use; matched through headerKey. */
  readonly aliases: readonly string[];
  readonly formula?: FormulaColumnId;
  /**
   * The sheet's formulas compare this column's text with "=" as typed (case aside): stray spaces make them miss
   * the value, so the model reads it as typed and validation reports the spaces.
   */
  readonly comparedAsTyped?: boolean;
}

export type TableEntity =
  | "operations"
  | "alliances"
  | "nonconformities"
  | "extraHolidays"
  | "cities"
  | "weights"
  | "ratingBands"
  | "settings";

export interface TableSchema {
  readonly entity: TableEntity;
  readonly table: string;
  /** Sheet where the add-in creates the table when the workbook has none. */
  readonly sheet: string;
  readonly columns: readonly ColumnSpec[];
  /** Key a recognised header row must contain (the record's identity); null for parameter tables. */
  readonly anchor: string | null;
  /** Rows written when the add-in creates the table (values or formulas), in column order. */
  readonly defaultRows?: readonly (readonly (CellValue | { formula: string })[])[];
  /** Excel table style. */
  readonly style: string;
}

export const DATE_FORMAT = "dd/mm/yyyy";
export const DATE_TIME_FORMAT = "dd/mm/yyyy hh:mm";
export const WHOLE_NUMBER_FORMAT = "0";
export const PERCENT_FORMAT = "0%";
