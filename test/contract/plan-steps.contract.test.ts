/**
 * One contract for every Plan step kind: the Office.js adapter on the fake Excel, the ExcelJS adapter (through a
 * saved and reloaded .xlsx) and the domain's simulator start from the same snapshot and must end in the same one.
 * Every kind in PLAN_STEP_KINDS needs a case here: a new kind without one fails the suite (and the type check).
 */
import ExcelJS from "exceljs";
import type { Plan, PlanStep } from "../../src/domain/workbook/plan";
import { PLAN_STEP_KINDS } from "../../src/domain/workbook/plan";
import type { CellValue, GridArea, SheetSnapshot, WorkbookSnapshot } from "../../src/domain/workbook/snapshot";
import { canonicalFormula } from "../../src/domain/workbook/formula-text";
import { planPreparation } from "../../src/domain/workbook/plan-preparation";
import { planAppendNonconformity } from "../../src/domain/workbook/nonconformity-register";
import { planLegacyCuadro, planSampleData } from "../../src/sample";
import { planEvaluation } from "../../src/domain/evaluation";
import { BACKUP_PREFIX } from "../../src/domain/workbook/table-location";
import { planTableAppend, type AppendedCell } from "../../src/domain/workbook/table-append";
import { applyPlan as applyOfficePlan } from "../../src/excel/apply-plan";
import { readSnapshot as readOfficeSnapshot } from "../../src/excel/read-snapshot";
import { applyPlan as applyFilePlan } from "../../src/xlsx/apply-plan";
import { readSnapshot as readFileSnapshot } from "../../src/xlsx/read-snapshot";
import { applyPlanToSnapshot } from "../helpers/plan-simulator";
import { fakeContext, installFakeExcel } from "../support/fake-excel/fake-excel";
import { FakeWorkbook } from "../support/fake-excel/fake-workbook";

const CALC = "=YEAR([@Fecha])";

/** The starting workbook, built by each adapter from the same steps: a table with a blank bottom row, a name, a parameter sheet. */
const BUILD: Plan = {
  notes: [],
  steps: [
    { kind: "addSheet", sheet: "Datos" },
    { kind: "addSheet", sheet: "Parámetros" },
    {
      kind: "writeCells",
      sheet: "Datos",
      cells: [
        ...["Nº", "Fecha", "Descripción", "Año"].map((value, col) => ({ row: 0, col, value, expected: null })),
        { row: 1, col: 0, value: "NC-1", expected: null },
        { row: 1, col: 1, value: 46000, expected: null },
        { row: 1, col: 2, value: "uno", expected: null },
        { row: 2, col: 0, value: "NC-2", expected: null },
        { row: 2, col: 1, value: 46010, expected: null },
        { row: 2, col: 2, value: "dos", expected: null },
        { row: 6, col: 0, value: "Firma", expected: null },
      ],
    },
    { kind: "fillColumn", sheet: "Datos", col: 3, firstRow: 1, rowCount: 3, formula: CALC, expected: [null, null, null] },
    { kind: "createTable", sheet: "Datos", table: "tblNC", area: { row: 0, col: 0, rowCount: 4, colCount: 4 }, style: "TableStyleMedium2" },
    {
      kind: "writeCells",
      sheet: "Parámetros",
      cells: [
        { row: 0, col: 0, value: "Nombre", expected: null },
        { row: 0, col: 1, value: "Valor", expected: null },
        { row: 1, col: 0, value: "Hoy", expected: null },
        { row: 1, col: 1, value: 46100, expected: null },
      ],
    },
    { kind: "defineName", name: "ADUANA_HOY", reference: "='Parámetros'!$B$2" },
    // A table whose last row holds only a formula someone typed: not a blank row to reuse.
    { kind: "addSheet", sheet: "Config" },
    {
      kind: "writeCells",
      sheet: "Config",
      cells: [
        { row: 0, col: 0, value: "Nombre", expected: null },
        { row: 0, col: 1, value: "Valor", expected: null },
        { row: 1, col: 0, value: "Inicio", expected: null },
        { row: 1, col: 1, value: 46000, expected: null },
        { row: 2, col: 1, formula: "=TODAY()", result: 46100, expected: null },
      ],
    },
    { kind: "createTable", sheet: "Config", table: "tblConfig", area: { row: 0, col: 0, rowCount: 3, colCount: 2 }, style: "TableStyleLight9" },
  ],
};

