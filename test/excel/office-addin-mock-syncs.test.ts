import { OfficeMockObject } from "office-addin-mock";
import { a1Address } from "../../src/domain/workbook/a1";
import { OPERATION_HEADERS, SHEETS, TABLES } from "../../src/domain/workbook/headers";
import type { Plan } from "../../src/domain/workbook/plan";
import { createExcelActions } from "../../src/excel/actions";
import { applyPlan } from "../../src/excel/apply-plan";
import { readSnapshot } from "../../src/excel/read-snapshot";

/**
 * The Office.js adapter driven through Microsoft's office-addin-mock: every object it touches is an OfficeMockObject,
 * so a property read before load + sync yields the mock's error string and a wrong count or a missed load shows up.
 */

type Entry = string | number | boolean;

const HEADERS: string[] = Object.values(OPERATION_HEADERS);
const col = (header: string) => HEADERS.indexOf(header);
const DO = col(OPERATION_HEADERS.do);
const TYPE = col(OPERATION_HEADERS.type);
const CLIENT = col(OPERATION_HEADERS.client);
const CLIENT_NIT = col(OPERATION_HEADERS.clientNit);
const OPENED = col(OPERATION_HEADERS.opened);
const TARGET = col(OPERATION_HEADERS.target);
const SERVICE = col(OPERATION_HEADERS.serviceTime);
const ANS = col(OPERATION_HEADERS.ansStatus);
const NC = col(OPERATION_HEADERS.nc);
const NOTES = col(OPERATION_HEADERS.notes);
const SERVICE_FORMULA = "=ADUANA.TIEMPO_SERVICIO([@[Fecha llegada mercancía]],[@[Fecha levante / autorización]])";
const ANS_FORMULA = "=ADUANA.ESTADO_ANS([@[Tiempo servicio (días hábiles)]],[@[Meta ANS (días hábiles)]])";
const TODAY = 46100;

/** A sheet as Excel holds it: `values` and `formulas` as Office.js returns them ("" for an empty cell). */
interface MockSheet {
  name: string;
  values: Entry[][];
  formulas: Entry[][];
  columnFormats: string[];
  columnLists: (string | null)[];
  frozenRows: number;
  table?: { name: string; conditionals: { type: string; formula: string | null }[] };
}

/** Operaciones with a header row and `rows` DOs: DO numbers, alternating Tipo, dates, and the service-time formula. */
function operationsSheet(rows: number): MockSheet {
  const values: Entry[][] = [HEADERS];
  const formulas: Entry[][] = [HEADERS];
  for (let i = 1; i <= rows; i += 1) {
    const valueRow: Entry[] = HEADERS.map(() => "");
    valueRow[DO] = `DO-${String(i).padStart(6, "0")}`;
    valueRow[TYPE] = i % 2 === 1 ? "Importación" : "Exportación";
    // Every tenth DO has no client yet, so the last row (rows is a multiple of 10) has an empty Cliente cell.
    valueRow[CLIENT] = i % 10 === 0 ? "" : `Cliente ${i % 37}`;
    valueRow[OPENED] = 46000 + (i % 60);
    valueRow[SERVICE] = i % 7;
    const formulaRow = [...valueRow];
    formulaRow[SERVICE] = SERVICE_FORMULA;
    values.push(valueRow);
    formulas.push(formulaRow);
  }
  const columnFormats = HEADERS.map((h) => (h.startsWith("Fecha") ? "dd/mm/yyyy" : "General"));
  const columnLists = HEADERS.map((h) => (h === OPERATION_HEADERS.type ? "Importación,Exportación" : null));
  const conditionals = [
    { type: "Custom", formula: '=$S2="Vencido"' },
    { type: "ColorScale", formula: null },
  ];
  return { name: SHEETS.operations, values, formulas, columnFormats, columnLists, frozenRows: 1, table: { name: TABLES.operations, conditionals } };
}

function emptySheet(name: string): MockSheet {
  return { name, values: [], formulas: [], columnFormats: [], columnLists: [], frozenRows: 0 };
}

