import type { CellValue as ExcelJsValue, Style, Workbook, Worksheet } from "exceljs";
import { a1Address, parseArea } from "../domain/workbook/a1";
import { addTableModel, conditionalFormattings, dataValidationMap, mergedRanges, setOrderNo, tableModels, tableReference } from "./exceljs-internals";
import { renameStructuredReferences, uniqueTableName } from "./table-steps";

/** Deep copies, shared per source object: a workbook holds few distinct styles for many cells. */
function styleCloner(): (style: Partial<Style>) => Partial<Style> {
  const copies = new Map<Partial<Style>, Partial<Style>>();
  return (style) => {
    let copy = copies.get(style);
    if (!copy) {
      copy = JSON.parse(JSON.stringify(style)) as Partial<Style>;
      copies.set(style, copy);
    }
    return copy;
  };
}

function copiedValue(source: ExcelJsValue, formula: string | undefined, result: unknown): ExcelJsValue {
  if (source !== null && typeof source === "object" && !(source instanceof Date)) {
    // Shared formulas point at their master cell; the copy gets each formula spelled out.
    if (formula && ("formula" in source || "sharedFormula" in source)) {
      return { formula, result } as ExcelJsValue;
    }
    return JSON.parse(JSON.stringify(source)) as ExcelJsValue;
  }
  return source;
}

/**
 * Copies a sheet (values, formulas, styles, column widths, row heights, merges, validations, conditional
 * formats, frozen panes, tables) as the last tab. As in Excel, the copy's tables get new names (a name belongs to
 * one table: tblX → tblX2, as the fake Excel names them) and the copy's formulas refer to them.
 */
export function copySheet(wb: Workbook, source: Worksheet, copyName: string): Worksheet {
  const copy = wb.addWorksheet(copyName);
  const cloneStyle = styleCloner();
  source.columns?.forEach((column, index) => {
    const target = copy.getColumn(index + 1);
    if (column.width !== undefined) target.width = column.width;
    if (column.hidden) target.hidden = true;
  });
  source.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const targetRow = copy.getRow(rowNumber);
    if (row.height !== undefined) targetRow.height = row.height;
    if (row.hidden) targetRow.hidden = true;
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const target = targetRow.getCell(colNumber);
      if (!(cell.isMerged && cell.master.address !== cell.address)) {
        target.value = copiedValue(cell.value, cell.formula, cell.result);
      }
      if (cell.style && Object.keys(cell.style).length > 0) target.style = cloneStyle(cell.style);
    });
  });
  for (const range of mergedRanges(source)) copy.mergeCells(range);
  const validations = dataValidationMap(copy);
  for (const [address, validation] of Object.entries(dataValidationMap(source))) {
    if (validation) validations[address] = JSON.parse(JSON.stringify(validation)) as typeof validation;
  }
  for (const format of conditionalFormattings(source)) {
    copy.addConditionalFormatting(JSON.parse(JSON.stringify(format)) as Parameters<Worksheet["addConditionalFormatting"]>[0]);
  }
  copy.views = (source.views ?? []).map((view) => ({ ...view, tabSelected: false }));
  for (const model of tableModels(source)) {
    const area = parseArea(tableReference(model));
    if (!area) continue;
    const name = uniqueTableName(wb, model.name);
    addTableModel(copy, { ...model, name }, a1Address(area.row, area.col), tableReference(model));
    renameStructuredReferences([copy], model.name, name);
  }
  return copy;
}

/** Moves `sheet` to tab `position` (0-based). */
export function placeAt(wb: Workbook, sheet: Worksheet, position: number): void {
  const order = wb.worksheets.filter((ws) => ws !== sheet);
  order.splice(Math.max(0, Math.min(position, order.length)), 0, sheet);
  order.forEach((ws, index) => setOrderNo(ws, index + 1));
}
