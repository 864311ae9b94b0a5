import type { AppendTableRowsStep, Plan } from "../../src/domain/workbook/plan";
import type { GridArea, WorkbookSnapshot } from "../../src/domain/workbook/snapshot";
import { planTableAppend, type AppendedCell } from "../../src/domain/workbook/table-append";
import { applyPlan, PlanNotApplicableError } from "../../src/excel/apply-plan";
import { readSnapshot } from "../../src/excel/read-snapshot";
import { fakeContext, installFakeExcel } from "../support/fake-excel/fake-excel";
import { FakeWorkbook } from "../support/fake-excel/fake-workbook";
import { operationsBook } from "../support/fake-excel/operations-book";

async function apply(book: FakeWorkbook, plan: Plan | ((snapshot: WorkbookSnapshot) => Plan), maxPayloadBytes?: number) {
  installFakeExcel(book);
  // The fake implements the members of Excel.RequestContext the adapter uses.
  const context = fakeContext(book) as unknown as Excel.RequestContext;
  const snapshot = await readSnapshot(context);
  const before = book.syncs.length;
  const report = await applyPlan(context, typeof plan === "function" ? plan(snapshot) : plan, snapshot, { maxPayloadBytes });
  return { report, applySyncs: book.syncs.slice(before) };
}

/** The domain's placement of new rows for a table of the snapshot. */
function append(snapshot: WorkbookSnapshot, table: string, rows: AppendedCell[][], area?: GridArea): AppendTableRowsStep {
  const sheet = snapshot.sheets.find((s) => s.tables.some((t) => t.name === table));
  const found = sheet?.tables.find((t) => t.name === table);
  if (!sheet || !found) throw new Error(`no table ${table}`);
  const placed = planTableAppend({ sheet, table, area: area ?? found.area, rows });
  if (!placed.step) throw new Error(`blocked at ${placed.blocker}`);
  return placed.step;
}

const plan = (steps: Plan["steps"]): Plan => ({ steps, notes: [] });

