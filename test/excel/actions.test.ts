import { serialFromYmd } from "../../src/domain/calendar";
import { OPERATION_HEADERS, SHEETS, TABLES } from "../../src/domain/workbook/headers";
import { createExcelActions } from "../../src/excel/actions";
import { installFakeExcel } from "../support/fake-excel/fake-excel";
import { FakeWorkbook } from "../support/fake-excel/fake-workbook";
import type { FakeSheet } from "../support/fake-excel/fake-workbook";

const TODAY = serialFromYmd(2026, 3, 16);

function emptyBook() {
  const book = new FakeWorkbook();
  book.addSheet("Hoja1");
  const excel = installFakeExcel(book);
  const actions = createExcelActions(() => TODAY);
  return { book, excel, actions };
}

/** "A", "B", … "AA" for a 0-based column. */
function a1Column(col: number): string {
  let out = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** Column of a header in the table's header row. */
function columnOf(sheet: FakeSheet, table: string, header: string): number {
  const t = sheet.tables.find((x) => x.name === table)!;
  for (let c = t.col; c < t.col + t.colCount; c += 1) if (sheet.content(t.row, c) === header) return c;
  throw new Error(`no header ${header}`);
}

describe("Excel actions against the fake workbook", () => {
  it("Preparar builds the four tables in one Excel.run, and a second run changes nothing", async () => {
    const { book, excel, actions } = emptyBook();
    const first = await actions.prepararCuadro();
    expect(excel.runs()).toBe(1);
    expect(first.notes.length).toBeGreaterThan(0);
    const tables = book.sheets.flatMap((s) => s.tables.map((t) => t.name));
    expect(tables).toEqual(expect.arrayContaining([TABLES.operations, TABLES.alliances, TABLES.nonconformities, TABLES.extraHolidays]));
    const ops = book.sheet(SHEETS.operations);
    expect(ops.content(0, columnOf(ops, TABLES.operations, OPERATION_HEADERS.do))).toBe("DO");
    expect(ops.frozenRows).toBe(1);

    const second = await actions.prepararCuadro();
    expect(second.cellsWritten).toBe(0);
    expect(second.conflicts).toEqual([]);
  });

  it("loads sample data into a prepared workbook, then validation finds the planted mistakes", async () => {
    const { book, actions } = emptyBook();
    await actions.prepararCuadro();
    const sample = await actions.cargarDatosEjemplo();
    expect(sample.cellsWritten).toBeGreaterThan(1000);
    const ops = book.sheet(SHEETS.operations);
    const table = ops.tables.find((t) => t.name === TABLES.operations)!;
    expect(table.rowCount).toBeGreaterThan(100);

    // Locate each planted mistake in the sheet itself, as a coordinator reading it would.
    const rows = Array.from({ length: table.rowCount - 1 }, (_, i) => table.row + 1 + i);
    const col = (header: string): number => columnOf(ops, TABLES.operations, header);
    const cellOf = (row: number, header: string): string => `${a1Column(col(header))}${row + 1}`;
    const rowWhere = (header: string, test: (value: unknown) => boolean): number => {
      const found = rows.filter((r) => test(ops.content(r, col(header))));
      expect(found).toHaveLength(1);
      return found[0]!;
    };
    const twice = rowWhere(OPERATION_HEADERS.notes, (v) => v === "Registrado dos veces");
    const withoutClient = rowWhere(OPERATION_HEADERS.client, (v) => v === "");
    const ownOffice = rowWhere(OPERATION_HEADERS.city, (v) => v === "Buenaventura");
    const unknownAlliance = rowWhere(OPERATION_HEADERS.alliance, (v) => v === "Aduanas del Pacífico S.A.S.");
    const textDate = rowWhere(OPERATION_HEADERS.documentsComplete, (v) => typeof v === "string" && /^\d{2}\/\d{2}\/\d{4}$/.test(v));
    const releaseFirst = rows.filter((r) => {
      const declaration = ops.content(r, col(OPERATION_HEADERS.declaration));
      const release = ops.content(r, col(OPERATION_HEADERS.release));
      return typeof declaration === "number" && typeof release === "number" && release < declaration;
    });
    expect(releaseFirst).toHaveLength(1);

    const report = await actions.validar();
    const found = report.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
    const at = (rule: string, row: number, header: string): string => `${rule} ${SHEETS.operations}!${cellOf(row, header)}`;
    expect(found).toEqual(
      expect.arrayContaining([
        at("do-duplicado", twice, OPERATION_HEADERS.do),
        at("campo-obligatorio", withoutClient, OPERATION_HEADERS.client),
        at("fuera-de-alcance", ownOffice, OPERATION_HEADERS.city),
        at("aliado-desconocido", unknownAlliance, OPERATION_HEADERS.alliance),
        at("fecha-invalida", textDate, OPERATION_HEADERS.documentsComplete),
        at("orden-hitos", releaseFirst[0]!, OPERATION_HEADERS.release),
      ]),
    );
    expect(report.summary.errors + report.summary.warnings).toBe(report.findings.length);
  });

  it("selects a finding's cell and activates its sheet", async () => {
    const { book, actions } = emptyBook();
    await actions.prepararCuadro();
    await actions.seleccionarCelda(SHEETS.operations, "F12");
    expect(book.selection).toEqual({ sheet: SHEETS.operations, area: { row: 11, col: 5, rowCount: 1, colCount: 1 } });
    expect(book.activeSheet).toBe(SHEETS.operations);
  });

  it("reads DO and Aliado of the selected row, and registers an NC linked to it", async () => {
    const { book, actions } = emptyBook();
    await actions.prepararCuadro();
    await actions.cargarDatosEjemplo();
    const ops = book.sheet(SHEETS.operations);
    const doCol = columnOf(ops, TABLES.operations, OPERATION_HEADERS.do);
    const allianceCol = columnOf(ops, TABLES.operations, OPERATION_HEADERS.alliance);
    const ncCol = columnOf(ops, TABLES.operations, OPERATION_HEADERS.nc);
    // A DO row without a linked NC.
    const table = ops.tables.find((t) => t.name === TABLES.operations)!;
    let row = table.row + 1;
    while (ops.content(row, ncCol) !== "") row += 1;
    book.selection = { sheet: SHEETS.operations, area: { row, col: 3, rowCount: 1, colCount: 1 } };

    const selected = await actions.leerSeleccionDO();
    expect(selected).toEqual({ do: ops.content(row, doCol), alliance: ops.content(row, allianceCol) });

    const result = await actions.registrarNoConformidad({
      type: "Incumplimiento ANS",
      date: "2026-03-16",
      do: selected!.do,
      alliance: "",
      description: "El levante tardó 3 días más que la meta.",
      severity: "Mayor",
      correction: "Se llamó al aliado",
      owner: "Coordinadora importaciones",
      dueDate: "2026-04-15",
    });
    expect(result.number).toMatch(/^NC-2026-\d{3}$/);
    expect(ops.content(row, ncCol)).toBe(result.number);
    const register = book.findTable(TABLES.nonconformities)!;
    const lastRow = register.table.row + register.table.rowCount - 1;
    const rowText = Array.from({ length: register.table.colCount }, (_, c) => register.sheet.content(lastRow, register.table.col + c));
    expect(rowText).toEqual(expect.arrayContaining([result.number, "Incumplimiento ANS", "El levante tardó 3 días más que la meta.", "Mayor"]));
  });

  it("refuses an NC whose date does not exist, naming the field, and writes nothing", async () => {
    const { book, actions } = emptyBook();
    await actions.prepararCuadro();
    const register = book.findTable(TABLES.nonconformities)!;
    const rowsBefore = register.table.rowCount;
    const input = { type: "Incumplimiento ANS", date: "2026-03-16", do: "", alliance: "", description: "Levante tardío.", severity: "Mayor", correction: "", owner: "", dueDate: "2026-02-31" };
    await expect(actions.registrarNoConformidad(input)).rejects.toThrow(/La fecha «2026-02-31» de «Fecha compromiso» no es válida/);
    await expect(actions.registrarNoConformidad({ ...input, date: "2026-04-31", dueDate: "" })).rejects.toThrow(/La fecha «2026-04-31» de «Fecha» no es válida/);
    expect(book.findTable(TABLES.nonconformities)!.table.rowCount).toBe(rowsBefore);
  });

  it("returns null for a selection outside tblOperaciones", async () => {
    const { book, actions } = emptyBook();
    await actions.prepararCuadro();
    book.selection = { sheet: "Hoja1", area: { row: 0, col: 0, rowCount: 1, colCount: 1 } };
    expect(await actions.leerSeleccionDO()).toBeNull();
  });

  it("summarises open DOs, open NCs and per-alliance on-time share, with the evaluation's % for the year", async () => {
    const { actions } = emptyBook();
    await actions.prepararCuadro();
    await actions.cargarDatosEjemplo();
    const summary = await actions.resumen();
    expect(summary.year).toBe(2026);
    expect(summary.onTimeByAlliance.length).toBeGreaterThanOrEqual(7);
    expect(summary.openNonconformities).toBeGreaterThan(0);
    for (const a of summary.onTimeByAlliance) if (a.onTimePct !== null) expect(a.onTimePct).toBeCloseTo((a.onTime / a.measured) * 100);
    expect(summary.onTimeByAlliance.some((a) => a.onTimePct !== null)).toBe(true);
  });

  it("re-enters ADUANA formulas that show #NAME? and leaves the others alone", async () => {
    const { book, actions } = emptyBook();
    await actions.prepararCuadro();
    await actions.cargarDatosEjemplo();
    const ops = book.sheet(SHEETS.operations);
    const col = columnOf(ops, TABLES.operations, OPERATION_HEADERS.serviceTime);
    const formula = ops.cell(1, col).formula!;
    expect(formula).toMatch(/ADUANA\.TIEMPO_SERVICIO/);
    ops.setCell(1, col, { value: "#NAME?" });
    ops.setCell(2, col, { value: "#NAME?" });
    const syncsBefore = book.syncs.length;
    const result = await actions.repararFormulas();
    expect(result.repaired).toBe(2);
    expect(ops.cell(1, col).formula).toBe(formula);
    const writes = book.syncs.slice(syncsBefore).filter((s) => s.calculationSuspended);
    expect(writes).toHaveLength(1);
  });

  it("counts the ADUANA cells showing #NAME? in the add-in's tables in one read-only Excel.run", async () => {
    const { book, excel, actions } = emptyBook();
    await actions.prepararCuadro();
    await actions.cargarDatosEjemplo();
    expect(await actions.detectarFormulasRotas()).toBe(0);

    const ops = book.sheet(SHEETS.operations);
    const col = columnOf(ops, TABLES.operations, OPERATION_HEADERS.serviceTime);
    const doCol = columnOf(ops, TABLES.operations, OPERATION_HEADERS.do);
    ops.setCell(1, col, { value: "#NAME?" });
    ops.setCell(2, col, { value: "#NAME?" });
    // Not the add-in's to repair: a non-ADUANA formula in the table, and an ADUANA formula outside any table.
    ops.setCell(3, doCol, { formula: "=MISTERIO(A4)", value: "#NAME?" });
    book.sheet("Hoja1").setCell(0, 0, { formula: "=ADUANA.TIEMPO_SERVICIO(1,2)", value: "#NAME?" });

    const cellsBefore = book.sheets.map((s) => [...s.cells.entries()]);
    const runsBefore = excel.runs();
    const syncsBefore = book.syncs.length;
    expect(await actions.detectarFormulasRotas()).toBe(2);
    expect(excel.runs()).toBe(runsBefore + 1);
    expect(book.syncs.slice(syncsBefore).every((s) => s.bytes === 0 && !s.calculationSuspended)).toBe(true);
    expect(book.sheets.map((s) => [...s.cells.entries()])).toEqual(cellsBefore);
  });

  it("previews and generates the evaluation sheet, with its chart, and activates it", async () => {
    const { book, actions } = emptyBook();
    await actions.prepararCuadro();
    await actions.cargarDatosEjemplo();
    const preview = await actions.vistaPreviaEvaluacion(2025);
    expect(preview).toMatchObject({ year: 2025, sheet: "Evaluación 2025", exists: false });
    expect(preview.rows.length).toBeGreaterThanOrEqual(7);
    expect(book.sheets.some((s) => s.name === "Evaluación 2025")).toBe(false);

    const generated = await actions.generarEvaluacion(2025);
    expect(generated.sheet).toBe("Evaluación 2025");
    const sheet = book.sheet("Evaluación 2025");
    expect(sheet.tables.map((t) => t.name)).toEqual(["tblEvaluacion2025"]);
    expect(sheet.charts).toHaveLength(1);
    expect(book.activeSheet).toBe("Evaluación 2025");

    const again = await actions.generarEvaluacion(2025);
    expect(again.conflicts).toEqual([]);
    expect(sheet.charts).toHaveLength(1);
  });

  it("refuses to preview or generate a year without DOs with the domain's message, adding no sheet", async () => {
    const { book, actions } = emptyBook();
    await actions.prepararCuadro();
    await actions.cargarDatosEjemplo();
    const sheetsBefore = book.sheets.map((s) => s.name);
    await expect(actions.vistaPreviaEvaluacion(1990)).rejects.toThrow(/^No hay DOs con «Fecha apertura DO» en 1990/);
    await expect(actions.generarEvaluacion(1990)).rejects.toThrow(/^No hay DOs con «Fecha apertura DO» en 1990/);
    expect(book.sheets.map((s) => s.name)).toEqual(sheetsBefore);
  });

  it("generates the unfinished current year, saying it is partial", async () => {
    const { actions } = emptyBook();
    await actions.prepararCuadro();
    await actions.cargarDatosEjemplo();
    const generated = await actions.generarEvaluacion(2026);
    expect(generated.notes[0]).toMatch(/^El año 2026 aún no termina: la evaluación es parcial, .* hasta el 2026-03-16/);
    expect((await actions.vistaPreviaEvaluacion(2026)).partial).toBe(generated.notes[0]);
    expect((await actions.vistaPreviaEvaluacion(2025)).partial).toBeNull();
  });

  it("adds a new alliance's row to the evaluation right under the table, without pushing the signature block down", async () => {
    const { book, actions } = emptyBook();
    await actions.prepararCuadro();
    await actions.cargarDatosEjemplo();
    await actions.generarEvaluacion(2025);
    const sheet = book.sheet("Evaluación 2025");
    const table = sheet.tables[0]!;
    const labelRow = (label: string) => {
      for (let r = 0; r < 200; r += 1) if (sheet.content(r, table.col) === label) return r;
      return -1;
    };
    const lastRow = table.row + table.rowCount - 1;
    const signatureBefore = labelRow("Evaluado por");
    // Room for one more row and still an empty row above the signatures.
    expect(signatureBefore - lastRow).toBeGreaterThan(2);

    // A coordinator adds an alliance to tblAlianzas (typed right under it: the table grows, as in Excel).
    const alliancesSheet = book.sheets.find((s) => s.tables.some((t) => t.name === TABLES.alliances))!;
    const alliances = alliancesSheet.tables.find((t) => t.name === TABLES.alliances)!;
    const nameCol = columnOf(alliancesSheet, TABLES.alliances, "Aliado");
    const statusCol = columnOf(alliancesSheet, TABLES.alliances, "Estado");
    const newRow = alliances.row + alliances.rowCount;
    alliancesSheet.put(newRow, nameCol, [["Aliado Nuevo SAS"]]);
    alliancesSheet.put(newRow, statusCol, [[alliancesSheet.content(newRow - 1, statusCol)]]);
    alliances.rowCount += 1;

    const again = await actions.generarEvaluacion(2025);
    expect(again.conflicts).toEqual([]);
    expect(table.rowCount).toBe(lastRow - table.row + 2);
    const allianceCol = columnOf(sheet, "tblEvaluacion2025", "Aliado");
    expect(sheet.content(lastRow + 1, allianceCol)).toBe("Aliado Nuevo SAS");
    // The block had room, so it stays where the domain left it: no row was inserted above it.
    expect(labelRow("Evaluado por")).toBe(signatureBefore);
    expect(labelRow("Fecha")).toBe(signatureBefore + 3);
  });

  it("reads the Seguimiento lists in one read-only Excel.run, each item pointing at its own row", async () => {
    const { book, excel, actions } = emptyBook();
    await actions.prepararCuadro();
    await actions.cargarDatosEjemplo();
    const runsBefore = excel.runs();
    const result = await actions.seguimiento();
    expect(excel.runs()).toBe(runsBefore + 1);
    expect(result.today).toBe(TODAY);
    expect(result.nonconformities.length).toBeGreaterThan(0);
    expect(result.operations.length).toBeGreaterThan(0);
    const ops = book.sheet(SHEETS.operations);
    const doColumn = columnOf(ops, TABLES.operations, OPERATION_HEADERS.do);
    for (const item of result.operations) {
      expect(item.sheet).toBe(SHEETS.operations);
      expect(ops.content(Number(/\d+$/.exec(item.cell)![0]) - 1, doColumn)).toBe(item.do);
    }
  });

  it("generates Indicadores 2025 with its three charts in one Excel.run, and regenerating changes nothing", async () => {
    const { book, excel, actions } = emptyBook();
    await actions.prepararCuadro();
    await actions.cargarDatosEjemplo();
    const runsBefore = excel.runs();
    const generated = await actions.generarIndicadores(2025);
    expect(excel.runs()).toBe(runsBefore + 1);
    expect(generated.sheet).toBe("Indicadores 2025");
    expect(generated.skipped).toEqual([]);
    const sheet = book.sheet("Indicadores 2025");
    expect(sheet.charts.map((c) => c.type)).toEqual(["Line", "BarStacked", "ColumnClustered"]);
    expect(sheet.charts[1]!.seriesNames).toEqual(["Docs → presentación", "Presentación → levante", "Levante → entrega"]);
    expect(sheet.charts[0]!.seriesNames!.length).toBeGreaterThanOrEqual(7);
    expect(book.activeSheet).toBe("Indicadores 2025");

    const again = await actions.generarIndicadores(2025);
    expect(again.cellsWritten).toBe(0);
    expect(again.conflicts).toEqual([]);
    expect(sheet.charts).toHaveLength(3);
  });

  it("turns an Excel failure into a Spanish message that says what to do", async () => {
    const { actions } = emptyBook();
    await expect(actions.seleccionarCelda("No existe", "A1")).rejects.toThrow(/^No se pudo seleccionar la celda A1 de la hoja No existe\./);
  });
});

describe("Preparar on a coordinator's own table", () => {
  // Excel resolves tables.getItem(name) when the batch runs, so the rename must be queued before any step that
  // uses the new name: https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-name-member
  it("renames «Tabla1» to tblOperaciones and finishes Preparar on it", async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet(SHEETS.operations);
    const headers = [OPERATION_HEADERS.do, OPERATION_HEADERS.type, OPERATION_HEADERS.alliance];
    sheet.put(0, 0, [headers, ["DO-1", "Importación", "Aliado Caribe"], ["DO-2", "Exportación", "Aliado Caribe"]]);
    book.addTable(SHEETS.operations, "Tabla1", { row: 0, col: 0, rowCount: 3, colCount: headers.length });
    installFakeExcel(book);
    const actions = createExcelActions(() => TODAY);

    await actions.prepararCuadro();

    const names = book.sheets.flatMap((s) => s.tables.map((t) => t.name));
    expect(names).toContain(TABLES.operations);
    expect(names).not.toContain("Tabla1");
    const ops = book.sheet(SHEETS.operations);
    expect(ops.content(1, columnOf(ops, TABLES.operations, OPERATION_HEADERS.do))).toBe("DO-1");
    expect(String(ops.content(1, columnOf(ops, TABLES.operations, OPERATION_HEADERS.ansStatus)))).toMatch(/^=.*ADUANA/);
    const second = await actions.prepararCuadro();
    expect(second.cellsWritten).toBe(0);
  });
});
