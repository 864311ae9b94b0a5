import { lastCompleteYear } from "../../../src/domain/evaluation/last-complete-year";
import { evaluateWorkbook, planEvaluation } from "../../../src/domain/evaluation/plan-evaluation";
import { readEvaluationInputs } from "../../../src/domain/evaluation/evaluation-sheet";
import type { CellWrite, ChartStep, ListValidationStep, PageSetupStep, Plan, WholeNumberValidationStep, WriteCellsStep } from "../../../src/domain/workbook/plan";
import type { CellValue, WorkbookSnapshot } from "../../../src/domain/workbook/snapshot";
import { applyPlanToSnapshot } from "../../helpers/plan-simulator";
import { cellAt, formulaAt, parseA1, sheetOf } from "../../helpers/snapshot-builder";
import { expectedFigures } from "./expected-figures";
import { ALLIANCES, ANDES, CAPITAL, CARIBE, FRONTERA, OPERATIONS, alliance } from "./fixture-model";
import type { OperationSpec } from "./fixture-model";
import { serial } from "./independent-oracle";
import type { WorkbookFixture } from "./evaluation-workbook";
import { evaluationWorkbook } from "./evaluation-workbook";

const YEAR = 2025;
const SHEET = "Evaluación 2025";
const TODAY = serial(2026, 1, 15);
const LATER = serial(2026, 2, 2);

const plan = (snapshot: WorkbookSnapshot, today = TODAY): Plan => planEvaluation(snapshot, { year: YEAR, today });
const at = (snapshot: WorkbookSnapshot, address: string): CellValue => cellAt(snapshot, SHEET, address);
const formula = (snapshot: WorkbookSnapshot, address: string) => formulaAt(snapshot, SHEET, address);
const generate = (fixture?: WorkbookFixture): WorkbookSnapshot => {
  const workbook = evaluationWorkbook(fixture);
  return applyPlanToSnapshot(workbook, plan(workbook));
};

/** The evaluator typing in the sheet (what Excel would hand back: values, formulas untouched). */
function type(snapshot: WorkbookSnapshot, cells: Record<string, CellValue>): WorkbookSnapshot {
  const writes: CellWrite[] = Object.entries(cells).map(([address, value]) => {
    const { row, col } = parseA1(address);
    return { row, col, value, expected: formula(snapshot, address) ?? at(snapshot, address) };
  });
  return applyPlanToSnapshot(snapshot, { steps: [{ kind: "writeCells", sheet: SHEET, cells: writes }], notes: [] });
}

/** The same workbook data as `fixture`, with the evaluation sheet of `previous` (the user edited other sheets). */
function withEvaluationSheetOf(previous: WorkbookSnapshot, fixture: WorkbookFixture): WorkbookSnapshot {
  const workbook = evaluationWorkbook(fixture);
  const sheet = sheetOf(previous, SHEET);
  return { ...workbook, sheets: [...workbook.sheets, { ...sheet, position: workbook.sheets.length }] };
}

const writesOf = (p: Plan): WriteCellsStep["cells"] =>
  p.steps.flatMap((step) => (step.kind === "writeCells" && step.sheet === SHEET ? step.cells : []));
const addressesWritten = (p: Plan): string[] =>
  writesOf(p).map((c) => `${String.fromCharCode(65 + c.col)}${c.row + 1}`);

// Columns of a new sheet: A Aliado … G % cumplimiento … M–O C1–C3, P C4, Q C5, R Criterio excluyente,
// S Puntaje, T Calificación, U Decisión, V Observaciones, W Plan de mejora. Header on row 7, data from row 8.
const ROW = { [CARIBE]: 8, [FRONTERA]: 9, [ANDES]: 10, [CAPITAL]: 11 } as const;