/** A range the adapter asked for, and the `formulas` it held when made (to tell a write from a load). */
interface RangeRecord {
  sheet: string;
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
  /** The method that made it (getRangeByIndexes, getRange, getRow…). */
  via: string;
  mock: OfficeMockObject;
  formulasAtCreation: Entry[][];
  /** The sync that sends whatever is queued on this range. */
  flushedBySync: number;
}

const mockLoad = OfficeMockObject.prototype.load;
const mockSync = OfficeMockObject.prototype.sync;
const MOCK_ERRORS = new Set(["Error, property was not loaded", "Error, context.sync() was not called"]);

/** office-addin-mock keeps JSON-typed properties (a validation rule) as one value only when set this way. */
function setJsonProperty(mock: OfficeMockObject, name: string, value: unknown): void {
  (mock as unknown as { setValue(name: string, value: unknown): void }).setValue(name, value);
}

/**
 * A workbook of OfficeMockObjects shaped like the Excel object model the adapter uses. office-addin-mock cannot load
 * `items/…` through an array nor through a method's result, so collections and `getXxx()` results are mocks of their
 * own whose `load` forwards `items/x` to each item, and `context.sync()` syncs every mock made so far (as Excel
 * resolves every proxy of the request context).
 */
class MockExcel {
  syncs = 0;
  readonly ranges: RangeRecord[] = [];
  readonly calls: string[] = [];
  readonly context: OfficeMockObject;
  private readonly mocks: OfficeMockObject[] = [];

  constructor(readonly sheets: MockSheet[], names: Record<string, string>) {
    this.context = this.node({
      workbook: {},
      application: { suspendApiCalculationUntilNextSync: () => this.calls.push(`suspendApiCalculationUntilNextSync before sync ${this.syncs + 1}`) },
      sync: async () => {
        this.syncs += 1;
        for (const mock of this.mocks) await mockSync.call(mock);
      },
    });
    const sheetMocks = sheets.map((sheet, position) => this.sheetNode(sheet, position));
    const workbook = this.context.workbook as OfficeMockObject;
    workbook.worksheets = this.collection(sheetMocks, {
      getItem: (name: string) => {
        const found = sheetMocks[sheets.findIndex((s) => s.name === name)];
        if (!found) throw Object.assign(new Error(`No existe la hoja ${name}`), { code: "ItemNotFound" });
        return found;
      },
    });
    const tableSheets = sheets.filter((sheet) => sheet.table);
    const tableMocks = tableSheets.map((sheet) => this.tableNode(sheet));
    workbook.tables = this.collection(tableMocks, {
      getItem: (name: string) => {
        const found = tableMocks[tableSheets.findIndex((s) => s.table?.name.toLowerCase() === name.toLowerCase())];
        if (!found) throw Object.assign(new Error(`No existe la tabla ${name}`), { code: "ItemNotFound" });
        return found;
      },
    });
    workbook.names = this.collection(Object.entries(names).map(([name, formula]) => this.node({ name, formula: `=${formula}` })));
  }

  /** A tracked OfficeMockObject; `nullable` ones also load isNullObject, as Excel fills it for *OrNullObject. */
  private node(data: Record<string, unknown>, nullable = false): OfficeMockObject {
    const mock = new OfficeMockObject(data);
    mock.load = (spec: string) => {
      const paths = spec.split(",").map((p) => p.trim());
      const extra = paths.flatMap((p) => {
        const parts = p.split("/");
        return parts.slice(0, -1).flatMap((part, i) => (part.endsWith("OrNullObject") ? [`${parts.slice(0, i + 1).join("/")}/isNullObject`] : []));
      });
      mockLoad.call(mock, [...paths, ...extra, ...(nullable ? ["isNullObject"] : [])].join(","));
      return mock;
    };
    this.mocks.push(mock);
    return mock;
  }

