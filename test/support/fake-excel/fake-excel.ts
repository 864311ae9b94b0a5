/**
 * A small Office.js-shaped fake over FakeWorkbook, for what office-addin-mock cannot model (collections, tables,
 * charts, validation). It is honest where the adapter could go wrong: a property is readable only after load()
 * and a context.sync(), values are captured in queue order, and every sync is recorded with the bytes queued
 * before it. It enforces Excel's documented behaviours, each with its own test citing the page that documents it
 * (test/fake-excel/fake-excel.test.ts): 5 MB per request and per response, failures raised at sync (ItemNotFound,
 * InvalidArgument…) with the rest of the batch unapplied, rows.add inserting and shifting by default, tables growing
 * for data written right under them, calculated-column autofill, the used range counting formats, unique
 * case-insensitive table names, copied sheets' tables renamed, array shapes, and API sets by version.
 */
import { parseArea } from "../../../src/domain/workbook/a1";
import { areasOverlap } from "../../../src/domain/workbook/grid-area";
import { FakeSheet } from "./fake-workbook";
import type { FakeArea, FakeScalar, FakeTable, FakeWorkbook } from "./fake-workbook";

const MAX_ROWS = 1_048_576;

class FakeContext {
  syncCount = 0;
  pendingBytes = 0;
  calculationSuspended = false;
  staged = new Set<FakeObject>();
  /** The first failed operation of the batch: Excel applies what was queued before it, nothing after, and sync rejects. */
  failure: Error | null = null;

  constructor(public book: FakeWorkbook) {}

  /** Queues an operation; false when an earlier operation of the batch failed, so this one is not applied. */
  queue(bytes: number): boolean {
    this.pendingBytes += bytes;
    return this.failure === null;
  }

  /**
   * A proxy for an item that does not exist fails when the batch runs, not when it is made:
   * "ItemNotFound … The requested resource doesn't exist" is raised by context.sync()
   * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling).
   */
  fail(code: string, message: string): void {
    this.failure ??= richApiError(code, message);
  }

  /**
   * Excel on the web refuses a request or a response over 5 MB with a RichApi.Error whose code is
   * RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded; the loads of a refused sync stay unread:
   * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
   * (The fake applies writes as they are queued, so a refused request's writes are not rolled back here.)
   */
  async sync(): Promise<void> {
    this.syncCount += 1;
    const requestBytes = this.pendingBytes;
    let responseBytes = 0;
    for (const obj of this.staged) responseBytes += obj.stagedBytes();
    const calculationSuspended = this.calculationSuspended;
    this.pendingBytes = 0;
    this.calculationSuspended = false;
    const staged = [...this.staged];
    this.staged.clear();
    const failure = this.failure;
    this.failure = null;
    if (failure) {
      this.book.syncs.push({ bytes: requestBytes, responseBytes: 0, calculationSuspended, refused: true });
      for (const obj of staged) obj.discard();
      throw failure;
    }
    const limit = this.book.payloadLimitBytes;
    if (limit !== null && requestBytes > limit) {
      this.book.syncs.push({ bytes: requestBytes, responseBytes: 0, calculationSuspended, refused: true });
      for (const obj of staged) obj.discard();
      throw richApiError("RequestPayloadSizeLimitExceeded", `request of ${requestBytes} bytes`);
    }
    if (limit !== null && responseBytes > limit) {
      this.book.syncs.push({ bytes: requestBytes, responseBytes, calculationSuspended, refused: true });
      for (const obj of staged) obj.discard();
      throw richApiError("ResponsePayloadSizeLimitExceeded", `response of ${responseBytes} bytes`);
    }
    this.book.syncs.push({ bytes: requestBytes, responseBytes, calculationSuspended, refused: false });
    for (const obj of staged) obj.publish();
    await Promise.resolve();
  }
}

/** The shape of Office.js's RichApi.Error: `code` is one of Excel.ErrorCodes. */
export function richApiError(code: string, message: string): Error & { code: string; name: string } {
  const error = new Error(`${code}: ${message}`) as Error & { code: string };
  error.name = "RichApi.Error";
  error.code = code;
  return error;
}

/** Base of every proxy: load() captures values now; they become readable at the next sync. */
abstract class FakeObject {
  private readonly stagedValues = new Map<string, unknown>();
  private readonly visible = new Map<string, unknown>();
  private readonly createdAt: number;
  private synced = false;

  constructor(protected readonly ctx: FakeContext, protected readonly isNull = false) {
    this.createdAt = ctx.syncCount;
  }

  /** Reads a scalar property from the state (called at load time). */
  protected abstract readScalar(name: string): unknown;
  /** Returns a navigation property's proxy (for "a/b" loads). */
  protected navigation(name: string): FakeObject | null {
    void name;
    return null;
  }

  load(props: string): this {
    for (const path of props.split(",").map((p) => p.trim()).filter(Boolean)) this.loadPath(path.split("/"));
    return this;
  }

  loadPath(path: string[]): void {
    const [head, ...rest] = path;
    if (head === undefined) return;
    this.ctx.staged.add(this);
    if (rest.length > 0) {
      if (this.isNull) return;
      const nav = this.navigation(head);
      if (!nav) throw new Error(`fake: ${head} is not a navigation property of ${this.constructor.name}`);
      nav.loadPath(rest);
      return;
    }
    this.stagedValues.set(head, this.isNull ? null : this.readScalar(head));
  }

  publish(): void {
    this.synced = true;
    for (const [k, v] of this.stagedValues) this.visible.set(k, v);
    this.stagedValues.clear();
  }

  /** JSON bytes of the loaded values this object adds to the next response. */
  stagedBytes(): number {
    let bytes = 0;
    for (const v of this.stagedValues.values()) bytes += Buffer.byteLength(JSON.stringify(v) ?? "", "utf8");
    return bytes;
  }

  /** A refused sync: what was loaded is never delivered. */
  discard(): void {
    this.stagedValues.clear();
  }

