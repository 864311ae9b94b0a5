import { isAddinTable, isBrokenAddinCell } from "../domain/workbook/formula-repair";
import { callsAddinFunction, isUnavailableResult } from "../domain/workbook/static-copy";

/**
 * Cells read per sync. Values are small; the formulas of an ADUANA column are ~300 characters each, so 5,000 of
 * them stay near 1.5 MB, well under the 5 MB request/response limit of Excel on the web
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 */
export const SCAN_CELLS_PER_SYNC = 5_000;

const cellOf = (value: unknown) => (typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null);

interface Slice {
  sheet: Excel.Worksheet;
  row: number;
  col: number;
  count: number;
}

/**
 * How many ADUANA formulas in the add-in's tables show #NAME? (any spelling, the stored `_xldudf_ADUANA_X(` form
 * included). Bounded: it reads the first data row of each add-in table, then only the values of the columns whose
 * first row calls an ADUANA function, at most `cellsPerSync` cells per sync, and the formulas only of the slices
 * where a #NAME? shows. Reads only; the caller owns the Excel.run.
 */
export async function countBrokenFormulas(context: Excel.RequestContext, cellsPerSync: number = SCAN_CELLS_PER_SYNC): Promise<number> {
  const tables = context.workbook.tables.load("items/name");
  await context.sync();
  const mine = tables.items
    .filter((table) => isAddinTable(table.name))
    .map((table) => ({
      sheet: table.worksheet,
      body: table.getDataBodyRange().load("rowIndex, columnIndex, rowCount"),
      first: table.getDataBodyRange().getRow(0).load("formulas"),
    }));
  if (mine.length === 0) return 0;
  await context.sync();
  const columns: Slice[] = [];
  for (const { sheet, body, first } of mine) {
    (first.formulas[0] ?? []).forEach((formula: unknown, c) => {
      if (typeof formula === "string" && callsAddinFunction(formula)) columns.push({ sheet, row: body.rowIndex, col: body.columnIndex + c, count: body.rowCount });
    });
  }
  // One sync per batch of at most `cellsPerSync` cells: the loop is the chunking the resource limits ask for.
  const sync = () => context.sync();
  let broken = 0;
  for (const batch of batches(columns, cellsPerSync)) {
    const read = batch.map((slice) => ({ slice, range: slice.sheet.getRangeByIndexes(slice.row, slice.col, slice.count, 1).load("values") }));
    await sync();
    for (const { slice, range } of read) {
      if (!range.values.some((row) => isUnavailableResult(cellOf(row[0])))) continue;
      const formulas = slice.sheet.getRangeByIndexes(slice.row, slice.col, slice.count, 1).load("formulas");
      await sync();
      range.values.forEach((row, r) => {
        const formula = formulas.formulas[r]?.[0];
        if (isBrokenAddinCell(typeof formula === "string" ? formula : null, cellOf(row[0]))) broken += 1;
      });
    }
  }
  return broken;
}

/** The columns cut into groups of slices of at most `limit` cells in all, each group filled before the next. */
function batches(columns: readonly Slice[], limit: number): Slice[][] {
  const groups: Slice[][] = [];
  let current: Slice[] = [];
  let room = limit;
  for (const column of columns) {
    for (let done = 0; done < column.count; ) {
      const count = Math.min(room, column.count - done);
      current.push({ ...column, row: column.row + done, count });
      done += count;
      room -= count;
      if (room === 0) {
        groups.push(current);
        current = [];
        room = limit;
      }
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
