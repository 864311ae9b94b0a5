/**
 * Builds WorkbookSnapshots from rows-as-arrays, the way an adapter would read a workbook, and reads
 * cells back by A1 address. Shared by the domain, adapter and pane tests.
 */
import { parseA1 as parseCellA1 } from "../../src/domain/workbook/a1";
import type { CellValue, ColumnSnapshot, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../../src/domain/workbook/snapshot";

/** A cell in a fixture: a value, or a formula with the value it shows. */
export type FixtureCell = CellValue | { formula: string; value?: CellValue };

export interface FixtureTable {
  name: string;
  /** A1 of the header's first cell, e.g. "A1". */
  at: string;
  /** Header row then data rows. */
  rows: FixtureCell[][];
  numberFormats?: Record<string, string>;
  listValidations?: Record<string, string>;
  conditionalFormulas?: string[];
}

export interface FixtureSheet {
  name: string;
  /** Plain cells from A1 (row 0) down; tables are placed over them. */
  rows?: FixtureCell[][];
  tables?: FixtureTable[];
  frozenRows?: number;
}

/** 0-based coordinates of an A1 address; a fixture with a bad address is a test bug, so it throws. */
export function parseA1(address: string): { row: number; col: number } {
  const cell = parseCellA1(address);
  if (!cell) throw new Error(`Dirección inválida: ${address}`);
  return cell;
}

function isFormulaCell(cell: FixtureCell): cell is { formula: string; value?: CellValue } {
  return cell !== null && typeof cell === "object";
}

/** A mutable grid used while building; trimmed to the used range at the end. */
export class Grid {
  readonly values = new Map<string, CellValue>();
  readonly formulas = new Map<string, string>();

  set(row: number, col: number, cell: FixtureCell): void {
    const key = `${row},${col}`;
    if (isFormulaCell(cell)) {
      this.formulas.set(key, cell.formula);
      this.values.set(key, cell.value ?? null);
    } else {
      this.formulas.delete(key);
      if (cell === null) this.values.delete(key);
      else this.values.set(key, cell);
    }
  }

  usedArea(): { row: number; col: number; rowCount: number; colCount: number } {
    let minRow = Infinity;
    let minCol = Infinity;
    let maxRow = -1;
    let maxCol = -1;
    const keys = new Set([...this.values.keys(), ...this.formulas.keys()]);
    for (const key of keys) {
      if (!this.formulas.has(key) && (this.values.get(key) ?? null) === null) continue;
      const [r, c] = key.split(",").map(Number) as [number, number];
      minRow = Math.min(minRow, r);
      minCol = Math.min(minCol, c);
      maxRow = Math.max(maxRow, r);
      maxCol = Math.max(maxCol, c);
    }
    if (maxRow < 0) return { row: 0, col: 0, rowCount: 0, colCount: 0 };
    return { row: minRow, col: minCol, rowCount: maxRow - minRow + 1, colCount: maxCol - minCol + 1 };
  }

  /** Values and formulas arrays over an area that must include every used cell. */
  toArrays(area: { row: number; col: number; rowCount: number; colCount: number }): {
    values: CellValue[][];
    formulas: (string | null)[][];
  } {
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    for (let r = 0; r < area.rowCount; r++) {
      const valueRow: CellValue[] = [];
      const formulaRow: (string | null)[] = [];
      for (let c = 0; c < area.colCount; c++) {
        const key = `${area.row + r},${area.col + c}`;
        valueRow.push(this.values.get(key) ?? null);
        formulaRow.push(this.formulas.get(key) ?? null);
      }
      values.push(valueRow);
      formulas.push(formulaRow);
    }
    return { values, formulas };
  }
}

/** Union of the used range and the tables' areas, as Excel's used range includes empty table rows. */
export function sheetArea(grid: Grid, tables: readonly TableSnapshot[]) {
  const used = grid.usedArea();
  const areas = [...(used.rowCount > 0 ? [used] : []), ...tables.map((table) => table.area)];
  if (areas.length === 0) return used;
  const row = Math.min(...areas.map((a) => a.row));
  const col = Math.min(...areas.map((a) => a.col));
  const lastRow = Math.max(...areas.map((a) => a.row + a.rowCount - 1));
  const lastCol = Math.max(...areas.map((a) => a.col + a.colCount - 1));
  return { row, col, rowCount: lastRow - row + 1, colCount: lastCol - col + 1 };
}

export function buildSheet(fixture: FixtureSheet, position: number): SheetSnapshot {
  const grid = new Grid();
  (fixture.rows ?? []).forEach((row, r) => row.forEach((cell, c) => grid.set(r, c, cell)));
  const tables: TableSnapshot[] = (fixture.tables ?? []).map((table) => {
    const at = parseA1(table.at);
    table.rows.forEach((row, r) => row.forEach((cell, c) => grid.set(at.row + r, at.col + c, cell)));
    const colCount = Math.max(...table.rows.map((row) => row.length));
    const rowCount = Math.max(2, table.rows.length);
    const columns: ColumnSnapshot[] = [];
    for (let c = 0; c < colCount; c++) {
      const header = String(table.rows[0]?.[c] ?? "");
      columns.push({
        header,
        numberFormat: table.numberFormats?.[header] ?? "General",
        listValidation: table.listValidations?.[header] ?? null,
      });
    }
    return {
      name: table.name,
      area: { row: at.row, col: at.col, rowCount, colCount },
      columns,
      conditionalFormulas: table.conditionalFormulas ?? [],
    };
  });
  const area = sheetArea(grid, tables);
  return { name: fixture.name, area, ...grid.toArrays(area), tables, frozenRows: fixture.frozenRows ?? 0, position };
}

/** A workbook snapshot from sheet fixtures, in tab order. */
export function buildSnapshot(sheets: FixtureSheet[], names: Record<string, string> = {}): WorkbookSnapshot {
  return { sheets: sheets.map((sheet, position) => buildSheet(sheet, position)), names };
}

export function sheetOf(snapshot: WorkbookSnapshot, name: string): SheetSnapshot {
  const sheet = snapshot.sheets.find((candidate) => candidate.name === name);
  if (!sheet) throw new Error(`No existe la hoja ${name}`);
  return sheet;
}

/** Value of a cell by A1 address (null when empty or outside the used range). */
export function cellAt(snapshot: WorkbookSnapshot, sheetName: string, address: string): CellValue {
  const sheet = sheetOf(snapshot, sheetName);
  const { row, col } = parseA1(address);
  return sheet.values[row - sheet.area.row]?.[col - sheet.area.col] ?? null;
}

/** Formula of a cell by A1 address, or null. */
export function formulaAt(snapshot: WorkbookSnapshot, sheetName: string, address: string): string | null {
  const sheet = sheetOf(snapshot, sheetName);
  const { row, col } = parseA1(address);
  return sheet.formulas[row - sheet.area.row]?.[col - sheet.area.col] ?? null;
}

/** Excel serial of a date (UTC arithmetic, so it does not depend on TZ). */
export function serial(year: number, month: number, day: number, hours = 0, minutes = 0): number {
  return Date.UTC(year, month - 1, day) / 86400000 + 25569 + (hours * 60 + minutes) / 1440;
}
