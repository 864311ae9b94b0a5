import type { CellValue, ColumnSnapshot, GridArea, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../domain/workbook/snapshot";
import { isFeatureSupported } from "./requirements";

export interface ReadSnapshotOptions {
  /** Largest number of cells one loaded range object covers; big used ranges are split into row bands. */
  chunkCells?: number;
}

/** 50,000 cells of values + formulas keep each band's share of the response well under a megabyte. */
export const DEFAULT_CHUNK_CELLS = 50_000;

/** Syncs readSnapshot spends, whatever the workbook's size: sheet list, then shapes, then contents. */
export const READ_SNAPSHOT_SYNCS = 3;

interface GridLoad {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}


/**
 * Reads every sheet's used range (values and formulas), its tables, frozen rows and the workbook's names,
 * in READ_SNAPSHOT_SYNCS context.sync() calls whatever the row count: loads are queued, then synced once per stage.
 */
export async function readSnapshot(context: Excel.RequestContext, options: ReadSnapshotOptions = {}): Promise<WorkbookSnapshot> {
  const chunkCells = Math.max(1, options.chunkCells ?? DEFAULT_CHUNK_CELLS);
  const freezeSupported = isFeatureSupported("freezePanes");
  const validationSupported = isFeatureSupported("dataValidation");
  const conditionalSupported = isFeatureSupported("conditionalFormat");
  const workbook = context.workbook;

  // Stage 1: which sheets, tables and names exist.
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/position");
  const allTables = workbook.tables;
  allTables.load("items/name,items/worksheet/name");
  const names = workbook.names;
  names.load("items/name,items/formula");
  await context.sync();

  // Stage 2: the shape of each sheet and table.
  const shapes = worksheets.items.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject();
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const frozen = freezeSupported ? sheet.freezePanes.getLocationOrNullObject() : null;
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
    return { sheet, used, frozen, tables };
  });
  await context.sync();

  // Stage 3: contents in row bands, plus each table's first-data-row formats and validations.
  const bands = shapes.map(({ sheet, used }) => {
    if (used.isNullObject) return [];
    return bandsOf(used, chunkCells).map((band) => {
      const range = sheet.getRangeByIndexes(band.row, band.col, band.rowCount, band.colCount);
      range.load("values,formulas");
      return { band, range };
    });
  });
  const tableDetails = shapes.map(({ tables }) =>
    tables.map(({ table, range, columns }) => {
      const hasDataRow = range.rowCount > 1;
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
  await context.sync();

  const sheets: SheetSnapshot[] = shapes.map(({ sheet, used, frozen, tables: tableShapes }, s) => {
    const area: GridArea = used.isNullObject
      ? { row: 0, col: 0, rowCount: 0, colCount: 0 }
      : { row: used.rowIndex, col: used.columnIndex, rowCount: used.rowCount, colCount: used.columnCount };
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    for (const { range } of bands[s] ?? []) {
      const bandValues = range.values as unknown[][];
      const bandFormulas = range.formulas as unknown[][];
      bandValues.forEach((row, r) => {
        values.push(row.map(cellValueOf));
        formulas.push((bandFormulas[r] ?? []).map(formulaOf));
      });
    }
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

function gridOf(range: GridLoad): GridArea {
  return { row: range.rowIndex, col: range.columnIndex, rowCount: range.rowCount, colCount: range.columnCount };
}

/** Row bands of at most `chunkCells` cells (at least one row each) covering the used range. */
export function bandsOf(used: GridLoad, chunkCells: number): GridArea[] {
  const rowsPerBand = Math.max(1, Math.floor(chunkCells / Math.max(1, used.columnCount)));
  const bands: GridArea[] = [];
  for (let start = 0; start < used.rowCount; start += rowsPerBand) {
    bands.push({
      row: used.rowIndex + start,
      col: used.columnIndex,
      rowCount: Math.min(rowsPerBand, used.rowCount - start),
      colCount: used.columnCount,
    });
  }
  return bands;
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
