import { FileMessages } from "./messages";
import type { CellValue as ExcelJsValue, Workbook, Worksheet } from "exceljs";
import type { CellValue, GridArea } from "../domain/workbook/snapshot";
import type { AppendTableRowsStep, CreateTableStep, RenameTableStep, ResizeTableStep } from "../domain/workbook/plan";
import { a1Address, areaAddress, parseArea } from "../domain/workbook/a1";
import { areasOverlap } from "../domain/workbook/grid-area";
import { extendValidations } from "./data-validation-ranges";
import { addTableModel, cellAt, conditionalFormattings, findTableModel, tableModels, tableReference, type TableModel } from "./exceljs-internals";
import { toFileFormula } from "./formula-form";
import { plainValue } from "./read-snapshot";

/** An Excel error value for a cached result such as "#N/A", otherwise the value itself. */
export function excelJsResult(result: CellValue | undefined): ExcelJsValue | undefined {
  if (typeof result === "string" && /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!)$/.test(result)) {
    return { error: result } as ExcelJsValue;
  }
  return result ?? undefined;
}

export function formulaValue(formula: string, result: CellValue | undefined, table: string | null): ExcelJsValue {
  const cached = excelJsResult(result);
  const fileFormula = toFileFormula(formula, table);
  return (cached === undefined ? { formula: fileFormula } : { formula: fileFormula, result: cached }) as ExcelJsValue;
}

/** Name of the table whose area contains a cell, among the sheet's tables. */
export function tableAt(ws: Worksheet, row: number, col: number): string | null {
  for (const table of tableModels(ws)) {
    const area = parseArea(tableReference(table));
    if (area && row >= area.row && row < area.row + area.rowCount && col >= area.col && col < area.col + area.colCount) {
      return table.name;
    }
  }
  return null;
}

