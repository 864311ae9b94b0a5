import { evaluateWorkbook, evaluationToJson, planEvaluation } from "../../../src/domain/evaluation";
import { followUp } from "../../../src/domain/followup";
import { computeIndicators, planIndicators } from "../../../src/domain/indicators";
import { validateWorkbook } from "../../../src/domain/validation";
import { findAlliance } from "../../../src/domain/workbook/alliance-lookup";
import { readWorkbookModel } from "../../../src/domain/workbook/read-model";
import type { CellValue, WorkbookSnapshot } from "../../../src/domain/workbook/snapshot";
import { elapsedServiceTime, serviceLevelStatus } from "../../../src/functions/functions";
import { serial } from "../../helpers/snapshot-builder";
import type { CellPatch } from "../validation/clean-workbook";
import { cleanWorkbook, TODAY } from "../validation/clean-workbook";

/**
 * With a text in tblFestivosExtra[Fecha] the sheet shows #VALUE! in Tiempo servicio and Estado ANS of every DO that
 * calls the functions. The evaluation, the indicators, the follow-up and Validar must treat those DOs as the sheet
 * does: not measured, not on time, not overdue. The ADUANA functions themselves say what each row shows.
 */

const TEXT_HOLIDAY: CellPatch = { sheet: "Parámetros", cell: "A3", value: "25/12/2026" };
// DO-1001 (Agencia Caribe, Meta 3): levante on Monday 16/03, 8 business days after its documents — No cumple.
const LATE_RELEASE: CellPatch = { sheet: "Operaciones", cell: "M2", value: serial(2026, 3, 16, 9) };
// DO-1002 (Frontera, exportación, Meta 3), still open: documents on 10/03 — Vencido by 20/03.
const OLD_DOCUMENTS: CellPatch = { sheet: "Operaciones", cell: "K3", value: serial(2026, 3, 10, 8) };

/** tblFestivosExtra[Fecha] as Excel hands it to the functions. */
function holidayRange(snapshot: WorkbookSnapshot): CellValue[][] {
  const sheet = snapshot.sheets.find((s) => s.name === "Parámetros");
  if (!sheet) throw new Error("sin Parámetros");
  return sheet.values.slice(1).map((row) => [row[0] ?? null]).filter(([value]) => value !== null);
}

/** The value a formula cell shows: the function's result, or null for the error it signals (#VALUE! in Excel). */
function shown(call: () => number | string): CellValue {
  try {
    return call();
  } catch {
    return null;
  }
}

/** What the sheet's Tiempo servicio and Estado ANS show on each DO, computed by the ADUANA functions. */
function sheetRows(snapshot: WorkbookSnapshot) {
  const model = readWorkbookModel(snapshot);
  const holidays = holidayRange(snapshot);
  return model.operations.map((op) => {
    const alliance = findAlliance(model.alliances, op.alliance);
    const start = Math.max(op.arrival ?? 0, op.documentsComplete ?? 0);
    const target = op.type === "Importación" ? alliance?.importTarget : alliance?.exportTarget;
    const saturday = alliance?.saturdayIsBusiness ?? false;
    const days = op.release === null ? "" : shown(() => elapsedServiceTime(start, op.release, "d", saturday, holidays));
    return {
      do: op.do,
      alliance: alliance?.name ?? "",
      serviceTime: typeof days === "number" ? Math.max(0, days - op.clientDelayDays) : days,
      target: target ?? 0,
      status: shown(() => serviceLevelStatus(start, op.release ?? "", (target ?? 0) + op.clientDelayDays, TODAY, saturday, holidays)),
    };
  });
}

/** DOs medidos and DOs a tiempo per alliance, counted from what the sheet shows (error cells count as nothing). */
function countedFromSheet(snapshot: WorkbookSnapshot, alliance: string) {
  const rows = sheetRows(snapshot).filter((r) => r.alliance === alliance);
  const measured = rows.filter((r) => typeof r.serviceTime === "number");
  return { measured: measured.length, onTime: measured.filter((r) => (r.serviceTime as number) <= r.target).length };
}

const ALLIANCES = ["Agencia Caribe SAS", "Frontera Logística"];

