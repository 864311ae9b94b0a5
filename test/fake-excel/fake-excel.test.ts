/**
 * The fake Excel's own tests: each documented behaviour of Excel that the fake models, with the page that says so.
 * The adapter's tests are only as good as these behaviours.
 */
import { fakeContext } from "../support/fake-excel/fake-excel";
import { FakeWorkbook } from "../support/fake-excel/fake-workbook";

/** The fake's context, with the members these tests use. */
type Ctx = ReturnType<typeof fakeContext>;

function bookWithTable(): { book: FakeWorkbook; ctx: Ctx } {
  const book = new FakeWorkbook();
  book.addSheet("Datos").put(0, 0, [["Nº", "Texto"], ["NC-1", "uno"], ["NC-2", "dos"]]);
  book.addTable("Datos", "tblNC", { row: 0, col: 0, rowCount: 3, colCount: 2 });
  return { book, ctx: fakeContext(book) };
}

const codeOf = (error: unknown) => (error as { code?: string }).code;

describe("fake Excel, as Microsoft documents Excel", () => {
  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling ("ItemNotFound: The requested
  // resource doesn't exist"), raised when the batch runs at context.sync().
  it("fails a missing item at sync, applying what was queued before it and nothing after", async () => {
    const { book, ctx } = bookWithTable();
    const sheet = book.sheet("Datos");
    ctx.workbook.worksheets.getItem("Datos").getRangeByIndexes(5, 0, 1, 1).values = [["antes"]];
    const missing = ctx.workbook.tables.getItem("tblNoExiste");
    missing.name = "tblOtra";
    ctx.workbook.worksheets.getItem("Datos").getRangeByIndexes(6, 0, 1, 1).values = [["después"]];
    const error = await ctx.sync().then(() => null, (e: unknown) => e);
    expect(codeOf(error)).toBe("ItemNotFound");
    expect(sheet.content(5, 0)).toBe("antes");
    expect(sheet.content(6, 0)).toBe("");
    // The next batch runs normally.
    ctx.workbook.worksheets.getItem("Datos").getRangeByIndexes(6, 0, 1, 1).values = [["luego"]];
    await ctx.sync();
    expect(sheet.content(6, 0)).toBe("luego");
  });

  // NamedItem.getRange(): "Returns the range object that is associated with the name. Throws an error if the named
  // item's type is not a range." (https://learn.microsoft.com/javascript/api/excel/excel.nameditem)
  it("gives the range a defined name refers to, and fails at sync for a name that is not a range", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Parámetros").put(1, 1, [[46000]]);
    book.names.set("ADUANA_HOY", "='Parámetros'!$B$2");
    book.names.set("CONSTANTE", "=5");
    const ctx = fakeContext(book);
    const item = ctx.workbook.names.getItem("ADUANA_HOY").load("type");
    const range = ctx.workbook.names.getItem("ADUANA_HOY").getRange().load("values");
    await ctx.sync();
    expect([item.type, range.values]).toEqual(["Range", [[46000]]]);
    ctx.workbook.names.getItem("CONSTANTE").getRange();
    const error = await ctx.sync().then(() => null, (e: unknown) => e);
    expect(codeOf(error)).toBe("InvalidArgument");
  });

  it("fails a missing worksheet at sync, not when the proxy is made", async () => {
    const { ctx } = bookWithTable();
    const range = ctx.workbook.worksheets.getItem("No existe").getRangeByIndexes(0, 0, 1, 1);
    range.values = [["x"]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1):
  // alwaysInsert "Default is true": the rows are inserted and "any rows below … are shifted downwards".
  it("inserts with rows.add by default, shifting what is below the table down", async () => {
    const { book, ctx } = bookWithTable();
    const sheet = book.sheet("Datos");
    sheet.put(5, 0, [["Firma"]]);
    sheet.put(5, 3, [["fuera de la tabla"]]);
    ctx.workbook.tables.getItem("tblNC").rows.add(undefined, [["NC-3", "tres"]]);
    await ctx.sync();
    expect(sheet.content(3, 0)).toBe("NC-3");
    expect(sheet.content(6, 0)).toBe("Firma");
    expect(sheet.content(5, 0)).toBe("");
    // Only the table's columns move.
    expect(sheet.content(5, 3)).toBe("fuera de la tabla");
    expect(sheet.tables[0]?.rowCount).toBe(4);
  });

  it("adds below without shifting when alwaysInsert is false (ExcelApi 1.15)", async () => {
    const { book, ctx } = bookWithTable();
    const sheet = book.sheet("Datos");
    sheet.put(5, 0, [["Firma"]]);
    ctx.workbook.tables.getItem("tblNC").rows.add(undefined, [["NC-3", "tres"]], false);
    await ctx.sync();
    expect(sheet.content(5, 0)).toBe("Firma");
    expect(sheet.tables[0]?.rowCount).toBe(4);
  });

  it("refuses an insert that would split a wider table below with InsertDeleteConflict", async () => {
    const { book, ctx } = bookWithTable();
    book.sheet("Datos").put(6, 0, [["A", "B", "C"], [1, 2, 3]]);
    book.addTable("Datos", "tblAbajo", { row: 6, col: 0, rowCount: 2, colCount: 3 });
    ctx.workbook.tables.getItem("tblNC").rows.add(undefined, [["NC-3", "tres"]]);
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InsertDeleteConflict" });
  });

  // https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins#avoid-table-row-conflicts-in-coauthoring-scenarios:
  // "set values in the range directly below the table. Excel automatically expands the table"; only for actual data.
  it("grows a table when values are written right under it, but not for empty cells", async () => {
    const { book, ctx } = bookWithTable();
    const ws = ctx.workbook.worksheets.getItem("Datos");
    ws.getRangeByIndexes(3, 0, 2, 2).values = [["", ""], ["NC-4", "cuatro"]];
    await ctx.sync();
    expect(book.sheet("Datos").tables[0]?.rowCount).toBe(3);
    ws.getRangeByIndexes(3, 0, 1, 2).values = [["NC-3", "tres"]];
    await ctx.sync();
    expect(book.sheet("Datos").tables[0]?.rowCount).toBe(4);
  });

  // Worksheet.getUsedRangeOrNullObject(valuesOnly): "the smallest range that encompasses any cells that have a value
  // or formatting assigned to them"; valuesOnly "considers only cells with values"
  // (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrangeornullobject-member(1)).
  it("counts formatted empty cells in the used range unless valuesOnly", async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet("Hoja").put(0, 0, [["a", "b"]]);
    sheet.setCell(999, 5, { numberFormat: "dd/mm/yyyy" });
    const ctx = fakeContext(book);
    const all = ctx.workbook.worksheets.getItem("Hoja").getUsedRangeOrNullObject(false).load("rowCount,columnCount");
    const values = ctx.workbook.worksheets.getItem("Hoja").getUsedRangeOrNullObject(true).load("rowCount,columnCount");
    await ctx.sync();
    expect([all.rowCount, all.columnCount]).toEqual([1000, 6]);
    expect([values.rowCount, values.columnCount]).toEqual([1, 2]);
  });

  // Table names are unique in a workbook and Excel names ignore case
  // (https://support.microsoft.com/office/rename-an-excel-table-fbf49a4f-82a3-43eb-8ba2-44d21233b114).
  it("keeps table names unique in the workbook, without regard to case", async () => {
    const { book, ctx } = bookWithTable();
    book.addSheet("Otra").put(0, 0, [["X"], [1]]);
    book.addTable("Otra", "tblOtra", { row: 0, col: 0, rowCount: 2, colCount: 1 });
    expect(ctx.workbook.tables.getItem("TBLNC")).toBeDefined();
    await ctx.sync();
    ctx.workbook.tables.getItem("tblOtra").name = "TblNc";
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(book.sheet("Otra").tables[0]?.name).toBe("tblOtra");
  });

  // Worksheet.copy (ExcelApi 1.7, https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-copy-member(1));
  // the copied tables are renamed because table names are unique (https://github.com/OfficeDev/office-js/issues/2875).
  it("renames the tables of a copied sheet, and needs ExcelApi 1.7 to copy", async () => {
    const { book, ctx } = bookWithTable();
    ctx.workbook.worksheets.getItem("Datos").copy();
    await ctx.sync();
    expect(book.sheets.map((s) => s.name)).toEqual(["Datos", "Datos (2)"]);
    expect(book.sheet("Datos (2)").tables.map((t) => t.name)).toEqual(["tblNC2"]);
    expect(book.sheet("Datos (2)").content(2, 1)).toBe("dos");
    const old = new FakeWorkbook();
    old.apiVersion = 6;
    old.addSheet("Hoja");
    const oldCtx = fakeContext(old);
    oldCtx.workbook.worksheets.getItem("Hoja").copy();
    await expect(oldCtx.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  // "The number of rows or columns in the input array doesn't match the size or dimensions of the range"
  // (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values).
  it("refuses a write whose array shape differs from the range", async () => {
    const { ctx } = bookWithTable();
    const ws = ctx.workbook.worksheets.getItem("Datos");
    ws.getRangeByIndexes(5, 0, 2, 1).values = [["solo una fila"]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    ws.getRangeByIndexes(5, 0, 2, 1).numberFormat = [["0.00", "0.00"]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  // Range.values, Range.formulas and Range.numberFormat (ExcelApi 1.1): "the value argument can be either a single
  // value … or a two-dimensional array. If the argument is a single value, it will be applied to all cells in the
  // range" (https://github.com/DefinitelyTyped/DefinitelyTyped/blob/master/types/office-js/index.d.ts).
  it("applies one value, formula or number format to every cell of the range", async () => {
    const { book, ctx } = bookWithTable();
    const ws = ctx.workbook.worksheets.getItem("Datos");
    (ws.getRangeByIndexes(5, 0, 2, 1) as unknown as { values: string }).values = "x";
    (ws.getRangeByIndexes(5, 1, 2, 1) as unknown as { formulas: string }).formulas = "=1+1";
    (ws.getRangeByIndexes(5, 2, 2, 1) as unknown as { numberFormat: string }).numberFormat = "0.0%";
    await ctx.sync();
    const sheet = book.sheet("Datos");
    expect([sheet.content(5, 0), sheet.content(6, 0)]).toEqual(["x", "x"]);
    expect([sheet.cell(5, 1).formula, sheet.cell(6, 1).formula]).toEqual(["=1+1", "=1+1"]);
    expect([sheet.cell(5, 2).numberFormat, sheet.cell(6, 2).numberFormat]).toEqual(["0.0%", "0.0%"]);
  });

  // "null input … in a two-dimensional array … is ignored": https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values
  it("leaves a cell alone for null in a 2-D write, and clears it for an empty string", async () => {
    const { book, ctx } = bookWithTable();
    ctx.workbook.worksheets.getItem("Datos").getRangeByIndexes(1, 0, 1, 2).values = [[null, ""]] as unknown as string[][];
    await ctx.sync();
    expect([book.sheet("Datos").content(1, 0), book.sheet("Datos").content(1, 1)]).toEqual(["NC-1", ""]);
  });

  // TableCollection.add: "If the address does not contain a sheet name, the currently-active sheet is used"
  // (https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member(1)).
  it("puts a table given a sheet-less address on the active sheet", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Destino").put(0, 0, [["A"], [1]]);
    book.addSheet("Activa");
    book.activeSheet = "Activa";
    const ctx = fakeContext(book);
    ctx.workbook.worksheets.getItem("Destino").tables.add("A1:A2", true);
    await ctx.sync();
    expect(book.sheet("Destino").tables).toEqual([]);
    expect(book.sheet("Activa").tables).toHaveLength(1);
  });

  // Table.resize is ExcelApi 1.13: https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-resize-member(1)
  it("has no Table.resize below ExcelApi 1.13", async () => {
    const { book, ctx } = bookWithTable();
    book.apiVersion = 12;
    ctx.workbook.tables.getItem("tblNC").resize("A1:B5");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  // "Fill formulas in tables to create calculated columns" fills cells the add-in left out
  // (https://github.com/OfficeDev/office-js/issues/1916, https://github.com/OfficeDev/office-js/issues/2093).
  it("fills a column's empty cells when a formula is written into an otherwise empty table column", async () => {
    const { book, ctx } = bookWithTable();
    book.sheet("Datos").put(0, 2, [["Año"]]);
    book.sheet("Datos").tables[0]!.colCount = 3;
    ctx.workbook.worksheets.getItem("Datos").getRangeByIndexes(1, 2, 1, 1).formulas = [["=YEAR(TODAY())"]];
    await ctx.sync();
    expect(book.sheet("Datos").content(2, 2)).toBe("=YEAR(TODAY())");
    book.calculatedColumnAutofill = false;
    book.sheet("Datos").put(2, 2, [[null]]);
    ctx.workbook.worksheets.getItem("Datos").getRangeByIndexes(1, 2, 1, 1).formulas = [["=1"]];
    await ctx.sync();
    expect(book.sheet("Datos").content(2, 2)).toBe("");
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)
  it("deletes a worksheet with its tables, and a later use of it fails with ItemNotFound", async () => {
    const { book, ctx } = bookWithTable();
    book.addSheet("Otra");
    ctx.workbook.worksheets.getItem("Datos").delete();
    await ctx.sync();
    expect(book.sheets.map((s) => s.name)).toEqual(["Otra"]);
    expect(book.findTable("tblNC")).toBeNull();
    ctx.workbook.tables.getItem("tblNC").name = "tblOtra";
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  // Excel calculates a formula written through Range.formulas; the value read back is its result
  // (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values).
  it("shows the result the test gives for a written formula, and keeps the formula", async () => {
    const { book, ctx } = bookWithTable();
    book.calculate = (formula) => (formula === "=1+1" ? 2 : "#NAME?");
    const sheet = ctx.workbook.worksheets.getItem("Datos");
    sheet.getRangeByIndexes(5, 0, 2, 1).formulas = [["=1+1"], ["=NO.EXISTE()"]];
    const read = sheet.getRangeByIndexes(5, 0, 2, 1).load("values,formulas");
    await ctx.sync();
    expect(read.values).toEqual([[2], ["#NAME?"]]);
    expect(read.formulas).toEqual([["=1+1"], ["=NO.EXISTE()"]]);
  });
});