/** Header names Excel would accept: non-empty, unique (case-insensitive), written back into the header cells. */
function headerNames(ws: Worksheet, area: GridArea, existing: string[]): string[] {
  const names: string[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < area.colCount; i++) {
    const cell = cellAt(ws, area.row, area.col + i);
    const text = String(plainValue(cell.value) ?? "").replace(/\s+/g, " ").trim();
    let name = existing[i] ?? (text === "" ? `Columna${i + 1}` : text);
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${text || "Columna"}${n}`;
    taken.add(name.toLowerCase());
    names.push(name);
    if (cell.value !== name) cell.value = name;
  }
  return names;
}

function allTables(wb: Workbook): { sheet: Worksheet; table: TableModel }[] {
  return wb.worksheets.flatMap((sheet) => tableModels(sheet).map((table) => ({ sheet, table })));
}

export function createTable(wb: Workbook, ws: Worksheet, step: CreateTableStep): void {
  // Excel keeps at least one data row under the header.
  const area: GridArea = { ...step.area, rowCount: Math.max(step.area.rowCount, 2) };
  const clash = allTables(wb).find(({ table }) => table.name.toLowerCase() === step.table.toLowerCase());
  if (clash) {
    if (clash.sheet === ws && tableReference(clash.table) === areaAddress(area)) return;
    throw new Error(FileMessages.tableExists(step.table, clash.sheet.name));
  }
  const overlapping = tableModels(ws).find((table) => {
    const other = parseArea(tableReference(table));
    return other !== null && areasOverlap(other, area);
  });
  if (overlapping) throw new Error(FileMessages.tablesOverlap(step.table, overlapping.name, ws.name));
  const columns = headerNames(ws, area, []).map((name) => ({ name, filterButton: true }));
  addTableModel(ws, { name: step.table, headerRow: true, totalsRow: false, columns, style: { theme: step.style, showRowStripes: true } }, a1Address(area.row, area.col), areaAddress(area));
}

function requireTable(ws: Worksheet, name: string): { table: TableModel; area: GridArea } {
  const table = findTableModel(ws, name);
  const area = table ? parseArea(tableReference(table)) : null;
  if (!table || !area) throw new Error(FileMessages.noSuchTable(name, ws.name));
  return { table, area };
}

function setTableArea(table: TableModel, area: GridArea): void {
  const reference = areaAddress(area);
  table.tableRef = reference;
  table.autoFilterRef = reference;
  if (table.ref !== undefined) table.ref = a1Address(area.row, area.col);
}

export function resizeTable(ws: Worksheet, step: ResizeTableStep): void {
  const { table, area } = requireTable(ws, step.table);
  const newArea: GridArea = { ...step.area, rowCount: Math.max(step.area.rowCount, 2) };
  if (newArea.row !== area.row || newArea.col !== area.col) {
    throw new Error(FileMessages.headerMoves(step.table));
  }
  const keep = table.columns.slice(0, newArea.colCount).map((column) => column.name);
  table.columns = headerNames(ws, newArea, keep).map((name, i) => ({ ...table.columns[i], name, filterButton: table.columns[i]?.filterButton ?? true }));
  setTableArea(table, newArea);
}

function extendConditionalFormats(ws: Worksheet, lastRow: number, newLastRow: number, area: GridArea): void {
  for (const format of conditionalFormattings(ws)) {
    const formatArea = parseArea(format.ref);
    if (!formatArea || format.ref.includes(" ")) continue;
    const bottom = formatArea.row + formatArea.rowCount - 1;
    if (bottom !== lastRow || formatArea.col < area.col || formatArea.col + formatArea.colCount > area.col + area.colCount) continue;
    format.ref = areaAddress({ ...formatArea, rowCount: newLastRow - formatArea.row + 1 });
  }
}

/**
 * Carries out an append the domain placed: writes its cells, then grows the table to `newArea` and carries the
 * last data row's formats, validations and conditional formats down into the new rows, as Excel does.
 */
export function appendTableRows(ws: Worksheet, step: AppendTableRowsStep): number {
  const { table, area } = requireTable(ws, step.table);
  if (areaAddress(area) !== areaAddress(step.area)) {
    throw new Error(FileMessages.tableMoved(step.table, ws.name, areaAddress(area), areaAddress(step.area)));
  }
  for (const write of step.cells) {
    const cell = cellAt(ws, write.row, write.col);
    cell.value = write.formula !== undefined ? formulaValue(write.formula, write.result, table.name) : (write.value ?? null);
  }
  const lastRow = area.row + area.rowCount - 1;
  const newLastRow = step.newArea.row + step.newArea.rowCount - 1;
  if (newLastRow > lastRow) {
    // The last data row is the template; a table with only its header row has none.
    for (let j = 0; j < area.colCount && lastRow > area.row; j++) {
      const style = ws.findCell(lastRow + 1, area.col + j + 1)?.style;
      if (!style || Object.keys(style).length === 0) continue;
      for (let row = lastRow + 1; row <= newLastRow; row++) cellAt(ws, row, area.col + j).style = style;
    }
    extendValidations(ws, lastRow, newLastRow, area.col, area.col + area.colCount - 1);
    extendConditionalFormats(ws, lastRow, newLastRow, area);
    setTableArea(table, step.newArea);
  }
  return step.cells.length;
}

/** Renames a table and, as Excel does, every structured reference to it in the workbook's formulas. */
export function renameTable(wb: Workbook, ws: Worksheet, step: RenameTableStep): void {
  const { table } = requireTable(ws, step.table);
  if (table.name === step.newName) return;
  const clash = allTables(wb).find(({ table: other }) => other !== table && other.name.toLowerCase() === step.newName.toLowerCase());
  if (clash) throw new Error(FileMessages.tableExists(step.newName, clash.sheet.name));
  const oldName = table.name;
  table.name = step.newName;
  table.displayName = step.newName;
  renameStructuredReferences(wb.worksheets, oldName, step.newName);
}

/** `base`, or base2, base3…: the first name no table of the workbook uses (for the tables of a copied sheet). */
export function uniqueTableName(wb: Workbook, base: string): string {
  const taken = new Set(allTables(wb).map(({ table }) => table.name.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`.toLowerCase())) return `${base}${n}`;
}

/** Points every structured reference to table `oldName` in the sheets' formulas at `newName`. */
export function renameStructuredReferences(sheets: readonly Worksheet[], oldName: string, newName: string): void {
  const escaped = oldName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const reference = new RegExp(`(^|[^\\p{L}\\p{N}_.])${escaped}\\[`, "giu");
  for (const sheet of sheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const formula = cell.formula;
        if (!formula || !reference.test(formula)) return;
        reference.lastIndex = 0;
        cell.value = { formula: formula.replace(reference, `$1${newName}[`), result: cell.result } as ExcelJsValue;
      });
    });
  }
}