  /** A collection: `load("items/a,items/b/c")` loads `items` here and `a`, `b/c` on each item. */
  private collection(items: OfficeMockObject[], methods: Record<string, unknown> = {}): OfficeMockObject {
    const mock = new OfficeMockObject({ items, ...methods });
    mock.load = (spec: string) => {
      const paths = spec.split(",").map((p) => p.trim());
      const itemPaths = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice("items/".length));
      if (itemPaths.length !== paths.length) throw new Error(`El mock solo carga items/… de una colección, no «${spec}».`);
      mockLoad.call(mock, "items");
      for (const item of items) item.load(itemPaths.join(","));
      return mock;
    };
    this.mocks.push(mock);
    return mock;
  }

  private sheetNode(sheet: MockSheet, position: number): OfficeMockObject {
    return this.node({
      name: sheet.name,
      position,
      freezePanes: {
        getLocationOrNullObject: () =>
          this.node({ isNullObject: sheet.frozenRows === 0, rowIndex: 0, rowCount: sheet.frozenRows, columnIndex: 0, columnCount: 0 }, true),
      },
      getUsedRangeOrNullObject: () =>
        sheet.values.length === 0
          ? this.node({ isNullObject: true, rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 }, true)
          : this.range("getUsedRangeOrNullObject", sheet, 0, 0, sheet.values.length, sheet.values[0]?.length ?? 0, true),
      getRangeByIndexes: (row: number, column: number, rowCount: number, columnCount: number) =>
        this.range("getRangeByIndexes", sheet, row, column, rowCount, columnCount),
    });
  }

  private tableNode(sheet: MockSheet): OfficeMockObject {
    const rowCount = sheet.values.length;
    const colCount = sheet.values[0]?.length ?? 0;
    const table = this.node({
      name: sheet.table?.name,
      worksheet: { name: sheet.name },
      getRange: () => this.range("getRange", sheet, 0, 0, rowCount, colCount),
      getDataBodyRange: () => {
        const body = this.range("getDataBodyRange", sheet, 1, 0, rowCount - 1, colCount);
        body.conditionalFormats = this.collection(
          (sheet.table?.conditionals ?? []).map((cf) =>
            this.node({ type: cf.type, customOrNullObject: { isNullObject: cf.formula === null, rule: { formula: cf.formula ?? "" } } }),
          ),
        );
        return body;
      },
    });
    table.columns = this.collection(HEADERS.slice(0, colCount).map((name) => this.node({ name })));
    return table;
  }

  /** A Range over the sheet's cells as they are now; single cells also carry their data validation. */
  private range(via: string, sheet: MockSheet, row: number, col: number, rowCount: number, colCount: number, nullable = false): OfficeMockObject {
    if (rowCount < 1 || colCount < 1) throw new Error(`Rango vacío pedido en ${sheet.name}: ${rowCount}×${colCount}.`);
    const slice = (grid: Entry[][]) => grid.slice(row, row + rowCount).map((r) => r.slice(col, col + colCount));
    const formulasAtCreation = slice(sheet.formulas);
    const formatRow = sheet.columnFormats.slice(col, col + colCount);
    const data: Record<string, unknown> = {
      isNullObject: false,
      rowIndex: row,
      columnIndex: col,
      rowCount,
      columnCount: colCount,
      values: slice(sheet.values),
      formulas: formulasAtCreation,
      // Every row shares one array: the format is per column here, and 20,000 copies would only cost memory.
      numberFormat: Array.from({ length: rowCount }, () => formatRow),
      getRow: (r: number) => this.range("getRow", sheet, row + r, col, 1, colCount),
      getCell: (r: number, c: number) => this.range("getCell", sheet, row + r, col + c, 1, 1),
    };
    const list = rowCount === 1 && colCount === 1 ? (sheet.columnLists[col] ?? null) : undefined;
    if (list !== undefined) data.dataValidation = { type: list === null ? "None" : "List" };
    const mock = this.node(data, nullable);
    if (list !== undefined) {
      setJsonProperty(mock.dataValidation as OfficeMockObject, "rule", list === null ? {} : { list: { inCellDropDown: true, source: list } });
    }
    this.ranges.push({ sheet: sheet.name, via, row, col, rowCount, colCount, mock, formulasAtCreation, flushedBySync: this.syncs + 1 });
    return mock;
  }

  /** Ranges whose `formulas` the adapter assigned (a loaded range still holds the array it was made with). */
  writes(): RangeRecord[] {
    return this.ranges.filter((r) => {
      const formulas: unknown = r.mock.formulas;
      return formulas !== r.formulasAtCreation && !(typeof formulas === "string" && MOCK_ERRORS.has(formulas));
    });
  }

  /** The sheet's formulas after the recorded writes, as Excel would store them (a scalar fills the whole range). */
  formulasAfterWrites(sheetName: string): Entry[][] {
    const sheet = this.sheets.find((s) => s.name === sheetName)!;
    const grid = sheet.formulas.map((r) => [...r]);
    for (const w of this.writes().filter((x) => x.sheet === sheetName)) {
      const written: unknown = w.mock.formulas;
      for (let r = 0; r < w.rowCount; r += 1) {
        for (let c = 0; c < w.colCount; c += 1) {
          let entry: unknown = written;
          if (Array.isArray(written)) {
            // Office.js rejects an array whose shape differs from the range's; so does this mock.
            if (written.length !== w.rowCount || (written[r] as unknown[]).length !== w.colCount) throw new Error("Forma de matriz distinta a la del rango.");
            entry = (written[r] as unknown[])[c];
          }
          (grid[w.row + r] as Entry[])[w.col + c] = entry as Entry;
        }
      }
    }
    return grid;
  }

  /** Excel's global as the adapter uses it: Excel.run on this context, and the enums it compares against. */
  install(): void {
    (globalThis as unknown as { Excel: unknown }).Excel = {
      run: async (body: (context: unknown) => Promise<unknown>) => body(this.context),
      ConditionalFormatType: { custom: "Custom" },
      DataValidationType: { list: "List" },
    };
  }

  requestContext(): Excel.RequestContext {
    this.install();
    return this.context as unknown as Excel.RequestContext;
  }
}