describe("planEvaluation on a workbook without the sheet", () => {
  const workbook = evaluationWorkbook();
  const first = plan(workbook);
  const after = applyPlanToSnapshot(workbook, first);

  it("creates the sheet with the record's title, the generation date and the table", () => {
    expect(at(after, "A1")).toBe("Evaluación de desempeño de socios comerciales — 2025");
    expect(at(after, "A3")).toBe("Generada el");
    expect(at(after, "B3")).toBe(TODAY);
    const table = sheetOf(after, SHEET).tables[0];
    expect(table?.name).toBe("tblEvaluacion2025");
    expect(table?.area).toEqual({ row: 6, col: 0, rowCount: 5, colCount: 23 });
    expect(first.notes.join(" ")).toMatch(/Se creó la hoja «Evaluación 2025».*4 aliado\(s\), 1 sin operaciones/);
  });

  it("lists every alliance of tblAlianzas in its order", () => {
    expect(["A8", "A9", "A10", "A11"].map((a) => at(after, a))).toEqual([CARIBE, FRONTERA, ANDES, CAPITAL]);
    expect(at(after, "B8")).toBe("Cartagena; Barranquilla");
    expect(at(after, "C9")).toBe("Condicionado");
  });

  it.each([CARIBE, FRONTERA, ANDES, CAPITAL])("writes the measured columns of %s as computed independently", (name) => {
    const expected = expectedFigures(name, YEAR);
    const row = ROW[name as keyof typeof ROW];
    const cell = (col: string) => at(after, `${col}${row}`);
    expect([cell("D"), cell("E"), cell("F"), cell("I"), cell("K")]).toEqual([
      expected.operations, expected.measured, expected.onTime, expected.nonconformities, expected.complaints,
    ]);
    const pct = (v: number | null) => (v === null ? null : v / 100);
    const close = (actual: CellValue, wanted: number | null) =>
      wanted === null ? expect(actual).toBeNull() : expect(actual as number).toBeCloseTo(wanted, 10);
    close(cell("G"), pct(expected.onTimePct));
    close(cell("H"), expected.avgServiceDays);
    close(cell("J"), expected.ncPer100);
    close(cell("L"), pct(expected.closedEffectivePct));
  });

  it("scores C1–C3 and leaves C4, C5 and the criterio excluyente to the evaluator", () => {
    expect(["M8", "N8", "O8"].map((a) => at(after, a))).toEqual([2, 1, 1]);
    expect(["P8", "Q8", "R8"].map((a) => at(after, a))).toEqual([null, null, null]);
    expect(["M11", "N11", "O11"].map((a) => at(after, a))).toEqual([null, null, null]);
  });

  it("writes Puntaje, Calificación and Decisión as live formulas reading the weights from Parámetros", () => {
    const score = formula(after, "S8") ?? "";
    expect(score).toContain("COUNT(");
    for (let i = 1; i <= 5; i++) expect(score).toContain(`INDEX(tblPesosEvaluacion[Peso],${i})`);
    expect(score).toContain("[@[C4 Comunicación y trazabilidad]]");
    // Native functions only, so the rating computes without the add-in (Excel, Excel on the web, LibreOffice).
    expect(formula(after, "T8")).toContain('IF([@Puntaje]>=INDEX(tblBandasCalificacion[Puntaje mínimo],1),"Excelente"');
    expect(formula(after, "T8")).not.toContain("ADUANA");
    expect(formula(after, "U8")).toContain("tblBandasCalificacion[Decisión]");
    expect([at(after, "S8"), at(after, "T8"), at(after, "U8")]).toEqual(["", "Pendiente", ""]);
    expect([at(after, "S11"), at(after, "T11")]).toEqual(["", "Sin operaciones"]);
  });

  it("restricts C4 and C5 to whole numbers 1–5 and the criterio excluyente to Sí/No", () => {
    const validations = first.steps.filter(
      (s): s is ListValidationStep | WholeNumberValidationStep => s.kind === "listValidation" || s.kind === "wholeNumberValidation",
    );
    const allowed = (v: ListValidationStep | WholeNumberValidationStep) =>
      v.kind === "wholeNumberValidation" ? { min: v.min, max: v.max } : "values" in v.source ? v.source.values : null;
    expect(validations.map((v) => [v.area, allowed(v)])).toEqual([
      [{ row: 7, col: 15, rowCount: 4, colCount: 1 }, { min: 1, max: 5 }],
      [{ row: 7, col: 16, rowCount: 4, colCount: 1 }, { min: 1, max: 5 }],
      [{ row: 7, col: 17, rowCount: 4, colCount: 1 }, ["Sí", "No"]],
    ]);
  });

  it("ends with the signature block, the chart of % cumplimiento and the sheet selected", () => {
    expect(["A14", "A15", "A16", "A17", "A18", "A19", "A20", "A21", "A22"].map((a) => at(after, a))).toEqual([
      "Evaluado por", "Nombre", "Firma", "Fecha", null, "Aprobado por — Gerente General", "Nombre", "Firma", "Fecha",
    ]);
    const chart = first.steps.find((s): s is ChartStep => s.kind === "chart");
    expect(chart?.categories).toEqual({ row: 7, col: 0, rowCount: 4, colCount: 1 });
    expect(chart?.values).toEqual({ row: 7, col: 6, rowCount: 4, colCount: 1 });
    expect(chart?.anchor.row).toBeGreaterThan(15);
    expect(first.steps.at(-1)).toMatchObject({ kind: "activate", sheet: SHEET });
  });

  it("plans nothing when generated again on the unchanged workbook", () => {
    expect(plan(after, LATER).steps).toEqual([]);
  });
});

