import { looseTextKey } from "./cell-reading";
import type { CellValue, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "./snapshot";

/** Value of a cell in 0-based sheet coordinates (null outside the used range). */
export function cellValue(sheet: SheetSnapshot, row: number, col: number): CellValue {
  return sheet.values[row - sheet.area.row]?.[col - sheet.area.col] ?? null;
}

/** Formula of a cell ("=…") or null. */
export function cellFormula(sheet: SheetSnapshot, row: number, col: number): string | null {
  return sheet.formulas[row - sheet.area.row]?.[col - sheet.area.col] ?? null;
}

/** Empty for a coordinator: nothing, or only spaces. */
export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/** Last 0-based row of the used range (area.row - 1 for an empty sheet). */
export function lastUsedRow(sheet: SheetSnapshot): number {
  return sheet.area.row + sheet.area.rowCount - 1;
}

export function lastUsedCol(sheet: SheetSnapshot): number {
  return sheet.area.col + sheet.area.colCount - 1;
}

/** True when no cell of the sheet holds a value or a formula. */
export function isEmptySheet(sheet: SheetSnapshot): boolean {
  for (let r = 0; r < sheet.values.length; r++) {
    const values = sheet.values[r] ?? [];
    const formulas = sheet.formulas[r] ?? [];
    for (let c = 0; c < values.length; c++) {
      if (!isBlank(values[c] ?? null) || formulas[c]) return false;
    }
  }
  return true;
}

/** Sheet of that name, compared as Excel does (case-insensitive). */
export function findSheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  const wanted = name.toLowerCase();
  return snapshot.sheets.find((sheet) => sheet.name.toLowerCase() === wanted);
}

/** Read access to one sheet of a snapshot in sheet coordinates (0-based), outside the used range = empty. */
export interface CellReader {
  value(row: number, col: number): CellValue;
  formula(row: number, col: number): string | null;
  /** What a CellWrite's `expected` must say: the formula when there is one, else the value. */
  content(row: number, col: number): CellValue;
}

export function cellReader(sheet: SheetSnapshot): CellReader {
  return {
    value: (row, col) => cellValue(sheet, row, col),
    formula: (row, col) => cellFormula(sheet, row, col),
    content: (row, col) => cellFormula(sheet, row, col) ?? cellValue(sheet, row, col),
  };
}

/** Sheet column of a table column found by header (ignoring case, accents and spaces), or -1. */
export function tableColumn(table: TableSnapshot, header: string): number {
  const wanted = looseTextKey(header);
  const index = table.columns.findIndex((c) => looseTextKey(c.header) === wanted);
  return index < 0 ? -1 : table.area.col + index;
}

/** First 0-based sheet row of a table's data body (the row under its header). */
export const firstDataRow = (table: TableSnapshot): number => table.area.row + 1;
/** Rows of a table's data body. */
export const dataRowCount = (table: TableSnapshot): number => table.area.rowCount - 1;
