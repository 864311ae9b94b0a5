import { planTableAppend } from "../../src/domain/workbook/table-append";
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import type { Plan } from "../../src/domain/workbook/plan";
import { applyPlan, loadWorkbookFile, readSnapshot, saveWorkbookFile } from "../../src/xlsx";
import { formulaAt, packagePart, packageParts, sheetOf, temporaryFolder, valueAt } from "./xlsx-test-files";

const HEADERS = ["DO", "Tipo", "Fecha levante / autorización", "Tiempo servicio (días hábiles)", "Estado ANS"];
const folder = temporaryFolder();
afterAll(() => folder.cleanup());

function operationsPlan(): Plan {
  return {
    notes: [],
    steps: [
      { kind: "addSheet", sheet: "Operaciones" },
      { kind: "addSheet", sheet: "Parámetros" },
      {
        kind: "writeCells",
        sheet: "Operaciones",
        cells: [
          ...HEADERS.map((header, col) => ({ row: 0, col, value: header, expected: null })),
          { row: 1, col: 0, value: "DO-1", expected: null },
          { row: 1, col: 1, value: "Importación", expected: null },
          { row: 1, col: 2, value: 46097.625, expected: null },
          { row: 2, col: 0, value: "DO-2", expected: null },
          { row: 2, col: 1, value: "Exportación", expected: null },
        ],
      },
      { kind: "writeCells", sheet: "Parámetros", cells: [{ row: 1, col: 1, formula: "=TODAY()", result: 46100, expected: null }] },
      { kind: "createTable", sheet: "Operaciones", table: "tblOperaciones", area: { row: 0, col: 0, rowCount: 3, colCount: 5 }, style: "TableStyleMedium2" },
      {
        kind: "fillColumn",
        sheet: "Operaciones",
        col: 3,
        firstRow: 1,
        rowCount: 2,
        formula: '=ADUANA.TIEMPO_SERVICIO([@[Fecha levante / autorización]],[@[Fecha levante / autorización]],"d")',
        results: [0, ""],
        expected: [null, null],
      },
      { kind: "numberFormat", sheet: "Operaciones", area: { row: 1, col: 2, rowCount: 2, colCount: 1 }, format: "dd/mm/yyyy hh:mm" },
      {
        kind: "listValidation",
        sheet: "Operaciones",
        area: { row: 1, col: 1, rowCount: 2, colCount: 1 },
        source: { values: ["Importación", "Exportación"] },
        errorMessage: "Elija Importación o Exportación.",
      },
      {
        kind: "conditionalFormat",
        sheet: "Operaciones",
        area: { row: 1, col: 0, rowCount: 2, colCount: 5 },
        formula: '=$E2="No cumple"',
        fill: "#FFC7CE",
        fontColor: "#9C0006",
      },
      { kind: "freezeRows", sheet: "Operaciones", rows: 1 },
      { kind: "columnWidth", sheet: "Operaciones", col: 2, width: 22 },
      { kind: "defineName", name: "ADUANA_HOY", reference: "='Parámetros'!$B$2" },
      { kind: "chart", sheet: "Operaciones", name: "grafico", title: "% cumplimiento", categories: { row: 1, col: 0, rowCount: 2, colCount: 1 }, values: { row: 1, col: 3, rowCount: 2, colCount: 1 }, anchor: { row: 5, col: 5 } },
      { kind: "activate", sheet: "Operaciones", cell: { row: 1, col: 0 } },
    ],
  };
}