const body = (col: number, rowCount = 3): GridArea => ({ row: 1, col, rowCount, colCount: 1 });

/** The steps of each case, planned from the starting snapshot. */
const CASES: Record<PlanStep["kind"], (start: WorkbookSnapshot) => PlanStep[]> = {
  // A copy with its table: table names are unique, so the copy's table is renamed.
  copySheet: () => [{ kind: "copySheet", sheet: "Datos", copyName: "Copia Datos" }],
  addSheet: () => [{ kind: "addSheet", sheet: "Nueva", position: 0 }],
  writeCells: (start) => [
    {
      kind: "writeCells",
      sheet: "Datos",
      cells: [
        { row: 1, col: 2, value: "0012", expected: contentAt(start, "Datos", 1, 2) },
        { row: 2, col: 2, value: null, expected: contentAt(start, "Datos", 2, 2) },
        { row: 9, col: 5, formula: "=1+1", result: 2, expected: null },
        { row: 10, col: 5, value: 46023.5, expected: null },
      ],
    },
  ],
  fillColumn: (start) => [
    { kind: "fillColumn", sheet: "Datos", col: 3, firstRow: 1, rowCount: 3, formula: "=MONTH([@Fecha])", expected: [1, 2, 3].map((r) => contentAt(start, "Datos", r, 3)) },
  ],
  createTable: () => [
    {
      kind: "writeCells",
      sheet: "Parámetros",
      cells: [
        { row: 0, col: 3, value: "Fecha", expected: null },
        { row: 0, col: 4, value: "Motivo", expected: null },
        { row: 1, col: 3, value: 46200, expected: null },
        { row: 1, col: 4, value: "Día cívico", expected: null },
      ],
    },
    { kind: "createTable", sheet: "Parámetros", table: "tblFestivos", area: { row: 0, col: 3, rowCount: 2, colCount: 2 }, style: "TableStyleLight9" },
  ],
  resizeTable: () => [
    { kind: "writeCells", sheet: "Datos", cells: [{ row: 0, col: 4, value: "Responsable", expected: null }] },
    { kind: "resizeTable", sheet: "Datos", table: "tblNC", area: { row: 0, col: 0, rowCount: 4, colCount: 5 } },
  ],
  renameTable: () => [{ kind: "renameTable", sheet: "Datos", table: "tblNC", newName: "tblNoConformidades" }],
  appendTableRows: (start) => [
    // The blank bottom row (only the calculated column) is reused, then the table grows by one row above "Firma".
    appendTo(start, "Datos", [["NC-3", 46020, "tres", null], ["NC-4", 46030, "cuatro", null]]),
    // The row holding only =TODAY() is kept: the new row goes under it.
    appendTo(start, "Config", [["Hoy", { formula: "=TODAY()", result: 46100 }]]),
  ],
  numberFormat: () => [{ kind: "numberFormat", sheet: "Datos", area: body(1), format: "dd/mm/yyyy" }],
  listValidation: () => [
    { kind: "listValidation", sheet: "Datos", area: body(2), source: { values: ["uno", "dos", "tres"] }, errorMessage: "Elija de la lista." },
  ],
  wholeNumberValidation: () => [
    { kind: "listValidation", sheet: "Datos", area: body(0), source: { values: ["NC-1", "NC-2"] }, errorMessage: "Elija de la lista." },
    { kind: "wholeNumberValidation", sheet: "Datos", area: body(0), min: 1, max: 5, errorMessage: "Escriba un entero de 1 a 5." },
  ],
  conditionalFormat: () => [
    { kind: "conditionalFormat", sheet: "Datos", area: { row: 1, col: 0, rowCount: 3, colCount: 4 }, formula: "=$D2<2000", fill: "#FFC7CE", fontColor: "#9C0006" },
  ],
  freezeRows: () => [{ kind: "freezeRows", sheet: "Datos", rows: 1 }],
  columnWidth: () => [{ kind: "columnWidth", sheet: "Datos", col: 2, width: 30 }],
  defineName: () => [
    { kind: "defineName", name: "ADUANA_HOY", reference: "='Parámetros'!$B$3" },
    { kind: "defineName", name: "OTRO_NOMBRE", reference: "='Datos'!$A$2" },
  ],
  chart: () => [
    { kind: "chart", sheet: "Datos", name: "grafNC", title: "NC por fecha", categories: body(0, 2), values: body(1, 2), anchor: { row: 10, col: 0 } },
  ],
  cellStyle: () => [
    { kind: "cellStyle", sheet: "Datos", area: { row: 6, col: 0, rowCount: 1, colCount: 3 }, style: { bold: true, bottomBorder: "thin", rowHeight: 30 } },
    { kind: "cellStyle", sheet: "Datos", area: { row: 8, col: 0, rowCount: 1, colCount: 3 }, style: { merge: true, wrap: true } },
  ],
  pageSetup: () => [
    {
      kind: "pageSetup",
      sheet: "Datos",
      orientation: "landscape",
      paperSize: "legal",
      fitTo: { wide: 1, tall: 0 },
      printTitleRows: { first: 0, last: 0 },
      printArea: { row: 0, col: 0, rowCount: 7, colCount: 4 },
      header: { center: "Registro" },
      footer: { center: "Página &P de &N" },
      margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  ],
  activate: () => [{ kind: "activate", sheet: "Parámetros", cell: { row: 1, col: 1 } }],
};

function appendTo(start: WorkbookSnapshot, sheetName: string, rows: AppendedCell[][]): PlanStep {
  const sheet = sheetNamed(start, sheetName);
  const table = sheet.tables[0];
  if (!table) throw new Error(`sin tabla en ${sheetName}`);
  const placed = planTableAppend({ sheet, table: table.name, area: table.area, rows });
  if (!placed.step) throw new Error(`bloqueado en ${placed.blocker}`);
  return placed.step;
}

function sheetNamed(snapshot: WorkbookSnapshot, name: string): SheetSnapshot {
  const sheet = snapshot.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`sin hoja ${name}`);
  return sheet;
}

