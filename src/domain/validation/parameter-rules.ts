import type { LocatedTables } from "../workbook/table-location";
import { forEachDataRow } from "../workbook/read-model";
import { checkCell, checkedColumns } from "./column-checks";
import type { FindingCollector } from "./finding-collector";

/** Dates of tblFestivosExtra and the evaluation weights of Parámetros. */
export function validateParameters(out: FindingCollector, tables: LocatedTables): void {
  const holidays = tables.extraHolidays;
  if (holidays) {
    const columns = checkedColumns(holidays);
    forEachDataRow(holidays, (r) => {
      for (const column of columns) checkCell(out, holidays.sheet.name, r.row, column, r.get(column.spec.key), `de la fila ${r.row + 1}`, undefined);
    });
  }
  const weights = tables.weights;
  if (weights) {
    const columns = checkedColumns(weights);
    let total = 0;
    let firstRow: number | null = null;
    const weightColumn = columns.find((column) => column.spec.key === "weight");
    forEachDataRow(weights, (r) => {
      for (const column of columns) checkCell(out, weights.sheet.name, r.row, column, r.get(column.spec.key), `de la fila ${r.row + 1}`, undefined);
      const value = r.get("weight");
      if (typeof value === "number") total += value > 1 ? value / 100 : value;
      firstRow ??= r.row;
    });
    if (weightColumn && firstRow !== null && Math.abs(total - 1) > 0.005) {
      out.add(
        "valor-no-permitido",
        weights.sheet.name,
        firstRow,
        weightColumn.col,
        `Los pesos de la evaluación («${weightColumn.spec.header}» en la hoja ${weights.sheet.name}) suman ${Math.round(total * 1000) / 10} %: deben sumar 100 %. Corrija los pesos.`,
      );
    }
  }
}
