import { ExcelMessages } from "./messages";
import type { PlanStep } from "../domain/workbook/plan";
import { cellFormula, cellValue } from "../domain/workbook/sheet-cells";
import type { GridArea, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../domain/workbook/snapshot";
import { keyColumnIndex } from "../domain/workbook/table-keys";
import { readGrids } from "./band-reader";
import { contentOf, sameContent } from "./cell-entry";
import { PlanNotApplicableError } from "./plan-errors";

/**
 * Co-authoring guard: the plan addresses table rows by their index in the snapshot. Before anything is written, each
 * table the plan writes into must still have the area and the key column (DO, Nº, Aliado…) it had when read.
 */
export interface TableGuard {
  sheet: string;
  table: string;
  area: GridArea;
  range: Excel.Range;
  /** Column holding the rows' key (DO, Nº…), and the rows whose key is compared; null when the table has none. */
  keyCol: number | null;
}

/** Tables the plan writes into or appends to, with a load of their current shape queued. */
export function queueTableGuards(
  context: Excel.RequestContext,
  snapshot: WorkbookSnapshot,
  steps: readonly PlanStep[],
  pending: readonly { sheet: string; row: number; col: number }[],
): TableGuard[] {
  const guards = new Map<string, TableGuard>();
  const guard = (sheet: SheetSnapshot, table: TableSnapshot) => {
    if (guards.has(table.name)) return;
    const range = context.workbook.tables.getItem(table.name).getRange();
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    const keyIndex = keyColumnIndex(table.name, table.columns.map((c) => c.header));
    guards.set(table.name, { sheet: sheet.name, table: table.name, area: table.area, range, keyCol: keyIndex === null ? null : table.area.col + keyIndex });
  };
  for (const step of steps) {
    if (step.kind !== "appendTableRows") continue;
    const sheet = snapshot.sheets.find((s) => s.name === step.sheet);
    const table = sheet?.tables.find((t) => t.name === step.table);
    if (sheet && table) guard(sheet, table);
  }
  for (const cell of pending) {
    const sheet = snapshot.sheets.find((s) => s.name === cell.sheet);
    const table = sheet?.tables.find((t) => cell.row > t.area.row && containsCell(t.area, cell.row, cell.col));
    if (sheet && table) guard(sheet, table);
  }
  return [...guards.values()];
}

/**
 * A co-author may have inserted, deleted or sorted rows since the read: then the rows the plan addresses are other
 * rows. The table's area and its key column must be as read, or the plan stops before writing anything.
 */
export async function checkTableGuards(
  context: Excel.RequestContext,
  snapshot: WorkbookSnapshot,
  guards: readonly TableGuard[],
  options: { sync: () => Promise<void>; maxResponseBytes?: number },
): Promise<void> {
  const changed = (g: TableGuard) => {
    throw new PlanNotApplicableError(ExcelMessages.tableChanged(g.table, g.sheet));
  };
  for (const g of guards) {
    const r = g.range;
    if (r.rowIndex !== g.area.row || r.columnIndex !== g.area.col || r.rowCount !== g.area.rowCount || r.columnCount !== g.area.colCount) changed(g);
  }
  const keyed = guards.filter((g) => g.keyCol !== null && g.area.rowCount > 1);
  const grids = await readGrids(
    context,
    keyed.map((g) => ({ sheet: g.sheet, area: { row: g.area.row + 1, col: g.keyCol ?? 0, rowCount: g.area.rowCount - 1, colCount: 1 }, property: "formulas" as const })),
    { sync: options.sync, maxResponseBytes: options.maxResponseBytes },
  );
  keyed.forEach((g, i) => {
    const sheet = snapshot.sheets.find((s) => s.name === g.sheet);
    if (!sheet) return;
    const rows = grids[i] ?? [];
    for (let r = 0; r < g.area.rowCount - 1; r += 1) {
      const row = g.area.row + 1 + r;
      const read = cellFormula(sheet, row, g.keyCol ?? 0) ?? cellValue(sheet, row, g.keyCol ?? 0);
      const now = contentOf(rows[r]?.[0], rows[r]?.[0]);
      if (!sameContent(now, read)) changed(g);
    }
  });
}

function containsCell(area: GridArea, row: number, col: number): boolean {
  return row >= area.row && row < area.row + area.rowCount && col >= area.col && col < area.col + area.colCount;
}
