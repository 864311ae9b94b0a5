import type { CellValue, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../workbook/snapshot";
import { textKey } from "./text-key";

/** Read access to one sheet of a snapshot in sheet coordinates (0-based), outside the used range = empty. */
export interface CellReader {
  value(row: number, col: number): CellValue;
  formula(row: number, col: number): string | null;
  /** What a CellWrite's `expected` must say: the formula when there is one, else the value. */
  content(row: number, col: number): CellValue;
}

export function cellReader(sheet: SheetSnapshot): CellReader {
  const at = <T>(grid: T[][], row: number, col: number): T | null =>
    grid[row - sheet.area.row]?.[col - sheet.area.col] ?? null;
  return {
    value: (row, col) => at(sheet.values, row, col),
    formula: (row, col) => at(sheet.formulas, row, col),
    content: (row, col) => at(sheet.formulas, row, col) ?? at(sheet.values, row, col),
  };
}

export function findSheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => textKey(s.name) === textKey(name));
}

export interface LocatedTable {
  sheet: SheetSnapshot;
  table: TableSnapshot;
}

/** A table by name in any sheet (Excel table names are case-insensitive). */
export function locateTable(snapshot: WorkbookSnapshot, tableName: string): LocatedTable | undefined {
  const wanted = tableName.toLowerCase();
  for (const sheet of snapshot.sheets) {
    const table = sheet.tables.find((t) => t.name.toLowerCase() === wanted);
    if (table) return { sheet, table };
  }
  return undefined;
}

/** Sheet column of a table column found by header (ignoring case, accents and spaces), or -1. */
export function tableColumn(table: TableSnapshot, header: string): number {
  const index = table.columns.findIndex((c) => textKey(c.header) === textKey(header));
  return index < 0 ? -1 : table.area.col + index;
}

export const firstDataRow = (table: TableSnapshot): number => table.area.row + 1;
export const dataRowCount = (table: TableSnapshot): number => table.area.rowCount - 1;

export const cellText = (value: CellValue): string => (value === null ? "" : String(value).trim());
