/**
 * What an adapter read from a workbook: plain values, no Office.js or ExcelJS objects.
 * Rows and columns are 0-based sheet coordinates (row 0 = Excel row 1, col 0 = column A).
 * Dates are Excel serial numbers (days since 1899-12-30, fraction = time of day).
 */
export type CellValue = string | number | boolean | null;

/** A rectangle of cells, 0-based, inclusive of `row`/`col`, `rowCount`×`colCount` cells. */
export interface GridArea {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

export interface ColumnSnapshot {
  /** Header text as it is in the sheet. */
  header: string;
  /** Number format of the first data cell ("General" when none or no data row). */
  numberFormat: string;
  /** The list a data validation allows on the first data cell: its source formula or comma list; null when none. */
  listValidation: string | null;
}

export interface TableSnapshot {
  name: string;
  /** Header row and data body together; data rows are area.row + 1 … area.row + area.rowCount - 1. */
  area: GridArea;
  columns: ColumnSnapshot[];
  /** Formulas of the conditional formats on the table's data body (English, as written). */
  conditionalFormulas: string[];
}

export interface SheetSnapshot {
  name: string;
  /** Where `values[0][0]` sits; the used range of the sheet (empty sheet: rowCount 0). */
  area: GridArea;
  /** values[r][c] is the value of cell (area.row + r, area.col + c); null when empty. */
  values: CellValue[][];
  /** Same shape as values: the formula ("=…", English names) or null when the cell holds no formula. */
  formulas: (string | null)[][];
  tables: TableSnapshot[];
  /** Rows frozen at the top (0 = none). */
  frozenRows: number;
  /** Index of the sheet in the workbook's tab order. */
  position: number;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /** Workbook-level defined names → reference ("'Parámetros'!$B$2"). */
  names: Record<string, string>;
}
