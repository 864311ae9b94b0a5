import type { Worksheet, WorksheetView } from "exceljs";
import type {
  ColumnWidthStep,
  ConditionalFormatStep,
  FreezeRowsStep,
  ListValidationStep,
  WholeNumberValidationStep,
  NumberFormatStep,
} from "../domain/workbook/plan";
import { a1Address, areaAddress } from "../domain/workbook/a1";
import { setValidation } from "./data-validation-ranges";
import { cellAt, conditionalFormattings } from "./exceljs-internals";
import { toFileFormula } from "./formula-form";

export function applyNumberFormat(ws: Worksheet, step: NumberFormatStep): void {
  const { area } = step;
  for (let r = area.row; r < area.row + area.rowCount; r++) {
    for (let c = area.col; c < area.col + area.colCount; c++) {
      const cell = cellAt(ws, r, c);
      if (cell.numFmt === step.format) continue;
      // ExcelJS may share one style object between cells: replace it instead of mutating it.
      cell.style = { ...cell.style, numFmt: step.format };
    }
  }
}

/** Literal lists are stored quoted with commas; a formula source without its "=". */
function validationFormula(step: ListValidationStep): string {
  if ("values" in step.source) return `"${step.source.values.join(",")}"`;
  const formula = step.source.formula.startsWith("=") ? step.source.formula.slice(1) : step.source.formula;
  return toFileFormula(formula, null);
}

function validationAlert(errorMessage: string) {
  return { allowBlank: true, showErrorMessage: true, errorStyle: "stop", errorTitle: "Valor no permitido", error: errorMessage };
}

export function applyListValidation(ws: Worksheet, step: ListValidationStep): void {
  setValidation(ws, step.area, { ...validationAlert(step.errorMessage), type: "list", formulae: [validationFormula(step)] });
}

export function applyWholeNumberValidation(ws: Worksheet, step: WholeNumberValidationStep): void {
  setValidation(ws, step.area, { ...validationAlert(step.errorMessage), type: "whole", operator: "between", formulae: [step.min, step.max] });
}

/** "#FFC7CE" → "FFFFC7CE" (ExcelJS wants ARGB). */
function argb(color: string): string {
  const hex = color.replace(/^#/, "").toUpperCase();
  return hex.length === 6 ? `FF${hex}` : hex;
}

export function applyConditionalFormat(ws: Worksheet, step: ConditionalFormatStep): void {
  const ref = areaAddress(step.area);
  const formula = toFileFormula(step.formula, null);
  const formats = conditionalFormattings(ws);
  const already = formats.some(
    (format) => format.ref === ref && format.rules.some((rule) => rule.type === "expression" && rule.formulae?.[0] === formula),
  );
  if (already) return;
  const priority = formats.reduce((max, format) => Math.max(max, ...format.rules.map((rule) => rule.priority ?? 0)), 0) + 1;
  ws.addConditionalFormatting({
    ref,
    rules: [
      {
        type: "expression",
        priority,
        formulae: [formula],
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(step.fill) } },
          font: { color: { argb: argb(step.fontColor) } },
        },
      },
    ],
  });
}

export function applyFreezeRows(ws: Worksheet, step: FreezeRowsStep): void {
  // tabSelected is read and written by ExcelJS although its typings omit it.
  const current = ((ws.views ?? [])[0] ?? {}) as Partial<WorksheetView> & { tabSelected?: boolean };
  const kept = { tabSelected: current.tabSelected, activeCell: current.activeCell, zoomScale: current.zoomScale };
  ws.views = [
    step.rows <= 0
      ? { ...kept, state: "normal" }
      : { ...kept, state: "frozen", xSplit: 0, ySplit: step.rows, topLeftCell: a1Address(step.rows, 0) },
  ];
}

export function applyColumnWidth(ws: Worksheet, step: ColumnWidthStep): void {
  ws.getColumn(step.col + 1).width = step.width;
}
