import type { Worksheet } from "exceljs";
import type { GridArea } from "../domain/workbook/snapshot";
import { areaAddress, parseA1, parseArea } from "../domain/workbook/a1";
import { areaContains, areasOverlap, subtractArea } from "../domain/workbook/grid-area";
import { dataValidationMap, type DataValidationModel } from "./exceljs-internals";

/**
 * ExcelJS reads a validation on "E2:E100001" as 100,000 per-cell entries sharing one object; keeping them as
 * ranges makes reading, extending and writing a 100,000-row table linear and small.
 */
export function compactDataValidations(ws: Worksheet): void {
  const model = dataValidationMap(ws);
  const groups = new Map<DataValidationModel, { row: number; col: number }[]>();
  const ranges: [string, DataValidationModel][] = [];
  for (const [address, validation] of Object.entries(model)) {
    if (!validation) continue;
    const cell = parseA1(address);
    if (!cell) {
      ranges.push([address, validation]);
      continue;
    }
    const cells = groups.get(validation) ?? [];
    cells.push(cell);
    groups.set(validation, cells);
  }
  if (groups.size === 0) return;
  for (const key of Object.keys(model)) delete model[key];
  for (const [address, validation] of ranges) model[address] = validation;
  for (const [validation, cells] of groups) {
    cells.sort((a, b) => a.col - b.col || a.row - b.row);
    let start = cells[0];
    let previous = cells[0];
    const flush = (): void => {
      if (!start || !previous) return;
      model[areaAddress({ row: start.row, col: start.col, rowCount: previous.row - start.row + 1, colCount: 1 })] = validation;
    };
    for (const cell of cells.slice(1)) {
      if (previous && cell.col === previous.col && cell.row === previous.row + 1) {
        previous = cell;
        continue;
      }
      flush();
      start = cell;
      previous = cell;
    }
    flush();
  }
}

function entries(ws: Worksheet): { key: string; area: GridArea; validation: DataValidationModel }[] {
  const list: { key: string; area: GridArea; validation: DataValidationModel }[] = [];
  for (const [key, validation] of Object.entries(dataValidationMap(ws))) {
    const area = parseArea(key);
    if (validation && area) list.push({ key, area, validation });
  }
  return list;
}

/** The validation that applies to a cell, if any. */
export function validationAt(ws: Worksheet, row: number, col: number): DataValidationModel | undefined {
  const model = dataValidationMap(ws);
  const direct = model[areaAddress({ row, col, rowCount: 1, colCount: 1 })];
  if (direct) return direct;
  return entries(ws).find((entry) => areaContains(entry.area, row, col))?.validation;
}

/** Sets a validation on an area, replacing whatever validation its cells had (as Excel does). */
export function setValidation(ws: Worksheet, area: GridArea, validation: DataValidationModel): void {
  const model = dataValidationMap(ws);
  for (const entry of entries(ws)) {
    if (!areasOverlap(entry.area, area)) continue;
    delete model[entry.key];
    for (const part of subtractArea(entry.area, area)) model[areaAddress(part)] = entry.validation;
  }
  model[areaAddress(area)] = validation;
}

/** Grows validations that end on `lastRow` inside columns [firstCol, lastCol] down to `newLastRow` (table growth). */
export function extendValidations(ws: Worksheet, lastRow: number, newLastRow: number, firstCol: number, lastCol: number): void {
  const model = dataValidationMap(ws);
  for (const entry of entries(ws)) {
    const bottom = entry.area.row + entry.area.rowCount - 1;
    if (bottom !== lastRow || entry.area.col < firstCol || entry.area.col + entry.area.colCount - 1 > lastCol) continue;
    delete model[entry.key];
    model[areaAddress({ ...entry.area, rowCount: newLastRow - entry.area.row + 1 })] = entry.validation;
  }
}
