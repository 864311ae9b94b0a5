import { a1Address, qualifiedAddress } from "./a1";
import type { AppendTableRowsStep, CellWrite } from "./plan";
import { cellFormula, cellValue } from "./sheet-cells";
import type { CellValue, GridArea, SheetSnapshot } from "./snapshot";

/** One cell of a new table row: a constant, a formula, or null (left to the table: kept, or its calculated column). */
export type AppendedCell = CellValue | { formula: string; result?: CellValue };

export interface TableAppendRequest {
  sheet: SheetSnapshot;
  table: string;
  /** The table's area when the step runs (the snapshot's, or as earlier steps of the same plan leave it). */
  area: GridArea;
  /** Rows in the table's column order, `area.colCount` cells each. */
  rows: readonly AppendedCell[][];
  /** Whether blank rows at the table's bottom take the first new rows (default true), as a coordinator fills them. */
  reuseBlankRows?: boolean;
  /** What a cell holds when the step runs (default: the snapshot); lets a plan account for its own earlier writes. */
  content?: (row: number, col: number) => CellValue;
}

export type TableAppend =
  | { step: AppendTableRowsStep; blocker: null; rows: number[] }
  | { step: null; blocker: string; rows: [] };

/** A calculated column's formula: it refers to its own row ("[@Col]", "[#This Row]"). */
export function isCalculatedFormula(content: CellValue): content is string {
  return typeof content === "string" && content.startsWith("=") && /\[@|\[#This Row\]/i.test(content);
}

/**
 * The formula of a column that Excel treats as a calculated column: the last data row's formula when it refers to its
 * own row, or when every data row (two or more) holds that same formula. Null otherwise (e.g. one typed =TODAY()).
 */
function calculatedFormula(content: (row: number, col: number) => CellValue, col: number, firstData: number, end: number): string | null {
  if (end <= firstData) return null;
  const last = content(end - 1, col);
  if (typeof last !== "string" || !last.startsWith("=")) return null;
  if (isCalculatedFormula(last)) return last;
  if (end - firstData < 2) return null;
  for (let row = firstData; row < end; row++) if (content(row, col) !== last) return null;
  return last;
}

/**
 * Where new rows of a table go, decided once for every surface. The rows fill, in order, the blank rows at the
 * table's bottom (every cell empty or its calculated column's formula) and then the rows right under the table,
 * which the table grows into. A null cell keeps what a reused row holds; in a row under the table it gets the
 * calculated column's formula when the last data row has one, else stays empty. A row under the table that holds
 * anything makes the append impossible: the answer names that cell (nothing the user typed is overwritten).
 */
export function planTableAppend(request: TableAppendRequest): TableAppend {
  const { sheet, area, rows } = request;
  const content =
    request.content ?? ((row: number, col: number): CellValue => cellFormula(sheet, row, col) ?? cellValue(sheet, row, col));
  const firstData = area.row + 1;
  const end = area.row + area.rowCount;
  const isEmpty = (v: CellValue) => v === null || v === "";
  const calculated = Array.from({ length: area.colCount }, (_, c) => calculatedFormula(content, area.col + c, firstData, end));
  const blankRow = (row: number) =>
    Array.from({ length: area.colCount }, (_, c) => content(row, area.col + c)).every((v, c) => isEmpty(v) || v === calculated[c]);
  let start = end;
  if (request.reuseBlankRows ?? true) while (start > firstData && blankRow(start - 1)) start -= 1;

  const cells: CellWrite[] = [];
  const placed: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = start + i;
    const reused = row < end;
    placed.push(row);
    for (let c = 0; c < area.colCount; c++) {
      const col = area.col + c;
      const expected = content(row, col);
      if (!reused && !isEmpty(expected)) return { step: null, blocker: qualifiedAddress(sheet.name, a1Address(row, col)), rows: [] };
      const cell = rows[i]?.[c] ?? null;
      if (cell !== null && typeof cell === "object") cells.push({ row, col, formula: cell.formula, result: cell.result ?? undefined, expected });
      else if (cell !== null) cells.push({ row, col, value: cell, expected });
      else if (!reused && calculated[c]) cells.push({ row, col, formula: calculated[c] ?? undefined, expected });
    }
  }
  for (const write of cells) if (write.result === undefined) delete write.result;
  const rowCount = Math.max(area.rowCount, start + rows.length - area.row);
  return {
    step: { kind: "appendTableRows", sheet: sheet.name, table: request.table, area: { ...area }, cells, newArea: { ...area, rowCount } },
    blocker: null,
    rows: placed,
  };
}
