import { planFormulaRepair } from "../../../src/domain/workbook";
import { TABLES } from "../../../src/domain/workbook/headers";
import { applyPlanToSnapshot } from "../../helpers/plan-simulator";
import { buildSnapshot, formulaAt } from "../../helpers/snapshot-builder";

const SERVICE = "=ADUANA.TIEMPO_SERVICIO([@[Fecha inicio]],[@[Fecha levante / autorización]],Parámetros!$B$2)";
const STATUS = "=ADUANA.ESTADO_ANS([@[Tiempo servicio]],5,HOY_CELDA)";
const SCORE = "=ADUANA.CALIFICACION([@Puntaje])";

/** Operaciones with two broken ADUANA cells and one that works, a plain formula with #NAME?, an evaluation table, and a loose formula. */
function brokenWorkbook() {
  return buildSnapshot([
    {
      name: "Operaciones",
      tables: [
        {
          name: TABLES.operations,
          at: "A1",
          rows: [
            ["DO", "Tiempo servicio", "Estado ANS", "Nota"],
            ["DO-1", { formula: SERVICE, value: "#NAME?" }, { formula: STATUS, value: "#NAME?" }, { formula: "=MISTERIO(A2)", value: "#NAME?" }],
            ["DO-2", { formula: SERVICE, value: 3 }, { formula: STATUS, value: "En meta" }, "ok"],
          ],
        },
      ],
    },
    {
      name: "Evaluación 2025",
      tables: [
        {
          name: "tblEvaluacion2025",
          at: "B3",
          rows: [
            ["Aliado", "Puntaje", "Calificación"],
            ["Agencia Caribe SAS", 91.5, { formula: SCORE, value: "#NAME?" }],
          ],
        },
      ],
      // Outside any table: the user's own scratch formula, not the add-in's to touch.
      rows: [[{ formula: "=ADUANA.TIEMPO_SERVICIO(A1,B1)", value: "#NAME?" }]],
    },
  ]);
}

describe("planFormulaRepair", () => {
  it("re-enters only ADUANA formulas showing #NAME? inside the add-in's tables, each with the same formula", () => {
    const { plan, cells } = planFormulaRepair(brokenWorkbook());
    expect(cells).toEqual(["Operaciones!B2", "Operaciones!C2", "'Evaluación 2025'!D4"]);
    expect(plan.steps).toEqual([
      {
        kind: "writeCells",
        sheet: "Operaciones",
        cells: [
          { row: 1, col: 1, formula: SERVICE, expected: SERVICE },
          { row: 1, col: 2, formula: STATUS, expected: STATUS },
        ],
      },
      { kind: "writeCells", sheet: "Evaluación 2025", cells: [{ row: 3, col: 3, formula: SCORE, expected: SCORE }] },
    ]);
    expect(plan.notes).toEqual(["Se volvieron a escribir 3 fórmulas ADUANA que mostraban #NAME?."]);
  });

  it("leaves every formula as it was", () => {
    const before = brokenWorkbook();
    const after = applyPlanToSnapshot(before, planFormulaRepair(before).plan);
    for (const [sheet, address] of [["Operaciones", "B2"], ["Operaciones", "C2"], ["Operaciones", "D2"], ["Evaluación 2025", "D4"], ["Evaluación 2025", "A1"]] as const) {
      expect(formulaAt(after, sheet, address)).toBe(formulaAt(before, sheet, address));
    }
  });

  it("plans nothing when no ADUANA cell shows #NAME?", () => {
    const healthy = buildSnapshot([
      { name: "Operaciones", tables: [{ name: TABLES.operations, at: "A1", rows: [["DO", "Tiempo servicio"], ["DO-1", { formula: SERVICE, value: 2 }]] }] },
    ]);
    expect(planFormulaRepair(healthy)).toEqual({ plan: { steps: [], notes: [] }, cells: [] });
  });
});

describe("stored _xldudf_ form and Spanish #¿NOMBRE?", () => {
  it("re-enters a formula Excel shows in its stored _xldudf_ form as ADUANA.X, leaving text literals alone", () => {
    const stored = '=IF([@DO]="_xldudf_ADUANA_X","",_xldudf_ADUANA_TIEMPO_SERVICIO([@Inicio],[@Fin]))';
    const snapshot = buildSnapshot([
      {
        name: "Operaciones",
        tables: [{ name: TABLES.operations, at: "A1", rows: [["DO", "Inicio", "Fin", "Tiempo"], ["DO-1", 1, 2, { formula: stored, value: "#¿NOMBRE?" }]] }],
      },
    ]);
    const { plan, cells } = planFormulaRepair(snapshot);
    expect(cells).toEqual(["Operaciones!D2"]);
    expect(formulaAt(applyPlanToSnapshot(snapshot, plan), "Operaciones", "D2")).toBe('=IF([@DO]="_xldudf_ADUANA_X","",ADUANA.TIEMPO_SERVICIO([@Inicio],[@Fin]))');
  });
});