  protected get<T>(name: string): T {
    if (!this.visible.has(name)) {
      throw new Error(`PropertyNotLoaded: ${this.constructor.name}.${name} was read without load() and sync()`);
    }
    return this.visible.get(name) as T;
  }

  get isNullObject(): boolean {
    if (!this.synced && this.ctx.syncCount === this.createdAt) throw new Error("PropertyNotLoaded: isNullObject before sync()");
    return this.isNull;
  }
}

function bytesOf(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "", "utf8") + 100;
}

/** What Excel stores when a cell is given `entry` through `formulas`/`values`. */
function parseEntry(entry: unknown): { value: FakeScalar; formula: string | null } {
  if (typeof entry === "number" || typeof entry === "boolean") return { value: entry, formula: null };
  const text = String(entry ?? "");
  if (text.startsWith("=")) return { value: "", formula: text };
  if (text.startsWith("'")) return { value: text.slice(1), formula: null };
  if (/^(TRUE|FALSE)$/i.test(text)) return { value: text.toUpperCase() === "TRUE", formula: null };
  // Excel turns numeric-looking text into a number, leading zeros lost.
  if (text.trim() !== "" && /^[\s\d.+-]+$/.test(text) && Number.isFinite(Number(text))) return { value: Number(text), formula: null };
  return { value: text, formula: null };
}

/** The area an Office.js address names ("Hoja!A1:C9", "$B$2"); the fake rejects what it cannot read. */
function areaOf(address: string): FakeArea {
  const area = parseArea(address);
  if (!area) throw new Error(`fake: unsupported address ${address}`);
  return area;
}

class FakeRange extends FakeObject {
  constructor(
    ctx: FakeContext,
    readonly sheetState: FakeSheet,
    readonly area: FakeArea,
    isNull = false,
  ) {
    super(ctx, isNull);
  }

  protected readScalar(name: string): unknown {
    const { row, col, rowCount, colCount } = this.area;
    // Plain loops: this runs over millions of cells in the 100,000-row bench.
    const grid = (f: (r: number, c: number) => unknown) => {
      const rows: unknown[][] = new Array<unknown[]>(rowCount);
      for (let r = 0; r < rowCount; r++) {
        const cells: unknown[] = new Array<unknown>(colCount);
        for (let c = 0; c < colCount; c++) cells[c] = f(row + r, col + c);
        rows[r] = cells;
      }
      return rows;
    };
    switch (name) {
      case "values":
        return grid((r, c) => this.sheetState.cell(r, c).value);
      case "formulas":
        return grid((r, c) => {
          const cell = this.sheetState.cell(r, c);
          return cell.formula ?? cell.value;
        });
      case "numberFormat":
        return grid((r, c) => this.sheetState.cell(r, c).numberFormat);
      case "rowIndex":
        return row;
      case "columnIndex":
        return col;
      case "rowCount":
        return rowCount;
      case "columnCount":
        return colCount;
      default:
        throw new Error(`fake: Range.${name} is not modelled`);
    }
  }

  protected navigation(name: string): FakeObject | null {
    if (name === "worksheet") return this.worksheet;
    return null;
  }