describe("applyPlan", () => {
  it("writes constants and formulas cell by cell, keeping text that looks like a number as text", async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet("Hoja1").put(0, 0, [["viejo", 5]]);
    const { report } = await apply(
      book,
      plan([
        {
          kind: "writeCells",
          sheet: "Hoja1",
          cells: [
            { row: 0, col: 0, value: "nuevo", expected: "viejo" },
            { row: 0, col: 1, value: null, expected: 5 },
            { row: 0, col: 2, value: "0012", expected: null },
            { row: 1, col: 0, formula: "=A1&\"!\"", expected: null },
            { row: 1, col: 2, value: 46023.5, expected: null },
            { row: 3, col: 3, value: "=no es fórmula", expected: null },
          ],
        },
      ]),
    );
    expect(sheet.content(0, 0)).toBe("nuevo");
    expect(sheet.content(0, 1)).toBe("");
    expect(sheet.cell(0, 2).value).toBe("0012");
    expect(sheet.cell(1, 0).formula).toBe('=A1&"!"');
    expect(sheet.cell(1, 2).value).toBe(46023.5);
    expect(sheet.cell(3, 3)).toMatchObject({ value: "=no es fórmula", formula: null });
    expect(sheet.content(1, 1)).toBe("");
    expect(report.cellsWritten).toBe(6);
    expect(report.conflicts).toEqual([]);
  });

  it("leaves a cell someone changed since it was read and reports it in Spanish", async () => {
    const book = operationsBook(5);
    const sheet = book.sheet("Operaciones");
    sheet.put(11, 5, [["Cartagena"]]);
    sheet.put(12, 5, [["Ipiales"]]);
    const { report } = await apply(
      book,
      plan([
        {
          kind: "writeCells",
          sheet: "Operaciones",
          cells: [
            { row: 11, col: 5, value: "Maicao", expected: "Riohacha" },
            { row: 12, col: 5, value: "Bogotá", expected: "Ipiales" },
          ],
        },
      ]),
    );
    expect(sheet.content(11, 5)).toBe("Cartagena");
    expect(sheet.content(12, 5)).toBe("Bogotá");
    expect(report.conflicts).toEqual(["La celda Operaciones!F12 cambió desde que se leyó; no se sobrescribió."]);
    expect(report.cellsWritten).toBe(1);
  });

  it("fills a formula down a column around a cell someone typed into", async () => {
    const book = operationsBook(6);
    const sheet = book.sheet("Operaciones");
    sheet.put(1, 16, [[null], [null], [null], [7], [null], [null]]);
    const formula = "=IFERROR(INDEX(tblAlianzas[Meta importación (días hábiles)],MATCH([@Aliado],tblAlianzas[Aliado],0)),\"\")";
    const { report } = await apply(
      book,
      plan([{ kind: "fillColumn", sheet: "Operaciones", col: 16, firstRow: 1, rowCount: 6, formula, expected: [null, null, null, null, null, null] }]),
    );
    expect([1, 2, 3, 5, 6].map((r) => sheet.cell(r, 16).formula)).toEqual([formula, formula, formula, formula, formula]);
    expect(sheet.content(4, 16)).toBe(7);
    expect(report.conflicts).toEqual(["La celda Operaciones!Q5 cambió desde que se leyó; no se sobrescribió."]);
  });

  it("keeps every sync under 4 MB for 100 and 20,000 rows, with recalculation suspended while values go in", async () => {
    const formula = "=ADUANA.ESTADO_ANS([@[Fecha llegada mercancía]],[@[Fecha levante / autorización]],[@[Meta ANS (días hábiles)]],ADUANA_HOY)";
    const run = async (rows: number) => {
      const book = operationsBook(rows);
      return apply(
        book,
        plan([
          { kind: "fillColumn", sheet: "Operaciones", col: 18, firstRow: 1, rowCount: rows, formula, expected: Array(rows).fill(null) },
          { kind: "numberFormat", sheet: "Operaciones", area: { row: 1, col: 8, rowCount: rows, colCount: 1 }, format: "dd/mm/yyyy" },
          { kind: "freezeRows", sheet: "Operaciones", rows: 1 },
        ]),
      );
    };
    const small = await run(100);
    const large = await run(20_000);
    // Table shape, key column (DO), target cells, values, formats.
    expect(small.applySyncs.map((s) => s.calculationSuspended)).toEqual([false, false, false, true, false]);
    // 20,000 formulas of ~150 bytes are 3 MB to write: a few more syncs, each under the limit.
    expect(large.applySyncs.length).toBeGreaterThan(small.applySyncs.length);
    expect(large.applySyncs.length).toBeLessThanOrEqual(small.applySyncs.length + 4);
    for (const s of large.applySyncs) expect(Math.max(s.bytes, s.responseBytes)).toBeLessThanOrEqual(4_000_000);
    const writes = large.applySyncs.filter((s) => s.bytes > 1_000);
    expect(writes.every((s) => s.calculationSuspended)).toBe(true);
    expect(large.report.cellsWritten).toBe(20_000);
  });

  it("splits writes bigger than the payload limit into several syncs, each under it", async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet("Datos");
    const cells = Array.from({ length: 2_000 }, (_, i) => ({ row: i, col: 0, value: `Texto largo número ${i} `.repeat(5), expected: null }));
    const limit = 20_000;
    const { applySyncs, report } = await apply(book, plan([{ kind: "writeCells", sheet: "Datos", cells }]), limit);
    const writeSyncs = applySyncs.filter((s) => s.calculationSuspended);
    expect(writeSyncs.length).toBeGreaterThan(5);
    for (const s of writeSyncs) expect(s.bytes).toBeLessThanOrEqual(limit);
    expect(sheet.content(1_999, 0)).toBe(`Texto largo número 1999 `.repeat(5));
    expect(sheet.content(0, 0)).toBe(`Texto largo número 0 `.repeat(5));
    expect(report.cellsWritten).toBe(2_000);
  });

  it("reports writing progress band by band, as the bands reach the workbook", async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet("Datos");
    installFakeExcel(book);
    const context = fakeContext(book) as unknown as Excel.RequestContext;
    const snapshot = await readSnapshot(context);
    const cells = Array.from({ length: 2_000 }, (_, i) => ({ row: i, col: 0, value: `Texto largo número ${i} `.repeat(5), expected: null }));
    const seen: { phase: string; done: number; total: number; lastWritten: boolean; firstWritten: boolean }[] = [];
    await applyPlan(
      context,
      plan([
        { kind: "writeCells", sheet: "Datos", cells },
        { kind: "numberFormat", sheet: "Datos", area: { row: 0, col: 1, rowCount: 2_000, colCount: 1 }, format: "0.00" },
      ]),
      snapshot,
      {
        maxPayloadBytes: 20_000,
        onProgress: (p) => seen.push({ ...p, firstWritten: sheet.content(0, 0) !== "", lastWritten: sheet.content(1_999, 0) !== "" }),
      },
    );
    const total = seen[0]?.total ?? 0;
    expect(total).toBeGreaterThan(5);
    expect(seen.map((p) => p.done)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(seen.every((p) => p.phase === "escribiendo" && p.total === total)).toBe(true);
    // The first report comes when the first band is in Excel and the last is not yet.
    expect([seen[0]?.firstWritten, seen[0]?.lastWritten]).toEqual([true, false]);
    expect(seen[total - 1]?.lastWritten).toBe(true);
  });

  it("counts the commas between rows: a column of short numbers still fits each sync under the limit", async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet("Datos");
    const cells = Array.from({ length: 20_000 }, (_, i) => ({ row: i, col: 0, value: i % 10, expected: null }));
    const limit = 20_000;
    const { applySyncs } = await apply(book, plan([{ kind: "writeCells", sheet: "Datos", cells }]), limit);
    const writeSyncs = applySyncs.filter((s) => s.calculationSuspended);
    for (const s of writeSyncs) expect(s.bytes).toBeLessThanOrEqual(limit);
    expect(sheet.content(19_999, 0)).toBe(9);
  });

  it("builds a new sheet: table, formats, validation, conditional format, names, chart and selection", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Operaciones");
    book.names.set("ADUANA_HOY", "=Viejo!$A$1");
    await apply(
      book,
      plan([
        { kind: "addSheet", sheet: "Evaluación 2025", position: 0 },
        {
          kind: "writeCells",
          sheet: "Evaluación 2025",
          cells: [
            { row: 0, col: 0, value: "Aliado", expected: null },
            { row: 0, col: 1, value: "% cumplimiento", expected: null },
            { row: 0, col: 2, value: "C4", expected: null },
            { row: 1, col: 0, value: "Aliado Caribe", expected: null },
            { row: 1, col: 1, value: 0.93, expected: null },
          ],
        },
        { kind: "createTable", sheet: "Evaluación 2025", table: "tblEvaluacion2025", area: { row: 0, col: 0, rowCount: 2, colCount: 3 }, style: "TableStyleMedium2" },
        { kind: "numberFormat", sheet: "Evaluación 2025", area: { row: 1, col: 1, rowCount: 1, colCount: 1 }, format: "0.0%" },
        {
          kind: "wholeNumberValidation",
          sheet: "Evaluación 2025",
          area: { row: 1, col: 2, rowCount: 1, colCount: 1 },
          min: 1,
          max: 5,
          errorMessage: "Escriba un puntaje entero de 1 a 5.",
        },
        { kind: "listValidation", sheet: "Evaluación 2025", area: { row: 1, col: 0, rowCount: 1, colCount: 1 }, source: { formula: "=INDIRECT(\"tblAlianzas[Aliado]\")" }, errorMessage: "Elija un aliado de la lista." },
        { kind: "conditionalFormat", sheet: "Evaluación 2025", area: { row: 1, col: 0, rowCount: 1, colCount: 3 }, formula: "=$B2<0.75", fill: "#FFC7CE", fontColor: "#9C0006" },
        { kind: "freezeRows", sheet: "Evaluación 2025", rows: 1 },
        { kind: "columnWidth", sheet: "Evaluación 2025", col: 0, width: 20 },
        { kind: "defineName", name: "ADUANA_HOY", reference: "='Parámetros'!$B$2" },
        { kind: "chart", sheet: "Evaluación 2025", name: "grafCumplimiento", title: "% cumplimiento ANS", categories: { row: 1, col: 0, rowCount: 1, colCount: 1 }, values: { row: 1, col: 1, rowCount: 1, colCount: 1 }, anchor: { row: 5, col: 0 } },
        { kind: "activate", sheet: "Evaluación 2025", cell: { row: 1, col: 2 } },
      ]),
    );
    const sheet = book.sheet("Evaluación 2025");
    expect(book.sheets[0]).toBe(sheet);
    expect(sheet.tables).toEqual([{ name: "tblEvaluacion2025", style: "TableStyleMedium2", row: 0, col: 0, rowCount: 2, colCount: 3 }]);
    expect(sheet.cell(1, 1)).toEqual({ value: 0.93, formula: null, numberFormat: "0.0%" });
    expect(sheet.validations).toEqual([
      { area: { row: 1, col: 2, rowCount: 1, colCount: 1 }, rule: { wholeNumber: { formula1: 1, formula2: 5, operator: "Between" } }, errorMessage: "Escriba un puntaje entero de 1 a 5." },
      { area: { row: 1, col: 0, rowCount: 1, colCount: 1 }, rule: { list: { inCellDropDown: true, source: "=INDIRECT(\"tblAlianzas[Aliado]\")" } }, errorMessage: "Elija un aliado de la lista." },
    ]);
    expect(sheet.conditionalFormats).toEqual([{ area: { row: 1, col: 0, rowCount: 1, colCount: 3 }, type: "Custom", formula: "=$B2<0.75", fill: "#FFC7CE", fontColor: "#9C0006" }]);
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.columnWidths.get(0)).toBeCloseTo(108.75);
    expect(book.names.get("ADUANA_HOY")).toBe("='Parámetros'!$B$2");
    expect(sheet.charts).toEqual([
      { name: "grafCumplimiento", type: "ColumnClustered", source: { row: 1, col: 1, rowCount: 1, colCount: 1 }, categories: { row: 1, col: 0, rowCount: 1, colCount: 1 }, title: "% cumplimiento ANS", anchor: "A6" },
    ]);
    expect(book.selection).toEqual({ sheet: "Evaluación 2025", area: { row: 1, col: 2, rowCount: 1, colCount: 1 } });
  });

  it("copies a sheet before restructuring it, grows its table and appends rows", async () => {
    const book = operationsBook(2);
    const sheet = book.sheet("Operaciones");
    await apply(book, (snapshot) =>
      plan([
        { kind: "copySheet", sheet: "Operaciones", copyName: "Respaldo Operaciones" },
        { kind: "writeCells", sheet: "Operaciones", cells: [{ row: 0, col: 21, value: "Mi columna", expected: null }] },
        { kind: "resizeTable", sheet: "Operaciones", table: "tblOperaciones", area: { row: 0, col: 0, rowCount: 3, colCount: 22 } },
        append(snapshot, "tblOperaciones", [[...Array(21).fill(null).map((_, i) => (i === 0 ? "DO-9" : null)), { formula: "=1+1" }]], { row: 0, col: 0, rowCount: 3, colCount: 22 }),
      ]),
    );
    expect(book.sheet("Respaldo Operaciones").content(1, 0)).toBe("DO-000001");
    expect(sheet.tables[0]).toMatchObject({ rowCount: 4, colCount: 22 });
    expect(sheet.content(3, 0)).toBe("DO-9");
    expect(sheet.content(3, 21)).toBe("=1+1");
  });

  it("refuses to restructure when this Excel cannot keep a backup copy, before writing anything", async () => {
    const book = operationsBook(2);
    // Worksheet.copy is ExcelApi 1.7: https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-7-requirement-set
    book.apiVersion = 6;
    await expect(
      apply(book, plan([
        { kind: "copySheet", sheet: "Operaciones", copyName: "Respaldo Operaciones" },
        { kind: "writeCells", sheet: "Operaciones", cells: [{ row: 1, col: 0, value: "X", expected: "DO-000001" }] },
      ])),
    ).rejects.toThrow(PlanNotApplicableError);
    expect(book.sheet("Operaciones").content(1, 0)).toBe("DO-000001");
    expect(book.sheets.map((s) => s.name)).toEqual(["Operaciones", "Notas"]);
  });

  const PAGE_SETUP: Plan["steps"][number] = {
    kind: "pageSetup",
    sheet: "Hoja1",
    orientation: "landscape",
    paperSize: "legal",
    fitTo: { wide: 1, tall: 0 },
    printTitleRows: { first: 6, last: 6 },
    printArea: { row: 0, col: 0, rowCount: 20, colCount: 23 },
    header: { center: "Evaluación 2025" },
    footer: { left: "Generada el 27/06/2026", center: "Página &P de &N" },
    rowBreaks: [],
    margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.6, header: 0.3, footer: 0.3 },
    centerHorizontally: true,
  };

  it("sets the print settings through worksheet.pageLayout: landscape, one page wide, titles, area, header and footer", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Hoja1");
    const { report } = await apply(book, plan([PAGE_SETUP]));
    expect(report.skipped).toEqual([]);
    expect(book.sheet("Hoja1").pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "Legal",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: "A1:W20",
      printTitleRows: "$7:$7",
      centerHeader: "Evaluación 2025",
      leftFooter: "Generada el 27/06/2026",
      centerFooter: "Página &P de &N",
      leftMargin: 0.4 * 72,
      centerHorizontally: true,
    });
  });

  it("skips the print settings on an Excel without ExcelApi 1.9 and says so in Spanish, naming the sheet", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Hoja1");
    book.apiVersion = 8;
    const { report } = await apply(book, plan([PAGE_SETUP]));
    expect(book.sheet("Hoja1").pageLayout).toEqual({});
    expect(report.skipped).toEqual([expect.stringMatching(/^Su versión de Excel no admite la configuración de impresión .*\(ExcelApi 1\.9\).*«Hoja1»/)]);
  });

  it("formats a signature line: bold label, a bottom border under each cell, a taller row", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Hoja1");
    await apply(book, plan([
      { kind: "cellStyle", sheet: "Hoja1", area: { row: 3, col: 1, rowCount: 2, colCount: 3 }, style: { bold: true, bottomBorder: "thin", rowHeight: 30 } },
    ]));
    const log = book.sheet("Hoja1").formatLog.map((f) => [f.property, f.value]);
    expect(log).toEqual(expect.arrayContaining([
      ["font.bold", true],
      ["rowHeight", 30],
      ["borders.EdgeBottom.style", "Continuous"],
      ["borders.InsideHorizontal.style", "Continuous"],
    ]));
  });

  it("skips validation on an Excel without ExcelApi 1.8 and says so in Spanish", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Hoja1");
    book.apiVersion = 7;
    const { report } = await apply(book, plan([
      { kind: "listValidation", sheet: "Hoja1", area: { row: 1, col: 0, rowCount: 3, colCount: 1 }, source: { values: ["Sí", "No"] }, errorMessage: "Sí o No" },
    ]));
    expect(book.sheet("Hoja1").validations).toEqual([]);
    expect(report.skipped).toEqual([expect.stringMatching(/^Su versión de Excel no admite las listas desplegables de validación \(ExcelApi 1\.8\)/)]);
  });

  it("fills the table's blank bottom row first, keeping its calculated formula, then adds rows", async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet("NC").put(0, 0, [["Nº", "Descripción", "Año"], [null, null, "=YEAR([@Fecha])"]]);
    book.addTable("NC", "tblNC", { row: 0, col: 0, rowCount: 2, colCount: 3 });
    const { report } = await apply(book, (snapshot) => plan([append(snapshot, "tblNC", [["NC-1", "uno", null], ["NC-2", "dos", null]])]));
    expect([1, 2].map((r) => [0, 1, 2].map((c) => sheet.content(r, c)))).toEqual([
      ["NC-1", "uno", "=YEAR([@Fecha])"],
      ["NC-2", "dos", "=YEAR([@Fecha])"],
    ]);
    expect(sheet.tables[0]?.rowCount).toBe(3);
    expect(report.conflicts).toEqual([]);
  });

  it("stops, writing nothing, when a co-author typed into the blank row the new row was meant for", async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet("NC").put(0, 0, [["Nº", "Descripción"], [null, null]]);
    book.addTable("NC", "tblNC", { row: 0, col: 0, rowCount: 2, colCount: 2 });
    installFakeExcel(book);
    // The fake implements the members of Excel.RequestContext the adapter uses.
    const context = fakeContext(book) as unknown as Excel.RequestContext;
    const snapshot = await readSnapshot(context);
    sheet.put(1, 0, [["NC-9", "escrita por otra persona"]]);
    await expect(applyPlan(context, plan([append(snapshot, "tblNC", [["NC-1", "mía"]])]), snapshot)).rejects.toThrow(
      /La celda NC!A2, donde iba una fila nueva de la tabla, cambió desde que se leyó/,
    );
    expect([1, 2].map((r) => [sheet.content(r, 0), sheet.content(r, 1)])).toEqual([
      ["NC-9", "escrita por otra persona"],
      ["", ""],
    ]);
    expect(sheet.tables[0]?.rowCount).toBe(2);
  });
});

