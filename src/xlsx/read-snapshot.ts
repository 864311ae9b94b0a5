import type { Cell, Workbook, Worksheet } from "exceljs";
import type {
  CellValue,
  ColumnSnapshot,
  GridArea,
  SheetSnapshot,
  TableSnapshot,
  WorkbookSnapshot,
} from "../domain/workbook/snapshot";
import { parseArea } from "../domain/workbook/a1";
import { areaContains, areasOverlap } from "../domain/workbook/grid-area";
import { validationAt } from "./data-validation-ranges";
import { conditionalFormattings, tableModels, tableReference } from "./exceljs-internals";
import { toUiFormula } from "./formula-form";

const UNIX_EPOCH_SERIAL = 25569;

/** Excel serial of a Date as ExcelJS builds it (the serial's wall-clock time stored in UTC fields). */
export function serialFromExcelJsDate(date: Date): number {
  // ExcelJS rounds to the millisecond; rounding to the second restores the serial the file held.
  const seconds = Math.round(date.getTime() / 1000);
  return UNIX_EPOCH_SERIAL + seconds / 86_400;
}

interface RichTextValue {
  richText: { text: string }[];
}

/** A plain value of anything ExcelJS may hold in a cell or a formula result. */
export function plainValue(raw: unknown): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") return raw;
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : serialFromExcelJsDate(raw);
  if (typeof raw === "object") {
    if ("richText" in raw) return (raw as RichTextValue).richText.map((run) => run.text).join("");
    if ("error" in raw) return String((raw as { error: unknown }).error);
    if ("text" in raw) {
      const text = (raw as { text: unknown }).text;
      return typeof text === "string" ? text : plainValue(text);
    }
    if ("result" in raw) return plainValue((raw as { result: unknown }).result);
  }
  return null;
}

function readTables(ws: Worksheet): { table: TableSnapshot; area: GridArea }[] {
  const result: { table: TableSnapshot; area: GridArea }[] = [];
  for (const model of tableModels(ws)) {
    const area = parseArea(tableReference(model));
    if (!area) continue;
    const firstDataRow = area.row + 1;
    const hasDataRow = area.rowCount > 1;
    const columns: ColumnSnapshot[] = model.columns.map((column, index) => {
      const col = area.col + index;
      const cell = hasDataRow ? ws.findCell(firstDataRow + 1, col + 1) : undefined;
      const validation = hasDataRow ? validationAt(ws, firstDataRow, col) : undefined;
      return {
        header: column.name,
        numberFormat: cell?.numFmt || "General",
        listValidation: validation?.type === "list" ? listSource(validation.formulae?.[0]) : null,
      };
    });
    const body: GridArea = { row: firstDataRow, col: area.col, rowCount: Math.max(area.rowCount - 1, 1), colCount: area.colCount };
    const conditionalFormulas = conditionalFormattings(ws)
      .filter((format) => {
        const formatArea = parseArea(format.ref.split(" ")[0] ?? "");
        return formatArea !== null && areasOverlap(formatArea, body);
      })
      .flatMap((format) => format.rules)
      .flatMap((rule) => (rule.type === "expression" && rule.formulae?.[0] !== undefined ? [toUiFormula(String(rule.formulae[0]), null)] : []));
    result.push({ table: { name: model.name, area, columns, conditionalFormulas }, area });
  }
  return result;
}

/** "=Parámetros!$A$2:$A$8" for a range source, "Importación,Exportación" for a literal list. */
function listSource(formula: string | number | undefined): string | null {
  if (formula === undefined) return null;
  const text = String(formula);
  if (text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1);
  return toUiFormula(text, null);
}

function frozenRows(ws: Worksheet): number {
  const view = (ws.views ?? [])[0];
  if (view && view.state === "frozen") return view.ySplit ?? 0;
  return 0;
}

interface CellRead {
  row: number;
  col: number;
  value: CellValue;
  formula: string | null;
}

function emptyAsNull(value: CellValue): CellValue {
  return value === "" ? null : value;
}

function readCell(cell: Cell, row: number, col: number, tables: { table: TableSnapshot; area: GridArea }[]): CellRead | null {
  const raw: unknown = cell.value;
  if (raw === null || raw === undefined) return null;
  // Cells covered by a merge show nothing, as in Excel; the top-left cell holds the value.
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  if (typeof raw === "object" && raw !== null && ("formula" in raw || "sharedFormula" in raw)) {
    const fileFormula = cell.formula;
    const table = tables.find((entry) => areaContains(entry.area, row, col))?.table.name ?? null;
    return {
      row,
      col,
      // cell.value drops falsy results (0, FALSE, ""); cell.result keeps them.
      value: emptyAsNull(plainValue(cell.result)),
      formula: fileFormula ? toUiFormula(fileFormula, table) : null,
    };
  }
  const value = plainValue(raw);
  if (value === null || value === "") return null;
  return { row, col, value, formula: null };
}

function readSheet(ws: Worksheet, position: number): SheetSnapshot {
  const tables = readTables(ws);
  const cells: CellRead[] = [];
  let top = Number.POSITIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let bottom = -1;
  let right = -1;
  const include = (row: number, col: number, rows: number, cols: number): void => {
    top = Math.min(top, row);
    left = Math.min(left, col);
    bottom = Math.max(bottom, row + rows - 1);
    right = Math.max(right, col + cols - 1);
  };
  ws.eachRow({ includeEmpty: false }, (excelRow, rowNumber) => {
    excelRow.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const read = readCell(cell, rowNumber - 1, colNumber - 1, tables);
      // A merged cell's other cells hold nothing but are part of the sheet's used range, as Excel counts it.
      if (!read && cell.isMerged) include(rowNumber - 1, colNumber - 1, 1, 1);
      if (!read) return;
      cells.push(read);
      include(read.row, read.col, 1, 1);
    });
  });
  for (const { area } of tables) include(area.row, area.col, area.rowCount, area.colCount);
  if (bottom < 0) {
    return { name: ws.name, area: { row: 0, col: 0, rowCount: 0, colCount: 0 }, values: [], formulas: [], tables: [], frozenRows: frozenRows(ws), position };
  }
  const area: GridArea = { row: top, col: left, rowCount: bottom - top + 1, colCount: right - left + 1 };
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = 0; r < area.rowCount; r++) {
    values.push(new Array<CellValue>(area.colCount).fill(null));
    formulas.push(new Array<string | null>(area.colCount).fill(null));
  }
  for (const cell of cells) {
    const valueRow = values[cell.row - top];
    const formulaRow = formulas[cell.row - top];
    if (valueRow) valueRow[cell.col - left] = cell.value;
    if (formulaRow && cell.formula !== null) formulaRow[cell.col - left] = cell.formula;
  }
  return { name: ws.name, area, values, formulas, tables: tables.map((entry) => entry.table), frozenRows: frozenRows(ws), position };
}

function readNames(wb: Workbook): Record<string, string> {
  const names: Record<string, string> = {};
  for (const definedName of wb.definedNames.model) {
    const reference = definedName.ranges[0];
    if (reference !== undefined) names[definedName.name] = reference;
  }
  return names;
}

/** Everything the domain needs from an ExcelJS workbook, in the adapter-neutral Snapshot form. */
export function readSnapshot(wb: Workbook): WorkbookSnapshot {
  return {
    sheets: wb.worksheets.map((ws, position) => readSheet(ws, position)),
    names: readNames(wb),
  };
}