  get values(): unknown[][] {
    return this.get("values");
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(entries: unknown) {
    this.write(entries);
  }
  set values(entries: unknown) {
    this.write(entries);
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  /** One format string for every cell, or a 2-D array of the range's shape (same reference as values above). */
  set numberFormat(format: unknown) {
    if (!this.ctx.queue(bytesOf(format)) || !this.matchesShape(format)) return;
    this.forEachCell(format, (r, c, f) => this.sheetState.setCell(r, c, { numberFormat: String(f) }));
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }

  private worksheetProxy?: FakeWorksheet;
  get worksheet(): FakeWorksheet {
    this.worksheetProxy ??= new FakeWorksheet(this.ctx, this.sheetState);
    return this.worksheetProxy;
  }

  private write(entries: unknown): void {
    if (!this.ctx.queue(bytesOf(entries))) return;
    // "When setting values [formulas] to a range, the value argument can be either a single value … or a
    // two-dimensional array. If the argument is a single value, it will be applied to all cells in the range"
    // (Range.values / Range.formulas, ExcelApi 1.1 reference as shipped in
    // https://github.com/DefinitelyTyped/DefinitelyTyped/blob/master/types/office-js/index.d.ts). Only a 2-D array
    // of another shape is refused.
    if (!this.matchesShape(entries)) return;
    this.forEachCell(entries, (r, c, entry) => {
      // null in a 2-D write leaves the cell as it is: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values
      if (entry === null) return;
      const parsed = parseEntry(entry);
      // Excel calculates what is written; the fake shows the result the test's `calculate` gives, else "".
      if (parsed.formula !== null) parsed.value = this.ctx.book.calculate?.(parsed.formula) ?? "";
      this.sheetState.setCell(r, c, parsed);
    });
    expandTablesBelow(this.sheetState, this.area, entries);
    autofillCalculatedColumns(this.ctx.book, this.sheetState, this.area, entries);
  }

  /**
   * "The number of rows or columns in the input array doesn't match the size or dimensions of the range"
   * (InvalidArgument): https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values
   */
  private matchesShape(data: unknown): boolean {
    const { rowCount, colCount } = this.area;
    if (!Array.isArray(data)) return true;
    if (data.length !== rowCount || data.some((r) => !Array.isArray(r) || r.length !== colCount)) {
      this.ctx.fail("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rowCount}×${colCount}).`);
      return false;
    }
    return true;
  }

  /** A 2-D array of the range's shape, or one value for every cell (number formats). */
  private forEachCell(data: unknown, apply: (row: number, col: number, entry: unknown) => void): void {
    const { row, col, rowCount, colCount } = this.area;
    if (Array.isArray(data)) {
      data.forEach((cells: unknown[], r) => cells.forEach((v, c) => apply(row + r, col + c, v)));
      return;
    }
    for (let r = 0; r < rowCount; r += 1) for (let c = 0; c < colCount; c += 1) apply(row + r, col + c, data);
  }

  getRow(i: number): FakeRange {
    return new FakeRange(this.ctx, this.sheetState, { ...this.area, row: this.area.row + i, rowCount: 1 });
  }
  getCell(r: number, c: number): FakeRange {
    return new FakeRange(this.ctx, this.sheetState, { row: this.area.row + r, col: this.area.col + c, rowCount: 1, colCount: 1 });
  }
  getEntireColumn(): FakeRange {
    return new FakeRange(this.ctx, this.sheetState, { row: 0, col: this.area.col, rowCount: MAX_ROWS, colCount: this.area.colCount });
  }
  getEntireRow(): FakeRange {
    return new FakeRange(this.ctx, this.sheetState, { row: this.area.row, col: 0, rowCount: this.area.rowCount, colCount: 16_384 });
  }
  getIntersectionOrNullObject(other: FakeRange): FakeRange {
    const a = this.area;
    const b = other.area;
    const row = Math.max(a.row, b.row);
    const col = Math.max(a.col, b.col);
    const rowEnd = Math.min(a.row + a.rowCount, b.row + b.rowCount);
    const colEnd = Math.min(a.col + a.colCount, b.col + b.colCount);
    const empty = other.sheetState !== this.sheetState || rowEnd <= row || colEnd <= col;
    return new FakeRange(this.ctx, this.sheetState, { row, col, rowCount: rowEnd - row, colCount: colEnd - col }, empty);
  }
  select(): void {
    if (!this.ctx.queue(100)) return;
    this.ctx.book.selection = { sheet: this.sheetState.name, area: this.area };
    this.ctx.book.activeSheet = this.sheetState.name;
  }

  get format() {
    const { ctx, area, sheetState } = this;
    const log = (property: string) => (value: unknown) => {
      ctx.queue(100);
      sheetState.formatLog.push({ area: { ...area }, property, value });
    };
    const part = (prefix: string, names: string[]) =>
      Object.defineProperties({}, Object.fromEntries(names.map((n) => [n, { set: log(`${prefix}.${n}`) }]))) as Record<string, unknown>;
    const fill = Object.assign(part("fill", ["color"]), { clear: () => log("fill.clear")(true) });
    return {
      set columnWidth(points: number) {
        if (!ctx.queue(100)) return;
        for (let c = 0; c < area.colCount; c += 1) sheetState.columnWidths.set(area.col + c, points);
      },
      set rowHeight(points: number) {
        log("rowHeight")(points);
      },
      set wrapText(wrap: boolean) {
        log("wrapText")(wrap);
      },
      set horizontalAlignment(value: string) {
        log("horizontalAlignment")(value);
      },
      set verticalAlignment(value: string) {
        log("verticalAlignment")(value);
      },
      autofitRows: () => log("autofitRows")(true),
      font: part("font", ["bold", "italic", "size", "color"]),
      fill,
      borders: { getItem: (edge: string) => part(`borders.${edge}`, ["style", "weight", "color"]) },
    };
  }
  merge(across = false): void {
    this.ctx.queue(100);
    this.sheetState.formatLog.push({ area: { ...this.area }, property: "merge", value: across });
  }

  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this.ctx, this.sheetState, this.area);
  }

  get conditionalFormats(): FakeConditionalFormats {
    return new FakeConditionalFormats(this.ctx, this.sheetState, this.area);
  }
}

/**
 * "Set values in the range directly below the table. Excel automatically expands the table" (tables only grow for
 * actual data): https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins#avoid-table-row-conflicts-in-coauthoring-scenarios
 */
function expandTablesBelow(sheet: FakeSheet, area: FakeArea, entries: unknown): void {
  if (!Array.isArray(entries)) return;
  for (const t of sheet.tables) {
    let end = t.row + t.rowCount;
    const colsOverlap = area.col < t.col + t.colCount && t.col < area.col + area.colCount;
    if (!colsOverlap || area.row > end || area.row + area.rowCount <= end) continue;
    while (end < area.row + area.rowCount) {
      const cells = (entries as unknown[][])[end - area.row] ?? [];
      const hasData = cells.some((v, c) => area.col + c >= t.col && area.col + c < t.col + t.colCount && v !== null && v !== "");
      if (!hasData) break;
      end += 1;
    }
    t.rowCount = end - t.row;
  }
}

/**
 * Excel's "Fill formulas in tables to create calculated columns" (on by default): a formula entered in a table column
 * whose other cells are empty or hold that formula fills the column's empty cells too, even where the add-in left a
 * cell out: https://github.com/OfficeDev/office-js/issues/1916, https://github.com/OfficeDev/office-js/issues/2093
 */
function autofillCalculatedColumns(book: FakeWorkbook, sheet: FakeSheet, area: FakeArea, entries: unknown): void {
  if (!book.calculatedColumnAutofill || !Array.isArray(entries)) return;
  for (const t of sheet.tables) {
    for (let c = Math.max(area.col, t.col); c < Math.min(area.col + area.colCount, t.col + t.colCount); c += 1) {
      const written = (entries as unknown[][]).map((cells) => cells[c - area.col]).find((v) => typeof v === "string" && v.startsWith("="));
      if (typeof written !== "string") continue;
      let consistent = true;
      for (let r = t.row + 1; r < t.row + t.rowCount && consistent; r += 1) {
        const content = sheet.content(r, c);
        consistent = content === "" || content === written;
      }
      if (!consistent) continue;
      for (let r = t.row + 1; r < t.row + t.rowCount; r += 1) if (sheet.content(r, c) === "") sheet.setCell(r, c, { formula: written, value: "" });
    }
  }
}

class FakeDataValidation extends FakeObject {
  private message = "";
  constructor(ctx: FakeContext, private readonly sheet: FakeSheet, private readonly area: FakeArea) {
    super(ctx);
  }
  private current() {
    return [...this.sheet.validations].reverse().find((v) => areasOverlap(v.area, this.area) && v.area.row <= this.area.row && v.area.col <= this.area.col);
  }
  protected readScalar(name: string): unknown {
    const rule = this.current()?.rule;
    if (name === "rule") return rule ?? {};
    if (name === "type") return rule?.list ? "List" : rule?.wholeNumber ? "WholeNumber" : "None";
    throw new Error(`fake: DataValidation.${name} is not modelled`);
  }
  get rule(): Excel.DataValidationRule {
    return this.get("rule");
  }
  set rule(rule: Excel.DataValidationRule) {
    if (!this.ctx.queue(bytesOf(rule))) return;
    this.sheet.validations.push({ area: this.area, rule, errorMessage: this.message });
  }
  get type(): string {
    return this.get("type");
  }
  set errorAlert(alert: { message?: string }) {
    this.message = alert.message ?? "";
    const last = this.sheet.validations[this.sheet.validations.length - 1];
    if (last && last.area === this.area) last.errorMessage = this.message;
  }
  clear(): void {
    const keep = this.sheet.validations.filter((v) => !areasOverlap(v.area, this.area));
    this.sheet.validations.splice(0, this.sheet.validations.length, ...keep);
  }
}

class FakeConditionalFormat extends FakeObject {
  constructor(ctx: FakeContext, readonly state: FakeSheet["conditionalFormats"][number]) {
    super(ctx);
  }
  protected readScalar(name: string): unknown {
    if (name === "type") return this.state.type;
    throw new Error(`fake: ConditionalFormat.${name} is not modelled`);
  }
  protected navigation(name: string): FakeObject | null {
    if (name === "customOrNullObject") return this.customOrNullObject;
    return null;
  }
  get type(): string {
    return this.get("type");
  }
  private customNull?: FakeCustomFormat;
  get customOrNullObject(): FakeCustomFormat {
    this.customNull ??= new FakeCustomFormat(this.ctx, this.state, this.state.type !== "Custom");
    return this.customNull;
  }
  get custom(): FakeCustomFormat {
    return new FakeCustomFormat(this.ctx, this.state, false);
  }
}

class FakeCustomFormat extends FakeObject {
  private ruleObject?: FakeRule;
  constructor(ctx: FakeContext, private readonly state: FakeSheet["conditionalFormats"][number], isNull: boolean) {
    super(ctx, isNull);
  }
  protected readScalar(name: string): unknown {
    throw new Error(`fake: CustomConditionalFormat.${name} is not modelled`);
  }
  protected navigation(name: string): FakeObject | null {
    return name === "rule" ? this.rule : null;
  }
  get rule(): FakeRule {
    this.ruleObject ??= new FakeRule(this.ctx, this.state);
    return this.ruleObject;
  }
  get format() {
    const state = this.state;
    return {
      fill: {
        set color(c: string) {
          state.fill = c;
        },
      },
      font: {
        set color(c: string) {
          state.fontColor = c;
        },
      },
    };
  }
}

class FakeRule extends FakeObject {
  constructor(ctx: FakeContext, private readonly state: FakeSheet["conditionalFormats"][number]) {
    super(ctx);
  }
  protected readScalar(name: string): unknown {
    if (name === "formula") return this.state.formula;
    throw new Error(`fake: ConditionalFormatRule.${name} is not modelled`);
  }
  get formula(): string {
    return this.get("formula");
  }
  set formula(f: string) {
    if (!this.ctx.queue(bytesOf(f))) return;
    this.state.formula = f;
  }
}

class FakeConditionalFormats extends FakeObject {
  constructor(ctx: FakeContext, private readonly sheet: FakeSheet, private readonly area: FakeArea) {
    super(ctx);
  }
  private list?: FakeConditionalFormat[];
  protected readScalar(name: string): unknown {
    throw new Error(`fake: ConditionalFormatCollection.${name} is not modelled`);
  }
  protected navigation(name: string): FakeObject | null {
    if (name !== "items") return null;
    if (this.list) return new FakeItems(this.ctx, this.list);
    this.list = this.sheet.conditionalFormats.filter((cf) => areasOverlap(cf.area, this.area)).map((cf) => new FakeConditionalFormat(this.ctx, cf));
    return new FakeItems(this.ctx, this.list);
  }
  get items(): FakeConditionalFormat[] {
    if (!this.list) throw new Error("PropertyNotLoaded: conditionalFormats.items");
    return this.list;
  }
  add(type: string): FakeConditionalFormat {
    this.ctx.queue(200);
    const state = { area: this.area, type, formula: "", fill: "", fontColor: "" };
    this.sheet.conditionalFormats.push(state);
    return new FakeConditionalFormat(this.ctx, state);
  }
}

/** "items/x" loads: forwards the rest of the path to every item. */
class FakeItems extends FakeObject {
  constructor(ctx: FakeContext, private readonly items: FakeObject[]) {
    super(ctx);
  }
  protected readScalar(name: string): unknown {
    throw new Error(`fake: items.${name}`);
  }
  loadPath(path: string[]): void {
    for (const item of this.items) item.loadPath(path);
  }
}

abstract class FakeCollection<T extends FakeObject> extends FakeObject {
  private snapshotItems?: T[];
  private pendingItems?: T[];
  protected abstract current(): T[];
  protected readScalar(name: string): unknown {
    if (name === "count") return this.current().length;
    throw new Error(`fake: collection.${name} is not modelled`);
  }
  protected navigation(name: string): FakeObject | null {
    if (name !== "items") return null;
    this.pendingItems ??= this.current();
    return new FakeItems(this.ctx, this.pendingItems);
  }
  publish(): void {
    super.publish();
    if (this.pendingItems) this.snapshotItems = this.pendingItems;
    this.pendingItems = undefined;
  }
  get items(): T[] {
    if (!this.snapshotItems) throw new Error("PropertyNotLoaded: items");
    return this.snapshotItems;
  }
}

class FakeWorksheet extends FakeObject {
  constructor(ctx: FakeContext, readonly state: FakeSheet | null) {
    super(ctx, state === null);
  }
  private sheet(): FakeSheet {
    if (!this.state) throw new Error("fake: a null worksheet object was used");
    if (!this.ctx.book.sheets.includes(this.state)) this.ctx.fail("ItemNotFound", `worksheet ${this.state.name}`);
    return this.state;
  }
  protected readScalar(name: string): unknown {
    if (name === "name") return this.sheet().name;
    if (name === "position") return this.ctx.book.sheets.indexOf(this.sheet());
    throw new Error(`fake: Worksheet.${name} is not modelled`);
  }
  get name(): string {
    return this.get("name");
  }
  set name(name: string) {
    const sheet = this.sheet();
    if (!this.ctx.queue(100)) return;
    if (this.ctx.book.sheets.some((s) => s !== sheet && s.name.toLowerCase() === name.toLowerCase())) this.ctx.fail("ItemAlreadyExists", `sheet ${name}`);
    else sheet.name = name;
  }
  get position(): number {
    return this.get("position");
  }
  set position(position: number) {
    if (!this.ctx.queue(100)) return;
    const sheets = this.ctx.book.sheets;
    const s = this.sheet();
    sheets.splice(sheets.indexOf(s), 1);
    sheets.splice(Math.min(position, sheets.length), 0, s);
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, this.sheet(), areaOf(address));
  }
  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): FakeRange {
    if (rowCount < 1 || colCount < 1) throw new Error("InvalidArgument: empty range");
    return new FakeRange(this.ctx, this.sheet(), { row, col, rowCount, colCount });
  }
  /**
   * "The used range is the smallest range that encompasses any cells that have a value or formatting assigned to
   * them"; valuesOnly "considers only cells with values": https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrangeornullobject-member(1)
   */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const area = this.sheet().usedArea(valuesOnly);
    return new FakeRange(this.ctx, this.sheet(), area ?? { row: 0, col: 0, rowCount: 1, colCount: 1 }, area === null);
  }
  get tables(): FakeTables {
    return new FakeTables(this.ctx, this.sheet());
  }
  get charts(): FakeCharts {
    return new FakeCharts(this.ctx, this.sheet());
  }
  get pageLayout() {
    const sheet = this.sheet();
    const ctx = this.ctx;
    const layout = sheet.pageLayout;
    const set = (name: string) => ({
      set: (value: unknown) => {
        ctx.queue(100);
        layout[name] = value;
      },
    });
    const texts: Record<string, unknown> = {};
    for (const place of ["left", "center", "right"]) {
      for (const part of ["Header", "Footer"]) Object.defineProperty(texts, `${place}${part}`, set(`${place}${part}`));
    }
    const target = {
      headersFooters: { defaultForAllPages: texts },
      setPrintArea: (area: string) => set("printArea").set(area),
      setPrintTitleRows: (rows: string) => set("printTitleRows").set(rows),
    };
    for (const name of ["orientation", "paperSize", "zoom", "leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin", "centerHorizontally"]) {
      Object.defineProperty(target, name, set(name));
    }
    return target;
  }
  get horizontalPageBreaks() {
    const sheet = this.sheet();
    const ctx = this.ctx;
    return {
      add(address: string) {
        ctx.queue(100);
        sheet.pageBreaks.push(address);
      },
      removePageBreaks() {
        ctx.queue(100);
        sheet.pageBreaks.length = 0;
      },
    };
  }
  get freezePanes() {
    const sheet = this.sheet();
    const ctx = this.ctx;
    return {
      freezeRows(rows: number) {
        if (!ctx.queue(100)) return;
        sheet.frozenRows = rows;
      },
      unfreeze() {
        if (!ctx.queue(100)) return;
        sheet.frozenRows = 0;
      },
      getLocationOrNullObject(): FakeRange {
        return new FakeRange(ctx, sheet, { row: 0, col: 0, rowCount: Math.max(1, sheet.frozenRows), colCount: 16_384 }, sheet.frozenRows === 0);
      },
    };
  }
  /**
   * Worksheet.copy (ExcelApi 1.7, https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-copy-member(1))
   * copies cells, formats, validations and conditional formats; the copy's tables get new names, since table names
   * are unique in a workbook (https://github.com/OfficeDev/office-js/issues/2875).
   */
  copy(): FakeWorksheet {
    const source = this.sheet();
    if (!this.ctx.queue(100)) return new FakeWorksheet(this.ctx, new FakeSheet(`${source.name} (2)`));
    if (this.ctx.book.apiVersion < 7) {
      this.ctx.fail("ApiNotFound", "Worksheet.copy needs ExcelApi 1.7");
      return new FakeWorksheet(this.ctx, new FakeSheet(`${source.name} (2)`));
    }
    let n = 2;
    while (this.ctx.book.sheets.some((s) => s.name.toLowerCase() === `${source.name} (${n})`.toLowerCase())) n += 1;
    const copy = this.ctx.book.addSheet(`${source.name} (${n})`);
    for (const [k, v] of source.cells) copy.cells.set(k, { ...v });
    for (const t of source.tables) copy.tables.push({ ...t, name: this.ctx.book.uniqueTableName(t.name) });
    for (const v of source.validations) copy.validations.push({ ...v, area: { ...v.area } });
    for (const cf of source.conditionalFormats) copy.conditionalFormats.push({ ...cf, area: { ...cf.area } });
    for (const [c, w] of source.columnWidths) copy.columnWidths.set(c, w);
    copy.frozenRows = source.frozenRows;
    return new FakeWorksheet(this.ctx, copy);
  }
  activate(): void {
    if (!this.ctx.queue(100)) return;
    this.ctx.book.activeSheet = this.sheet().name;
  }
  /**
   * Worksheet.delete "Deletes the worksheet from the workbook", its tables with it
   * (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)).
   */
  delete(): void {
    const sheet = this.sheet();
    if (!this.ctx.queue(100)) return;
    const sheets = this.ctx.book.sheets;
    if (sheets.includes(sheet)) sheets.splice(sheets.indexOf(sheet), 1);
    if (this.ctx.book.activeSheet === sheet.name) this.ctx.book.activeSheet = sheets[0]?.name ?? null;
  }
}

