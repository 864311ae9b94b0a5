import { findAlliance } from "./alliance-lookup";
import { readTypedText } from "./cell-reading";
import type { WorkbookModel } from "./model";
import type { FormulaColumnId } from "./schema-types";
import { cellValue } from "./sheet-cells";
import type { CellValue } from "./snapshot";
import { columnOf } from "./table-location";
import type { LocatedTable } from "./table-location";
import { serviceLevelOfCells } from "./service-level";

/** What a formula column shows on a row: a value, or null when only Excel can say (an error). */
export type FormulaResult = CellValue;

/**
 * The values the formulas of OPERATION_FORMULAS compute on a row, so file mode can store them as cached results.
 * The alliance is found as MATCH finds it; the service level comes from service-level.ts.
 */
export function operationFormulaResults(
  located: LocatedTable,
  model: WorkbookModel,
  today: number,
): (row: number) => Record<FormulaColumnId, FormulaResult> {
  const columns = new Map<string, number>();
  for (const key of ["alliance", "type", "arrival", "documentsComplete", "release", "clientDelayDays"]) {
    const col = columnOf(located, key);
    if (col !== undefined) columns.set(key, col);
  }
  const get = (row: number, key: string): CellValue => {
    const col = columns.get(key);
    return col === undefined ? null : cellValue(located.sheet, row, col);
  };
  return (row) => {
    const alliance = findAlliance(model.alliances, readTypedText(get(row, "alliance")));
    const cells = {
      type: get(row, "type"),
      arrival: get(row, "arrival"),
      documentsComplete: get(row, "documentsComplete"),
      release: get(row, "release"),
      clientDelayDays: get(row, "clientDelayDays"),
    };
    return serviceLevelOfCells(cells, alliance, model.extraHolidaysInvalid ? null : model.extraHolidays, today);
  };
}

const EMPTY_RESULTS: Record<FormulaColumnId, FormulaResult> = { target: "", serviceTime: "", ansStatus: "" };

/** Results for a table being planned; a table the plan creates has only empty rows. */
export function formulaResultsFor(
  located: LocatedTable | null,
  model: WorkbookModel,
  today: number,
): (row: number) => Record<FormulaColumnId, FormulaResult> {
  return located ? operationFormulaResults(located, model, today) : () => EMPTY_RESULTS;
}