function operationsBook(rows: number): MockExcel {
  return new MockExcel([operationsSheet(rows), emptySheet("Notas")], { ADUANA_HOY: "'Parámetros'!$B$2" });
}

/** Cells whose content differs between two grids, as "A1: before → after". */
function changedCells(before: Entry[][], after: Entry[][]): string[] {
  const changes: string[] = [];
  after.forEach((row, r) =>
    row.forEach((entry, c) => {
      const old = before[r]?.[c];
      if (old !== entry) changes.push(`${a1Address(r, c)}: ${JSON.stringify(old)} → ${JSON.stringify(entry)}`);
    }),
  );
  return changes;
}

afterEach(() => {
  delete (globalThis as unknown as { Excel?: unknown }).Excel;
});

describe("readSnapshot on office-addin-mock", () => {
  it.each([100, 20_000])("reads %i DOs, values and shapes cell by cell", async (rows) => {
    const excel = operationsBook(rows);
    const snapshot = await readSnapshot(excel.requestContext());

    expect(snapshot.sheets.map((s) => s.name)).toEqual([SHEETS.operations, "Notas"]);

    const ops = snapshot.sheets[0]!;
    expect(ops.area).toEqual({ row: 0, col: 0, rowCount: rows + 1, colCount: HEADERS.length });
    expect(ops.values).toHaveLength(rows + 1);
    expect(ops.formulas).toHaveLength(rows + 1);
    expect(ops.values[0]).toEqual(HEADERS);
    expect(ops.values[1]?.[DO]).toBe("DO-000001");
    expect(ops.values[1]?.[TYPE]).toBe("Importación");
    expect(ops.values[2]?.[TYPE]).toBe("Exportación");
    expect(ops.values[37]?.[OPENED]).toBe(46037);
    expect(ops.values[38]?.[CLIENT]).toBe("Cliente 1");
    expect(ops.values[rows]?.[DO]).toBe(`DO-${String(rows).padStart(6, "0")}`);
    expect(ops.values[rows]?.[OPENED]).toBe(46000 + (rows % 60));
    // Empty cells come back as null, not "".
    expect(ops.values[rows]?.[CLIENT]).toBeNull();
    expect(ops.values[rows]?.[NOTES]).toBeNull();
    // A formula cell: its cached value in values, its formula in formulas; constants have no formula.
    expect(ops.values[rows - 1]?.[SERVICE]).toBe((rows - 1) % 7);
    expect(ops.formulas[rows - 1]?.[SERVICE]).toBe(SERVICE_FORMULA);
    expect(ops.formulas[rows - 1]?.[DO]).toBeNull();
    expect(ops.formulas[rows - 1]?.[OPENED]).toBeNull();
    expect(ops.frozenRows).toBe(1);
    expect(ops.position).toBe(0);

    expect(ops.tables).toHaveLength(1);
    const table = ops.tables[0]!;
    expect(table.name).toBe(TABLES.operations);
    expect(table.area).toEqual({ row: 0, col: 0, rowCount: rows + 1, colCount: HEADERS.length });
    expect(table.columns.map((c) => c.header)).toEqual(HEADERS);
    expect(table.columns[OPENED]?.numberFormat).toBe("dd/mm/yyyy");
    expect(table.columns[DO]?.numberFormat).toBe("General");
    expect(table.columns[TYPE]?.listValidation).toBe("Importación,Exportación");
    expect(table.columns[CLIENT]?.listValidation).toBeNull();
    expect(table.conditionalFormulas).toEqual(['=$S2="Vencido"']);

    const notes = snapshot.sheets[1]!;
    expect(notes).toEqual({ name: "Notas", area: { row: 0, col: 0, rowCount: 0, colCount: 0 }, values: [], formulas: [], tables: [], frozenRows: 0, position: 1 });
    expect(snapshot.names).toEqual({ ADUANA_HOY: "'Parámetros'!$B$2" });
  });

  it("reads 20,000 rows in row bands without spending more syncs than 100 rows", async () => {
    const small = operationsBook(100);
    await readSnapshot(small.requestContext());
    const large = operationsBook(20_000);
    await readSnapshot(large.requestContext());
    const bands = (excel: MockExcel) =>
      excel.ranges.filter((r) => r.via === "getRangeByIndexes").map((r) => ({ row: r.row, rows: r.rowCount, cols: r.colCount, sync: r.flushedBySync }));
    // A hundred DOs take a handful of round trips; 20,000 take more, one per band under the byte budget.
    expect(small.syncs).toBeLessThanOrEqual(5);
    expect(large.syncs).toBeGreaterThan(small.syncs);
    // The full-width bands of formulas cover every row once, in order, over several syncs.
    const largeBands = bands(large).filter((b) => b.cols === HEADERS.length);
    expect(largeBands.length).toBeGreaterThan(1);
    expect(new Set(largeBands.map((b) => b.sync)).size).toBeGreaterThan(1);
    largeBands.forEach((b, i) => expect(b.row).toBe(i === 0 ? 0 : largeBands[i - 1]!.row + largeBands[i - 1]!.rows));
    expect(largeBands.reduce((n, b) => n + b.rows, 0)).toBe(20_001);
  });

  it.each([100, 20_000])("validar on %i DOs reads the workbook once and finds the duplicated DO in the last row", async (rows) => {
    const plainRead = operationsBook(rows);
    await readSnapshot(plainRead.requestContext());
    const excel = operationsBook(rows);
    const sheet = excel.sheets[0]!;
    (sheet.values[rows] as Entry[])[DO] = "DO-000001";
    (sheet.formulas[rows] as Entry[])[DO] = "DO-000001";
    excel.install();

    const report = await createExcelActions(() => TODAY).validar();

    expect(excel.syncs).toBe(plainRead.syncs);
    const duplicates = report.findings.filter((f) => f.rule === "do-duplicado");
    expect(duplicates.map((f) => `${f.sheet}!${f.cell}`)).toContain(`${SHEETS.operations}!A${rows + 1}`);
  });
});

