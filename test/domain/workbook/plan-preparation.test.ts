import { planPreparation, readWorkbookModel, OPERATION_FORMULAS } from "../../../src/domain/workbook";
import type { Plan } from "../../../src/domain/workbook/plan";
import type { WorkbookSnapshot } from "../../../src/domain/workbook/snapshot";
import { applyPlanToSnapshot } from "../../helpers/plan-simulator";
import type { SimulationLog } from "../../helpers/plan-simulator";
import { buildSnapshot, cellAt, formulaAt, serial, sheetOf } from "../../helpers/snapshot-builder";

const today = serial(2026, 3, 20);

function prepare(snapshot: WorkbookSnapshot): { plan: Plan; after: WorkbookSnapshot; log: SimulationLog } {
  const plan = planPreparation(snapshot, { today });
  const log: SimulationLog = { copies: [], writes: [] };
  const after = applyPlanToSnapshot(snapshot, plan, log);
  return { plan, after, log };
}

/** Every non-empty cell below `fromRow` keeps its value at the same address. */
function expectDataKept(before: WorkbookSnapshot, after: WorkbookSnapshot, sheetName: string, fromRow: number): void {
  const sheetBefore = sheetOf(before, sheetName);
  const sheetAfter = sheetOf(after, sheetName);
  sheetBefore.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const at = { row: sheetBefore.area.row + r, col: sheetBefore.area.col + c };
      if (at.row < fromRow || value === null) return;
      expect(sheetAfter.values[at.row - sheetAfter.area.row]?.[at.col - sheetAfter.area.col]).toEqual(value);
    }),
  );
}

const LEGACY_ROWS = [
  ["CUADRO DE CONTROL DE PROCESOS — ALIANZAS"],
  ["Importaciones y exportaciones 2026"],
  [],
  ["No. DO", "Cliente", "Aduana", "Alianza", "F. apertura", "Fecha llegada", "Docs completos", "Fecha DIM", "F. levante", "Tiempo de servicio", "Contenedor", "Observaciones"],
  ["DO-1001", "Textiles Andinos SAS", "Cartagena", "Agencia Caribe", serial(2026, 3, 2), serial(2026, 3, 3, 9), serial(2026, 3, 4, 10), serial(2026, 3, 5, 8), serial(2026, 3, 9, 15), 3, "MSCU1234567", "sin novedad"],
  [],
  ["DO-1002", "Café del Valle", "Cúcuta", "Frontera Logística", serial(2026, 3, 10), null, serial(2026, 3, 11, 8), null, null, null, null, null],
  ["DO-1003", "Café del Valle", "Barranquilla", "Agencia Caribe", "15/03/2026", null, null, null, null, 5, "TGHU7654321", null],
];

describe("planPreparation", () => {
  it("creates the four sheets and their tables in an empty workbook", () => {
    const before = buildSnapshot([{ name: "Hoja1" }]);
    const { plan, after } = prepare(before);
    expect(plan.steps.map((s) => s.kind)).toContain("createTable");
    expect(after.sheets.map((s) => s.name)).toEqual(["Hoja1", "Operaciones", "Alianzas", "No Conformidades", "Parámetros"]);
    expect(cellAt(after, "Operaciones", "A1")).toBe("DO");
    expect(cellAt(after, "Operaciones", "U1")).toBe("Observaciones");
    expect(formulaAt(after, "Operaciones", "R2")).toBe(OPERATION_FORMULAS.serviceTime);
    expect(after.names.ADUANA_HOY).toBe("='Parámetros'!$B$2");
    expect(formulaAt(after, "Parámetros", "B2")).toBe("=DATE(2026,3,20)");
    expect(plan.steps).toContainEqual({ kind: "numberFormat", sheet: "Parámetros", area: { row: 1, col: 1, rowCount: 1, colCount: 1 }, format: '"Estado al "dd/mm/yyyy' });
    expect(cellAt(after, "Parámetros", "B2")).toBe(today);
    expect(planPreparation(after, { today }).steps).toEqual([]);
  });

  it("converts a legacy range under title rows in place, keeping every value, and is idempotent", () => {
    const before = buildSnapshot([{ name: "Cuadro de control", rows: LEGACY_ROWS }]);
    const { plan, after, log } = prepare(before);
    expect(log.copies).toEqual(["Respaldo Cuadro de control"]);
    expect(plan.steps[0]).toMatchObject({ kind: "copySheet", sheet: "Cuadro de control" });
    expectDataKept(before, after, "Cuadro de control", 4);
    expect(cellAt(after, "Cuadro de control", "A1")).toBe("CUADRO DE CONTROL DE PROCESOS — ALIANZAS");
    expect(cellAt(after, "Cuadro de control", "A4")).toBe("DO");
    expect(cellAt(after, "Cuadro de control", "C4")).toBe("Ciudad");
    expect(cellAt(after, "Cuadro de control", "J4")).toBe("Tiempo de servicio (original)");
    expect(cellAt(after, "Cuadro de control", "K4")).toBe("Contenedor");
    const table = sheetOf(after, "Cuadro de control").tables[0];
    expect(table?.name).toBe("tblOperaciones");
    expect(table?.area).toMatchObject({ row: 3, col: 0, rowCount: 5 });
    expect(plan.notes.join("\n")).toContain("Encabezado «No. DO» → «DO»");
    expect(planPreparation(after, { today }).steps).toEqual([]);
    const model = readWorkbookModel(after);
    expect(model.operations.map((op) => op.do)).toEqual(["DO-1001", "DO-1002", "DO-1003"]);
  });
});

