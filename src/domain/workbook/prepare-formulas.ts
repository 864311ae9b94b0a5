import { formulaResultsFor } from "./formula-results";
import { isAddinFormula, sameFormula } from "./formula-text";
import type { WorkbookModel } from "./model";
import { OPERATION_FORMULAS } from "./operation-formulas";
import type { CellValue } from "./snapshot";
import type { PreparationContext } from "./prepare-structure";
import { cellFormula, cellValue, isBlank } from "./sheet-cells";
import type { TableLayout } from "./table-layout";
import { WorkbookMessages } from "./messages";

interface Run {
  firstRow: number;
  expected: CellValue[];
  results: CellValue[];
}

/**
 * Fills the calculated columns of tblOperaciones where a cell is empty or holds an earlier add-in
 * formula; a value or formula the user typed stays and is counted in the notes.
 */
export function planOperationFormulas(
  ctx: PreparationContext,
  layout: TableLayout,
  model: WorkbookModel,
): void {
  const results = formulaResultsFor(layout.located, model, ctx.today);
  for (const spec of layout.schema.columns) {
    if (!spec.formula) continue;
    const col = layout.columns.get(spec.key);
    if (col === undefined) continue;
    const formula = OPERATION_FORMULAS[spec.formula];
    const created = layout.createdColumns.has(col) || layout.sheet === null;
    const runs: Run[] = [];
    let run: Run | null = null;
    let manual = 0;
    let filled = 0;
    for (let row = layout.headerRow + 1; row <= layout.headerRow + layout.dataRowCount; row++) {
      const current = created || !layout.sheet ? null : cellFormula(layout.sheet, row, col);
      const value = created || !layout.sheet ? null : cellValue(layout.sheet, row, col);
      const needed = current ? !sameFormula(current, formula) && isAddinFormula(current) : isBlank(value);
      if (!needed) {
        if (!current && !isBlank(value)) manual++;
        else if (current && !sameFormula(current, formula)) manual++;
        run = null;
        continue;
      }
      if (!run) {
        run = { firstRow: row, expected: [], results: [] };
        runs.push(run);
      }
      run.expected.push(current ?? value);
      run.results.push(results(row)[spec.formula]);
      filled++;
    }
    for (const { firstRow, expected, results: cached } of runs) {
      ctx.builder.add("formulas", {
        kind: "fillColumn",
        sheet: layout.sheetName,
        col,
        firstRow,
        rowCount: expected.length,
        formula,
        results: cached,
        expected,
      });
    }
    if (filled > 0 && layout.located) {
      ctx.builder.note(WorkbookMessages.formulaWritten(spec.header, filled));
    }
    if (manual > 0) {
      ctx.builder.note(WorkbookMessages.typedValuesKept(manual, spec.header));
    }
  }
}