describe("planEvaluation regenerating a year the evaluator worked on", () => {
  const typed = {
    P8: 4, Q8: 5, R9: "Sí", P10: 5, Q10: 5, R10: "No",
    V8: "Responde tarde los correos", W10: "Capacitar al equipo en el nuevo sistema",
    B15: "Ana Pérez (Coordinadora de Importaciones)", B17: serial(2026, 1, 20), B20: "Carlos Ruiz", B22: serial(2026, 1, 21),
  };
  const worked = type(generate(), typed);
  const kept = (snapshot: WorkbookSnapshot) =>
    Object.fromEntries(Object.keys(typed).map((address) => [address, at(snapshot, address)]));

  it("refreshes only stale formula results when nothing else changed, and never writes a typed cell", () => {
    const refresh = plan(worked, LATER);
    const written = addressesWritten(refresh);
    expect(written.every((a) => /^[STU]\d+$/.test(a))).toBe(true);
    expect(writesOf(refresh).every((c) => c.formula !== undefined)).toBe(true);
    const after = applyPlanToSnapshot(worked, refresh);
    expect(kept(after)).toEqual(typed);
    // (2×0.35 + 1×0.25 + 1×0.15 + 4×0.15 + 5×0.10) / 5 × 100 = 44; Andes: (1×0.35 + 5×0.25 + 5×0.15 + 5×0.15 + 5×0.1) × 20 = 72
    expect([at(after, "S8"), at(after, "T8")]).toEqual([44, "Deficiente"]);
    expect([at(after, "S9"), at(after, "T9"), at(after, "U9")]).toEqual([
      "", "Deficiente", "Suspender asignaciones; revisar terminación del contrato",
    ]);
    expect([at(after, "S10"), at(after, "T10"), at(after, "U10")]).toEqual([72, "Aceptable", "Plan de mejora; re-evaluación en 6 meses"]);
    expect(plan(after, LATER).steps).toEqual([]);
  });

  it("updates the measured columns of changed alliances and keeps every typed value", () => {
    const settled = applyPlanToSnapshot(worked, plan(worked, LATER));
    const newDo: OperationSpec = {
      do: "DO-16", type: "Importación", alliance: ANDES, opened: [2025, 11, 12], arrival: [2025, 11, 13],
      documents: [2025, 11, 13], release: [2025, 11, 25],
    };
    const changed = withEvaluationSheetOf(settled, { operations: [...OPERATIONS, newDo] });
    const refresh = plan(changed, LATER);
    const after = applyPlanToSnapshot(changed, refresh);
    expect(kept(after)).toEqual(typed);
    expect([at(after, "D10"), at(after, "E10"), at(after, "F10")]).toEqual([3, 3, 1]);
    expect(at(after, "B4")).toBe(LATER);
    expect(addressesWritten(refresh).some((a) => /^[A-C]?8$/.test(a))).toBe(false);
    expect(plan(after, LATER).steps).toEqual([]);
  });

  it("adds rows for new alliances below the others and moves the signature block down with what was typed", () => {
    const settled = applyPlanToSnapshot(worked, plan(worked, LATER));
    const newcomers = [alliance("Guajira Logística", { cities: ["Riohacha", "Maicao"] }), alliance("Puerto Norte")];
    const changed = withEvaluationSheetOf(settled, { alliances: [...ALLIANCES, ...newcomers] });
    const refresh = plan(changed, LATER);
    const after = applyPlanToSnapshot(changed, refresh);
    expect(["A12", "A13"].map((a) => at(after, a))).toEqual(["Guajira Logística", "Puerto Norte"]);
    expect(at(after, "T12")).toBe("Sin operaciones");
    expect(formula(after, "S12")).toBe(formula(after, "S8"));
    expect(sheetOf(after, SHEET).tables[0]?.area.rowCount).toBe(7);
    expect(["A16", "A17", "B17", "A19", "B19", "A21", "B22", "B24"].map((a) => at(after, a))).toEqual([
      "Evaluado por", "Nombre", typed.B15, "Fecha", typed.B17, "Aprobado por — Gerente General", typed.B20, typed.B22,
    ]);
    expect(["A14", "A15", "B15"].map((a) => at(after, a))).toEqual([null, null, null]);
    const setup = refresh.steps.find((s): s is PageSetupStep => s.kind === "pageSetup");
    expect(setup?.printArea).toEqual({ row: 0, col: 0, rowCount: 24, colCount: 23 });
    const chart = refresh.steps.find((s): s is ChartStep => s.kind === "chart");
    expect(chart?.categories).toEqual({ row: 7, col: 0, rowCount: 6, colCount: 1 });
    expect(refresh.notes.join(" ")).toContain("«Guajira Logística», «Puerto Norte»");
    expect(plan(after, LATER).steps).toEqual([]);
  });

  it("keeps the row of an alliance removed from tblAlianzas, marked, with what was typed in it", () => {
    const settled = applyPlanToSnapshot(worked, plan(worked, LATER));
    const changed = withEvaluationSheetOf(settled, { alliances: ALLIANCES.filter((a) => a.name !== ANDES) });
    const refresh = plan(changed, LATER);
    const after = applyPlanToSnapshot(changed, refresh);
    expect(at(after, "A10")).toBe(ANDES);
    expect(at(after, "C10")).toBe("Retirada de tblAlianzas");
    expect([at(after, "D10"), at(after, "W10"), at(after, "S10")]).toEqual([2, typed.W10, 72]);
    expect(sheetOf(after, SHEET).tables[0]?.area.rowCount).toBe(5);
    expect(addressesWritten(refresh)).toEqual(["C10"]);
    expect(refresh.notes.join(" ")).toMatch(/«Andes Sur» ya no está\(n\) en tblAlianzas/);
    expect(plan(after, LATER).steps).toEqual([]);
  });

  it("lets weights changed in Parámetros flow through the same live formulas", () => {
    const settled = applyPlanToSnapshot(worked, plan(worked, LATER));
    const scoreFormula = formula(settled, "S10");
    const changed = withEvaluationSheetOf(settled, { weights: [0.5, 0.2, 0.1, 0.1, 0.1] });
    const refresh = plan(changed, LATER);
    const after = applyPlanToSnapshot(changed, refresh);
    expect(formula(after, "S10")).toBe(scoreFormula);
    // Andes: (1×0.5 + 5×0.2 + 5×0.1 + 5×0.1 + 5×0.1) / 5 × 100 = 60; Caribe: (2×0.5 + 1×0.2 + 1×0.1 + 4×0.1 + 5×0.1) × 20 = 44
    expect([at(after, "S10"), at(after, "T10")]).toEqual([60, "Aceptable"]);
    expect(at(after, "S8")).toBe(44);
    expect(addressesWritten(refresh).every((a) => /^[STU]\d+$/.test(a))).toBe(true);
  });

  it("evaluates the workbook for --json exactly as the sheet shows it", () => {
    const settled = applyPlanToSnapshot(worked, plan(worked, LATER));
    const result = evaluateWorkbook(settled, YEAR);
    for (const [name, row] of Object.entries(ROW)) {
      const entry = result.alliances.find((a) => a.alliance === name);
      expect([entry?.score ?? "", entry?.rating ?? (entry?.operations === 0 ? "Sin operaciones" : "Pendiente")]).toEqual([
        at(settled, `S${row}`),
        at(settled, `T${row}`),
      ]);
    }
  });

  it("reads back what the evaluator typed", () => {
    const inputs = readEvaluationInputs(worked, YEAR);
    expect(inputs.get(CARIBE)).toEqual({ c4: 4, c5: 5, notes: typed.V8 });
    expect(inputs.get(FRONTERA)).toEqual({ excluding: true });
    expect(inputs.get(ANDES)).toEqual({ c4: 5, c5: 5, excluding: false, improvementPlan: typed.W10 });
    expect(readEvaluationInputs(worked, 2024).size).toBe(0);
  });

  it.each(["Si", "Sí "])("does not take a Criterio excluyente typed «%s» as Sí, as the sheet's Calificación does not", (text) => {
    const edited = type(worked, { R9: text });
    expect(readEvaluationInputs(edited, YEAR).get(FRONTERA)?.excluding).toBeUndefined();
    const frontera = evaluateWorkbook(edited, YEAR).alliances.find((a) => a.alliance === FRONTERA);
    // Frontera has C1–C3 but no C4/C5: pending, not Deficiente, until Sí is typed as in the list.
    expect(frontera?.rating).toBeNull();
    expect(evaluateWorkbook(worked, YEAR).alliances.find((a) => a.alliance === FRONTERA)?.rating).toBe("Deficiente");
  });

  it("refuses to grow the table over cells the user wrote under it, and says where", () => {
    const settled = applyPlanToSnapshot(worked, plan(worked, LATER));
    const scribbled = type(settled, { D12: "revisar con gerencia" });
    const changed = withEvaluationSheetOf(scribbled, { alliances: [...ALLIANCES, alliance("Puerto Norte")] });
    const refresh = plan(changed, LATER);
    expect(refresh.steps.some((s) => s.kind === "appendTableRows")).toBe(false);
    expect(refresh.notes.join(" ")).toMatch(/No se agregaron «Puerto Norte»: la celda D12/);
  });
});

