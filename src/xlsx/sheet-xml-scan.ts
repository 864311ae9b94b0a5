import { slideFormula } from "exceljs/lib/utils/shared-formula";
import colCache from "exceljs/lib/utils/col-cache";
import type { CellValue, GridArea } from "../domain/workbook/snapshot";
import { parseArea } from "../domain/workbook/a1";
import { areaContains } from "../domain/workbook/grid-area";
import { toUiFormula } from "./formula-form";
import { decodeXml, textRuns } from "./xml-lite";

/**
 * One pass over a worksheet part's bytes, as they come out of the zip, into per-row cell values and
 * formulas, read as ExcelJS reads them. The bytes are searched as bytes: only what a cell holds is turned
 * into text (UTF-8), never the markup around it, and a calculated column's formula, repeated on every row,
 * is compared byte for byte with the one above and decoded only when it differs.
 */
export interface SheetScanContext {
  sharedStrings: CellValue[];
  /** Per style id (the cell's s attribute): whether its number format shows a date. */
  isDate: boolean[];
  tables: { name: string; area: GridArea }[];
  /** Rows whose cells' styles are needed (first data rows of tables) → col → style id, filled in by the scan. */
  styleRows: Map<number, Map<number, number | undefined>>;
  onProgress?: (read: number, total: number) => void;
}

