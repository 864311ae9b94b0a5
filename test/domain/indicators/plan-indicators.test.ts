import { planIndicators } from "../../../src/domain/indicators";
import type { ChartStep, Plan } from "../../../src/domain/workbook/plan";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../../src/domain/workbook/snapshot";
import { applyPlanToSnapshot } from "../../helpers/plan-simulator";
import { serial } from "../evaluation/independent-oracle";
import { ALLIANCES, YEAR, indicatorsWorkbook, randomNonconformities, randomOperations } from "./indicators-workbook";
import type { Operation } from "./indicators-workbook";

const TODAY = serial(2026, 6, 27);
const SHEET = "Indicadores 2025";

function sheetOf(snapshot: WorkbookSnapshot): SheetSnapshot {
  return snapshot.sheets.find((s) => s.name === SHEET)!;
}
function value(sheet: SheetSnapshot, row: number, col: number): CellValue {
  return sheet.values[row - sheet.area.row]?.[col - sheet.area.col] ?? null;
}
function findRow(sheet: SheetSnapshot, text: string, col = 0): number {
  for (let r = sheet.area.row; r < sheet.area.row + sheet.area.rowCount; r++) if (value(sheet, r, col) === text) return r;
  return -1;
}
/** What a user typing in the sheet does: one cell changed, checked against what it held. */
function type(snapshot: WorkbookSnapshot, row: number, col: number, text: string): WorkbookSnapshot {
  const plan: Plan = { steps: [{ kind: "writeCells", sheet: SHEET, cells: [{ row, col, value: text, expected: value(sheetOf(snapshot), row, col) }] }], notes: [] };
  return applyPlanToSnapshot(snapshot, plan);
}
/** The workbook's data replaced by other operations, the generated sheet kept as it was. */
function withOperations(snapshot: WorkbookSnapshot, operations: Operation[]): WorkbookSnapshot {
  const fresh = indicatorsWorkbook(operations, randomNonconformities(9));
  return { ...fresh, sheets: [...fresh.sheets, sheetOf(snapshot)] };
}

describe("planIndicators", () => {
  const operations = randomOperations(7);
  const workbook = indicatorsWorkbook(operations, randomNonconformities(9));

  it("creates the sheet with a line, a stacked bar and a column chart, and planning again changes nothing", () => {
    const plan = planIndicators(workbook, { year: YEAR, today: TODAY });
    expect(plan.steps[0]).toEqual({ kind: "addSheet", sheet: SHEET });
    const charts = plan.steps.filter((s): s is ChartStep => s.kind === "chart");
    expect(charts.map((c) => c.chartType ?? "columnClustered")).toEqual(["line", "barStacked", "columnClustered"]);
    expect(charts[0]!.seriesNames).toEqual(ALLIANCES.map((a) => a.name));
    expect(charts[0]!.values.colCount).toBe(3);
    expect(charts[0]!.values.rowCount).toBe(12);
    expect(plan.notes[0]).toMatch(/^Se creó la hoja «Indicadores 2025»/);
    const applied = applyPlanToSnapshot(workbook, plan);
    const sheet = sheetOf(applied);
    // Each chart's categories are the month or alliance labels of its block.
    expect(value(sheet, charts[0]!.categories.row, 0)).toBe("Enero");
    expect(value(sheet, charts[1]!.categories.row, 0)).toBe(ALLIANCES[0].name);
    expect(value(sheet, charts[2]!.values.row - 1, charts[2]!.values.col)).toBe("Total");
    const again = planIndicators(applied, { year: YEAR, today: TODAY + 3 });
    expect(again.steps).toEqual([]);
    expect(again.notes).toEqual(["La hoja «Indicadores 2025» ya estaba al día: no hubo cambios."]);
  });

  it("on changed data keeps comments on their rows and moves a note in the way of a growing table to the last block", () => {
    let book = applyPlanToSnapshot(workbook, planIndicators(workbook, { year: YEAR, today: TODAY }));
    let sheet = sheetOf(book);
    const cityTitle = findRow(sheet, "Totales por ciudad");
    const commentCol = 7;
    expect(value(sheet, cityTitle + 1, commentCol)).toBe("Comentario");
    const cartagena = findRow(sheet, "Cartagena");
    book = type(book, cartagena, commentCol, "Puerto congestionado en octubre");
    const cities = ["Cartagena", "Cúcuta", "Bogotá", "Medellín"].length;
    const gapRow = cityTitle + 2 + cities;
    expect(value(sheet, gapRow, 0)).toBeNull();
    book = type(book, gapRow, 1, "Nota del gerente");
    book = type(book, 0, 12, "Lejos de todo");

    const newCity: Operation = { ...operations.find((o) => o.release !== null && o.opened > serial(2025, 1, 1))!, do: "DO-9999", city: "Santa Marta" };
    const changed = withOperations(book, [...operations, newCity]);
    const plan = planIndicators(changed, { year: YEAR, today: TODAY + 1 });
    expect(plan.notes).toEqual([
      "Se actualizaron las cifras de «Indicadores 2025»; los comentarios siguen en sus filas.",
      "1 comentario(s) o nota(s) sin fila propia quedaron en el bloque «Comentarios y notas conservados» al final de la hoja.",
    ]);
    const after = applyPlanToSnapshot(changed, plan);
    sheet = sheetOf(after);
    expect(value(sheet, findRow(sheet, "Cartagena"), commentCol)).toBe("Puerto congestionado en octubre");
    expect(value(sheet, findRow(sheet, "Santa Marta"), 1)).toBe(1);
    const keptTitle = findRow(sheet, "Comentarios y notas conservados");
    expect(keptTitle).toBeGreaterThan(0);
    expect([value(sheet, keptTitle + 2, 0), value(sheet, keptTitle + 2, 2)]).toEqual([expect.stringMatching(/^Celda B\d+$/), "Nota del gerente"]);
    expect(value(sheet, 0, 12)).toBe("Lejos de todo");
    expect(planIndicators(after, { year: YEAR, today: TODAY + 2 }).steps).toEqual([]);
  });
});
