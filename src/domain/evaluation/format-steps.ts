import type { PlanStep } from "../workbook/plan";
import { a1Address } from "../workbook/a1";
import type { EvaluationColumnKey } from "./sheet-layout";
import { EVALUATION_COLUMNS } from "./sheet-layout";
import { EvaluationMessages } from "./messages";

const RATING_COLOURS = [
  { rating: "Excelente", fill: "#C6EFCE", fontColor: "#006100" },
  { rating: "Bueno", fill: "#DDEBF7", fontColor: "#1F4E78" },
  { rating: "Aceptable", fill: "#FFEB9C", fontColor: "#9C5700" },
  { rating: "Deficiente", fill: "#FFC7CE", fontColor: "#9C0006" },
] as const;

/**
 * Number formats, the validations of the input cells and the rating colours for a run of data rows
 * (a new sheet's rows, or the rows appended on regeneration).
 */
export function rowFormatSteps(
  sheet: string,
  columns: ReadonlyMap<EvaluationColumnKey, number>,
  firstRow: number,
  rowCount: number,
): PlanStep[] {
  const steps: PlanStep[] = [];
  const area = (col: number) => ({ row: firstRow, col, rowCount, colCount: 1 });
  for (const column of EVALUATION_COLUMNS) {
    const col = columns.get(column.key);
    if (col !== undefined && column.numberFormat) {
      steps.push({ kind: "numberFormat", sheet, area: area(col), format: column.numberFormat });
    }
  }
  for (const key of ["c4", "c5"] as const) {
    const col = columns.get(key);
    if (col === undefined) continue;
    steps.push({
      kind: "wholeNumberValidation",
      sheet,
      area: area(col),
      min: 1,
      max: 5,
      errorMessage: EvaluationMessages.scorePrompt,
    });
  }
  const excludingCol = columns.get("excluding");
  if (excludingCol !== undefined) {
    steps.push({
      kind: "listValidation",
      sheet,
      area: area(excludingCol),
      source: { values: ["Sí", "No"] },
      errorMessage:
        EvaluationMessages.excludingPrompt,
    });
  }
  const ratingCol = columns.get("rating");
  if (ratingCol !== undefined) {
    for (const { rating, fill, fontColor } of RATING_COLOURS) {
      steps.push({
        kind: "conditionalFormat",
        sheet,
        area: area(ratingCol),
        formula: `=${a1Address(firstRow, ratingCol)}="${rating}"`,
        fill,
        fontColor,
      });
    }
  }
  return steps;
}
