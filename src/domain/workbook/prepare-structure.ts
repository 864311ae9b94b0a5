import { a1Address, areaAddress, columnLetters } from "./a1";
import { OPERATION_FORMULAS } from "./operation-formulas";
import type { CellWrite } from "./plan";
import type { PlanBuilder } from "./plan-builder";
import type { ColumnSpec, TableSchema } from "./schema-types";
import { backupSheetName } from "./sheet-names";
import { cellFormula, cellValue, isBlank } from "./sheet-cells";
import type { ColumnSnapshot, SheetSnapshot } from "./snapshot";
import type { TableLayout } from "./table-layout";
import type { LocatedTable } from "./table-location";
import { isAddinFormula, sameFormula } from "./formula-text";
import { WorkbookMessages } from "./messages";

/** Shared state of one planPreparation run. */
export interface PreparationContext {
  readonly builder: PlanBuilder;
  /** Lower-case names of the sheets that exist or that the plan adds. */
  readonly sheetNames: Set<string>;
  /** Sheets already copied by this plan. */
  readonly backedUp: Set<string>;
  readonly today: number;
}

/** Copies a sheet before its first structural change (once per plan). */
export function backUp(ctx: PreparationContext, sheet: string): void {
  if (ctx.backedUp.has(sheet)) return;
  ctx.backedUp.add(sheet);
  const copyName = backupSheetName(sheet, ctx.sheetNames);
  ctx.sheetNames.add(copyName.toLowerCase());
  ctx.builder.add("backup", { kind: "copySheet", sheet, copyName });
  ctx.builder.note(WorkbookMessages.backupCreated(copyName, sheet));
}

/**
 * True when a formula column holds what the user typed (values, or formulas of their own) and not yet
 * the add-in's formula: the column is kept as "(original)" and a calculated one is added beside it.
 */
function holdsUserValues(sheet: SheetSnapshot, col: number, firstRow: number, lastRow: number, formula: string): boolean {
  let userValues = false;
  for (let row = firstRow; row <= lastRow; row++) {
    const cellFormulaText = cellFormula(sheet, row, col);
    if (cellFormulaText) {
      if (sameFormula(cellFormulaText, formula)) return false;
      if (!isAddinFormula(cellFormulaText)) userValues = true;
    } else if (!isBlank(cellValue(sheet, row, col))) {
      userValues = true;
    }
  }
  return userValues;
}

function columnIsEmpty(sheet: SheetSnapshot, col: number, firstRow: number, lastRow: number): boolean {
  for (let row = firstRow; row <= lastRow; row++) {
    if (!isBlank(cellValue(sheet, row, col)) || cellFormula(sheet, row, col)) return false;
  }
  return true;
}

/** A header not yet taken (Excel needs unique table headers, compared without case). */
function uniqueHeader(wanted: string, taken: Set<string>): string {
  let header = wanted;
  for (let n = 2; taken.has(header.toLowerCase()); n++) header = `${wanted} (${n})`;
  taken.add(header.toLowerCase());
  return header;
}

function listNames(names: readonly string[]): string {
  return names.map((name) => `«${name}»`).join(", ");
}

/** Writes a new table (headers, default rows) at a free place and returns its layout. */
export function createTable(
  ctx: PreparationContext,
  schema: TableSchema,
  place: { sheetName: string; sheet: SheetSnapshot | null; row: number; col: number },
): TableLayout {
  const { sheetName, row, col } = place;
  const cells: CellWrite[] = schema.columns.map((spec, i) => ({ row, col: col + i, value: spec.header, expected: null }));
  const defaultRows = schema.defaultRows ?? [];
  defaultRows.forEach((values, r) => {
    values.forEach((value, c) => {
      if (value !== null && typeof value === "object") {
        // A default formula computes today (none of the schemas has one at present).
        cells.push({ row: row + 1 + r, col: col + c, formula: value.formula, result: ctx.today, expected: null });
      } else if (value !== null) {
        cells.push({ row: row + 1 + r, col: col + c, value, expected: null });
      }
    });
  });
  const dataRowCount = Math.max(1, defaultRows.length);
  const colCount = schema.columns.length;
  ctx.builder.add("structure", { kind: "writeCells", sheet: sheetName, cells });
  const area = { row, col, rowCount: dataRowCount + 1, colCount };
  ctx.builder.add("structure", { kind: "createTable", sheet: sheetName, table: schema.table, area, style: schema.style });
  ctx.builder.note(WorkbookMessages.tableCreated(schema.table, sheetName, areaAddress(area)));
  const columns = new Map<string, number>(schema.columns.map((spec, i) => [spec.key, col + i]));
  return {
    schema,
    sheetName,
    sheet: place.sheet,
    located: null,
    headerRow: row,
    firstCol: col,
    colCount,
    dataRowCount,
    columns,
    existingColumns: new Map(),
    createdColumns: new Set(columns.values()),
    conditionalFormulas: [],
  };
}

/**
 * Brings an existing table or recognised plain range to the SPEC: exact headers, missing columns at the
 * right, legacy formula columns kept as "(original)", a table over a plain range. User cells never move.
 */