describe("applyPlan on the faithful fake", () => {
  it("grows a table by writing under it: what is below the table stays where it was", async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet("NC").put(0, 0, [["Nº", "Descripción"], ["NC-1", "uno"]]);
    book.addTable("NC", "tblNC", { row: 0, col: 0, rowCount: 2, colCount: 2 });
    sheet.put(4, 0, [["Firma del coordinador"]]);
    const { report } = await apply(book, (snapshot) => plan([append(snapshot, "tblNC", [["NC-2", "dos"], ["NC-3", "tres"]])]));
    expect([2, 3].map((r) => sheet.content(r, 0))).toEqual(["NC-2", "NC-3"]);
    expect(sheet.content(4, 0)).toBe("Firma del coordinador");
    expect(sheet.tables[0]?.rowCount).toBe(4);
    expect(report.skipped).toEqual([]);
  });

  it("still writes the rows under the table on an Excel without Table.resize, and says so", async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet("NC").put(0, 0, [["Nº", "Descripción"], ["NC-1", "uno"]]);
    book.addTable("NC", "tblNC", { row: 0, col: 0, rowCount: 2, colCount: 2 });
    book.apiVersion = 12;
    const { report } = await apply(book, (snapshot) => plan([append(snapshot, "tblNC", [["NC-2", "dos"]])]));
    // Excel expands a table for data written right under it.
    expect(sheet.tables[0]?.rowCount).toBe(3);
    expect(report.skipped).toEqual([expect.stringMatching(/^Su versión de Excel no admite ampliar una tabla existente \(ExcelApi 1\.13\)/)]);
  });

  it("creates a table on its own sheet even when another sheet is active", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Datos").put(0, 0, [["A", "B"], [1, 2]]);
    book.addSheet("Otra");
    book.activeSheet = "Otra";
    await apply(book, plan([{ kind: "createTable", sheet: "Datos", table: "tblDatos", area: { row: 0, col: 0, rowCount: 2, colCount: 2 }, style: "TableStyleMedium2" }]));
    expect(book.sheet("Datos").tables.map((t) => t.name)).toEqual(["tblDatos"]);
    expect(book.sheet("Otra").tables).toEqual([]);
  });

  it("points ADUANA_HOY at a new cell by setting its formula, without deleting the name", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Parámetros");
    book.names.set("ADUANA_HOY", "='Parámetros'!$B$2");
    await apply(book, plan([{ kind: "defineName", name: "ADUANA_HOY", reference: "='Parámetros'!$B$3" }]));
    expect(book.names.get("ADUANA_HOY")).toBe("='Parámetros'!$B$3");
    expect(book.nameDeletions).toBe(0);
    expect(book.nameFormulaChanges).toBe(1);
  });

  it("stops before writing when a co-author inserted a row in the table since the read", async () => {
    const book = operationsBook(5);
    const sheet = book.sheet("Operaciones");
    installFakeExcel(book);
    // The fake implements the members of Excel.RequestContext the adapter uses.
    const context = fakeContext(book) as unknown as Excel.RequestContext;
    const snapshot = await readSnapshot(context);
    // A co-author inserts a DO at the top: every row below moves down one.
    sheet.shiftDown(1, 0, 21, 1);
    sheet.put(1, 0, [["DO-NUEVO"]]);
    book.sheet("Operaciones").tables[0]!.rowCount += 1;
    await expect(
      applyPlan(context, plan([{ kind: "writeCells", sheet: "Operaciones", cells: [{ row: 3, col: 19, value: "NC-1", expected: null }] }]), snapshot),
    ).rejects.toThrow(/La tabla tblOperaciones \(hoja «Operaciones»\) cambió desde que se leyó el libro/);
    expect(sheet.content(3, 19)).toBe("");
  });

  it("applies no validation, format or width when a co-author deleted a row of the table since the read", async () => {
    const book = operationsBook(5);
    const sheet = book.sheet("Operaciones");
    installFakeExcel(book);
    // The fake implements the members of Excel.RequestContext the adapter uses.
    const context = fakeContext(book) as unknown as Excel.RequestContext;
    const snapshot = await readSnapshot(context);
    // A co-author deletes the second DO: the rows below move up one and the table shrinks.
    const below = [3, 4, 5].map((r) => Array.from({ length: 21 }, (_, c) => sheet.content(r, c)));
    below.forEach((cells, i) => sheet.put(2 + i, 0, [cells.map((v) => (v === "" ? null : v))]));
    sheet.put(5, 0, [Array.from({ length: 21 }, () => "")]);
    book.sheet("Operaciones").tables[0]!.rowCount -= 1;
    const formatBefore = sheet.cell(1, 8).numberFormat;
    await expect(
      applyPlan(
        context,
        plan([
          { kind: "writeCells", sheet: "Operaciones", cells: [{ row: 2, col: 19, value: "NC-1", expected: null }] },
          { kind: "numberFormat", sheet: "Operaciones", area: { row: 1, col: 8, rowCount: 4, colCount: 1 }, format: "0.00" },
          { kind: "listValidation", sheet: "Operaciones", area: { row: 1, col: 19, rowCount: 4, colCount: 1 }, source: { values: ["Sí", "No"] }, errorMessage: "Sí o No" },
          { kind: "conditionalFormat", sheet: "Operaciones", area: { row: 1, col: 0, rowCount: 4, colCount: 3 }, formula: "=$B2<0.75", fill: "#FFC7CE", fontColor: "#9C0006" },
          { kind: "columnWidth", sheet: "Operaciones", col: 19, width: 20 },
        ]),
        snapshot,
      ),
    ).rejects.toThrow(/La tabla tblOperaciones \(hoja «Operaciones»\) cambió desde que se leyó el libro/);
    expect(sheet.content(2, 19)).toBe("");
    expect(sheet.cell(1, 8).numberFormat).toBe(formatBefore);
    expect(sheet.validations).toEqual([]);
    expect(sheet.conditionalFormats).toEqual([]);
    expect(sheet.columnWidths.has(19)).toBe(false);
  });

  it("stops before writing when a co-author sorted the table since the read", async () => {
    const book = operationsBook(5);
    const sheet = book.sheet("Operaciones");
    installFakeExcel(book);
    // The fake implements the members of Excel.RequestContext the adapter uses.
    const context = fakeContext(book) as unknown as Excel.RequestContext;
    const snapshot = await readSnapshot(context);
    // Sorted descending by DO: same shape, other rows.
    const rows = [1, 2, 3, 4, 5].map((r) => Array.from({ length: 21 }, (_, c) => sheet.content(r, c)));
    rows.reverse().forEach((cells, i) => sheet.put(1 + i, 0, [cells.map((v) => (v === "" ? null : v))]));
    await expect(
      applyPlan(context, plan([{ kind: "writeCells", sheet: "Operaciones", cells: [{ row: 1, col: 19, value: "NC-1", expected: null }] }]), snapshot),
    ).rejects.toThrow(/alguien agregó, quitó u ordenó filas/);
    expect(sheet.content(1, 19)).toBe("");
  });

  it("re-reads the target cells in bands, each response under the limit of Excel on the web", async () => {
    const book = operationsBook(3_000);
    const formula = "=ADUANA.TIEMPO_SERVICIO([@[Fecha llegada mercancía]],[@[Fecha levante / autorización]])";
    installFakeExcel(book);
    // The fake implements the members of Excel.RequestContext the adapter uses.
    const context = fakeContext(book) as unknown as Excel.RequestContext;
    const snapshot = await readSnapshot(context);
    // A small limit stands in for 5 MB: 3,000 formulas of ~95 bytes are ~290 kB.
    book.payloadLimitBytes = 100_000;
    const before = book.syncs.length;
    const report = await applyPlan(
      context,
      plan([{ kind: "fillColumn", sheet: "Operaciones", col: 17, firstRow: 1, rowCount: 3_000, formula, expected: Array<string>(3_000).fill(formula) }]),
      snapshot,
      { maxPayloadBytes: 80_000, maxResponseBytes: 60_000 },
    );
    const syncs = book.syncs.slice(before);
    expect(syncs.filter((s) => s.refused)).toEqual([]);
    expect(Math.max(...syncs.map((s) => s.responseBytes))).toBeLessThanOrEqual(100_000);
    expect(report.conflicts).toEqual([]);
    expect(report.cellsWritten).toBe(3_000);
  });

  it("also reports a cell skipped by writeCells that the calculated column filled, and not a co-author's other edits", async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet("T").put(0, 0, [["A", "Año", "Nota"], [1, null, null], [2, 2020, "x"], [3, null, null]]);
    book.addTable("T", "tblT", { row: 0, col: 0, rowCount: 4, colCount: 3 });
    installFakeExcel(book);
    // The fake implements the members of Excel.RequestContext the adapter uses.
    const context = fakeContext(book) as unknown as Excel.RequestContext;
    const snapshot = await readSnapshot(context);
    sheet.put(2, 1, [[null]]);
    sheet.put(2, 2, [["otra"]]);
    const formula = "=YEAR(TODAY())";
    const report = await applyPlan(
      context,
      plan([
        {
          kind: "writeCells",
          sheet: "T",
          cells: [
            { row: 1, col: 1, formula, expected: null },
            { row: 2, col: 1, formula, expected: 2020 },
            { row: 3, col: 1, formula, expected: null },
            { row: 2, col: 2, value: "y", expected: "x" },
          ],
        },
      ]),
      snapshot,
    );
    expect(report.conflicts).toEqual([
      "La celda T!B3 cambió desde que se leyó; no se sobrescribió.",
      "La celda T!C3 cambió desde que se leyó; no se sobrescribió.",
      "Excel rellenó la celda T!B3 con la fórmula de la columna aunque el complemento no la escribió (antes estaba vacía); revísela y, si hace falta, escriba de nuevo su valor.",
    ]);
    expect(sheet.content(2, 2)).toBe("otra");
  });

  it("tells the truth about a skipped cell that Excel's calculated column filled anyway", async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet("T").put(0, 0, [["A", "Año"], [1, null], [2, null], [3, null]]);
    book.addTable("T", "tblT", { row: 0, col: 0, rowCount: 4, colCount: 2 });
    sheet.put(2, 1, [[2020]]);
    installFakeExcel(book);
    // The fake implements the members of Excel.RequestContext the adapter uses.
    const context = fakeContext(book) as unknown as Excel.RequestContext;
    const snapshot = await readSnapshot(context);
    // A co-author clears the typed year after the read: the add-in skips the cell, Excel's autofill does not.
    sheet.put(2, 1, [[null]]);
    const report = await applyPlan(
      context,
      plan([{ kind: "fillColumn", sheet: "T", col: 1, firstRow: 1, rowCount: 3, formula: "=YEAR(TODAY())", expected: [null, 2020, null] }]),
      snapshot,
    );
    expect(sheet.content(2, 1)).toBe("=YEAR(TODAY())");
    expect(report.conflicts).toEqual([
      "La celda T!B3 cambió desde que se leyó; no se sobrescribió.",
      "Excel rellenó la celda T!B3 con la fórmula de la columna aunque el complemento no la escribió (antes estaba vacía); revísela y, si hace falta, escriba de nuevo su valor.",
    ]);
  });
});
