import { callsAddinFunction, planStaticCopy } from "../../../src/domain/workbook/static-copy";
import { applyPlanToSnapshot } from "../../helpers/plan-simulator";
import { buildSnapshot, cellAt, formulaAt, serial } from "../../helpers/snapshot-builder";

const TODAY = serial(2026, 6, 27);

describe("callsAddinFunction", () => {
  it.each([
    ["=ADUANA.TIEMPO_SERVICIO(A1,B1)", true],
    ["=MAX(0,aduana.estado_ans(A1,B1,5,ADUANA_HOY))", true],
    ["_xldudf_ADUANA_TIEMPO_SERVICIO(A1,B1)", true],
    ["=IF(A1=\"\",\"\",ADUANA.CALIFICACION(B1))", true],
    ["=ADUANA_HOY-A1", false],
    ["=\"ADUANA.TIEMPO_SERVICIO(\"&A1", false],
    ["=MI_ADUANA.X(A1)", false],
    ["=SUM(A1:A3)", false],
  ])("%s → %s", (formula, expected) => {
    expect(callsAddinFunction(formula)).toBe(expected);
  });
});

describe("planStaticCopy", () => {
  const snapshot = buildSnapshot([
    {
      name: "Datos",
      rows: [
        ["DO", "Días", "Estado", "Doble"],
        ["DO-1", { formula: "=ADUANA.TIEMPO_SERVICIO(A2,B2)", value: 4 }, { formula: "=ADUANA.ESTADO_ANS(A2,B2,5,ADUANA_HOY)", value: "#NAME?" }, { formula: "=B2*2", value: 8 }],
        ["DO-2", { formula: "=ADUANA.TIEMPO_SERVICIO(A3,B3)", value: "" }, "escrito", { formula: "=ADUANA_HOY-1", value: TODAY - 1 }],
      ],
    },
    { name: "Vacía" },
  ]);
  const copy = planStaticCopy(snapshot, { today: TODAY });
  const after = applyPlanToSnapshot(snapshot, copy.plan);

  it("replaces ADUANA formulas by their cached value and keeps native ones (ADUANA_HOY is a name, not a function)", () => {
    expect(formulaAt(after, "Datos", "B2")).toBeNull();
    expect(cellAt(after, "Datos", "B2")).toBe(4);
    expect(cellAt(after, "Datos", "B3")).toBeNull();
    expect(formulaAt(after, "Datos", "D2")).toBe("=B2*2");
    expect(formulaAt(after, "Datos", "D3")).toBe("=ADUANA_HOY-1");
    expect(cellAt(after, "Datos", "C3")).toBe("escrito");
    expect(copy.replaced).toBe(3);
  });

  it("does not copy a #NAME? outside a table it can compute: the cell stays empty and is named in the notes", () => {
    expect(cellAt(after, "Datos", "C2")).toBeNull();
    expect(copy.uncomputable).toEqual(["Datos!C2"]);
    expect(copy.plan.notes.join(" ")).toMatch(/Sin valor calculado en Datos!C2/);
  });

  it("puts the dated note in the first row, one blank column right of the data, and at A1 of an empty sheet", () => {
    expect(copy.noteCells).toEqual(["Datos!F1", "Vacía!A1"]);
    expect(cellAt(after, "Datos", "E1")).toBeNull();
    expect(cellAt(after, "Datos", "F1")).toMatch(/^Copia estática del 2026-06-27: /);
    expect(cellAt(after, "Vacía", "A1")).toMatch(/^Copia estática del 2026-06-27: /);
  });
});
