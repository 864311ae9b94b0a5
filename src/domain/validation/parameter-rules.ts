import { columnLetters } from "../workbook/a1";
import { excelTextKey, readText } from "../workbook/cell-reading";
import { SETTING_NAMES } from "../workbook/headers";
import { cellFormula, cellValue } from "../workbook/sheet-cells";
import { readStatusDate, staleStatusDateMessage } from "../workbook/status-date";
import type { LocatedTables } from "../workbook/table-location";
import { columnOf } from "../workbook/table-location";
import { readEvaluationWeights, weightsAddUpTo100, weightsTotalPercent } from "../workbook/evaluation-parameters";
import { allDataRows, forEachDataRow } from "../workbook/read-model";
import { checkCell, checkedColumns } from "./column-checks";
import type { FindingCollector } from "./finding-collector";
import { FindingMessages as M, RowLabels } from "./messages";
import { showDate } from "./value-text";

/** Dates of tblFestivosExtra and the evaluation weights of Parámetros. */
export function validateParameters(out: FindingCollector, tables: LocatedTables): void {
  const holidays = tables.extraHolidays;
  if (holidays) {
    const columns = checkedColumns(holidays);
    forEachDataRow(holidays, (r) => {
      for (const column of columns) checkCell(out, holidays.sheet.name, r.row, column, r.get(column.spec.key), RowLabels.row(r.row), undefined);
    });
  }
  const weights = tables.weights;
  if (weights) {
    const columns = checkedColumns(weights);
    const typed: number[] = [];
    let firstRow: number | null = null;
    const weightColumn = columns.find((column) => column.spec.key === "weight");
    forEachDataRow(weights, (r) => {
      for (const column of columns) checkCell(out, weights.sheet.name, r.row, column, r.get(column.spec.key), RowLabels.row(r.row), undefined);
      const value = r.get("weight");
      if (typeof value === "number") typed.push(value);
      firstRow ??= r.row;
    });
    // The five weights Puntaje takes, when it finds them; else every weight typed.
    const reading = readEvaluationWeights(allDataRows(weights).map((r) => ({ criterion: r.get("criterion"), weight: r.get("weight") })));
    const used = reading.kind === "read" ? Object.values(reading.values) : typed;
    const total = weightsTotalPercent(used);
    if (weightColumn && firstRow !== null && !weightsAddUpTo100(used)) {
      out.add(
        "valor-no-permitido",
        weights.sheet.name,
        firstRow,
        weightColumn.col,
        M.weightsNotHundred(weightColumn.spec.header, weights.sheet.name, Math.round(total * 10) / 10),
      );
    }
  }
}

/**
 * The status date (row "Hoy" of tblParametros, named ADUANA_HOY): a warning when it is older than today,
 * since every Estado ANS is computed at that date. =TODAY() (workbooks prepared before) is never stale.
 */
export function validateStatusDate(out: FindingCollector, tables: LocatedTables, today: number): void {
  const settings = tables.settings;
  if (!settings) return;
  const nameCol = columnOf(settings, "name");
  const valueCol = columnOf(settings, "value");
  if (nameCol === undefined || valueCol === undefined) return;
  const key = excelTextKey(SETTING_NAMES.today);
  for (let row = settings.headerRow + 1; row <= settings.headerRow + settings.dataRowCount; row++) {
    if (excelTextKey(readText(cellValue(settings.sheet, row, nameCol))) !== key) continue;
    const state = readStatusDate({ formula: cellFormula(settings.sheet, row, valueCol) ?? null, value: cellValue(settings.sheet, row, valueCol) });
    const where = `${settings.sheet.name}!${columnLetters(valueCol)}${row + 1}`;
    const message = staleStatusDateMessage(state, today, where, showDate);
    if (message) out.add("fecha-estado-antigua", settings.sheet.name, row, valueCol, message);
    return;
  }
}