class FakeWorksheets extends FakeCollection<FakeWorksheet> {
  protected current(): FakeWorksheet[] {
    return this.ctx.book.sheets.map((s) => new FakeWorksheet(this.ctx, s));
  }
  getItem(name: string): FakeWorksheet {
    const state = this.ctx.book.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    // A detached sheet: what is queued on it is never applied, and the sync fails with ItemNotFound.
    return new FakeWorksheet(this.ctx, state ?? new FakeSheet(name));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.ctx.book.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null);
  }
  add(name: string): FakeWorksheet {
    if (!this.ctx.queue(100)) return new FakeWorksheet(this.ctx, new FakeSheet(name));
    if (this.ctx.book.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      this.ctx.fail("ItemAlreadyExists", `sheet ${name}`);
      return new FakeWorksheet(this.ctx, new FakeSheet(name));
    }
    return new FakeWorksheet(this.ctx, this.ctx.book.addSheet(name));
  }
  getActiveWorksheet(): FakeWorksheet {
    return this.getItem(this.ctx.book.activeSheet ?? this.ctx.book.sheets[0]?.name ?? "");
  }
}

class FakeTableProxy extends FakeObject {
  constructor(ctx: FakeContext, readonly sheetState: FakeSheet, readonly state: FakeTable | null) {
    super(ctx, state === null);
  }
  private table(): FakeTable {
    if (!this.state) throw new Error("fake: a null table object was used");
    return this.state;
  }
  protected readScalar(name: string): unknown {
    if (name === "name") return this.table().name;
    if (name === "style") return this.table().style;
    throw new Error(`fake: Table.${name} is not modelled`);
  }
  protected navigation(name: string): FakeObject | null {
    if (name === "worksheet") return this.worksheet;
    return null;
  }
  get name(): string {
    return this.get("name");
  }
  /**
   * Table names are unique in the workbook and compared without case, like every Excel name
   * (https://support.microsoft.com/office/rename-an-excel-table-fbf49a4f-82a3-43eb-8ba2-44d21233b114).
   */
  set name(name: string) {
    const table = this.table();
    if (!this.ctx.queue(100)) return;
    const other = this.ctx.book.findTable(name);
    if (other && other.table !== table) this.ctx.fail("InvalidArgument", `table name ${name} already used by ${other.table.name}`);
    else table.name = name;
  }
  set style(style: string) {
    if (this.ctx.queue(50)) this.table().style = style;
  }
  private worksheetProxy?: FakeWorksheet;
  get worksheet(): FakeWorksheet {
    this.worksheetProxy ??= new FakeWorksheet(this.ctx, this.sheetState);
    return this.worksheetProxy;
  }
  getRange(): FakeRange {
    const t = this.table();
    return new FakeRange(this.ctx, this.sheetState, { row: t.row, col: t.col, rowCount: t.rowCount, colCount: t.colCount });
  }
  getHeaderRowRange(): FakeRange {
    const t = this.table();
    return new FakeRange(this.ctx, this.sheetState, { row: t.row, col: t.col, rowCount: 1, colCount: t.colCount });
  }
  getDataBodyRange(): FakeRange {
    const t = this.table();
    if (t.rowCount < 2) throw new Error("fake: table without data rows");
    return new FakeRange(this.ctx, this.sheetState, { row: t.row + 1, col: t.col, rowCount: t.rowCount - 1, colCount: t.colCount });
  }
  get columns(): FakeTableColumns {
    return new FakeTableColumns(this.ctx, this.sheetState, this.table());
  }
  /**
   * TableRowCollection.add(index, values, alwaysInsert): "If true, the new rows will be inserted into the table. If
   * false, the new rows will be added below the table. Default is true"; inserted rows shift the cells below down
   * (https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1)).
   * Shifting into a table below that spans other columns fails with InsertDeleteConflict.
   */
  get rows() {
    const t = this.table();
    const sheet = this.sheetState;
    const ctx = this.ctx;
    return {
      add(index: number | null | undefined, values: unknown[][], alwaysInsert = true) {
        if (!ctx.queue(bytesOf(values))) return;
        if (index !== undefined && index !== null && index !== -1) throw new Error("fake: rows.add at an index is not modelled");
        if (values.some((row) => row.length !== t.colCount)) {
          ctx.fail("InvalidArgument", "row width differs from the table");
          return;
        }
        const start = t.row + t.rowCount;
        const n = values.length;
        if (alwaysInsert) {
          const below = sheet.tables.filter((o) => o !== t && o.row >= start && o.col < t.col + t.colCount && t.col < o.col + o.colCount);
          if (below.some((o) => o.col < t.col || o.col + o.colCount > t.col + t.colCount)) {
            ctx.fail("InsertDeleteConflict", "the insert would split a table below");
            return;
          }
          sheet.shiftDown(start, t.col, t.colCount, n);
          for (const o of below) o.row += n;
        }
        values.forEach((row, r) => row.forEach((v, c) => sheet.setCell(start + r, t.col + c, parseEntry(v))));
        t.rowCount += n;
      },
    };
  }
  /** Table.resize is ExcelApi 1.13: https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-resize-member(1) */
  resize(target: string | FakeRange): void {
    if (!this.ctx.queue(100)) return;
    if (this.ctx.book.apiVersion < 13) {
      this.ctx.fail("ApiNotFound", "Table.resize needs ExcelApi 1.13");
      return;
    }
    const area = typeof target === "string" ? areaOf(target) : target.area;
    const t = this.table();
    if (area.row !== t.row || area.col !== t.col) {
      this.ctx.fail("InvalidArgument", "resize must keep the header row and first column");
      return;
    }
    t.rowCount = area.rowCount;
    t.colCount = area.colCount;
  }
}