describe("planPreparation on workbooks coordinators already have", () => {
  it("completes an existing tblOperaciones: exact headers, missing columns at the right, a backup first", () => {
    const before = buildSnapshot([
      {
        name: "Operaciones",
        tables: [
          {
            name: "tblOperaciones",
            at: "A1",
            rows: [
              ["DO", "Tipo", "Referencia", "Alianza", "Fecha apertura DO"],
              ["DO-1", "Importación", "x", "Agencia Caribe", serial(2026, 3, 2)],
            ],
          },
        ],
      },
    ]);
    const { plan, after, log } = prepare(before);
    expect(log.copies).toEqual(["Respaldo Operaciones"]);
    expect(plan.steps).toContainEqual(expect.objectContaining({ kind: "resizeTable", table: "tblOperaciones" }));
    expect(cellAt(after, "Operaciones", "C1")).toBe("Referencia");
    expect(cellAt(after, "Operaciones", "D1")).toBe("Aliado");
    expect(cellAt(after, "Operaciones", "F1")).toBe("Cliente");
    expectDataKept(before, after, "Operaciones", 1);
    expect(planPreparation(after, { today }).steps).toEqual([]);
  });

  it("renames a recognised table of another name instead of creating a second one", () => {
    const before = buildSnapshot([
      {
        name: "DOs 2025",
        tables: [{ name: "Tabla1", at: "B2", rows: [["DO", "Cliente", "Ciudad", "Aliado"], ["DO-1", "C", "Cartagena", "A"]] }],
      },
    ]);
    const { plan, after } = prepare(before);
    expect(plan.steps).toContainEqual({ kind: "renameTable", sheet: "DOs 2025", table: "Tabla1", newName: "tblOperaciones" });
    expect(sheetOf(after, "DOs 2025").tables[0]?.name).toBe("tblOperaciones");
    expect(after.sheets.some((s) => s.name === "Operaciones")).toBe(false);
    expect(planPreparation(after, { today }).steps).toEqual([]);
  });

  it("keeps blank rows, data under a blank header and extra columns inside the new table", () => {
    const before = buildSnapshot([
      {
        name: "Operaciones",
        rows: [
          ["DO", "Cliente", "Ciudad", "Aliado", "", "Naviera"],
          ["DO-1", "C1", "Cartagena", "A", "nota sin encabezado", "MSC"],
          [],
          [],
          ["DO-2", "C2", "Cúcuta", "B", null, null, "más a la derecha"],
        ],
      },
    ]);
    const { after } = prepare(before);
    const table = sheetOf(after, "Operaciones").tables[0];
    expect(table?.area).toMatchObject({ row: 0, col: 0, rowCount: 5 });
    expect(cellAt(after, "Operaciones", "E1")).toBe("Columna E");
    expect(cellAt(after, "Operaciones", "G1")).toBe("Columna G");
    expect(cellAt(after, "Operaciones", "H1")).toBe("Tipo");
    expectDataKept(before, after, "Operaciones", 1);
    expect(readWorkbookModel(after).operations.map((op) => [op.row, op.do])).toEqual([[1, "DO-1"], [4, "DO-2"]]);
    expect(planPreparation(after, { today }).steps).toEqual([]);
  });

  it("keeps a typed Estado ANS column as «(original)» and adds the calculated one", () => {
    const before = buildSnapshot([
      { name: "Operaciones", rows: [["DO", "Cliente", "Aliado", "Estado ANS"], ["DO-1", "C", "A", "Cumple"], ["DO-2", "C", "A", "No cumple"]] },
    ]);
    const { plan, after } = prepare(before);
    expect(cellAt(after, "Operaciones", "D1")).toBe("Estado ANS (original)");
    expect(cellAt(after, "Operaciones", "D2")).toBe("Cumple");
    const headers = sheetOf(after, "Operaciones").tables[0]?.columns.map((c) => c.header) ?? [];
    expect(headers.filter((h) => h === "Estado ANS")).toHaveLength(1);
    expect(plan.notes.join("\n")).toContain("«Estado ANS (original)»");
    expect(planPreparation(after, { today }).steps).toEqual([]);
  });

  it("never overwrites a value typed in a calculated column, and says so", () => {
    const prepared = prepare(buildSnapshot([])).after;
    const sheet = sheetOf(prepared, "Operaciones");
    // A second row whose Tiempo servicio was typed by hand, under a table that already has the formula.
    const table = sheet.tables[0]!;
    table.area.rowCount = 3;
    sheet.area.rowCount = 3;
    sheet.values.push(["DO-9", ...new Array(16).fill(null), 7, null, null, null]);
    sheet.formulas.push(new Array(21).fill(null));
    const plan = planPreparation(prepared, { today });
    const fills = plan.steps.filter((s) => s.kind === "fillColumn");
    expect(fills.map((s) => (s.kind === "fillColumn" ? [s.col, s.firstRow] : null))).toEqual([[16, 2], [18, 2]]);
    expect(plan.notes.join("\n")).toContain("1 celda de «Tiempo servicio (días hábiles)» tiene un valor escrito a mano");
  });

  it("caches the service time and ANS state computed by the domain", () => {
    const before = buildSnapshot([
      {
        name: "Alianzas",
        rows: [
          ["Aliado", "NIT", "Ciudades", "Meta importación (días hábiles)", "Meta exportación (días hábiles)", "Sábado hábil"],
          ["Agencia Caribe", "800197268-4", "Cartagena", 3, 2, "No"],
        ],
      },
      { name: "Operaciones", rows: [...LEGACY_ROWS.slice(3, 5)].map((row, i) => (i === 0 ? [...row, "Tipo"] : [...row, "Importación"])) },
    ]);
    const { after } = prepare(before);
    // Documents complete Wed 04/03 10:00, levante Mon 09/03: Thu, Fri, Mon = 3 business days; meta 3.
    const headers = sheetOf(after, "Operaciones").tables[0]!.columns.map((c) => c.header);
    const valueOf = (header: string) => sheetOf(after, "Operaciones").values[1]?.[headers.indexOf(header)];
    expect(valueOf("Meta ANS (días hábiles)")).toBe(3);
    expect(valueOf("Tiempo servicio (días hábiles)")).toBe(3);
    expect(valueOf("Estado ANS")).toBe("Cumple");
  });

  it("puts the missing Hoy row in tblParametros' blank bottom row and points ADUANA_HOY at that row", () => {
    const before = buildSnapshot([
      {
        name: "Parámetros",
        tables: [{ name: "tblParametros", at: "A1", rows: [["Parámetro", "Valor"], ["Hora inicio jornada", 8], [null, null]] }],
      },
    ]);
    const { plan, after } = prepare(before);
    const append = plan.steps.find((s) => s.kind === "appendTableRows");
    expect(append).toMatchObject({ table: "tblParametros", newArea: { row: 0, col: 0, rowCount: 3, colCount: 2 } });
    expect(cellAt(after, "Parámetros", "A3")).toBe("Hoy");
    expect(formulaAt(after, "Parámetros", "B3")).toBe("=DATE(2026,3,20)");
    expect(after.names.ADUANA_HOY).toBe("='Parámetros'!$B$3");
    expect(planPreparation(after, { today }).steps).toEqual([]);
  });

  it("places missing parameter tables to the right of what Parámetros already holds", () => {
    const before = buildSnapshot([{ name: "Parámetros", rows: [["Notas del coordinador"], ["no borrar"]] }]);
    const { after } = prepare(before);
    const tables = sheetOf(after, "Parámetros").tables;
    expect(tables.map((t) => [t.name, t.area.col])).toEqual([
      ["tblParametros", 2],
      ["tblCiudades", 5],
      ["tblPesosEvaluacion", 8],
      ["tblBandasCalificacion", 11],
      ["tblFestivosExtra", 15],
    ]);
    expect(cellAt(after, "Parámetros", "A2")).toBe("no borrar");
    expect(after.names.ADUANA_HOY).toBe("='Parámetros'!$D$2");
    expect(planPreparation(after, { today }).steps).toEqual([]);
  });

  it("does not swallow data right of a table: it reports the columns it could not add", () => {
    const before = buildSnapshot([
      {
        name: "Operaciones",
        rows: [[null, null, null, null, "Mis notas"]],
        tables: [{ name: "tblOperaciones", at: "A1", rows: [["DO", "Cliente", "Ciudad", "Aliado"], ["DO-1", "C", "Cartagena", "A"]] }],
      },
    ]);
    const { plan, after } = prepare(before);
    expect(plan.steps.some((s) => s.kind === "resizeTable")).toBe(false);
    expect(plan.notes.join("\n")).toContain("hay datos a la derecha de la tabla");
    expect(cellAt(after, "Operaciones", "E1")).toBe("Mis notas");
  });

  it("names the backup so it does not clash with an earlier one", () => {
    const before = buildSnapshot([{ name: "Operaciones", rows: LEGACY_ROWS.slice(3) }, { name: "Respaldo Operaciones", rows: [["viejo"]] }]);
    const { log } = prepare(before);
    expect(log.copies).toEqual(["Respaldo Operaciones (2)"]);
  });

  it("recognises partner and non-conformity lists kept as plain ranges", () => {
    const before = buildSnapshot([
      { name: "Hoja1", rows: [["Listado de aliados"], ["Alianza", "NIT", "Cobertura", "Vencimiento"], ["Agencia Caribe", "800197268-4", "Cartagena", serial(2027, 1, 1)]] },
      { name: "Hoja2", rows: [["No.", "Fecha", "DO", "Detalle", "Estado"], ["NC-2026-001", serial(2026, 3, 1), "DO-1", "Demora", "Abierta"]] },
    ]);
    const { after } = prepare(before);
    expect(sheetOf(after, "Hoja1").tables[0]?.name).toBe("tblAlianzas");
    expect(sheetOf(after, "Hoja2").tables[0]?.name).toBe("tblNoConformidades");
    expect(readWorkbookModel(after).alliances[0]).toMatchObject({ name: "Agencia Caribe", cities: ["Cartagena"], contractEnd: serial(2027, 1, 1) });
    expect(planPreparation(after, { today }).steps).toEqual([]);
  });

  it("names the sheet where the partners' table really is in the list messages («Aliados», not «Alianzas»)", () => {
    const before = buildSnapshot([
      { name: "Cuadro", rows: LEGACY_ROWS },
      { name: "Aliados", rows: [["Alianza", "NIT", "Cobertura", "Vencimiento"], ["Agencia Caribe", "800197268-4", "Cartagena", serial(2027, 1, 1)]] },
    ]);
    const { plan } = prepare(before);
    const allianceLists = plan.steps.flatMap((step) =>
      step.kind === "listValidation" && "formula" in step.source && step.source.formula.includes("tblAlianzas") ? [step] : [],
    );
    // The operations' Aliado column and the non-conformities' Aliado column both list tblAlianzas.
    expect(allianceLists.map((step) => step.sheet).sort()).toEqual(["Cuadro", "No Conformidades"]);
    for (const step of allianceLists) {
      expect(step.errorMessage).toContain("(la hoja «Aliados»)");
      expect(step.errorMessage).not.toContain("«Alianzas»");
    }
  });
});
