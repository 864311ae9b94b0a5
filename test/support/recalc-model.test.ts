import { buildSnapshot } from "../helpers/snapshot-builder";
import { RecalcModel } from "./recalc-model";

// The behaviour modelled: "dependents of volatile or changed data" are recalculated
// (https://learn.microsoft.com/javascript/api/excel/excel.calculationtype); a nonvolatile function
// "is recalculated only when the input variables change" (https://learn.microsoft.com/office/vba/api/excel.application.volatile).
describe("RecalcModel", () => {
  const book = (hoy: string) =>
    buildSnapshot(
      [
        { name: "P", rows: [[{ formula: hoy, value: 46000 }]] },
        {
          name: "D",
          rows: [
            [1, { formula: "=ADUANA.ESTADO_ANS(A1,A1,3,HOY_X)", value: "Cumple" }, { formula: "=B1&\"A2\"", value: "x" }],
            [2, { formula: "=ADUANA.TIEMPO_SERVICIO(A2,P!$A$1)", value: 1 }, null],
          ],
        },
      ],
      { HOY_X: "='P'!$A$1" },
    );

  it("recalculates the dependents of a volatile cell at every edit, even of an unrelated cell", () => {
    const model = new RecalcModel(book("=TODAY()"));
    expect([...model.recalculatedBy("D", 5, 5)].sort()).toEqual(["d|0|1", "d|0|2", "d|1|1", "p|0|0"]);
    expect(model.addinCallsPerEdit("D", 5, 5)).toBe(2);
  });

  it("recalculates only the dependents of the edited cell when nothing is volatile (text literals are not references)", () => {
    const model = new RecalcModel(book("=DATE(2025,12,9)"));
    expect(model.addinCallsPerEdit("D", 5, 5)).toBe(0);
    expect([...model.recalculatedBy("D", 0, 0)].sort()).toEqual(["d|0|1", "d|0|2"]);
    expect([...model.recalculatedBy("D", 1, 0)]).toEqual(["d|1|1"]);
    expect(model.addinCallsPerEdit("P", 0, 0)).toBe(2);
  });
});