export function restructureTable(ctx: PreparationContext, located: LocatedTable): TableLayout {
  const { schema, sheet, headerRow, firstCol } = located;
  const lastDataRow = headerRow + located.dataRowCount;
  const finalHeaders = [...located.headers];
  const columns = new Map<string, number>();
  const renamed: string[] = [];
  const kept: string[] = [];
  const legacy: { from: string; to: string; spec: ColumnSpec }[] = [];

  located.match.specAt.forEach((spec, i) => {
    if (!spec) return;
    const col = firstCol + i;
    const original = located.headers[i] ?? "";
    if (spec.formula && holdsUserValues(sheet, col, headerRow + 1, lastDataRow, OPERATION_FORMULAS[spec.formula])) {
      legacy.push({ from: original, to: `${original} (original)`, spec });
      finalHeaders[i] = `${original} (original)`;
      return;
    }
    columns.set(spec.key, col);
    if (original !== spec.header) {
      finalHeaders[i] = spec.header;
      renamed.push(WorkbookMessages.headerRenamed(original, spec.header, a1Address(headerRow, col)));
    }
  });

  const taken = new Set<string>();
  for (const [key] of columns) taken.add((schema.columns.find((spec) => spec.key === key)?.header ?? "").toLowerCase());
  const usedCols = new Set(columns.values());
  finalHeaders.forEach((header, i) => {
    const col = firstCol + i;
    if (usedCols.has(col)) return;
    const wanted = header === "" ? `Columna ${columnLetters(col)}` : header;
    finalHeaders[i] = uniqueHeader(wanted, taken);
    if (!legacy.some((item) => item.to === header)) kept.push(finalHeaders[i] ?? wanted);
  });

  let missing = schema.columns.filter((spec) => !columns.has(spec.key));
  const appendAt = firstCol + located.colCount;
  if (located.table && missing.length > 0) {
    const blocked = missing.some((_, j) => !columnIsEmpty(sheet, appendAt + j, headerRow, lastDataRow));
    if (blocked) {
      ctx.builder.note(WorkbookMessages.columnsNotAdded(listNames(missing.map((spec) => spec.header)), schema.table, columnLetters(appendAt)));
      missing = [];
    }
  }
  const createdColumns = new Set<number>();
  missing.forEach((spec, j) => {
    columns.set(spec.key, appendAt + j);
    createdColumns.add(appendAt + j);
    taken.add(spec.header.toLowerCase());
  });

  const headerWrites: CellWrite[] = [];
  finalHeaders.forEach((header, i) => {
    const col = firstCol + i;
    const current = cellValue(sheet, headerRow, col);
    if (header !== (located.headers[i] ?? "")) {
      headerWrites.push({ row: headerRow, col, value: header, expected: current });
    }
  });
  missing.forEach((spec, j) => headerWrites.push({ row: headerRow, col: appendAt + j, value: spec.header, expected: null }));

  const colCount = located.colCount + missing.length;
  const dataRowCount = Math.max(1, located.dataRowCount);
  const area = { row: headerRow, col: firstCol, rowCount: dataRowCount + 1, colCount };
  const structural = headerWrites.length > 0 || located.table === null;
  if (structural) backUp(ctx, sheet.name);

  if (located.table && located.table.name !== schema.table) {
    ctx.builder.add("structure", { kind: "renameTable", sheet: sheet.name, table: located.table.name, newName: schema.table });
    ctx.builder.note(WorkbookMessages.tableRenamed(located.table.name, sheet.name, schema.table));
  }
  if (headerWrites.length > 0) ctx.builder.add("structure", { kind: "writeCells", sheet: sheet.name, cells: headerWrites });
  if (!located.table) {
    ctx.builder.note(WorkbookMessages.columnsRecognized(located.match.recognised, sheet.name, headerRow + 1));
    ctx.builder.add("structure", { kind: "createTable", sheet: sheet.name, table: schema.table, area, style: schema.style });
    ctx.builder.note(WorkbookMessages.rangeConverted(areaAddress(area), sheet.name, schema.table));
  } else if (missing.length > 0) {
    ctx.builder.add("structure", { kind: "resizeTable", sheet: sheet.name, table: schema.table, area });
  }
  for (const line of renamed) ctx.builder.note(line);
  for (const item of legacy) {
    ctx.builder.note(WorkbookMessages.typedColumnKept(item.from, item.to, item.spec.header));
  }
  if (missing.length > 0) ctx.builder.note(WorkbookMessages.columnsAdded(schema.table, listNames(missing.map((spec) => spec.header))));
  if (!located.table && kept.length > 0) ctx.builder.note(WorkbookMessages.ownColumnsKept(listNames(kept)));

  const existingColumns = new Map<number, ColumnSnapshot>();
  located.table?.columns.forEach((column, i) => existingColumns.set(firstCol + i, column));
  return {
    schema,
    sheetName: sheet.name,
    sheet,
    located,
    headerRow,
    firstCol,
    colCount,
    dataRowCount,
    columns,
    existingColumns,
    createdColumns,
    conditionalFormulas: located.table?.conditionalFormulas ?? [],
  };
}
