import { planPreparation } from "../../../src/domain/workbook";
import { OPERATION_HEADERS } from "../../../src/domain/workbook/headers";
import type { WorkbookSnapshot } from "../../../src/domain/workbook/snapshot";
import { applyPlanToSnapshot } from "../../helpers/plan-simulator";
import { buildSnapshot, formulaAt, serial, sheetOf } from "../../helpers/snapshot-builder";
import { RecalcModel } from "../../support/recalc-model";

const today = serial(2026, 12, 3);
const ROWS = 20_000;
const headers: string[] = Object.values(OPERATION_HEADERS);
const col = (header: string) => headers.indexOf(header);

/** A prepared workbook with ROWS operations, every one with dates and a target (its Estado ANS calls ADUANA). */
function preparedWorkbook(): WorkbookSnapshot {
  const rows: (string | number | null)[][] = [headers];
  for (let i = 0; i < ROWS; i++) {
    const row: (string | number | null)[] = headers.map(() => null);
    row[col(OPERATION_HEADERS.do)] = `DO-${i + 1}`;
    row[col(OPERATION_HEADERS.type)] = "Importación";
    row[col(OPERATION_HEADERS.arrival)] = serial(2026, 11, 2);
    row[col(OPERATION_HEADERS.release)] = i % 2 === 0 ? serial(2026, 11, 6) : null;
    rows.push(row);
  }
  const before = buildSnapshot([{ name: "Operaciones", rows }]);
  return applyPlanToSnapshot(before, planPreparation(before, { today }));
}

/** The same workbook as one prepared before the status date: the Hoy cell holds =TODAY(). */
function withVolatileToday(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const sheet = sheetOf(snapshot, "Parámetros");
  const formulas = sheet.formulas.map((row) => [...row]);
  const hoy = formulas.findIndex((row) => row.some((f) => f?.startsWith("=DATE(")));
  const c = formulas[hoy]?.findIndex((f) => f?.startsWith("=DATE(")) ?? -1;
  (formulas[hoy] as (string | null)[])[c] = "=TODAY()";
  return { ...snapshot, sheets: snapshot.sheets.map((s) => (s === sheet ? { ...sheet, formulas } : s)) };
}

describe("recalculation cost of the status date (RecalcModel)", () => {
  const after = preparedWorkbook();
  const before = withVolatileToday(after);
  const table = sheetOf(after, "Operaciones").tables[0];
  const firstRow = (table?.area.row ?? 0) + 1;
  const notes = (table?.area.col ?? 0) + col(OPERATION_HEADERS.notes);
  const release = (table?.area.col ?? 0) + col(OPERATION_HEADERS.release);

  it("the fixture is what Preparar leaves: ADUANA_HOY over a plain date, Estado ANS on every row", () => {
    expect(after.names.ADUANA_HOY).toBe("='Parámetros'!$B$2");
    expect(formulaAt(after, "Parámetros", "B2")).toBe("=DATE(2026,12,3)");
    expect(table?.area.rowCount).toBe(ROWS + 1);
  });

  it("with =TODAY() every edit re-runs every row's Estado ANS; with the plain date only the edited row's", () => {
    const beforeModel = new RecalcModel(before);
    const afterModel = new RecalcModel(after);
    const measured = {
      notesBefore: beforeModel.addinCallsPerEdit("Operaciones", firstRow + 10, notes),
      notesAfter: afterModel.addinCallsPerEdit("Operaciones", firstRow + 10, notes),
      releaseBefore: beforeModel.addinCallsPerEdit("Operaciones", firstRow + 10, release),
      releaseAfter: afterModel.addinCallsPerEdit("Operaciones", firstRow + 10, release),
    };
    // Typing an Observación: 20,000 calls before (one Estado ANS per row), none after.
    // Typing a levante: that row's Tiempo servicio and Estado ANS after; before, those plus every other Estado ANS.
    expect(measured).toEqual({ notesBefore: ROWS, notesAfter: 0, releaseBefore: ROWS + 1, releaseAfter: 2 });
  });

  it("changing the status date itself (once a day) re-runs every Estado ANS, as it must", () => {
    expect(new RecalcModel(after).addinCallsPerEdit("Parámetros", 1, 1)).toBe(ROWS);
  });
});
