import { validateWorkbook } from "../../../src/domain/validation";
import { planPreparation, planStatusDate, readStatusDate, staleStatusDateMessage } from "../../../src/domain/workbook";
import type { WorkbookSnapshot } from "../../../src/domain/workbook/snapshot";
import { applyPlanToSnapshot } from "../../helpers/plan-simulator";
import { buildSnapshot, cellAt, formulaAt, serial } from "../../helpers/snapshot-builder";
import type { FixtureCell } from "../../helpers/snapshot-builder";

const today = serial(2026, 12, 3);
const show = (s: number) => `#${s}`;

function parameters(hoy: FixtureCell): WorkbookSnapshot {
  return buildSnapshot(
    [
      {
        name: "Parámetros",
        tables: [{ name: "tblParametros", at: "A1", rows: [["Parámetro", "Valor"], ["Hoy", hoy], ["Hora inicio jornada", 8], ["Hora fin jornada", 17]] }],
      },
    ],
    { ADUANA_HOY: "='Parámetros'!$B$2" },
  );
}

function prepared(hoy: FixtureCell, day = today): WorkbookSnapshot {
  const before = parameters(hoy);
  return applyPlanToSnapshot(before, planPreparation(before, { today: day }));
}

describe("status date (ADUANA_HOY)", () => {
  it("Preparar converts an older workbook's =TODAY() into the add-in's plain date, and says so", () => {
    const before = parameters({ formula: "=TODAY()", value: today });
    const plan = planPreparation(before, { today });
    const after = applyPlanToSnapshot(before, plan);
    expect(formulaAt(after, "Parámetros", "B2")).toBe("=DATE(2026,12,3)");
    expect(cellAt(after, "Parámetros", "B2")).toBe(today);
    expect(plan.notes.some((n) => n.includes("=HOY()") && n.includes("Parámetros!B2"))).toBe(true);
    expect(planPreparation(after, { today }).steps).toEqual([]);
  });

  it("Preparar moves the add-in's own older date forward to today", () => {
    const after = prepared({ formula: "=DATE(2026,11,28)", value: serial(2026, 11, 28) });
    expect(formulaAt(after, "Parámetros", "B2")).toBe("=DATE(2026,12,3)");
  });

  it("never overwrites a date the user typed by hand, even an old one", () => {
    const typed = serial(2026, 11, 15);
    const after = prepared(typed);
    expect(cellAt(after, "Parámetros", "B2")).toBe(typed);
    expect(formulaAt(after, "Parámetros", "B2")).toBeNull();
  });

  it("writes the date into an emptied Hoy cell (clearing it hands it back to the add-in)", () => {
    const after = prepared(null);
    expect(formulaAt(after, "Parámetros", "B2")).toBe("=DATE(2026,12,3)");
  });

  it("the daily refresh only updates the add-in's own older date or an empty cell", () => {
    const at = { row: 1, col: 1 };
    expect(planStatusDate({ ...at, formula: "=DATE(2026,12,2)", value: today - 1 }, today, "refresh")).toEqual({
      ...at,
      formula: "=DATE(2026,12,3)",
      result: today,
      expected: "=DATE(2026,12,2)",
    });
    expect(planStatusDate({ ...at, formula: "=DATE(2026,12,3)", value: today }, today + 0.75, "refresh")).toBeNull();
    expect(planStatusDate({ ...at, formula: null, value: today - 5 }, today, "refresh")).toBeNull();
    expect(planStatusDate({ ...at, formula: "=TODAY()", value: today }, today, "refresh")).toBeNull();
    expect(planStatusDate({ ...at, formula: "=B5-1", value: today - 1 }, today, "refresh")).toBeNull();
    expect(planStatusDate({ ...at, formula: null, value: null }, today, "refresh")).toMatchObject({ formula: "=DATE(2026,12,3)", expected: null });
  });

  it("says what to do when the status date is older than today, and nothing when it is current or =TODAY()", () => {
    const own = staleStatusDateMessage(readStatusDate({ formula: "=DATE(2026,12,1)", value: today - 2 }), today, "Parámetros!B2", show);
    expect(own).toContain(`es #${today - 2}, anterior a hoy (#${today})`);
    expect(own).toContain("Abra el panel del complemento");
    const typed = staleStatusDateMessage(readStatusDate({ formula: null, value: today - 2 }), today, "Parámetros!B2", show);
    expect(typed).toContain("Escriba la fecha de hoy");
    expect(staleStatusDateMessage(readStatusDate({ formula: null, value: today }), today, "Parámetros!B2", show)).toBeNull();
    expect(staleStatusDateMessage(readStatusDate({ formula: "=TODAY()", value: today - 3 }), today, "Parámetros!B2", show)).toBeNull();
  });

  it("Validar warns, on the Hoy cell, when the status date is older than today", () => {
    const stale = validateWorkbook(parameters({ formula: "=DATE(2026,12,1)", value: serial(2026, 12, 1) }), { today });
    expect(stale.findings).toEqual([
      expect.objectContaining({ rule: "fecha-estado-antigua", severity: "advertencia", sheet: "Parámetros", cell: "B2" }),
    ]);
    expect(stale.findings[0]?.message).toContain("01/12/2026, anterior a hoy (03/12/2026)");
    expect(validateWorkbook(parameters({ formula: "=DATE(2026,12,3)", value: today }), { today }).findings).toEqual([]);
    expect(validateWorkbook(parameters({ formula: "=TODAY()", value: serial(2026, 12, 1) }), { today }).findings).toEqual([]);
  });
});
