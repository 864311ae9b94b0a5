import { OPERATION_HEADERS, SHEETS, TABLES } from "../../src/domain/workbook/headers";
import type { ReadProgress } from "../../src/excel/read-snapshot";
import { readSnapshot } from "../../src/excel/read-snapshot";
import { fakeContext, installFakeExcel } from "../support/fake-excel/fake-excel";
import { FakeWorkbook } from "../support/fake-excel/fake-workbook";
import { OPERATION_COLUMNS, operationsBook } from "../support/fake-excel/operations-book";

const col = (header: string) => OPERATION_COLUMNS.indexOf(header as (typeof OPERATION_COLUMNS)[number]);

async function read(book: FakeWorkbook, maxResponseBytes?: number, onProgress?: (p: ReadProgress) => void) {
  installFakeExcel(book);
  // The fake implements the members of Excel.RequestContext the adapter uses.
  const context = fakeContext(book) as unknown as Excel.RequestContext;
  const snapshot = await readSnapshot(context, { maxResponseBytes, onProgress });
  const largestResponse = Math.max(...book.syncs.map((s) => s.responseBytes));
  return { snapshot, syncs: book.syncs.length, largestResponse };
}

describe("readSnapshot", () => {
  it("reads values, formulas, tables, frozen rows and names as plain data", async () => {
    const book = operationsBook(3);
    const sheet = book.sheet(SHEETS.operations);
    sheet.frozenRows = 1;
    sheet.setCell(1, col(OPERATION_HEADERS.opened), { numberFormat: "dd/mm/yyyy" });
    sheet.setCell(1, col(OPERATION_HEADERS.serviceTime), { value: 4 });
    sheet.validations.push({
      area: { row: 1, col: col(OPERATION_HEADERS.type), rowCount: 3, colCount: 1 },
      rule: { list: { inCellDropDown: true, source: "Importación,Exportación" } },
      errorMessage: "",
    });
    sheet.conditionalFormats.push({ area: { row: 1, col: 0, rowCount: 3, colCount: 21 }, type: "Custom", formula: '=$S2="Vencido"', fill: "#FFC7CE", fontColor: "#9C0006" });
    sheet.conditionalFormats.push({ area: { row: 1, col: 0, rowCount: 3, colCount: 21 }, type: "ColorScale", formula: "", fill: "", fontColor: "" });
    book.names.set("ADUANA_HOY", "='Parámetros'!$B$2");

    const { snapshot } = await read(book);

    const ops = snapshot.sheets.find((s) => s.name === SHEETS.operations)!;
    expect(ops.area).toEqual({ row: 0, col: 0, rowCount: 4, colCount: OPERATION_COLUMNS.length });
    expect(ops.values[0]?.[0]).toBe("DO");
    expect(ops.values[2]?.[col(OPERATION_HEADERS.do)]).toBe("DO-000002");
    expect(ops.values[1]?.[col(OPERATION_HEADERS.opened)]).toBe(46000);
    expect(ops.values[1]?.[col(OPERATION_HEADERS.client)]).toBeNull();
    expect(ops.values[1]?.[col(OPERATION_HEADERS.serviceTime)]).toBe(4);
    expect(ops.formulas[1]?.[col(OPERATION_HEADERS.serviceTime)]).toMatch(/^=ADUANA\.TIEMPO_SERVICIO\(/);
    expect(ops.formulas[1]?.[col(OPERATION_HEADERS.do)]).toBeNull();
    expect(ops.frozenRows).toBe(1);
    expect(ops.position).toBe(0);

    const table = ops.tables[0]!;
    expect(table.name).toBe(TABLES.operations);
    expect(table.area).toEqual({ row: 0, col: 0, rowCount: 4, colCount: OPERATION_COLUMNS.length });
    expect(table.columns.map((c) => c.header)).toEqual(OPERATION_COLUMNS);
    expect(table.columns[col(OPERATION_HEADERS.opened)]?.numberFormat).toBe("dd/mm/yyyy");
    expect(table.columns[col(OPERATION_HEADERS.client)]?.numberFormat).toBe("General");
    expect(table.columns[col(OPERATION_HEADERS.type)]?.listValidation).toBe("Importación,Exportación");
    expect(table.columns[col(OPERATION_HEADERS.client)]?.listValidation).toBeNull();
    expect(table.conditionalFormulas).toEqual(['=$S2="Vencido"']);

    const notes = snapshot.sheets.find((s) => s.name === "Notas")!;
    expect(notes.area.rowCount).toBe(0);
    expect(notes.values).toEqual([]);
    expect(notes.position).toBe(1);
    expect(snapshot.names).toEqual({ ADUANA_HOY: "'Parámetros'!$B$2" });
  });

  // Excel on the web refuses responses over 5 MB; the docs say to split reads and sync per piece:
  // https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
  it("reads 20,000 prepared rows in several syncs, each response under 4 MB, syncs growing with the bytes", async () => {
    const small = await read(operationsBook(100));
    const large = await read(operationsBook(20_000));
    // A hundred DOs: sheet list, shapes, table details and one band of contents, give or take one.
    expect(small.syncs).toBeLessThanOrEqual(5);
    expect(large.largestResponse).toBeLessThan(4_000_000);
    expect(large.syncs).toBeGreaterThan(small.syncs);
    expect(large.snapshot.sheets[0]?.values).toHaveLength(20_001);
    expect(large.snapshot.sheets[0]?.values[20_000]?.[0]).toBe("DO-020000");
    expect(large.snapshot.sheets[0]?.formulas[20_000]?.[col(OPERATION_HEADERS.serviceTime)]).toMatch(/^=ADUANA/);
  });

  it("reads in bands under a small budget and stitches them back in order, reporting rows read", async () => {
    const whole = await read(operationsBook(250));
    const progress: ReadProgress[] = [];
    const banded = await read(operationsBook(250), 5_000, (p) => progress.push(p));
    expect(banded.syncs).toBeGreaterThan(whole.syncs + 5);
    expect(banded.snapshot).toEqual(whole.snapshot);
    expect(progress.at(-1)).toMatchObject({ rowsRead: 251, totalRows: 251, message: "Leyendo filas 251 de 251…" });
    expect(progress.map((p) => p.rowsRead)).toEqual([...progress.map((p) => p.rowsRead)].sort((a, b) => a - b));
  });

  it("retries with smaller bands when Excel refuses a response as too large", async () => {
    const book = operationsBook(2_000);
    book.payloadLimitBytes = 40_000;
    const { snapshot } = await read(book, 1_000_000);
    expect(book.syncs.some((s) => s.refused)).toBe(true);
    expect(snapshot.sheets[0]?.values[2_000]?.[0]).toBe("DO-002000");
  });

  // valuesOnly: https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrangeornullobject-member(1)
  it("does not read a million rows when a whole column is formatted", async () => {
    const book = operationsBook(3);
    const sheet = book.sheet(SHEETS.operations);
    for (let r = 0; r < 200_000; r += 1) sheet.setCell(r, 30, { numberFormat: "0.00" });
    const { snapshot } = await read(book);
    expect(snapshot.sheets[0]?.area).toEqual({ row: 0, col: 0, rowCount: 4, colCount: OPERATION_COLUMNS.length });
  });

  it("lists a «Respaldo …» copy and its tables without reading its contents", async () => {
    const book = operationsBook(3);
    const backup = book.addSheet("Respaldo Operaciones").put(0, 0, [["DO"], ["DO-1"]]);
    book.addTable(backup.name, "tblOperaciones2", { row: 0, col: 0, rowCount: 2, colCount: 1 });
    const { snapshot } = await read(book);
    const copy = snapshot.sheets.find((s) => s.name === "Respaldo Operaciones")!;
    expect(copy.values).toEqual([]);
    expect(copy.tables.map((t) => t.name)).toEqual(["tblOperaciones2"]);
  });

  it("reports no frozen rows when the sheet freezes nothing and no tables on a plain sheet", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Hoja1").put(2, 1, [["x", 1]]);
    const { snapshot } = await read(book);
    expect(snapshot.sheets[0]).toMatchObject({
      name: "Hoja1",
      area: { row: 2, col: 1, rowCount: 1, colCount: 2 },
      values: [["x", 1]],
      formulas: [[null, null]],
      tables: [],
      frozenRows: 0,
    });
  });
});
