import { planPreparation, readWorkbookModel, OPERATION_FORMULAS } from "../../../src/domain/workbook";
import type { Plan } from "../../../src/domain/workbook/plan";
import type { WorkbookSnapshot } from "../../../src/domain/workbook/snapshot";
import { applyPlanToSnapshot } from "../../helpers/plan-simulator";
import type { SimulationLog } from "../../helpers/plan-simulator";
import { buildSnapshot, cellAt, formulaAt, serial, sheetOf } from "../../helpers/snapshot-builder";

const today = serial(2026, 3, 20);

function prepare(snapshot: WorkbookSnapshot): { plan: Plan; after: WorkbookSnapshot; log: SimulationLog } {
  const plan = planPreparation(snapshot, { today });
  const log: SimulationLog = { copies: [], writes: [] };
  const after = applyPlanToSnapshot(snapshot, plan, log);
  return { plan, after, log };
}

/** Every non-empty cell below `fromRow` keeps its value at the same address. */
function expectDataKept(before: WorkbookSnapshot, after: WorkbookSnapshot, sheetName: string, fromRow: number): void {
  const sheetBefore = sheetOf(before, sheetName);
  const sheetAfter = sheetOf(after, sheetName);
  sheetBefore.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const at = { row: sheetBefore.area.row + r, col: sheetBefore.area.col + c };
      if (at.row < fromRow || value === null) return;
      expect(sheetAfter.values[at.row - sheetAfter.area.row]?.[at.col - sheetAfter.area.col]).toEqual(value);
    }),
  );
}

const LEGACY_ROWS = [
  ["CUADRO DE CONTROL DE PROCESOS — ALIANZAS"],
  ["Importaciones y exportaciones 2026"],
  [],
  ["No. DO", "Cliente", "Aduana", "Alianza", "F. apertura", "Fecha llegada", "Docs completos", "Fecha DIM", "F. levante", "Tiempo de servicio", "Contenedor", "Observaciones"],
  ["DO-1001", "Textiles Andinos SAS", "Cartagena", "Agencia Caribe", serial(2026, 3, 2), serial(2026, 3, 3, 9), serial(2026, 3, 4, 10), serial(2026, 3, 5, 8), serial(2026, 3, 9, 15), 3, "MSCU1234567", "sin novedad"],
  [],
  ["DO-1002", "Café del Valle", "Cúcuta", "Frontera Logística", serial(2026, 3, 10), null, serial(2026, 3, 11, 8), null, null, null, null, null],
  ["DO-1003", "Café del Valle", "Barranquilla", "Agencia Caribe", "15/03/2026", null, null, null, null, 5, "TGHU7654321", null],
];

describe("planPreparation", () => {
  it("creates the four sheets and their tables in an empty workbook", () => {
    const before = buildSnapshot([{ name: "Hoja1" }]);
    const { plan, after } = prepare(before);
    expect(plan.steps.map((s) => s.kind)).toContain("createTable");
    expect(after.sheets.map((s) => s.name)).toEqual(["Hoja1", "Operaciones", "Alianzas", "No Conformidades", "Parámetros"]);
    expect(cellAt(after, "Operaciones", "A1")).toBe("DO");
    expect(cellAt(after, "Operaciones", "U1")).toBe("Observaciones");
    expect(formulaAt(after, "Operaciones", "R2")).toBe(OPERATION_FORMULAS.serviceTime);
    expect(after.names.ADUANA_HOY).toBe("='Parámetros'!$B$2");
    expect(formulaAt(after, "Parámetros", "B2")).toBe("=TODAY()");
    expect(cellAt(after, "Parámetros", "B2")).toBe(today);
    expect(planPreparation(after, { today }).steps).toEqual([]);
  });

  it("converts a legacy range under title rows in place, keeping every value, and is idempotent", () => {
    const before = buildSnapshot([{ name: "Cuadro de control", rows: LEGACY_ROWS }]);
    const { plan, after, log } = prepare(before);
    expect(log.copies).toEqual(["Respaldo Cuadro de control"]);
    expect(plan.steps[0]).toMatchObject({ kind: "copySheet", sheet: "Cuadro de control" });
    expectDataKept(before, after, "Cuadro de control", 4);
    expect(cellAt(after, "Cuadro de control", "A1")).toBe("CUADRO DE CONTROL DE PROCESOS — ALIANZAS");
    expect(cellAt(after, "Cuadro de control", "A4")).toBe("DO");
    expect(cellAt(after, "Cuadro de control", "C4")).toBe("Ciudad");
    expect(cellAt(after, "Cuadro de control", "J4")).toBe("Tiempo de servicio (original)");
    expect(cellAt(after, "Cuadro de control", "K4")).toBe("Contenedor");
    const table = sheetOf(after, "Cuadro de control").tables[0];
    expect(table?.name).toBe("tblOperaciones");
    expect(table?.area).toMatchObject({ row: 3, col: 0, rowCount: 5 });
    expect(plan.notes.join("\n")).toContain("Encabezado «No. DO» → «DO»");
    expect(planPreparation(after, { today }).steps).toEqual([]);
    const model = readWorkbookModel(after);
    expect(model.operations.map((op) => op.do)).toEqual(["DO-1001", "DO-1002", "DO-1003"]);
  });
});