describe("a text in tblFestivosExtra: every surface shows what the sheet shows", () => {
  const withText = cleanWorkbook([TEXT_HOLIDAY, LATE_RELEASE, OLD_DOCUMENTS]);
  const clean = cleanWorkbook([LATE_RELEASE, OLD_DOCUMENTS]);

  it("the functions give #VALUE! on every DO that calls them (the oracle)", () => {
    expect(sheetRows(withText).map((r) => [r.do, r.serviceTime, r.status])).toEqual([
      ["DO-1001", null, null],
      ["DO-1002", "", null],
      ["DO-1003", null, null],
    ]);
    expect(sheetRows(clean).map((r) => [r.do, r.serviceTime, r.status])).toEqual([
      ["DO-1001", 8, "No cumple"],
      ["DO-1002", "", "Vencido"],
      ["DO-1003", 2, "Cumple"],
    ]);
  });

  it.each([
    ["with the text", withText],
    ["without it", clean],
  ])("the evaluation counts DOs medidos and a tiempo as the sheet shows them (%s)", (_label, snapshot) => {
    const result = evaluateWorkbook(snapshot, 2026, TODAY);
    const json = evaluationToJson(result);
    for (const name of ALLIANCES) {
      const counted = countedFromSheet(snapshot, name);
      const row = json.alliances.find((a) => a.alliance === name);
      expect({ alliance: name, measured: row?.measured, onTime: row?.onTime }).toEqual({ alliance: name, ...counted });
    }
  });

  it("the evaluation has nothing measured, C1 and the score pending, and says which cell to fix", () => {
    const json = evaluationToJson(evaluateWorkbook(withText, 2026, TODAY));
    for (const row of json.alliances) {
      expect(row).toMatchObject({ measured: 0, onTime: 0, onTimePct: null, avgServiceDays: null, score: null, rating: null });
      expect(row.scores.c1).toBeNull();
    }
    const notes = planEvaluation(withText, { year: 2026, today: TODAY }).notes.filter((n) => n.includes("tblFestivosExtra"));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain("Parámetros!A3");
    expect(notes[0]).toContain("«25/12/2026»");
    expect(notes[0]).toMatch(/Escriba la fecha/);
    expect(planEvaluation(clean, { year: 2026, today: TODAY }).notes.join(" ")).not.toContain("tblFestivosExtra");
  });

  it("the indicators count the DOs as opened, none measured, and say which cell to fix", () => {
    const result = computeIndicators(readWorkbookModel(withText), 2026, TODAY);
    for (const name of ALLIANCES) {
      const figures = result.byAlliance.find((a) => a.alliance === name);
      const counted = countedFromSheet(withText, name);
      expect({ measured: figures?.measured, onTime: figures?.onTime }).toEqual(counted);
    }
    expect(result.total).toMatchObject({ opened: 3, measured: 0, onTime: 0, onTimePct: null, avgServiceDays: null });
    expect(result.stages).toEqual([]);
    expect(result.unusableExtraHoliday).toEqual({ sheet: "Parámetros", cell: "A3", value: "25/12/2026" });
    const notes = planIndicators(withText, { year: 2026, today: TODAY }).notes.filter((n) => n.includes("tblFestivosExtra"));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain("Parámetros!A3");
    // Without the text the sheet measures two DOs.
    expect(computeIndicators(readWorkbookModel(clean), 2026, TODAY).total).toMatchObject({ measured: 2, onTime: 1 });
    expect(computeIndicators(readWorkbookModel(clean), 2026, TODAY).unusableExtraHoliday).toBeUndefined();
  });

  it("the follow-up lists no DO the sheet does not show Vencido or En riesgo, and says why", () => {
    const shownStatus = sheetRows(withText).filter((r) => r.status === "Vencido" || r.status === "En riesgo").map((r) => r.do);
    const result = followUp(withText, TODAY);
    expect(result.operations.map((o) => o.do)).toEqual(shownStatus);
    expect(result.unusableExtraHoliday?.cell).toBe("A3");
    // Without the text, DO-1002 is Vencido in the sheet and in the follow-up.
    expect(followUp(clean, TODAY).operations.map((o) => [o.do, o.status])).toEqual([["DO-1002", "Vencido"]]);
    expect(followUp(clean, TODAY).unusableExtraHoliday).toBeUndefined();
  });

  it("Validar reports the holiday cell, and no ANS missed or DO overdue that the sheet does not show", () => {
    const rules = (snapshot: WorkbookSnapshot) => validateWorkbook(snapshot, { today: TODAY }).findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
    const found = rules(withText);
    expect(found).toContain("fecha-invalida Parámetros!A3");
    expect(found.filter((f) => /^(ans-incumplido|nc-faltante|do-vencido) /.test(f))).toEqual([]);
    // Without the text the sheet shows No cumple on DO-1001 and Vencido on DO-1002, and Validar reports both.
    expect(rules(clean).filter((f) => /^(ans-incumplido|do-vencido) /.test(f)).map((f) => f.split(" ")[0])).toEqual(
      expect.arrayContaining(["ans-incumplido", "do-vencido"]),
    );
  });
});