describe("applyPlan on office-addin-mock", () => {
  /** Cells on three rows (one a formula) and the ANS formula down every data row, all expected empty. */
  function planFor(rows: number): Plan {
    return {
      notes: [],
      steps: [
        {
          kind: "writeCells",
          sheet: SHEETS.operations,
          cells: [
            { row: 3, col: NC, value: "NC-2026-001", expected: null },
            { row: 3, col: NOTES, value: "Revisar documentos", expected: null },
            { row: 3, col: TARGET, formula: '=IF([@Tipo]="Importación",5,3)', expected: null },
            { row: rows, col: CLIENT, value: "0012", expected: null },
            { row: rows, col: CLIENT_NIT, value: 900123456, expected: null },
          ],
        },
        { kind: "fillColumn", sheet: SHEETS.operations, col: ANS, firstRow: 1, rowCount: rows, formula: ANS_FORMULA, expected: Array<null>(rows).fill(null) },
      ],
    };
  }

  it.each([100, 20_000])(
    "writes exactly the planned cells of %i DOs, as 2-D arrays, and leaves a cell typed since the read alone",
    async (rows) => {
      const excel = operationsBook(rows);
      const context = excel.requestContext();
      const snapshot = await readSnapshot(context);
      const syncsOfRead = excel.syncs;
      // Another coordinator types an ANS status into row 8 after the read.
      const sheet = excel.sheets[0]!;
      (sheet.values[7] as Entry[])[ANS] = "Cumplido";
      (sheet.formulas[7] as Entry[])[ANS] = "Cumplido";
      const before = sheet.formulas.map((r) => [...r]);

      const report = await applyPlan(context, planFor(rows), snapshot);

      // Table shape, then the DO column and the target cells in bands, then the values.
      expect(report.syncs).toBeGreaterThanOrEqual(4);
      expect(excel.syncs - syncsOfRead).toBe(report.syncs);
      expect(report.conflicts).toHaveLength(1);
      expect(report.conflicts[0]).toMatch(/S8 cambió desde que se leyó; no se sobrescribió\.$/);
      expect(report.cellsWritten).toBe(5 + rows - 1);

      // What was assigned to which range: rectangles as 2-D arrays, the ANS formula in every cell of each run.
      // The values go in one sync; the cell it skipped is read again after it (calculated-column autofill).
      const writeSync = excel.syncs - 1;
      const writes = excel.writes().map((w) => ({ at: a1Address(w.row, w.col), rows: w.rowCount, cols: w.colCount, formulas: w.mock.formulas as unknown, sync: w.flushedBySync }));
      expect(writes).toEqual([
        { at: "Q4", rows: 1, cols: 1, formulas: [['=IF([@Tipo]="Importación",5,3)']], sync: writeSync },
        { at: "T4", rows: 1, cols: 2, formulas: [["NC-2026-001", "Revisar documentos"]], sync: writeSync },
        { at: a1Address(rows, CLIENT), rows: 1, cols: 2, formulas: [["'0012", 900123456]], sync: writeSync },
        { at: "S2", rows: 6, cols: 1, formulas: Array.from({ length: 6 }, () => [ANS_FORMULA]), sync: writeSync },
        { at: "S9", rows: rows - 7, cols: 1, formulas: Array.from({ length: rows - 7 }, () => [ANS_FORMULA]), sync: writeSync },
      ]);
      expect(excel.calls).toEqual([`suspendApiCalculationUntilNextSync before sync ${writeSync}`]);

      // Cell by cell: every change in the sheet, and nothing else.
      const expected = [
        ...Array.from({ length: rows }, (_, i) => i + 1)
          .filter((row) => row !== 7)
          .map((row) => ({ row, line: `S${row + 1}: "" → ${JSON.stringify(ANS_FORMULA)}` })),
        { row: 3, line: `Q4: "" → ${JSON.stringify('=IF([@Tipo]="Importación",5,3)')}` },
        { row: 3, line: 'T4: "" → "NC-2026-001"' },
        { row: 3, line: 'U4: "" → "Revisar documentos"' },
        { row: rows, line: `C${rows + 1}: "" → "'0012"` },
        { row: rows, line: `D${rows + 1}: "" → 900123456` },
      ];
      const changes = changedCells(before, excel.formulasAfterWrites(SHEETS.operations));
      expect(changes).toHaveLength(expected.length);
      expect(new Set(changes)).toEqual(new Set(expected.map((e) => e.line)));
      expect(excel.formulasAfterWrites(SHEETS.operations)[7]?.[ANS]).toBe("Cumplido");
    },
  );
});