function contentAt(snapshot: WorkbookSnapshot, sheetName: string, row: number, col: number): CellValue {
  const sheet = sheetNamed(snapshot, sheetName);
  const r = row - sheet.area.row;
  const c = col - sheet.area.col;
  return sheet.formulas[r]?.[c] ?? sheet.values[r]?.[c] ?? null;
}

/**
 * What the contract compares: per sheet in tab order, each non-empty cell's content (its formula, else its value:
 * only Excel computes results), the tables with their columns' formats and lists, frozen rows; and the names.
 */
function observable(snapshot: WorkbookSnapshot) {
  return {
    sheets: [...snapshot.sheets]
      .sort((a, b) => a.position - b.position)
      .map((sheet) => {
        const cells: Record<string, CellValue> = {};
        // The Office.js read leaves the contents of "Respaldo …" copies unread on purpose (the domain never reads them).
        const read = !sheet.name.startsWith(BACKUP_PREFIX);
        sheet.values.forEach((row, r) =>
          row.forEach((value, c) => {
            const formula = sheet.formulas[r]?.[c] ?? null;
            // Excel hands a formula back in its own spelling ([@Tipo] for [@[Tipo]]): compared as the domain compares them.
            // Numbers as Excel keeps them, to 15 significant digits (a file round trip may move the 17th).
            const content = formula !== null ? `=${canonicalFormula(formula)}` : typeof value === "number" ? Number(value.toPrecision(15)) : value;
            if (read && content !== null && content !== "") cells[`${sheet.area.row + r},${sheet.area.col + c}`] = content;
          }),
        );
        const tables = sheet.tables.map((t) => ({
          name: t.name,
          area: t.area,
          columns: t.columns,
          conditionalFormulas: [...t.conditionalFormulas].sort(),
        }));
        return { name: sheet.name, cells, tables, frozenRows: sheet.frozenRows };
      }),
    // The same reference, spelled with or without the optional quotes around a one-word sheet name.
    names: Object.fromEntries(Object.entries(snapshot.names).map(([k, v]) => [k, v.replace(/^=/, "").replace(/^'([^'\s!]+)'!/, "$1!")])),
  };
}

async function officeRun(steps: PlanStep[] | null) {
  const book = new FakeWorkbook();
  installFakeExcel(book);
  // The fake implements the members of Excel.RequestContext the adapter uses.
  const context = fakeContext(book) as unknown as Excel.RequestContext;
  await applyOfficePlan(context, BUILD);
  const start = await readOfficeSnapshot(context);
  if (!steps) return { start, end: start };
  const report = await applyOfficePlan(context, { notes: [], steps }, start);
  expect(report.conflicts).toEqual([]);
  expect(report.skipped).toEqual([]);
  return { start, end: await readOfficeSnapshot(context) };
}

async function fileRun(steps: PlanStep[] | null): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  applyFilePlan(wb, BUILD);
  if (steps) applyFilePlan(wb, { notes: [], steps });
  // Through the file, as a coordinator would open it.
  const reloaded = new ExcelJS.Workbook();
  await reloaded.xlsx.load(await wb.xlsx.writeBuffer());
  return readFileSnapshot(reloaded);
}

// Formats and print settings are not in a snapshot either: test/xlsx/evaluation-print.test.ts reads them back from the file.
const UNSEEN = new Set<PlanStep["kind"]>(["chart", "columnWidth", "activate", "cellStyle", "pageSetup"]);

/**
 * Whole user actions in a row: each plan is made from the Office.js snapshot of the moment and carried out by the
 * three; the simulator follows from that same snapshot. Returns the three final observables.
 */
async function flow(build: Plan, planners: ((snapshot: WorkbookSnapshot) => Plan)[]) {
  const book = new FakeWorkbook();
  installFakeExcel(book);
  // The fake implements the members of Excel.RequestContext the adapter uses.
  const context = fakeContext(book) as unknown as Excel.RequestContext;
  await applyOfficePlan(context, build);
  let wb = new ExcelJS.Workbook();
  applyFilePlan(wb, build);
  let simulated = await readOfficeSnapshot(context);
  for (const planner of planners) {
    const snapshot = await readOfficeSnapshot(context);
    const plan = planner(snapshot);
    expect(plan.steps.length).toBeGreaterThan(0);
    const report = await applyOfficePlan(context, plan, snapshot);
    expect(report.conflicts).toEqual([]);
    applyFilePlan(wb, plan);
    const reloaded = new ExcelJS.Workbook();
    await reloaded.xlsx.load(await wb.xlsx.writeBuffer());
    wb = reloaded;
    simulated = applyPlanToSnapshot(snapshot, plan);
  }
  return { office: observable(await readOfficeSnapshot(context)), file: observable(readFileSnapshot(wb)), simulated: observable(simulated) };
}

describe("whole actions give the same workbook in Office.js, ExcelJS and the simulator", () => {
  const TODAY = 46100;
  it("Preparar on a coordinator's legacy cuadro", async () => {
    const result = await flow(planLegacyCuadro({ today: TODAY, seed: 7, count: 40 }), [(s) => planPreparation(s, { today: TODAY })]);
    expect(result.file).toEqual(result.office);
    expect(result.simulated).toEqual(result.office);
  });

  it("Preparar on a workbook whose operations table is «Tabla1»", async () => {
    const headers = ["DO", "Tipo", "Cliente", "Aliado", "Fecha llegada mercancía", "Fecha levante / autorización"];
    const build: Plan = {
      notes: [],
      steps: [
        { kind: "addSheet", sheet: "Mis DO" },
        {
          kind: "writeCells",
          sheet: "Mis DO",
          cells: [
            ...headers.map((value, col) => ({ row: 0, col, value, expected: null })),
            ...["DO-1", "Importación", "Textiles SAS", "Agencia Caribe", 46001.5, 46006.75].map((value, col) => ({ row: 1, col, value, expected: null })),
          ],
        },
        { kind: "createTable", sheet: "Mis DO", table: "Tabla1", area: { row: 0, col: 0, rowCount: 2, colCount: headers.length }, style: "TableStyleMedium2" },
      ],
    };
    const result = await flow(build, [(s) => planPreparation(s, { today: TODAY })]);
    expect(result.file).toEqual(result.office);
    expect(result.simulated).toEqual(result.office);
    expect(result.office.sheets.find((s) => s.name === "Mis DO")?.tables.map((t) => t.name)).toEqual(["tblOperaciones"]);
  });

  it("Preparar, sample data, the evaluation, a new alliance, and the evaluation again", async () => {
    const addAlliance = (s: WorkbookSnapshot): Plan => {
      const sheet = s.sheets.find((x) => x.tables.some((t) => t.name === "tblAlianzas"));
      const table = sheet?.tables.find((t) => t.name === "tblAlianzas");
      if (!sheet || !table) throw new Error("sin tblAlianzas");
      const row = table.columns.map((c) => (c.header === "Aliado" ? "Aliado Nuevo SAS" : c.header === "Estado" ? "Activo" : null));
      const placed = planTableAppend({ sheet, table: table.name, area: table.area, rows: [row] });
      if (!placed.step) throw new Error(`bloqueado en ${placed.blocker}`);
      return { notes: [], steps: [placed.step] };
    };
    const result = await flow({ notes: [], steps: [{ kind: "addSheet", sheet: "Hoja1" }] }, [
      (s) => planPreparation(s, { today: TODAY }),
      (s) => planSampleData(s, { today: TODAY, seed: 5, operationCount: 60 }),
      (s) => planEvaluation(s, { year: 2025, today: TODAY }),
      addAlliance,
      (s) => planEvaluation(s, { year: 2025, today: TODAY }),
    ]);
    const evaluation = result.office.sheets.find((x) => x.name === "Evaluación 2025");
    expect(Object.values(evaluation?.cells ?? {})).toContain("Aliado Nuevo SAS");
    expect(result.file).toEqual(result.office);
    expect(result.simulated).toEqual(result.office);
  });

  it("Preparar, sample data, then a non-conformity registered", async () => {
    const result = await flow({ notes: [], steps: [{ kind: "addSheet", sheet: "Hoja1" }] }, [
      (s) => planPreparation(s, { today: TODAY }),
      (s) => planSampleData(s, { today: TODAY, seed: 3, operationCount: 60 }),
      (s) => planAppendNonconformity(s, { date: TODAY, type: "Incumplimiento ANS", description: "Levante tardío", severity: "Mayor" }, { today: TODAY }),
    ]);
    expect(result.file).toEqual(result.office);
    expect(result.simulated).toEqual(result.office);
  });
});

describe("every Plan step kind has the same effect in Office.js, ExcelJS and the simulator", () => {
  it("has a case for every step kind", () => {
    expect(Object.keys(CASES).sort()).toEqual([...PLAN_STEP_KINDS].sort());
  });

  it("starts from the same snapshot in the three", async () => {
    const { start } = await officeRun(null);
    expect(observable(await fileRun(null))).toEqual(observable(start));
  });

  it.each([...PLAN_STEP_KINDS])("%s", async (kind) => {
    const { start } = await officeRun(null);
    const steps = CASES[kind](start);
    // A snapshot records list validations only: a whole-number rule shows as the list it replaced being gone.
    const listOnly = applyPlanToSnapshot(start, { notes: [], steps: steps.filter((s) => s.kind === "listValidation") });
    expect(steps.map((s) => s.kind)).toContain(kind);
    const office = observable((await officeRun(steps)).end);
    const file = observable(await fileRun(steps));
    const simulated = observable(applyPlanToSnapshot(start, { notes: [], steps }));
    expect(file).toEqual(office);
    expect(simulated).toEqual(office);
    // Charts, widths and the selection are not in a snapshot; every other kind must show its effect.
    if (!UNSEEN.has(kind)) expect(office).not.toEqual(observable(kind === "wholeNumberValidation" ? listOnly : start));
  });

  it("gives the same workbook for a whole Preparar, planned from the same snapshot", async () => {
    const { start } = await officeRun(null);
    const steps = planPreparation(start, { today: 46100 }).steps;
    expect(steps.length).toBeGreaterThan(20);
    const office = observable((await officeRun(steps)).end);
    expect(observable(await fileRun(steps))).toEqual(office);
    expect(observable(applyPlanToSnapshot(start, { notes: [], steps }))).toEqual(office);
  });

  it("places appended rows in the reused blank row and right under the table, leaving what is below in place", async () => {
    const { start } = await officeRun(null);
    const { end } = await officeRun(CASES.appendTableRows(start));
    const datos = observable(end).sheets.find((s) => s.name === "Datos");
    expect([datos?.cells["3,0"], datos?.cells["4,0"], datos?.cells["4,3"], datos?.cells["6,0"]]).toEqual(["NC-3", "NC-4", `=${canonicalFormula(CALC)}`, "Firma"]);
    expect(datos?.tables[0]?.area).toEqual({ row: 0, col: 0, rowCount: 5, colCount: 4 });
    const config = observable(end).sheets.find((s) => s.name === "Config");
    expect([config?.cells["2,1"], config?.cells["3,0"], config?.cells["3,1"]]).toEqual(["=TODAY()", "Hoy", "=TODAY()"]);
  });
});