describe("applyPlan → save → load → readSnapshot", () => {
  let buffer: Buffer;
  let warnings: string[];
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const report = applyPlan(wb, operationsPlan());
    warnings = report.warnings;
    expect(report.applied).toBe(operationsPlan().steps.length);
    await saveWorkbookFile(wb, folder.file("round-trip.xlsx"));
    buffer = readFileSync(folder.file("round-trip.xlsx"));
  });

  it("keeps values, dates as serials and the sheet order", async () => {
    const snapshot = readSnapshot(await loadWorkbookFile(folder.file("round-trip.xlsx")));
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["Operaciones", "Parámetros"]);
    const sheet = sheetOf(snapshot, "Operaciones");
    expect(valueAt(sheet, "A1")).toBe("DO");
    expect(valueAt(sheet, "A3")).toBe("DO-2");
    expect(valueAt(sheet, "B2")).toBe("Importación");
    expect(valueAt(sheet, "C2")).toBe(46097.625);
    expect(valueAt(sheet, "C3")).toBeNull();
  });

  it("reads formulas back in the UI form with their cached results", async () => {
    const sheet = sheetOf(readSnapshot(await loadWorkbookFile(folder.file("round-trip.xlsx"))), "Operaciones");
    expect(formulaAt(sheet, "D2")).toBe(
      '=ADUANA.TIEMPO_SERVICIO([@[Fecha levante / autorización]],[@[Fecha levante / autorización]],"d")',
    );
    expect(valueAt(sheet, "D2")).toBe(0);
    expect(formulaAt(sheet, "D3")).toBe(formulaAt(sheet, "D2"));
    expect(formulaAt(sheet, "A2")).toBeNull();
  });

  it("stores custom functions and structured references in the file form Excel writes", async () => {
    const xml = await packagePart(buffer, "xl/worksheets/sheet1.xml");
    expect(xml).toContain(
      "_xldudf_ADUANA_TIEMPO_SERVICIO(tblOperaciones[[#This Row],[Fecha levante / autorización]]",
    );
  });

  it("writes a real Excel table with the exact headers", async () => {
    expect(await packageParts(buffer, "xl/tables/")).toEqual(["xl/tables/table1.xml"]);
    const xml = (await packagePart(buffer, "xl/tables/table1.xml")) ?? "";
    expect(xml).toContain('name="tblOperaciones"');
    expect(xml).toContain('ref="A1:E3"');
    for (const [i, header] of HEADERS.entries()) expect(xml).toContain(`<tableColumn id="${i + 1}" name="${header}"`);
    const snapshot = readSnapshot(await loadWorkbookFile(folder.file("round-trip.xlsx")));
    const table = sheetOf(snapshot, "Operaciones").tables[0];
    expect(table?.name).toBe("tblOperaciones");
    expect(table?.area).toEqual({ row: 0, col: 0, rowCount: 3, colCount: 5 });
    expect(table?.columns.map((c) => c.header)).toEqual(HEADERS);
  });

  it("reads back formats, validations, conditional formats, frozen rows and names", async () => {
    const snapshot = readSnapshot(await loadWorkbookFile(folder.file("round-trip.xlsx")));
    const sheet = sheetOf(snapshot, "Operaciones");
    const table = sheet.tables[0];
    expect(table?.columns[2]?.numberFormat).toBe("dd/mm/yyyy hh:mm");
    expect(table?.columns[1]?.listValidation).toBe("Importación,Exportación");
    expect(table?.columns[0]?.listValidation).toBeNull();
    expect(table?.conditionalFormulas).toEqual(['=$E2="No cumple"']);
    expect(sheet.frozenRows).toBe(1);
    expect(snapshot.names).toEqual({ ADUANA_HOY: "'Parámetros'!$B$2" });
  });

  it("says that the chart is not in the file", () => {
    expect(warnings).toEqual([expect.stringContaining("no incluye el gráfico «% cumplimiento»")]);
  });

  it("appends table rows below the data and grows the table, its validation and its calculated column", async () => {
    const wb = await loadWorkbookFile(folder.file("round-trip.xlsx"));
    const operations = sheetOf(readSnapshot(wb), "Operaciones");
    const placed = planTableAppend({
      sheet: operations,
      table: "tblOperaciones",
      area: operations.tables[0]?.area ?? { row: 0, col: 0, rowCount: 0, colCount: 0 },
      rows: [["DO-3", "Importación", 46098.5, null, { formula: '=IF([@DO]="","","Cumple")', result: "Cumple" }]],
    });
    applyPlan(wb, { notes: [], steps: placed.step ? [placed.step] : [] });
    await saveWorkbookFile(wb, folder.file("appended.xlsx"));
    const reloaded = await loadWorkbookFile(folder.file("appended.xlsx"));
    const sheet = sheetOf(readSnapshot(reloaded), "Operaciones");
    expect(sheet.tables[0]?.area.rowCount).toBe(4);
    expect(valueAt(sheet, "A4")).toBe("DO-3");
    expect(valueAt(sheet, "C4")).toBe(46098.5);
    expect(formulaAt(sheet, "D4")).toBe(formulaAt(sheet, "D2"));
    expect(formulaAt(sheet, "E4")).toBe('=IF([@DO]="","","Cumple")');
    expect(valueAt(sheet, "E4")).toBe("Cumple");
    expect(reloaded.getWorksheet("Operaciones")?.getCell("C4").numFmt).toBe("dd/mm/yyyy hh:mm");
    const xml = (await packagePart(readFileSync(folder.file("appended.xlsx")), "xl/worksheets/sheet1.xml")) ?? "";
    expect(xml).toMatch(/sqref="B2:B4"/);
    expect(xml).toMatch(/sqref="A2:E4"/);
  });

  it("copies a sheet with its values, formulas, widths, merges and table", async () => {
    const wb = await loadWorkbookFile(folder.file("round-trip.xlsx"));
    wb.getWorksheet("Operaciones")?.mergeCells("G1:H1");
    applyPlan(wb, { notes: [], steps: [{ kind: "copySheet", sheet: "Operaciones", copyName: "Respaldo Operaciones" }] });
    await saveWorkbookFile(wb, folder.file("copied.xlsx"));
    const reloaded = await loadWorkbookFile(folder.file("copied.xlsx"));
    const snapshot = readSnapshot(reloaded);
    const copy = sheetOf(snapshot, "Respaldo Operaciones");
    expect(copy.position).toBe(2);
    // A table name belongs to one table: the copy's table is renamed, and its formulas refer to it.
    expect(copy.tables.map((t) => [t.name, t.area])).toEqual([["tblOperaciones2", sheetOf(snapshot, "Operaciones").tables[0]?.area]]);
    expect(sheetOf(snapshot, "Operaciones").tables.map((t) => t.name)).toEqual(["tblOperaciones"]);
    expect(valueAt(copy, "A3")).toBe("DO-2");
    expect(valueAt(copy, "C2")).toBe(46097.625);
    expect(formulaAt(copy, "D2")).toContain("ADUANA.TIEMPO_SERVICIO(");
    expect(formulaAt(copy, "D2")).toBe(formulaAt(sheetOf(snapshot, "Operaciones"), "D2"));
    expect(reloaded.getWorksheet("Respaldo Operaciones")?.getColumn(3).width).toBe(22);
    expect(reloaded.getWorksheet("Respaldo Operaciones")?.getCell("H1").isMerged).toBe(true);
  });
});

describe("renameTable", () => {
  it("renames the table and the structured references to it, as Excel does", () => {
    const wb = new ExcelJS.Workbook();
    applyPlan(wb, {
      notes: [],
      steps: [
        { kind: "addSheet", sheet: "Hoja1" },
        { kind: "writeCells", sheet: "Hoja1", cells: [
          { row: 0, col: 0, value: "No. DO", expected: null },
          { row: 1, col: 0, value: "DO-1", expected: null },
          { row: 0, col: 3, formula: "=COUNTA(Tabla1[No. DO])", result: 1, expected: null },
        ] },
        { kind: "createTable", sheet: "Hoja1", table: "Tabla1", area: { row: 0, col: 0, rowCount: 2, colCount: 1 }, style: "TableStyleLight9" },
        { kind: "renameTable", sheet: "Hoja1", table: "Tabla1", newName: "tblOperaciones" },
      ],
    });
    const sheet = sheetOf(readSnapshot(wb), "Hoja1");
    expect(sheet.tables.map((t) => t.name)).toEqual(["tblOperaciones"]);
    expect(formulaAt(sheet, "D1")).toBe("=COUNTA(tblOperaciones[No. DO])");
    expect(valueAt(sheet, "D1")).toBe(1);
  });
});