describe("planEvaluation with Parámetros the user changed", () => {
  it("uses the default weights as constants, and says so, when tblPesosEvaluacion is missing", () => {
    const workbook = evaluationWorkbook({ weights: null });
    const first = plan(workbook);
    const after = applyPlanToSnapshot(workbook, first);
    expect(formula(after, "S8")).toContain("*0.35+");
    expect(first.notes.join(" ")).toMatch(/No se encontró la tabla tblPesosEvaluacion/);
  });

  it("rates with the bands of tblBandasCalificacion when they differ from the procedure's", () => {
    const workbook = evaluationWorkbook({ bandMinimums: [85, 70, 50, 0] });
    const after = type(applyPlanToSnapshot(workbook, plan(workbook)), { P10: 5, Q10: 5 });
    const refreshed = applyPlanToSnapshot(after, plan(after, LATER));
    expect(formula(refreshed, "T10")).toContain("INDEX(tblBandasCalificacion[Puntaje mínimo],2)");
    expect(formula(refreshed, "T10")).not.toContain("ADUANA.CALIFICACION");
    expect([at(refreshed, "S10"), at(refreshed, "T10"), at(refreshed, "U10")]).toEqual([72, "Bueno", "Mantener con seguimiento"]);
  });

  it("leaves a sheet of that name without its table alone, and explains", () => {
    const workbook = evaluationWorkbook({ extraSheets: [{ name: SHEET, rows: [["Notas del gerente"]] }] });
    const result = plan(workbook);
    expect(result.steps).toEqual([]);
    expect(result.notes.join(" ")).toMatch(/no tiene la tabla tblEvaluacion2025/);
  });
});

describe("lastCompleteYear", () => {
  it.each([
    [serial(2026, 1, 1), 2025],
    [serial(2025, 12, 31, 23), 2024],
  ])("evaluates the year before the one of %p", (today, year) => {
    expect(lastCompleteYear(today)).toBe(year);
  });
});