class FakeTableColumn extends FakeObject {
  constructor(ctx: FakeContext, private readonly header: string) {
    super(ctx);
  }
  protected readScalar(name: string): unknown {
    if (name === "name") return this.header;
    throw new Error(`fake: TableColumn.${name} is not modelled`);
  }
  get name(): string {
    return this.get("name");
  }
}

class FakeTableColumns extends FakeCollection<FakeTableColumn> {
  constructor(ctx: FakeContext, private readonly sheet: FakeSheet, private readonly table: FakeTable) {
    super(ctx);
  }
  protected current(): FakeTableColumn[] {
    const t = this.table;
    return Array.from({ length: t.colCount }, (_, c) => new FakeTableColumn(this.ctx, String(this.sheet.content(t.row, t.col + c))));
  }
}

class FakeTables extends FakeCollection<FakeTableProxy> {
  constructor(ctx: FakeContext, private readonly sheet: FakeSheet | null) {
    super(ctx);
  }
  protected current(): FakeTableProxy[] {
    const sheets = this.sheet ? [this.sheet] : this.ctx.book.sheets;
    return sheets.flatMap((s) => s.tables.map((t) => new FakeTableProxy(this.ctx, s, t)));
  }
  getItem(name: string): FakeTableProxy {
    const found = this.ctx.book.findTable(name);
    if (found) return new FakeTableProxy(this.ctx, found.sheet, found.table);
    this.ctx.fail("ItemNotFound", `table ${name}`);
    const detached = new FakeSheet("(no existe)");
    return new FakeTableProxy(this.ctx, detached, { name, style: "", row: 0, col: 0, rowCount: 2, colCount: 1 });
  }
  getItemOrNullObject(name: string): FakeTableProxy {
    const found = this.ctx.book.findTable(name);
    return new FakeTableProxy(this.ctx, found?.sheet ?? this.ctx.book.sheets[0]!, found?.table ?? null);
  }
  /**
   * TableCollection.add(address, hasHeaders): "If the address does not contain a sheet name, the currently-active
   * sheet is used" (https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member(1)).
   */
  add(target: string | FakeRange, hasHeaders: boolean): FakeTableProxy {
    if (!hasHeaders) throw new Error("fake: tables are created with headers");
    let sheet: FakeSheet;
    let area: FakeArea;
    if (typeof target === "string") {
      const bang = target.lastIndexOf("!");
      const sheetName = bang < 0 ? null : target.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
      sheet = sheetName === null ? this.ctx.book.sheet(this.ctx.book.activeSheet ?? this.ctx.book.sheets[0]?.name ?? "") : this.ctx.book.sheet(sheetName);
      area = areaOf(bang < 0 ? target : target.slice(bang + 1));
    } else {
      sheet = target.sheetState;
      area = target.area;
    }
    let n = 1;
    while (this.ctx.book.findTable(`Tabla${n}`)) n += 1;
    const state = { name: `Tabla${n}`, style: "", ...area };
    if (!this.ctx.queue(100)) return new FakeTableProxy(this.ctx, new FakeSheet("(no aplicado)"), state);
    if (sheet.tables.some((t) => areasOverlap(t, area))) {
      this.ctx.fail("InvalidArgument", "tables cannot overlap");
      return new FakeTableProxy(this.ctx, new FakeSheet("(no aplicado)"), state);
    }
    sheet.tables.push(state);
    return new FakeTableProxy(this.ctx, sheet, state);
  }
}

