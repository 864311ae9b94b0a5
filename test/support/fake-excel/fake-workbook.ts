/**
 * State of a fake Excel workbook: what a test seeds and what it inspects after the adapter ran.
 * The Office.js-shaped proxies over this state live in fake-excel.ts.
 */
export type FakeScalar = string | number | boolean;

export interface FakeCell {
  /** Constant or cached result of a formula ("" when empty). */
  value: FakeScalar;
  /** "=…" when the cell holds a formula. */
  formula: string | null;
  numberFormat: string;
}

export interface FakeArea {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

export interface FakeTable extends FakeArea {
  name: string;
  style: string;
}

export interface FakeValidation {
  area: FakeArea;
  rule: Excel.DataValidationRule;
  errorMessage: string;
}

export interface FakeConditionalFormat {
  area: FakeArea;
  type: string;
  formula: string;
  fill: string;
  fontColor: string;
}

export interface FakeChart {
  name: string;
  type: string;
  source: FakeArea;
  categories: FakeArea | null;
  title: string;
  anchor: string;
  /** Names given to the series, by index (multi-series charts). */
  seriesNames?: string[];
}

const EMPTY_CELL: Readonly<FakeCell> = Object.freeze({ value: "", formula: null, numberFormat: "General" });

/** Excel's column count: a cell's numeric key is row × MAX_COLUMNS + col (number keys keep 100,000-row benches fast). */
const MAX_COLUMNS = 16_384;
const cellKey = (row: number, col: number): number => row * MAX_COLUMNS + col;

export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  readonly tables: FakeTable[] = [];
  readonly validations: FakeValidation[] = [];
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  readonly charts: FakeChart[] = [];
  readonly columnWidths = new Map<number, number>();
  /** Range formats set through `range.format` (font, fill, borders, alignment, row height), in order. */
  readonly formatLog: { area: { row: number; col: number; rowCount: number; colCount: number }; property: string; value: unknown }[] = [];
  /** Print settings set through `worksheet.pageLayout` and its page breaks. */
  readonly pageLayout: Record<string, unknown> = {};
  readonly pageBreaks: string[] = [];
  frozenRows = 0;

  constructor(public name: string) {}

  cell(row: number, col: number): FakeCell {
    return this.cells.get(cellKey(row, col)) ?? EMPTY_CELL;
  }

  setCell(row: number, col: number, patch: Partial<FakeCell>): void {
    const next = { ...this.cell(row, col), ...patch };
    if (next.value === "" && next.formula === null && next.numberFormat === "General") this.cells.delete(cellKey(row, col));
    else this.cells.set(cellKey(row, col), next);
  }

  /** Writes rows of constants or formulas ("=…") from (row, col), as a test fixture. */
  put(row: number, col: number, rows: (FakeScalar | null)[][]): this {
    rows.forEach((cells, r) =>
      cells.forEach((v, c) => {
        if (typeof v === "string" && v.startsWith("=")) this.setCell(row + r, col + c, { formula: v, value: "" });
        else this.setCell(row + r, col + c, { value: v ?? "", formula: null });
      }),
    );
    return this;
  }

  /** Content as a user sees it in the formula bar: the formula, else the value ("" when empty). */
  content(row: number, col: number): FakeScalar {
    const cell = this.cell(row, col);
    return cell.formula ?? cell.value;
  }

  /** Moves the cells of columns col…col+colCount-1 from `fromRow` down by n rows (an insert). */
  shiftDown(fromRow: number, col: number, colCount: number, n: number): void {
    const moved: [number, number, FakeCell][] = [];
    for (const [k, cell] of this.cells) {
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      if (r >= fromRow && c >= col && c < col + colCount) moved.push([r, c, cell]);
    }
    for (const [r, c] of moved) this.cells.delete(cellKey(r, c));
    for (const [r, c, cell] of moved) this.cells.set(cellKey(r + n, c), cell);
  }

  /** Smallest rectangle holding every non-empty cell (values, or also formats unless valuesOnly), or null. */
  usedArea(valuesOnly = false): FakeArea | null {
    let minR = Infinity;
    let minC = Infinity;
    let maxR = -1;
    let maxC = -1;
    for (const [k, cell] of this.cells) {
      if (valuesOnly && cell.value === "" && cell.formula === null) continue;
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      minR = Math.min(minR, r);
      minC = Math.min(minC, c);
      maxR = Math.max(maxR, r);
      maxC = Math.max(maxC, c);
    }
    for (const t of valuesOnly ? [] : this.tables) {
      minR = Math.min(minR, t.row);
      minC = Math.min(minC, t.col);
      maxR = Math.max(maxR, t.row + t.rowCount - 1);
      maxC = Math.max(maxC, t.col + t.colCount - 1);
    }
    if (maxR < 0) return null;
    return { row: minR, col: minC, rowCount: maxR - minR + 1, colCount: maxC - minC + 1 };
  }
}

export interface SyncRecord {
  /** Estimated bytes of the writes queued before this sync (the request). */
  bytes: number;
  /** JSON bytes of everything loaded for this sync (the response). */
  responseBytes: number;
  /** True when the sync was refused for exceeding payloadLimitBytes. */
  refused: boolean;
  /** Whether suspendApiCalculationUntilNextSync was called for this sync. */
  calculationSuspended: boolean;
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly names = new Map<string, string>();
  readonly syncs: SyncRecord[] = [];
  selection: { sheet: string; area: FakeArea } | null = null;
  activeSheet: string | null = null;
  /** Excel on the web's 5 MB per request and per response; null models desktop Excel (no MB limit documented). */
  payloadLimitBytes: number | null = 5_000_000;
  /** Excel's AutoCorrect option "Fill formulas in tables to create calculated columns" (on by default). */
  calculatedColumnAutofill = true;
  /** Names deleted, and names whose formula was set in place (deleting ADUANA_HOY recalculates every formula using it). */
  nameDeletions = 0;
  nameFormulaChanges = 0;
  /** The result Excel shows for a formula written through the API (the fake has no calculation engine); null: "". */
  calculate: ((formula: string) => FakeScalar) | null = null;
  /** Highest ExcelApi minor version the fake claims to support (1.x). */
  apiVersion = 17;

  addSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(name);
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`fake: no sheet ${name}`);
    return sheet;
  }

  /** `base`, or base2, base3…: the first name no table uses (the names of new tables and of a copied sheet's tables). */
  uniqueTableName(base: string): string {
    if (!this.findTable(base)) return base;
    for (let n = 2; ; n += 1) if (!this.findTable(`${base}${n}`)) return `${base}${n}`;
  }

  /** Adds a table over an area whose header row is already written. */
  addTable(sheetName: string, name: string, area: FakeArea, style = "TableStyleMedium2"): FakeTable {
    const table = { name, style, ...area };
    this.sheet(sheetName).tables.push(table);
    return table;
  }

  /** Table names are compared without case, as Excel does. */
  findTable(name: string): { sheet: FakeSheet; table: FakeTable } | null {
    for (const sheet of this.sheets) {
      const table = sheet.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
      if (table) return { sheet, table };
    }
    return null;
  }
}
