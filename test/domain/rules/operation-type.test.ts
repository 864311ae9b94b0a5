import { computeEvaluation } from "../../../src/domain/evaluation/compute-evaluation";
import { validateWorkbook } from "../../../src/domain/validation";
import { operationFormulaResults } from "../../../src/domain/workbook/formula-results";
import { readWorkbookModel } from "../../../src/domain/workbook/read-model";
import { locateTables } from "../../../src/domain/workbook/table-location";
import { cleanWorkbook, TODAY } from "../validation/clean-workbook";

/** DO-1001 (Agencia Caribe SAS, Meta importación 3, on time) with its Tipo as typed in B2. */
const workbook = (typed: string) => cleanWorkbook([{ sheet: "Operaciones", cell: "B2", value: typed }]);

function surfaces(typed: string) {
  const snapshot = workbook(typed);
  const model = readWorkbookModel(snapshot);
  const operations = locateTables(snapshot).operations;
  if (!operations) throw new Error("sin tblOperaciones");
  const cached = operationFormulaResults(operations, model, TODAY)(1);
  const caribe = computeEvaluation(model, 2026, undefined, TODAY).alliances.find((a) => a.alliance === "Agencia Caribe SAS");
  const findings = validateWorkbook(snapshot, { today: TODAY }).findings.filter((f) => f.cell === "B2");
  return { cached, caribe, findings };
}

describe("Tipo is compared as the sheet's [@Tipo]=\"Importación\" compares it, in every surface", () => {
  it("gives the Meta for the Tipo in another letter case, with no finding", () => {
    const { cached, caribe, findings } = surfaces("IMPORTACIÓN");
    // Documentos completos Wednesday 4 March, levante Friday 6 March: 2 business days of a Meta of 3.
    expect(cached).toEqual({ target: 3, serviceTime: 2, ansStatus: "Cumple" });
    expect([caribe?.measured, caribe?.onTime, caribe?.withoutTarget]).toEqual([1, 1, 0]);
    expect(findings).toEqual([]);
  });

  it.each([
    ["a trailing space", "Importación "],
    ["a leading space", " Importación"],
  ])("gives no Meta for a Tipo with %s, as Excel shows, and Validar says to delete the spaces", (_label, typed) => {
    const { cached, caribe, findings } = surfaces(typed);
    // Meta ANS and Estado ANS blank, Tiempo servicio still measured: what the formulas show in Excel.
    expect(cached).toEqual({ target: "", serviceTime: 2, ansStatus: "" });
    expect([caribe?.measured, caribe?.onTime, caribe?.withoutTarget]).toEqual([1, 0, 1]);
    expect(findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([["valor-no-permitido", "Operaciones", "B2"]]);
    expect(findings[0]?.message).toContain(`«${typed}», con espacios de más`);
    expect(findings[0]?.message).toContain("Borre los espacios");
  });
});

describe("Sábado hábil is compared as the sheet's =\"Sí\" compares it", () => {
  it("reports «Sí » with a stray space, which the formulas do not count as Saturday work", () => {
    const snapshot = cleanWorkbook([{ sheet: "Alianzas", cell: "L3", value: "Sí " }]);
    const model = readWorkbookModel(snapshot);
    expect(model.alliances[1]?.saturdayIsBusiness).toBe(false);
    const findings = validateWorkbook(snapshot, { today: TODAY }).findings.filter((f) => f.cell === "L3");
    expect(findings.map((f) => [f.rule, f.sheet])).toEqual([["valor-no-permitido", "Alianzas"]]);
    expect(findings[0]?.message).toContain("Borre los espacios");
  });
});
