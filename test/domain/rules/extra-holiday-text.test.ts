import { validateWorkbook } from "../../../src/domain/validation";
import { operationFormulaResults } from "../../../src/domain/workbook/formula-results";
import { readWorkbookModel } from "../../../src/domain/workbook/read-model";
import type { CellValue, WorkbookSnapshot } from "../../../src/domain/workbook/snapshot";
import { locateTables } from "../../../src/domain/workbook/table-location";
import { elapsedServiceTime, serviceLevelStatus } from "../../../src/functions/functions";
import { serial } from "../../helpers/snapshot-builder";
import { cleanWorkbook, TODAY } from "../validation/clean-workbook";

/** The value a formula cell shows: the function's result, or null for the error it signals (#VALUE! in Excel). */
function shown(call: () => number | string): CellValue {
  try {
    return call();
  } catch {
    return null;
  }
}

/** Values of Meta ANS, Tiempo servicio and Estado ANS the add-in computes for a row (what the CLI caches). */
function cachedRow(snapshot: WorkbookSnapshot, row: number) {
  const operations = locateTables(snapshot).operations;
  if (!operations) throw new Error("sin tblOperaciones");
  return operationFormulaResults(operations, readWorkbookModel(snapshot), TODAY)(row);
}

// tblFestivosExtra[Fecha] as Excel hands it to the functions: 20/04/2026 and, in A3, a date typed as text.
const HOLIDAYS_WITH_TEXT = [[serial(2026, 4, 20)], ["25/12/2026"]];
const withText = () => cleanWorkbook([{ sheet: "Parámetros", cell: "A3", value: "25/12/2026" }]);

describe("a text in tblFestivosExtra: the computed values are what Excel shows", () => {
  it("the ADUANA functions give an error for any row when the column holds a text", () => {
    // DO-1001: Documentos completos 4 March 10:00, levante 6 March 15:00.
    const start = serial(2026, 3, 4, 10);
    const release = serial(2026, 3, 6, 15);
    expect(shown(() => elapsedServiceTime(start, release, "d", false, HOLIDAYS_WITH_TEXT))).toBeNull();
    expect(shown(() => serviceLevelStatus(start, release, 3, TODAY, false, HOLIDAYS_WITH_TEXT))).toBeNull();
    expect(shown(() => elapsedServiceTime(start, release, "d", false, [[serial(2026, 4, 20)], [null]]))).toBe(2);
  });

  it("gives #VALUE! in Tiempo servicio and Estado ANS of every row that calls them, as Excel does", () => {
    const snapshot = withText();
    // DO-1001, closed: both columns call the functions.
    expect(cachedRow(snapshot, 1)).toEqual({ target: 3, serviceTime: null, ansStatus: null });
    // DO-1002 (Exportación, Frontera: Meta 3), open: Tiempo servicio's IF gives "" before calling; Estado ANS calls ESTADO_ANS.
    expect(cachedRow(snapshot, 2)).toEqual({ target: 3, serviceTime: "", ansStatus: null });
    expect(cachedRow(cleanWorkbook(), 1)).toEqual({ target: 3, serviceTime: 2, ansStatus: "Cumple" });
  });

  it("Validar reports the holiday typed as text and says which date to write", () => {
    const findings = validateWorkbook(withText(), { today: TODAY }).findings.filter((f) => f.sheet === "Parámetros");
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([["fecha-invalida", "A3"]]);
    expect(findings[0]?.message).toContain("¿quiso decir 25/12/2026?");
  });
});