class FakeChartProxy extends FakeObject {
  constructor(ctx: FakeContext, private readonly sheet: FakeSheet, readonly state: FakeSheet["charts"][number] | null) {
    super(ctx, state === null);
  }
  protected readScalar(name: string): unknown {
    if (name === "name") return this.state?.name;
    throw new Error(`fake: Chart.${name} is not modelled`);
  }
  get name(): string {
    return this.get("name");
  }
  set name(name: string) {
    this.state!.name = name;
  }
  get title() {
    const state = this.state!;
    return {
      set text(t: string) {
        state.title = t;
      },
    };
  }
  get legend() {
    return { visible: true };
  }
  setPosition(anchor: string): void {
    this.state!.anchor = anchor;
  }
  get series() {
    const state = this.state!;
    return {
      getItemAt: (index: number) => ({
        setXAxisValues(range: FakeRange) {
          state.categories = range.area;
        },
        set name(name: string) {
          state.seriesNames = [...(state.seriesNames ?? [])];
          state.seriesNames[index] = name;
        },
      }),
    };
  }
  delete(): void {
    const i = this.sheet.charts.indexOf(this.state!);
    if (i >= 0) this.sheet.charts.splice(i, 1);
  }
}

class FakeCharts extends FakeCollection<FakeChartProxy> {
  constructor(ctx: FakeContext, private readonly sheet: FakeSheet) {
    super(ctx);
  }
  protected current(): FakeChartProxy[] {
    return this.sheet.charts.map((c) => new FakeChartProxy(this.ctx, this.sheet, c));
  }
  add(type: string, source: FakeRange): FakeChartProxy {
    this.ctx.queue(200);
    const state = { name: `Gráfico ${this.sheet.charts.length + 1}`, type, source: source.area, categories: null, title: "", anchor: "" };
    this.sheet.charts.push(state);
    return new FakeChartProxy(this.ctx, this.sheet, state);
  }
  getItem(name: string): FakeChartProxy {
    const state = this.sheet.charts.find((c) => c.name === name);
    if (state) return new FakeChartProxy(this.ctx, this.sheet, state);
    this.ctx.fail("ItemNotFound", `chart ${name}`);
    return new FakeChartProxy(this.ctx, new FakeSheet("(no existe)"), { name, type: "", source: { row: 0, col: 0, rowCount: 1, colCount: 1 }, categories: null, title: "", anchor: "" });
  }
  getItemOrNullObject(name: string): FakeChartProxy {
    return new FakeChartProxy(this.ctx, this.sheet, this.sheet.charts.find((c) => c.name === name) ?? null);
  }
}