export interface SheetGrid {
  /** Per sheet row, values by sheet column (null or missing where there is none). */
  rows: (CellValue[] | undefined)[];
  /**
   * Per sheet row, formulas by sheet column; undefined for a row without formulas. Consecutive rows with the
   * same formulas share one array: read it, never write to it.
   */
  formulaRows: ((string | null)[] | undefined)[];
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface ScannedSheet {
  /** The part's text before `<sheetData>` (sheet views, dimension). */
  head: string;
  /** The part's text after `</sheetData>` (merges, validations, conditional formats, table parts). */
  tail: string;
  grid: SheetGrid;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const LETTER_C = 0x63;
const LETTER_F = 0x66;
const LETTER_I = 0x69;
const LETTER_R = 0x72;
const LETTER_S = 0x73;
const LETTER_T = 0x74;
const LETTER_V = 0x76;
const ROW_CLOSE = Buffer.from("</row>");
const SHEET_DATA_OPEN = Buffer.from("<sheetData");
const SHEET_DATA_CLOSE = Buffer.from("</sheetData>");
const FORMULA_CLOSE = Buffer.from("</f>");
const CELL_CLOSE = Buffer.from("</c>");
const INLINE_CLOSE = Buffer.from("</is>");
const STR = Buffer.from("str");
const INLINE_STR = Buffer.from("inlineStr");
const COLUMN_LIMIT = 16_384;
const ROW_LIMIT = 1_048_576;
/** Rows are laid out this wide from the start when the sheet's dimension says so (and it is not absurd). */
const WIDTH_LIMIT = 1_024;
const UNIX_EPOCH_SERIAL = 25569;
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** The cell types (t attribute) the reader tells apart; anything else reads as a number, as in ExcelJS. */
const enum CellType {
  Number,
  Shared,
  Text,
  Boolean,
  Error,
  Inline,
  Date,
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** After a tag name: whitespace, `>` or `/` (so `<c` is not `<col`). */
function endsName(byte: number | undefined): boolean {
  return byte === GT || byte === SLASH || (byte !== undefined && isSpace(byte));
}

/** The text of bytes [start, end): one-byte decoding when they are ASCII (the usual case), UTF-8 otherwise. */
function bytesText(buf: Buffer, start: number, end: number): string {
  for (let i = start; i < end; i++) if (buf[i]! >= 0x80) return buf.toString("utf8", start, end);
  return buf.toString("latin1", start, end);
}

function bytesEqual(buf: Buffer, start: number, end: number, other: Buffer): boolean {
  return other.length === end - start && buf.compare(other, 0, other.length, start, end) === 0;
}

/**
 * The number parseFloat gives for a plain decimal of at most 15 significant digits ("45659", "-3.25"):
 * the digits and the power of ten are exact doubles, so one division rounds as parseFloat does.
 * NaN when the text is anything else (exponent, entity, more digits); the caller then uses parseFloat.
 */
function plainDecimal(buf: Buffer, start: number, end: number): number {
  let i = start;
  const negative = buf[i] === 0x2d;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const byte = buf[i]!;
    if (byte >= 0x30 && byte <= 0x39) {
      mantissa = mantissa * 10 + (byte - 0x30);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (byte === 0x2e && fraction < 0) {
      fraction = 0;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > 15) return NaN;
  const value = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction]! : mantissa;
  return negative ? -value : value;
}

/** The serial ExcelJS's Date round trip gives back (millisecond, then second rounding). */
function dateSerial(value: number): number {
  const ms = Math.round((value - UNIX_EPOCH_SERIAL) * 86_400_000);
  return UNIX_EPOCH_SERIAL + Math.round(ms / 1000) / 86_400;
}

/**
 * dateSerial(parseFloat(text)) for a plain decimal with more digits than plainDecimal takes (a date and
 * time as Excel writes it, "45660.572916666664"), without making a string. The value is rebuilt from its
 * whole part and up to 15 fraction digits, a few units in the last place from parseFloat's; the result is
 * only rounded to whole milliseconds and then seconds, so it is the same unless the milliseconds fall
 * within that error of a half — then NaN, and the caller parses the text.
 */
function plainDateSerial(buf: Buffer, start: number, end: number): number {
  let i = start;
  const negative = buf[i] === 0x2d;
  if (negative) i++;
  let whole = 0;
  let wholeDigits = 0;
  for (; i < end; i++) {
    const byte = buf[i]!;
    if (byte === 0x2e) break;
    if (byte < 0x30 || byte > 0x39 || ++wholeDigits > 15) return NaN;
    whole = whole * 10 + (byte - 0x30);
  }
  let fraction = 0;
  let fractionDigits = 0;
  for (i++; i < end; i++) {
    const byte = buf[i]!;
    if (byte < 0x30 || byte > 0x39) return NaN;
    if (fractionDigits < 15) {
      fraction = fraction * 10 + (byte - 0x30);
      fractionDigits++;
    }
  }
  if (wholeDigits + fractionDigits === 0) return NaN;
  const magnitude = whole + fraction / POWERS_OF_TEN[fractionDigits]!;
  const value = negative ? -magnitude : magnitude;
  const ms = (value - UNIX_EPOCH_SERIAL) * 86_400_000;
  // Error bound of ms against the exact path: a few ulps of value (2^-52 relative) times ms per day, plus ms's own rounding.
  const error = (Math.abs(value) + UNIX_EPOCH_SERIAL) * 2 ** -52 * 16 * 86_400_000 + Math.abs(ms) * 2 ** -50;
  if (Math.abs(ms - Math.floor(ms) - 0.5) <= error) return NaN;
  return UNIX_EPOCH_SERIAL + Math.round(Math.round(ms) / 1000) / 86_400;
}

class SheetScanner {
  readonly grid: SheetGrid = { rows: [], formulaRows: [], top: Infinity, left: Infinity, bottom: -1, right: -1 };
  total = 0;
  /** Columns A… up to the right edge of the sheet's dimension: each row's arrays are made this long. */
  width = 0;
  private row = -1;
  private col = -1;
  private readonly shared = new Map<string, { address: string; formula: string }>();

  // Value spans of the one-letter attributes of the start tag just read (-1: absent).
  private rStart = -1;
  private rEnd = -1;
  private sStart = -1;
  private sEnd = -1;
  private tStart = -1;
  private tEnd = -1;

  private styleRowNumber = -1;
  private styleRow: Map<number, number | undefined> | undefined;

  // A calculated column repeats one formula down every row: its bytes are compared with the cell above's,
  // and each distinct text is decoded and converted once per sheet.
  private readonly uiForms = new Map<string | null, Map<string, string | null>>();
  private uiFormSize = 0;
  private readonly lastRaw: (Buffer | undefined)[] = [];
  private readonly lastForm: (string | null)[] = [];
  private readonly lastTable: (string | null)[] = [];
  // Text results repeat too ("Cumple", "No cumple"): one string per column while the bytes stay the same.
  private readonly lastTextBytes: (Buffer | undefined)[] = [];
  private readonly lastText: string[] = [];
  // The formulas of the row being read, by column, until the row is done.
  private readonly pending: (string | undefined)[] = [];
  private readonly pendingCols: number[] = [];
  private pendingRow = -1;
  private previousFormulas: (string | null)[] | undefined;
  private previousCount = 0;

  constructor(private readonly context: SheetScanContext) {}

  /**
   * Reads the attributes of a start tag from `at` (just after its name) up to its `>`, recording the
   * spans of r, s and t; the index of the `>`, or -1 when the tag does not end in `buf`.
   */
  private attributes(buf: Buffer, at: number): number {
    this.rStart = this.sStart = this.tStart = -1;
    const length = buf.length;
    let p = at;
    while (p < length) {
      let byte = buf[p]!;
      if (byte === GT) return p;
      if (byte === SLASH || isSpace(byte)) {
        p++;
        continue;
      }
      const nameStart = p;
      while (p < length && (byte = buf[p]!) !== EQUALS && byte !== GT && byte !== SLASH && !isSpace(byte)) p++;
      const nameLength = p - nameStart;
      while (p < length && isSpace(buf[p]!)) p++;
      if (buf[p] !== EQUALS) continue;
      p++;
      while (p < length && isSpace(buf[p]!)) p++;
      const quote = buf[p];
      if (quote !== QUOTE && quote !== APOSTROPHE) continue;
      const valueStart = ++p;
      while (p < length && buf[p] !== quote) p++;
      if (p >= length) return -1;
      if (nameLength === 1) {
        const name = buf[nameStart];
        if (name === LETTER_R) {
          this.rStart = valueStart;
          this.rEnd = p;
        } else if (name === LETTER_S) {
          this.sStart = valueStart;
          this.sEnd = p;
        } else if (name === LETTER_T) {
          this.tStart = valueStart;
          this.tEnd = p;
        }
      }
      p++;
    }
    return -1;
  }

  /** Digits only → their value (at most 15 of them); -1 otherwise. */
  private static digits(buf: Buffer, start: number, end: number): number {
    if (start >= end || end - start > 15) return -1;
    let value = 0;
    for (let i = start; i < end; i++) {
      const byte = buf[i]!;
      if (byte < 0x30 || byte > 0x39) return -1;
      value = value * 10 + (byte - 0x30);
    }
    return value;
  }

  /** The r attribute "AB12" → this.row and this.col (0-based); false when absent or not a cell address. */
  private position(buf: Buffer): boolean {
    const end = this.rEnd;
    let i = this.rStart;
    if (i < 0) return false;
    const start = i;
    let col = 0;
    for (; i < end; i++) {
      const byte = buf[i]!;
      if (byte >= 65 && byte <= 90) col = col * 26 + (byte - 64);
      else if (byte >= 97 && byte <= 122) col = col * 26 + (byte - 96);
      else break;
      if (col > COLUMN_LIMIT) return false;
    }
    if (i === start || i === end) return false;
    let row = 0;
    for (; i < end; i++) {
      const byte = buf[i]!;
      if (byte < 48 || byte > 57 || row > ROW_LIMIT) return false;
      row = row * 10 + (byte - 48);
    }
    if (row < 1) return false;
    this.row = row - 1;
    this.col = col - 1;
    return true;
  }

  private cellType(buf: Buffer): CellType {
    const start = this.tStart;
    if (start < 0) return CellType.Number;
    const length = this.tEnd - start;
    const first = buf[start];
    if (length === 1) {
      if (first === LETTER_S) return CellType.Shared;
      if (first === 0x62) return CellType.Boolean;
      if (first === 0x65) return CellType.Error;
      if (first === 0x64) return CellType.Date;
      return CellType.Number;
    }
    if (length === 3 && bytesEqual(buf, start, this.tEnd, STR)) return CellType.Text;
    if (length === 9 && bytesEqual(buf, start, this.tEnd, INLINE_STR)) return CellType.Inline;
    return CellType.Number;
  }

  private uiFormulaCached(raw: string, table: string | null): string | null {
    let forms = this.uiForms.get(table);
    if (!forms) {
      forms = new Map();
      this.uiForms.set(table, forms);
    }
    let form = forms.get(raw);
    if (form === undefined) {
      const text = decodeXml(raw);
      form = text ? toUiFormula(text, table) : null;
      if (this.uiFormSize >= 10_000) {
        for (const other of this.uiForms.values()) other.clear();
        this.uiFormSize = 0;
      }
      forms.set(raw, form);
      this.uiFormSize++;
    }
    return form;
  }

  private tableAt(row: number, col: number): string | null {
    for (const table of this.context.tables) if (areaContains(table.area, row, col)) return table.name;
    return null;
  }

  /** A text value's bytes decoded (entities too), the same string as the cell above's when the bytes are. */
  private text(buf: Buffer, start: number, end: number): string {
    const col = this.col;
    const last = this.lastTextBytes[col];
    if (last !== undefined && bytesEqual(buf, start, end, last)) return this.lastText[col]!;
    const text = decodeXml(bytesText(buf, start, end));
    this.lastTextBytes[col] = Buffer.from(buf.subarray(start, end));
    this.lastText[col] = text;
    return text;
  }

  private number(buf: Buffer, start: number, end: number, isDate: boolean): number | null {
    if (isDate && end - start > 15) {
      const serial = plainDateSerial(buf, start, end);
      if (!Number.isNaN(serial)) return serial;
    }
    let number = plainDecimal(buf, start, end);
    if (Number.isNaN(number)) number = parseFloat(decodeXml(bytesText(buf, start, end)));
    return isDate ? (Number.isNaN(number) ? null : dateSerial(number)) : number;
  }

  private integer(buf: Buffer, start: number, end: number): number {
    const value = SheetScanner.digits(buf, start, end);
    return value >= 0 ? value : parseInt(decodeXml(bytesText(buf, start, end)), 10);
  }

  private put(row: number, col: number, value: CellValue, formula: string | null): void {
    const grid = this.grid;
    let values = grid.rows[row];
    if (!values) {
      values = this.width > 0 ? new Array<CellValue>(this.width).fill(null) : [];
      grid.rows[row] = values;
    }
    values[col] = value;
    if (formula !== null) {
      if (row !== this.pendingRow) {
        this.flushFormulas();
        this.pendingRow = row;
      }
      if (this.pending[col] === undefined) this.pendingCols.push(col);
      this.pending[col] = formula;
    }
    if (row < grid.top) grid.top = row;
    if (row > grid.bottom) grid.bottom = row;
    if (col < grid.left) grid.left = col;
    if (col > grid.right) grid.right = col;
  }

  /**
   * Puts the pending row's formulas in the grid. A row whose formulas are those of the row before (a table's
   * calculated columns) gets that row's array: one array for the whole column run, not one per row.
   */
  flushFormulas(): void {
    const cols = this.pendingCols;
    if (cols.length === 0) return;
    const row = this.pendingRow;
    const pending = this.pending;
    const grid = this.grid;
    const existing = grid.formulaRows[row];
    const previous = this.previousFormulas;
    let same = existing === undefined && previous !== undefined && cols.length === this.previousCount;
    for (let i = 0; same && i < cols.length; i++) same = previous![cols[i]!] === pending[cols[i]!];
    if (same) {
      grid.formulaRows[row] = previous;
    } else {
      // A row met twice (cells out of order) gets an array of its own, never one another row shares.
      const formulas = existing ? existing.slice() : this.width > 0 ? new Array<string | null>(this.width).fill(null) : [];
      for (const col of cols) formulas[col] = pending[col] ?? null;
      grid.formulaRows[row] = formulas;
      if (existing === undefined) {
        this.previousFormulas = formulas;
        this.previousCount = cols.length;
      } else {
        this.previousFormulas = undefined;
      }
    }
    for (const col of cols) pending[col] = undefined;
    cols.length = 0;
  }

  /** `<row …>` from just after its name; the index after its start tag, or -1. */
  private rowStart(buf: Buffer, at: number): number {
    const end = this.attributes(buf, at);
    if (end < 0) return -1;
    const number = this.rStart < 0 ? -1 : SheetScanner.digits(buf, this.rStart, this.rEnd);
    this.row = number >= 0 ? number - 1 : this.row + 1;
    this.col = -1;
    const onProgress = this.context.onProgress;
    if (onProgress && this.total > 0 && (this.row + 1) % 2000 === 0) onProgress(this.row + 1, this.total);
    return end + 1;
  }

  /** `<c …>…</c>` from just after its name; the index after the cell, or -1. */
  private cell(buf: Buffer, at: number): number {
    const tagEnd = this.attributes(buf, at);
    if (tagEnd < 0) return -1;
    if (!this.position(buf)) this.col++;
    const row = this.row;
    const col = this.col;
    let styleId: number | undefined;
    if (this.sStart >= 0) {
      const digits = SheetScanner.digits(buf, this.sStart, this.sEnd);
      styleId = digits >= 0 ? digits : Number(buf.toString("latin1", this.sStart, this.sEnd));
    }
    if (row !== this.styleRowNumber) {
      this.styleRowNumber = row;
      this.styleRow = this.context.styleRows.get(row);
    }
    if (this.styleRow?.has(col)) this.styleRow.set(col, styleId);
    if (buf[tagEnd - 1] === SLASH) return tagEnd + 1;
    const type = this.cellType(buf);
    const isDate = styleId !== undefined && this.context.isDate[styleId] === true;

    // The children, in the schema's order <f>, <v>, <is>; a formula may be 2 KB long, so it is walked once.
    let formulaAttributes = "";
    let formulaStart = -1;
    let formulaEnd = -1;
    let uiFormula: string | null | undefined;
    let valueStart = -1;
    let valueEnd = -1;
    let inlineStart = -1;
    let inlineEnd = -1;
    const length = buf.length;
    let p = tagEnd + 1;
    let cellEnd = -1;
    while (cellEnd < 0) {
      while (p < length && buf[p] !== LT) p++;
      if (p >= length) return -1;
      const name = buf[p + 1];
      if (name === SLASH) {
        if (buf[p + 2] === LETTER_C && buf[p + 3] === GT) {
          cellEnd = p + 4;
          break;
        }
        while (p < length && buf[p] !== GT) p++;
        continue;
      }
      if (name === LETTER_F && formulaStart < 0 && endsName(buf[p + 2])) {
        let q = p + 2;
        while (q < length && buf[q] !== GT) q++;
        if (q >= length) return -1;
        const selfClosing = buf[q - 1] === SLASH;
        if (q - (selfClosing ? 1 : 0) > p + 2) formulaAttributes = bytesText(buf, p + 2, selfClosing ? q - 1 : q);
        formulaStart = q + 1;
        if (selfClosing) {
          formulaEnd = formulaStart;
          p = formulaStart;
          continue;
        }
        // Same bytes as the cell above, followed by </f>: same formula, nothing to decode.
        const last = this.lastRaw[col];
        if (last !== undefined && !formulaAttributes.includes("shared")) {
          const end = formulaStart + last.length;
          if (
            end + 4 <= length &&
            buf[end] === LT &&
            buf[end + 1] === SLASH &&
            buf[end + 2] === LETTER_F &&
            buf[end + 3] === GT &&
            buf.compare(last, 0, last.length, formulaStart, end) === 0 &&
            this.lastTable[col] === this.tableAt(row, col)
          ) {
            formulaEnd = end;
            uiFormula = this.lastForm[col] ?? null;
          }
        }
        if (formulaEnd < 0) {
          formulaEnd = buf.indexOf(FORMULA_CLOSE, formulaStart);
          if (formulaEnd < 0) return -1;
        }
        p = formulaEnd + 4;
        continue;
      }
      if (name === LETTER_V && buf[p + 2] === GT) {
        valueStart = p + 3;
        p = valueStart;
        while (p < length && buf[p] !== LT) p++;
        valueEnd = p;
        continue;
      }
      if (name === LETTER_I && buf[p + 2] === LETTER_S && buf[p + 3] === GT) {
        inlineStart = p + 4;
        inlineEnd = buf.indexOf(INLINE_CLOSE, inlineStart);
        if (inlineEnd < 0) return -1;
        p = inlineEnd + 5;
        continue;
      }
      // Anything else (extLst) comes last: the cell ends at its </c>.
      const close = buf.indexOf(CELL_CLOSE, p);
      if (close < 0) return -1;
      cellEnd = close + 4;
    }

    // As ExcelJS: a cell is a formula cell when its <f> has text or is part of a shared or array formula.
    const hasFormulaText = formulaEnd > formulaStart;
    if (formulaStart >= 0 && (hasFormulaText || /\bt="(?:shared|array)"/.test(formulaAttributes))) {
      if (uiFormula === undefined) uiFormula = this.formula(buf, formulaStart, formulaEnd, formulaAttributes, row, col);
      let result: CellValue = null;
      if (valueEnd > valueStart) {
        if (type === CellType.Text) result = decodeXml(this.text(buf, valueStart, valueEnd));
        else if (type === CellType.Boolean) result = this.integer(buf, valueStart, valueEnd) !== 0;
        else if (type === CellType.Error) result = this.text(buf, valueStart, valueEnd);
        else result = this.number(buf, valueStart, valueEnd, isDate);
      }
      if (result === "") result = null;
      this.put(row, col, result, uiFormula);
      return cellEnd;
    }
    let value: CellValue = null;
    if (type === CellType.Inline) {
      value = inlineStart >= 0 ? textRuns(bytesText(buf, inlineStart, inlineEnd)) : null;
    } else if (valueStart >= 0) {
      if (type === CellType.Shared) value = this.context.sharedStrings[this.integer(buf, valueStart, valueEnd)] ?? null;
      else if (type === CellType.Text) value = decodeXml(this.text(buf, valueStart, valueEnd));
      else if (type === CellType.Boolean) value = this.integer(buf, valueStart, valueEnd) !== 0;
      else if (type === CellType.Error) value = this.text(buf, valueStart, valueEnd);
      else if (type === CellType.Date) {
        const time = new Date(decodeXml(bytesText(buf, valueStart, valueEnd))).getTime();
        value = Number.isNaN(time) ? null : UNIX_EPOCH_SERIAL + Math.round(time / 1000) / 86_400;
      } else {
        value = this.number(buf, valueStart, valueEnd, isDate);
      }
    }
    if (value !== null && value !== "") this.put(row, col, value, null);
    return cellEnd;
  }

  /** The UI formula of a formula cell whose text differs from the cell above's (or is shared). */
  private formula(buf: Buffer, start: number, end: number, attributes: string, row: number, col: number): string | null {
    const raw = bytesText(buf, start, end);
    if (attributes.includes("shared")) {
      let text = decodeXml(raw);
      const si = /\bsi="([^"]*)"/.exec(attributes)?.[1] ?? "";
      const cellAddress = colCache.n2l(col + 1) + String(row + 1);
      if (/\bref="/.test(attributes)) {
        this.shared.set(si, { address: cellAddress, formula: text });
      } else {
        const master = this.shared.get(si);
        text = master && master.formula ? slideFormula(master.formula, master.address, cellAddress) : "";
      }
      return text ? toUiFormula(text, this.tableAt(row, col)) : null;
    }
    const table = this.tableAt(row, col);
    const form = this.uiFormulaCached(raw, table);
    this.lastRaw[col] = Buffer.from(buf.subarray(start, end));
    this.lastForm[col] = form;
    this.lastTable[col] = table;
    return form;
  }

  /** Scans bytes holding whole `<row>` and `<c>` elements. */
  scan(buf: Buffer): void {
    let at = buf.indexOf(LT);
    while (at >= 0) {
      const name = buf[at + 1];
      let next = -2;
      if (name === LETTER_C && endsName(buf[at + 2])) next = this.cell(buf, at + 2);
      else if (name === LETTER_R && buf[at + 2] === 0x6f && buf[at + 3] === 0x77 && endsName(buf[at + 4])) next = this.rowStart(buf, at + 4);
      if (next === -1) return;
      if (next === -2) {
        next = buf.indexOf(GT, at);
        if (next < 0) return;
      }
      at = buf.indexOf(LT, next);
    }
  }
}

/** Where `<sheetData …>` (or `<sheetData/>`) is in `buf`: its start and the index of its `>`; null when not (yet) there. */
function sheetDataOpen(buf: Buffer): { start: number; end: number } | null {
  let at = buf.indexOf(SHEET_DATA_OPEN);
  while (at >= 0) {
    const after = buf[at + SHEET_DATA_OPEN.length];
    if (after === undefined) return null;
    if (!/\w/.test(String.fromCharCode(after))) {
      const end = buf.indexOf(GT, at);
      return end < 0 ? null : { start: at, end };
    }
    at = buf.indexOf(SHEET_DATA_OPEN, at + 1);
  }
  return null;
}

/** Scans a worksheet part given as chunks of bytes (any sizes, split anywhere). */
export async function scanSheetXml(chunks: AsyncIterable<Buffer> | Iterable<Buffer>, context: SheetScanContext): Promise<ScannedSheet> {
  const scanner = new SheetScanner(context);
  let phase: "head" | "rows" | "tail" = "head";
  let head: Buffer = Buffer.alloc(0);
  let headText = "";
  const tail: Buffer[] = [];
  // The bytes after the last whole row seen, waiting for the rest of their row.
  let carry: Buffer | null = null;

  /** Whole rows of `buf` (nothing carried before it); keeps what follows the last row for later. */
  const rows = (buf: Buffer): void => {
    const end = buf.lastIndexOf(ROW_CLOSE);
    // The sheet data can only close after its last row: search just the rest.
    const close = buf.indexOf(SHEET_DATA_CLOSE, Math.max(0, end));
    if (close >= 0) {
      scanner.scan(buf.subarray(0, close));
      phase = "tail";
      tail.push(buf.subarray(close + SHEET_DATA_CLOSE.length));
      return;
    }
    if (end < 0) {
      carry = buf;
      return;
    }
    scanner.scan(buf.subarray(0, end + ROW_CLOSE.length));
    carry = end + ROW_CLOSE.length < buf.length ? buf.subarray(end + ROW_CLOSE.length) : null;
  };
  const feedRows = (chunk: Buffer): void => {
    const before: Buffer | null = carry;
    carry = null;
    if (before === null) {
      rows(chunk);
      return;
    }
    // Only the row that straddles the two chunks is copied: the carried bytes plus this chunk up to its first </row>.
    const first = chunk.indexOf(ROW_CLOSE);
    if (first < 0) {
      rows(Buffer.concat([before, chunk]));
      return;
    }
    const cut = first + ROW_CLOSE.length;
    // Ends with </row>: nothing is carried from it.
    rows(Buffer.concat([before, chunk.subarray(0, cut)]));
    if (phase === "rows") rows(chunk.subarray(cut));
    else tail.push(chunk.subarray(cut));
  };
  const feed = (chunk: Buffer): void => {
    if (phase === "head") {
      // The opening tag may straddle two chunks: look for it in what was kept plus the new bytes.
      const joined = head.length > 0 ? Buffer.concat([head, chunk]) : chunk;
      const open = sheetDataOpen(joined);
      if (!open) {
        head = joined;
        return;
      }
      headText = joined.toString("utf8", 0, open.start);
      head = Buffer.alloc(0);
      const dimension = /<dimension\b[^>]*\bref="([^"]*)"/.exec(headText)?.[1];
      const area = dimension ? parseArea(dimension) : null;
      scanner.total = area ? area.row + area.rowCount : 0;
      scanner.width = area && area.col + area.colCount <= WIDTH_LIMIT ? area.col + area.colCount : 0;
      const rest = joined.subarray(open.end + 1);
      if (joined[open.end - 1] === SLASH) {
        phase = "tail";
        tail.push(rest);
        return;
      }
      phase = "rows";
      if (rest.length > 0) feedRows(rest);
      return;
    }
    if (phase === "rows") {
      feedRows(chunk);
      return;
    }
    tail.push(chunk);
  };
  for await (const chunk of chunks) if (chunk.length > 0) feed(chunk);
  scanner.flushFormulas();
  if (phase === "head") headText = head.toString("utf8");
  if (context.onProgress && scanner.total > 0) context.onProgress(scanner.total, scanner.total);
  return { head: headText, tail: Buffer.concat(tail).toString("utf8"), grid: scanner.grid };
}
