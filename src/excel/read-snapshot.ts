import { ExcelMessages } from "./messages";
import type { CellValue, ColumnSnapshot, GridArea, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../domain/workbook/snapshot";
import { BACKUP_PREFIX } from "../domain/workbook/table-location";
import type { BandReadStats, GridRead } from "./band-reader";
import { readGrids } from "./band-reader";
import { isFeatureSupported } from "./requirements";

export interface ReadSnapshotOptions {
  /** Largest response one sync may bring back (JSON bytes of what is loaded); tests lower it to exercise the bands. */
  maxResponseBytes?: number;
  /** Determinate progress for reads that take several syncs: rows read so far and in all. */
  onProgress?: (progress: ReadProgress) => void;
  /** Filled with the syncs spent and the largest response of any sync (for the bench). */
  stats?: BandReadStats;
}

export interface ReadProgress {
  rowsRead: number;
  totalRows: number;
  /** "Leyendo filas 40.000 de 100.000…" */
  message: string;
}

interface GridLoad {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/**
 * Reads every sheet's used range (values and formulas), its tables, frozen rows and the workbook's names.
 * Contents come in row bands, one sync per ~3 MB of response (band-reader.ts): `formulas` everywhere (it returns
 * the constant for cells without a formula), then `values` only where a formula was found. The used range counts
 * values only (a whole-column format would otherwise make it a million rows) and is widened to the tables.
 * "Respaldo …" copies are listed with their tables but not read: the domain never reads them.
 */
export async function readSnapshot(context: Excel.RequestContext, options: ReadSnapshotOptions = {}): Promise<WorkbookSnapshot> {
  const freezeSupported = isFeatureSupported("freezePanes");
  const validationSupported = isFeatureSupported("dataValidation");
  const conditionalSupported = isFeatureSupported("conditionalFormat");
  const workbook = context.workbook;
  const stats = options.stats ?? { syncs: 0, largestResponseBytes: 0 };
  const sync = async () => {
    await context.sync();
  };

  // Stage 1: which sheets, tables and names exist.
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/position");
  const allTables = workbook.tables;
  allTables.load("items/name,items/worksheet/name");
  const names = workbook.names;
  names.load("items/name,items/formula");
  stats.syncs += 1;
  await sync();

  // Stage 2: the shape of each sheet and table.
  const shapes = worksheets.items.map((sheet) => {
    const backup = isBackupName(sheet.name);
    const used = backup ? null : sheet.getUsedRangeOrNullObject(true);
    used?.load("rowIndex,columnIndex,rowCount,columnCount");
    const frozen = freezeSupported && !backup ? sheet.freezePanes.getLocationOrNullObject() : null;
    frozen?.load("rowIndex,rowCount");
    const tables = allTables.items
      .filter((table) => table.worksheet.name === sheet.name)
      .map((table) => {
        const range = table.getRange();
        range.load("rowIndex,columnIndex,rowCount,columnCount");
        const columns = table.columns;
        columns.load("items/name");
        return { table, range, columns };
      });
    return { sheet, backup, used, frozen, tables };
  });
  stats.syncs += 1;
  await sync();

  // Stage 3: each table's first-data-row formats and validations (small, one sync).
  const tableDetails = shapes.map(({ tables, backup }) =>
    tables.map(({ table, range, columns }) => {
      const hasDataRow = range.rowCount > 1 && !backup;
      const body = hasDataRow ? table.getDataBodyRange() : null;
      const firstRow = body ? body.getRow(0) : null;
      firstRow?.load("numberFormat");
      const validations =
        body && validationSupported
          ? columns.items.map((_, c) => {
              const validation = body.getCell(0, c).dataValidation;
              validation.load("type,rule");
              return validation;
            })
          : [];
      const conditionals = body && conditionalSupported ? body.conditionalFormats : null;
      conditionals?.load("items/type,items/customOrNullObject/rule/formula");
      return { firstRow, validations, conditionals };
    }),
  );
  if (tableDetails.some((list) => list.length > 0)) {
    stats.syncs += 1;
    await sync();
  }

  // Stage 4: contents, in bands under the byte budget.
  const areas = shapes.map(({ used, tables, backup }) => (backup ? null : readArea(used, tables.map((t) => t.range))));
  const progress = (done: number, total: number) =>
    options.onProgress?.({ rowsRead: done, totalRows: total, message: ExcelMessages.progress(ExcelMessages.progressReading, thousands(done), thousands(total)) });
  const formulaReads: GridRead[] = [];
  shapes.forEach(({ sheet }, s) => {
    const area = areas[s];
    if (area) formulaReads.push({ sheet: sheet.name, area, property: "formulas" });
  });
  const formulaGrids = await readGrids(context, formulaReads, { maxResponseBytes: options.maxResponseBytes, onRows: progress, sync }, stats);
  const formulaBySheet = new Map(formulaReads.map((read, i) => [read.sheet, formulaGrids[i] ?? []]));

  // The values of formula cells: per column, the rows from its first formula to its last.
  const valueReads: GridRead[] = [];
  for (const read of formulaReads) {
    const grid = formulaBySheet.get(read.sheet) ?? [];
    for (const span of formulaSpans(grid)) {
      valueReads.push({
        sheet: read.sheet,
        area: { row: read.area.row + span.firstRow, col: read.area.col + span.col, rowCount: span.rowCount, colCount: 1 },
        property: "values",
      });
    }
  }
  const valueGrids = await readGrids(context, valueReads, { maxResponseBytes: options.maxResponseBytes, sync }, stats);

  const sheets: SheetSnapshot[] = shapes.map(({ sheet, frozen, tables: tableShapes }, s) => {
    const area: GridArea = areas[s] ?? { row: 0, col: 0, rowCount: 0, colCount: 0 };
    const grid = formulaBySheet.get(sheet.name) ?? [];
    const values: CellValue[][] = grid.map((row) => row.map((cell) => (isFormula(cell) ? null : cellValueOf(cell))));
    const formulas: (string | null)[][] = grid.map((row) => row.map(formulaOf));
    valueReads.forEach((read, i) => {
      if (read.sheet !== sheet.name) return;
      const c = read.area.col - area.col;
      (valueGrids[i] ?? []).forEach((cells, k) => {
        const r = read.area.row - area.row + k;
        const formula = formulas[r]?.[c];
        if (formula === null || formula === undefined) return;
        const value = cells[0];
        const rowValues = values[r];
        const rowFormulas = formulas[r];
        if (!rowValues || !rowFormulas) return;
        // Text that starts with "=" (typed with an apostrophe) reads back the same through formulas and values.
        if (value === formula) rowFormulas[c] = null;
        rowValues[c] = cellValueOf(value);
      });
    });
    const tables: TableSnapshot[] = tableShapes.map(({ table, range, columns }, t) => {
      const details = tableDetails[s]?.[t];
      const formats = (details?.firstRow?.numberFormat as unknown[][] | undefined)?.[0] ?? [];
      const columnSnapshots: ColumnSnapshot[] = columns.items.map((column, c) => ({
        header: column.name,
        numberFormat: typeof formats[c] === "string" ? (formats[c] as string) : "General",
        listValidation: listSourceOf(details?.validations[c]),
      }));
      const conditionalFormulas = (details?.conditionals?.items ?? [])
        .filter((cf) => cf.type === Excel.ConditionalFormatType.custom && !cf.customOrNullObject.isNullObject)
        .map((cf) => cf.customOrNullObject.rule.formula);
      return {
        name: table.name,
        area: gridOf(range),
        columns: columnSnapshots,
        conditionalFormulas,
      };
    });
    const frozenRows = frozen && !frozen.isNullObject && frozen.rowIndex === 0 ? frozen.rowCount : 0;
    return { name: sheet.name, area, values, formulas, tables, frozenRows, position: sheet.position };
  });

  const nameMap: Record<string, string> = {};
  for (const item of names.items) nameMap[item.name] = item.formula.replace(/^=/, "");
  return { sheets, names: nameMap };
}

function isBackupName(name: string): boolean {
  return name.toLowerCase().startsWith(`${BACKUP_PREFIX.toLowerCase()} `);
}

/** The used range (values only) widened to cover the sheet's tables; null when the sheet holds neither. */
function readArea(used: Excel.Range | null, tables: readonly GridLoad[]): GridArea | null {
  const parts: GridArea[] = tables.map(gridOf);
  if (used && !used.isNullObject) parts.push(gridOf(used));
  if (parts.length === 0) return null;
  const row = Math.min(...parts.map((p) => p.row));
  const col = Math.min(...parts.map((p) => p.col));
  const rowEnd = Math.max(...parts.map((p) => p.row + p.rowCount));
  const colEnd = Math.max(...parts.map((p) => p.col + p.colCount));
  return { row, col, rowCount: rowEnd - row, colCount: colEnd - col };
}

/** Per column of a formulas grid, the rows from its first formula to its last (relative to the grid). */
export function formulaSpans(grid: readonly (readonly unknown[])[]): { col: number; firstRow: number; rowCount: number }[] {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!isFormula(cell)) return;
      if (!first.has(c)) first.set(c, r);
      last.set(c, r);
    }),
  );
  return [...first].sort((a, b) => a[0] - b[0]).map(([col, firstRow]) => ({ col, firstRow, rowCount: (last.get(col) ?? firstRow) - firstRow + 1 }));
}

function isFormula(cell: unknown): boolean {
  return typeof cell === "string" && cell.startsWith("=");
}

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

function gridOf(range: GridLoad): GridArea {
  return { row: range.rowIndex, col: range.columnIndex, rowCount: range.rowCount, colCount: range.columnCount };
}

function cellValueOf(value: unknown): CellValue {
  if (value === "" || value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

function formulaOf(formula: unknown): string | null {
  return typeof formula === "string" && formula.startsWith("=") ? formula : null;
}

function listSourceOf(validation: Excel.DataValidation | undefined): string | null {
  if (!validation || validation.type !== Excel.DataValidationType.list) return null;
  const source = validation.rule.list?.source;
  return typeof source === "string" ? source : null;
}