class FakeNamedItem extends FakeObject {
  constructor(ctx: FakeContext, private readonly key: string | null) {
    super(ctx, key === null);
  }
  protected readScalar(name: string): unknown {
    if (name === "name") return this.key;
    if (name === "formula") return this.ctx.book.names.get(this.key ?? "");
    // NamedItem.type: "Range" for a name over cells, else the type of its value (the fake: "Double" or "String").
    if (name === "type") {
      const formula = (this.ctx.book.names.get(this.key ?? "") ?? "").replace(/^=/, "");
      if (formula.includes("!") && parseArea(formula)) return "Range";
      return Number.isFinite(Number(formula)) ? "Double" : "String";
    }
    throw new Error(`fake: NamedItem.${name} is not modelled`);
  }
  get name(): string {
    return this.get("name");
  }
  get formula(): string {
    return this.get("formula");
  }
  get type(): string {
    return this.get("type");
  }
  set formula(reference: string) {
    if (!this.ctx.queue(100)) return;
    if (this.key === null || !this.ctx.book.names.has(this.key)) throw new Error("fake: a null name object was used");
    this.ctx.book.names.set(this.key, reference.startsWith("=") ? reference : `=${reference}`);
    this.ctx.book.nameFormulaChanges += 1;
  }
  /**
   * The range the name refers to; "Throws an error if the named item's type is not a range", which the fake
   * raises at sync as InvalidArgument (https://learn.microsoft.com/javascript/api/excel/excel.nameditem#excel-excel-nameditem-getrange-member(1)).
   */
  getRange(): FakeRange {
    const reference = (this.ctx.book.names.get(this.key ?? "") ?? "").replace(/^=/, "");
    const bang = reference.lastIndexOf("!");
    const sheetName = bang < 0 ? "" : reference.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    const sheet = this.ctx.book.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
    const area = parseArea(reference);
    if (this.key === null || !sheet || !area) {
      this.ctx.fail("InvalidArgument", `name ${this.key ?? "(null)"} is not a range`);
      return new FakeRange(this.ctx, sheet ?? new FakeSheet(""), { row: 0, col: 0, rowCount: 1, colCount: 1 }, true);
    }
    return new FakeRange(this.ctx, sheet, area);
  }
  delete(): void {
    if (!this.ctx.queue(100)) return;
    this.ctx.book.nameDeletions += 1;
    this.ctx.book.names.delete(this.key ?? "");
  }
}

