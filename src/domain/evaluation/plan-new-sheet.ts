import { EvaluationMessages } from "./messages";
import { DATE_FORMAT } from "../workbook/schema-types";
import { formatSerial, serialFromYmd } from "../calendar";
import type { CellWrite, Plan, PlanStep } from "../workbook/plan";
import { signatureLabelWrites } from "./print-layout";
import type { EvaluationResult } from "./compute-evaluation";
import type { FormulaContext } from "./evaluation-formulas";
import { rowFormulas } from "./evaluation-formulas";
import { partialLabel } from "./evaluation-period";
import { rowFormatSteps } from "./format-steps";
import type { BandSource } from "./parameter-sources";
import { formulaResult, historyValue, measuredValue } from "./row-values";
import type { PreviousEvaluation } from "./history";
import {
  columnWidths,
  dataRowStyleSteps,
  rowText,
  evaluationPageSetup,
  signatureBlockHeight,
  signatureStyleSteps,
  titleStyleSteps,
} from "./print-layout";
import type { EvaluationColumnKey } from "./sheet-layout";
import {
  GENERATED_LABEL,
  GENERATED_ROW,
  HEADER_ROW,
  INSTRUCTIONS,
  INSTRUCTIONS_ROW,
  SIGNATURE_GAP,
  SUBTITLE_ROW,
  TITLE_ROW,
  UPDATED_LABEL,
  UPDATED_ROW,
  evaluationSheetName,
  evaluationColumns,
  evaluationTableName,
  evaluationTitle,
} from "./sheet-layout";

export interface SheetPlanContext {
  year: number;
  today: number;
  result: EvaluationResult;
  formulas: FormulaContext;
  bands: BandSource;
  /** `Evaluación AAAA-1`, when the workbook has it. */
  previous: PreviousEvaluation | null;
}

export const chartName = (year: number): string => `Cumplimiento ANS ${year}`;
export const chartTitle = (year: number): string => `% cumplimiento ANS por aliado — ${year}`;

/** Chart below the signature block: % cumplimiento ANS by alliance. */
export function chartStep(
  year: number,
  columns: ReadonlyMap<EvaluationColumnKey, number>,
  firstRow: number,
  rowCount: number,
  anchorRow: number,
): PlanStep | null {
  const allianceCol = columns.get("alliance");
  const pctCol = columns.get("onTimePct");
  if (allianceCol === undefined || pctCol === undefined || rowCount === 0) return null;
  return {
    kind: "chart",
    sheet: evaluationSheetName(year),
    name: chartName(year),
    title: chartTitle(year),
    categories: { row: firstRow, col: allianceCol, rowCount, colCount: 1 },
    values: { row: firstRow, col: pctCol, rowCount, colCount: 1 },
    anchor: { row: anchorRow, col: allianceCol },
  };
}

export { signatureLabelWrites } from "./print-layout";

/** A new `Evaluación AAAA` sheet: title block, one table row per alliance, live formulas, signature block, chart. */
export function planNewSheet(ctx: SheetPlanContext): Plan {
  const { year, today, result } = ctx;
  const sheet = evaluationSheetName(year);
  const table = evaluationTableName(year);
  const alliances = result.alliances;
  const layout = evaluationColumns(ctx.previous !== null);
  const columns = new Map<EvaluationColumnKey, number>(layout.map((c, i) => [c.key, i]));
  const firstRow = HEADER_ROW + 1;
  const lastRow = HEADER_ROW + alliances.length;
  const signatureRow = lastRow + 1 + SIGNATURE_GAP;
  const signatureEnd = signatureRow + signatureBlockHeight - 1;
  const date = Math.floor(today);

  const cells: CellWrite[] = [
    { row: TITLE_ROW, col: 0, value: evaluationTitle(year, partialLabel(result.partialThrough)), expected: null },
    {
      row: SUBTITLE_ROW,
      col: 0,
      value: EvaluationMessages.sheetSubtitle(formatSerial(serialFromYmd(year, 1, 1)), formatSerial(serialFromYmd(year, 12, 31))),
      expected: null,
    },
    { row: GENERATED_ROW, col: 0, value: GENERATED_LABEL, expected: null },
    { row: GENERATED_ROW, col: 1, value: date, expected: null },
    { row: UPDATED_ROW, col: 0, value: UPDATED_LABEL, expected: null },
    { row: UPDATED_ROW, col: 1, value: date, expected: null },
    { row: INSTRUCTIONS_ROW, col: 0, value: INSTRUCTIONS, expected: null },
  ];
  layout.forEach((column, col) => cells.push({ row: HEADER_ROW, col, value: column.header, expected: null }));
  alliances.forEach((alliance, i) => {
    layout.forEach((column, col) => {
      if (column.kind !== "key" && column.kind !== "measured" && column.kind !== "history") return;
      const value = column.kind === "history" ? historyValue(column.key, ctx.previous, alliance) : measuredValue(column.key, alliance);
      if (value !== null) cells.push({ row: firstRow + i, col, value, expected: null });
    });
  });
  cells.push(...signatureLabelWrites(signatureRow, 0));

  const steps: PlanStep[] = [
    { kind: "addSheet", sheet },
    { kind: "writeCells", sheet, cells },
    {
      kind: "createTable",
      sheet,
      table,
      area: { row: HEADER_ROW, col: 0, rowCount: alliances.length + 1, colCount: layout.length },
      style: "TableStyleMedium2",
    },
  ];
  // Formulas after the table exists: their [@…] references only resolve inside it.
  for (const [key, formula] of rowFormulas(ctx.formulas)) {
    const col = columns.get(key);
    if (col === undefined) continue;
    steps.push({
      kind: "fillColumn",
      sheet,
      col,
      firstRow,
      rowCount: alliances.length,
      formula,
      results: alliances.map((a) => formulaResult(key, a, ctx.bands, ctx.previous)),
      expected: alliances.map(() => null),
    });
  }
  steps.push(...rowFormatSteps(sheet, columns, firstRow, alliances.length));
  for (const row of [GENERATED_ROW, UPDATED_ROW]) {
    steps.push({ kind: "numberFormat", sheet, area: { row, col: 1, rowCount: 1, colCount: 1 }, format: DATE_FORMAT });
  }
  const widths = columnWidths(layout, alliances);
  for (const [col, width] of widths) steps.push({ kind: "columnWidth", sheet, col, width });
  steps.push(...titleStyleSteps(sheet, layout.length));
  const texts = alliances.map((a) => rowText(a, formulaResult("decision", a, ctx.bands, ctx.previous)));
  steps.push(...dataRowStyleSteps(sheet, columns, widths, layout.length, firstRow, texts));
  steps.push(...signatureStyleSteps(sheet, signatureRow, 0));
  steps.push(evaluationPageSetup(sheet, year, layout.length, signatureEnd, date));
  steps.push({ kind: "freezeRows", sheet, rows: HEADER_ROW + 1 });
  const chart = chartStep(year, columns, firstRow, alliances.length, signatureEnd + 2);
  if (chart) steps.push(chart);
  steps.push({ kind: "activate", sheet, cell: { row: firstRow, col: columns.get("c4") ?? 0 } });

  const withoutOperations = alliances.filter((a) => a.operations === 0).length;
  const notes = [
    EvaluationMessages.sheetCreated(sheet, table, alliances.length, withoutOperations, year),
    EvaluationMessages.whatToFillIn,
  ];
  return { steps, notes };
}
