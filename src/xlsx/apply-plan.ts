import { WorkbookMessages } from "../domain/workbook/messages";
import { FileMessages } from "./messages";
import type { Workbook, Worksheet, WorksheetView } from "exceljs";
import type {
  ActivateStep,
  AddSheetStep,
  DefineNameStep,
  FillColumnStep,
  Plan,
  PlanStep,
  WriteCellsStep,
} from "../domain/workbook/plan";
import { a1Address } from "../domain/workbook/a1";
import { cellAt, tableModels } from "./exceljs-internals";
import {
  applyColumnWidth,
  applyConditionalFormat,
  applyFreezeRows,
  applyListValidation,
  applyWholeNumberValidation,
  applyNumberFormat,
} from "./format-steps";
import { applyCellStyle, applyPageSetup, normalizePrintAreas } from "./print-steps";
import { copySheet, placeAt } from "./sheet-copy";
import { appendTableRows, createTable, formulaValue, renameTable, resizeTable, tableAt } from "./table-steps";

export interface ApplyReport {
  /** Steps carried out. */
  applied: number;
  /** Spanish lines about what file mode could not do (e.g. charts). */
  warnings: string[];
}

function requireSheet(wb: Workbook, name: string): Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(FileMessages.noSuchSheet(name));
  return ws;
}

function writeCells(ws: Worksheet, step: WriteCellsStep): boolean {
  let wroteFormula = false;
  for (const write of step.cells) {
    const cell = cellAt(ws, write.row, write.col);
    if (write.formula !== undefined) {
      cell.value = formulaValue(write.formula, write.result, tableAt(ws, write.row, write.col));
      wroteFormula = true;
    } else {
      cell.value = write.value ?? null;
    }
  }
  return wroteFormula;
}

function fillColumn(ws: Worksheet, step: FillColumnStep): void {
  const table = tableAt(ws, step.firstRow, step.col);
  for (let i = 0; i < step.rowCount; i++) {
    cellAt(ws, step.firstRow + i, step.col).value = formulaValue(step.formula, step.results?.[i], table);
  }
}

function addSheet(wb: Workbook, step: AddSheetStep): void {
  const sheet = wb.getWorksheet(step.sheet) ?? wb.addWorksheet(step.sheet);
  if (step.position !== undefined) placeAt(wb, sheet, step.position);
}

function defineName(wb: Workbook, step: DefineNameStep): void {
  const reference = step.reference.startsWith("=") ? step.reference.slice(1) : step.reference;
  const existing = wb.definedNames.model.filter((name) => name.name !== step.name);
  wb.definedNames.model = [...existing, { name: step.name, ranges: [reference] }];
}

function activate(wb: Workbook, step: ActivateStep): void {
  const sheets = wb.worksheets;
  const index = sheets.findIndex((ws) => ws.name === step.sheet);
  if (index < 0) throw new Error(FileMessages.noSuchSheet(step.sheet));
  sheets.forEach((ws, i) => {
    const current: Partial<WorksheetView> = (ws.views ?? [])[0] ?? { state: "normal" };
    const cell = i === index && step.cell ? a1Address(step.cell.row, step.cell.col) : current.activeCell;
    ws.views = [Object.assign({}, current, { tabSelected: i === index, activeCell: cell })];
  });
  const view = (wb.views ?? [])[0] ?? { x: 0, y: 0, width: 12000, height: 20000, visibility: "visible" };
  wb.views = [{ ...view, firstSheet: 0, activeTab: index }];
}

function applyStep(wb: Workbook, step: PlanStep, warnings: string[]): boolean {
  switch (step.kind) {
    case "copySheet": {
      const source = requireSheet(wb, step.sheet);
      if (!wb.getWorksheet(step.copyName)) copySheet(wb, source, step.copyName);
      return false;
    }
    case "addSheet":
      addSheet(wb, step);
      return false;
    case "writeCells":
      return writeCells(requireSheet(wb, step.sheet), step);
    case "fillColumn":
      fillColumn(requireSheet(wb, step.sheet), step);
      return true;
    case "createTable":
      createTable(wb, requireSheet(wb, step.sheet), step);
      return false;
    case "resizeTable":
      resizeTable(requireSheet(wb, step.sheet), step);
      return false;
    case "renameTable":
      renameTable(wb, requireSheet(wb, step.sheet), step);
      return false;
    case "appendTableRows":
      appendTableRows(requireSheet(wb, step.sheet), step);
      return step.cells.some((cell) => cell.formula !== undefined);
    case "numberFormat":
      applyNumberFormat(requireSheet(wb, step.sheet), step);
      return false;
    case "listValidation":
      applyListValidation(requireSheet(wb, step.sheet), step);
      return false;
    case "wholeNumberValidation":
      applyWholeNumberValidation(requireSheet(wb, step.sheet), step);
      return false;
    case "conditionalFormat":
      applyConditionalFormat(requireSheet(wb, step.sheet), step);
      return false;
    case "freezeRows":
      applyFreezeRows(requireSheet(wb, step.sheet), step);
      return false;
    case "columnWidth":
      applyColumnWidth(requireSheet(wb, step.sheet), step);
      return false;
    case "defineName":
      defineName(wb, step);
      return false;
    case "chart":
      requireSheet(wb, step.sheet);
      warnings.push(FileMessages.chartNotDrawn(step.title));
      return false;
    case "cellStyle":
      applyCellStyle(requireSheet(wb, step.sheet), step);
      return false;
    case "pageSetup":
      applyPageSetup(requireSheet(wb, step.sheet), step);
      return false;
    case "activate":
      activate(wb, step);
      return false;
    default:
      return unhandledStep(step);
  }
}

/** Compile-time proof that every step kind has a case; at run time, a plan from a newer domain fails loudly. */
function unhandledStep(step: never): never {
  throw new Error(WorkbookMessages.unknownStep(JSON.stringify(step)));
}

/** Ensures every table has an autofilter range (ExcelJS omits it for tables read without one). */
export function normalizeTables(wb: Workbook): void {
  for (const ws of wb.worksheets) {
    for (const table of tableModels(ws)) {
      if (!table.autoFilterRef && table.tableRef) table.autoFilterRef = table.tableRef;
      for (const column of table.columns) column.filterButton ??= true;
    }
  }
}

/**
 * Applies a Plan to an ExcelJS workbook, step by step in order. Formulas are stored in the file form Excel
 * reads (see formula-form.ts) with the Plan's cached results, and Excel recalculates everything on open.
 * `beforeStep` sees each step just before it runs (the package writer reads the tables a step finds).
 */
export function applyPlan(wb: Workbook, plan: Plan, options: { beforeStep?: (step: PlanStep, index: number) => void } = {}): ApplyReport {
  const warnings: string[] = [];
  let applied = 0;
  let wroteFormulas = false;
  for (const [index, step] of plan.steps.entries()) {
    options.beforeStep?.(step, index);
    wroteFormulas = applyStep(wb, step, warnings) || wroteFormulas;
    applied++;
  }
  if (wroteFormulas) wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  normalizeTables(wb);
  normalizePrintAreas(wb);
  return { applied, warnings };
}