class FakeNames extends FakeCollection<FakeNamedItem> {
  protected current(): FakeNamedItem[] {
    return [...this.ctx.book.names.keys()].map((k) => new FakeNamedItem(this.ctx, k));
  }
  add(name: string, reference: string): void {
    if (!this.ctx.queue(100)) return;
    if (this.ctx.book.names.has(name)) this.ctx.fail("ItemAlreadyExists", `name ${name}`);
    else this.ctx.book.names.set(name, reference.startsWith("=") ? reference : `=${reference}`);
  }
  getItem(name: string): FakeNamedItem {
    if (!this.ctx.book.names.has(name)) this.ctx.fail("ItemNotFound", `name ${name}`);
    return new FakeNamedItem(this.ctx, name);
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, this.ctx.book.names.has(name) ? name : null);
  }
}

/** A request context over `book`; cast to Excel.RequestContext at the call site. */
export function fakeContext(book: FakeWorkbook) {
  const ctx = new FakeContext(book);
  const workbook = {
    worksheets: new FakeWorksheets(ctx),
    tables: new FakeTables(ctx, null),
    names: new FakeNames(ctx),
    getSelectedRange(): FakeRange {
      const sel = book.selection;
      if (!sel) throw new Error("fake: nothing selected");
      return new FakeRange(ctx, book.sheet(sel.sheet), sel.area);
    },
  };
  const context = {
    workbook,
    application: {
      suspendApiCalculationUntilNextSync() {
        ctx.calculationSuspended = true;
      },
    },
    sync: () => ctx.sync(),
    get syncCount() {
      return ctx.syncCount;
    },
  };
  return context;
}

/** The string enums the adapter reads from the global Excel namespace. */
const EXCEL_ENUMS = {
  ConditionalFormatType: { custom: "Custom" },
  DataValidationType: { list: "List", wholeNumber: "WholeNumber", none: "None" },
  DataValidationOperator: { between: "Between" },
  DataValidationAlertStyle: { stop: "Stop" },
  ChartType: { columnClustered: "ColumnClustered", line: "Line", barStacked: "BarStacked" },
  ChartSeriesBy: { columns: "Columns" },
  WorksheetPositionType: { end: "End" },
};

/**
 * Installs global Excel (run + enums) and Office (requirements at `book.apiVersion`) over `book`.
 * Each Excel.run gets a fresh context, like Office.js. Returns the number of Excel.run calls so far.
 */
export function installFakeExcel(book: FakeWorkbook): { runs: () => number } {
  let runs = 0;
  const g = globalThis as unknown as { Excel: unknown; Office: unknown };
  g.Excel = {
    ...EXCEL_ENUMS,
    run: async <T>(callback: (context: unknown) => Promise<T>): Promise<T> => {
      runs += 1;
      return callback(fakeContext(book));
    },
  };
  g.Office = {
    context: {
      requirements: {
        isSetSupported: (name: string, version: string) => name === "ExcelApi" && Number(version.split(".")[1]) <= book.apiVersion,
      },
    },
  };
  return { runs: () => runs };
}
