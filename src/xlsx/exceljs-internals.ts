import type { Cell, Worksheet } from "exceljs";

/**
 * Typed views of ExcelJS 4.4 internals the adapter relies on. ExcelJS's public table API rewrites every
 * cell of a table and forgets tables read from files, so tables are handled through their model.
 */

export interface TableColumnModel {
  name: string;
  filterButton?: boolean;
  totalsRowLabel?: string;
  totalsRowFunction?: string;
}

export interface TableStyleModel {
  theme?: string | null;
  showFirstColumn?: boolean;
  showLastColumn?: boolean;
  showRowStripes?: boolean;
  showColumnStripes?: boolean;
}

/** What ExcelJS writes to xl/tables/tableN.xml: name, ref (tableRef), autoFilter ref, columns, style. */
export interface TableModel {
  name: string;
  displayName?: string;
  /** Top-left cell (tables created through addTable only). */
  ref?: string;
  tableRef?: string;
  autoFilterRef?: string;
  headerRow: boolean;
  totalsRow: boolean;
  columns: TableColumnModel[];
  style?: TableStyleModel;
  rows?: unknown[];
}

interface TableHolder {
  table: TableModel;
}

interface WorksheetWithTables {
  tables: Record<string, TableHolder | undefined>;
}

/** The table models of a sheet, as read from the file or added by the adapter. */
export function tableModels(ws: Worksheet): TableModel[] {
  const holders = (ws as unknown as WorksheetWithTables).tables;
  return Object.values(holders)
    .filter((holder): holder is TableHolder => holder !== undefined && holder.table !== undefined)
    .map((holder) => holder.table);
}

export function findTableModel(ws: Worksheet, name: string): TableModel | undefined {
  return tableModels(ws).find((table) => table.name.toLowerCase() === name.toLowerCase());
}

/** Registers a table over cells already written: addTable with no rows writes only the header names. */
export function addTableModel(ws: Worksheet, model: TableModel, topLeft: string, fullRef: string): void {
  ws.addTable({
    name: model.name,
    displayName: model.name,
    ref: topLeft,
    headerRow: true,
    totalsRow: false,
    style: {
      theme: (model.style?.theme ?? "TableStyleMedium2") as "TableStyleMedium2",
      showRowStripes: model.style?.showRowStripes ?? true,
    },
    columns: model.columns.map((column) => ({ name: column.name, filterButton: true })),
    rows: [],
  });
  const added = findTableModel(ws, model.name);
  if (added) {
    added.tableRef = fullRef;
    added.autoFilterRef = fullRef;
  }
}

export function tableReference(table: TableModel): string {
  return table.tableRef ?? table.ref ?? "";
}

interface WorksheetWithMerges {
  _merges: Record<string, { range: string } | undefined>;
}

/** Merged ranges of a sheet ("A1:C1"). */
export function mergedRanges(ws: Worksheet): string[] {
  const merges = (ws as unknown as WorksheetWithMerges)._merges;
  return Object.values(merges)
    .filter((merge): merge is { range: string } => merge !== undefined)
    .map((merge) => merge.range);
}

export interface ConditionalRuleModel {
  type: string;
  formulae?: (string | number)[];
  priority?: number;
  style?: unknown;
}

export interface ConditionalFormattingModel {
  ref: string;
  rules: ConditionalRuleModel[];
}

export function conditionalFormattings(ws: Worksheet): ConditionalFormattingModel[] {
  return (ws as unknown as { conditionalFormattings: ConditionalFormattingModel[] }).conditionalFormattings;
}

export interface DataValidationModel {
  type: string;
  formulae?: (string | number)[];
  allowBlank?: boolean;
  operator?: string;
  showErrorMessage?: boolean;
  errorStyle?: string;
  errorTitle?: string;
  error?: string;
}

/** Address or range ("E2" / "E2:E500") → validation. */
export function dataValidationMap(ws: Worksheet): Record<string, DataValidationModel | undefined> {
  return (ws as unknown as { dataValidations: { model: Record<string, DataValidationModel | undefined> } })
    .dataValidations.model;
}

export function setOrderNo(ws: Worksheet, orderNo: number): void {
  (ws as unknown as { orderNo: number }).orderNo = orderNo;
}

/** The ExcelJS cell at 0-based coordinates (created when missing). A plain object, not an Office.js proxy. */
export function cellAt(ws: Worksheet, row: number, col: number): Cell {
  return ws.getRow(row + 1).getCell(col + 1);
}
