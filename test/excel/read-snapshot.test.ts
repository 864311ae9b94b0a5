import { OPERATION_HEADERS, SHEETS, TABLES } from "../../src/domain/workbook/headers";
import { READ_SNAPSHOT_SYNCS, readSnapshot } from "../../src/excel/read-snapshot";
import { fakeContext, installFakeExcel } from "../support/fake-excel/fake-excel";
import { FakeWorkbook } from "../support/fake-excel/fake-workbook";
import { OPERATION_COLUMNS, operationsBook } from "../support/fake-excel/operations-book";

const col = (header: string) => OPERATION_COLUMNS.indexOf(header as (typeof OPERATION_COLUMNS)[number]);

async function read(book: FakeWorkbook, chunkCells?: number) {
  installFakeExcel(book);
  // The fake implements the members of Excel.RequestContext the adapter uses.
  const context = fakeContext(book) as unknown as Excel.RequestContext;
  const snapshot = await readSnapshot(context, { chunkCells });
  return { snapshot, syncs: book.syncs.length };
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

  it("spends the same number of syncs for 100 and 20,000 rows", async () => {
    const small = await read(operationsBook(100));
    const large = await read(operationsBook(20_000));
    expect(small.syncs).toBe(READ_SNAPSHOT_SYNCS);
    expect(large.syncs).toBe(READ_SNAPSHOT_SYNCS);
    expect(large.snapshot.sheets[0]?.values).toHaveLength(20_001);
    expect(large.snapshot.sheets[0]?.values[20_000]?.[0]).toBe("DO-020000");
  });

  it("reads a large used range in bands and stitches them back in order", async () => {
    const whole = await read(operationsBook(250));
    const banded = await read(operationsBook(250), 21 * 7);
    expect(banded.syncs).toBe(whole.syncs);
    expect(banded.snapshot).toEqual(whole.snapshot);
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
