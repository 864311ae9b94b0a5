import { FileMessages } from "./messages";
import { StringDecoder } from "node:string_decoder";
import * as path from "node:path";
import { slideFormula } from "exceljs/lib/utils/shared-formula";
import colCache from "exceljs/lib/utils/col-cache";
import DefinedNames from "exceljs/lib/doc/defined-names";
import defaultNumFormats from "exceljs/lib/xlsx/defaultnumformats";
import type { CellValue, ColumnSnapshot, GridArea, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../domain/workbook/snapshot";
import { parseArea } from "../domain/workbook/a1";
import { areaContains, areasOverlap } from "../domain/workbook/grid-area";
import { toUiFormula } from "./formula-form";
import { checkInput } from "./input-check";
import { UnusableInputError } from "./unusable-input-error";
import { decodeXml, elements, firstElement, textRuns } from "./xml-lite";
import { entryChunks, entryText, openZip, type ZipArchive } from "./zip-entries";

/**
 * Reads an .xlsx file straight into the Snapshot, streaming each sheet's XML once, without building
 * ExcelJS's object model: the same Snapshot readSnapshot(loadWorkbookFile(file)) gives, in a fraction of
 * the time and memory on a 100,000-row book. Values, formulas (shared formulas slid as ExcelJS slides them),
 * tables, list validations, conditional formats, defined names and frozen rows are read as ExcelJS reads them.
 */
export interface StreamReadOptions {
  /** Rows read of the sheet being read, and its row count (from the sheet's dimension). */
  onProgress?: (read: number, total: number) => void;
}

const UNIX_EPOCH_SERIAL = 25569;

/** The serial ExcelJS's Date round trip gives back (millisecond, then second rounding). */
function dateSerial(value: number): number {
  const ms = Math.round((value - UNIX_EPOCH_SERIAL) * 86_400_000);
  return UNIX_EPOCH_SERIAL + Math.round(ms / 1000) / 86_400;
}

/** ExcelJS's date-format test: any y m d h s b outside quotes and brackets. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

interface Styles {
  formats: (string | undefined)[];
  isDate: boolean[];
}

function readStyles(xml: string | null): Styles {
  const styles: Styles = { formats: [], isDate: [] };
  if (xml === null) return styles;
  const custom = new Map<number, string>();
  const numFmts = firstElement(xml, "numFmts");
  if (numFmts) for (const fmt of elements(numFmts.inner, "numFmt")) custom.set(Number(fmt.attributes.numFmtId), fmt.attributes.formatCode ?? "");
  const cellXfs = firstElement(xml, "cellXfs");
  if (!cellXfs) return styles;
  for (const xf of elements(cellXfs.inner, "xf")) {
    const id = Number(xf.attributes.numFmtId ?? "0");
    const format = id ? (custom.get(id) ?? defaultNumFormats[String(id)]?.f) : undefined;
    styles.formats.push(format || undefined);
    styles.isDate.push(isDateFormat(format));
  }
  return styles;
}

interface Relationship {
  type: string;
  target: string;
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(base), target));
}

async function relationships(zip: ZipArchive, part: string): Promise<Map<string, Relationship>> {
  const relsPath = path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);
  const xml = await entryText(zip, relsPath);
  const map = new Map<string, Relationship>();
  if (xml === null) return map;
  for (const rel of elements(xml, "Relationship")) {
    const id = rel.attributes.Id;
    if (id === undefined || rel.attributes.TargetMode === "External") continue;
    map.set(id, { type: rel.attributes.Type ?? "", target: resolveTarget(part, rel.attributes.Target ?? "") });
  }
  return map;
}

interface TableRead {
  name: string;
  area: GridArea;
  columns: string[];
}

function readTable(xml: string): TableRead | null {
  const table = firstElement(xml, "table");
  if (!table) return null;
  const area = parseArea(table.attributes.ref ?? "");
  if (!area) return null;
  return { name: table.attributes.name ?? "", area, columns: elements(xml, "tableColumn").map((column) => column.attributes.name ?? "") };
}

/** ExcelJS keeps a defined name's references that parse as cell ranges (quoted sheet names may hold commas). */
function extractRanges(text: string): string[] {
  const isRange = (range: string): boolean => {
    try {
      colCache.decodeEx(range);
      return true;
    } catch {
      return false;
    }
  };
  const ranges: string[] = [];
  let quotesOpened = false;
  let last = "";
  for (const item of text.split(",")) {
    if (!item) continue;
    const quotes = (item.match(/'/g) ?? []).length;
    if (!quotes) {
      if (quotesOpened) last += `${item},`;
      else if (isRange(item)) ranges.push(item);
      continue;
    }
    const even = quotes % 2 === 0;
    if (!quotesOpened && even && isRange(item)) {
      ranges.push(item);
    } else if (quotesOpened && !even) {
      quotesOpened = false;
      if (isRange(last + item)) ranges.push(last + item);
      last = "";
    } else {
      quotesOpened = true;
      last += `${item},`;
    }
  }
  return ranges;
}

function readNames(workbookXml: string): Record<string, string> {
  const list: { name: string; ranges: string[] }[] = [];
  for (const element of elements(workbookXml, "definedName")) {
    const name = element.attributes.name ?? "";
    // ExcelJS turns print areas and print titles into page setup, not names.
    if (name === "_xlnm.Print_Area" || name === "_xlnm.Print_Titles") continue;
    list.push({ name, ranges: extractRanges(decodeXml(element.inner)) });
  }
  const definedNames = new DefinedNames();
  definedNames.model = list;
  const names: Record<string, string> = {};
  for (const definedName of definedNames.model) {
    const reference = definedName.ranges[0];
    if (reference !== undefined) names[definedName.name] = reference;
  }
  return names;
}

/** "=Parámetros!$A$2:$A$8" for a range source, "Importación,Exportación" for a literal list. */
function listSource(formula: string | undefined): string | null {
  if (formula === undefined) return null;
  if (formula.startsWith('"') && formula.endsWith('"')) return formula.slice(1, -1);
  return toUiFormula(formula, null);
}

interface SheetContext {
  sharedStrings: CellValue[];
  styles: Styles;
  tables: TableRead[];
  /** Rows whose cells' styles are needed (first data rows of tables) → col → style id. */
  styleRows: Map<number, Map<number, number | undefined>>;
  onProgress?: (read: number, total: number) => void;
}

interface SheetGrid {
  rows: (CellValue[] | undefined)[];
  formulaRows: ((string | null)[] | undefined)[];
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const INLINE = /<is>([\s\S]*?)<\/is>/;
const COLUMN_LIMIT = 16_384;

/** The value of an attribute written as ` name="…"` (package parts always use double quotes there). */
function attributeValue(text: string, key: string): string | undefined {
  const at = text.indexOf(key);
  if (at < 0) return undefined;
  const start = at + key.length;
  const end = text.indexOf('"', start);
  return end < 0 ? undefined : text.slice(start, end);
}

/** "AB12" → row × COLUMN_LIMIT + col (0-based), or -1; a hand-written parse, as every cell has one. */
function cellPosition(address: string): number {
  let col = 0;
  let i = 0;
  for (; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + (code - 64);
    else if (code >= 97 && code <= 122) col = col * 26 + (code - 96);
    else break;
  }
  if (i === 0 || i === address.length || col > COLUMN_LIMIT) return -1;
  let row = 0;
  for (; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
    row = row * 10 + (code - 48);
  }
  return row < 1 ? -1 : (row - 1) * COLUMN_LIMIT + (col - 1);
}

class SheetScanner {
  readonly grid: SheetGrid = { rows: [], formulaRows: [], top: Infinity, left: Infinity, bottom: -1, right: -1 };
  private row = -1;
  private col = -1;
  private readonly shared = new Map<string, { address: string; formula: string }>();
  total = 0;

  constructor(private readonly context: SheetContext) {}

  // A calculated column repeats one formula down every row: decode and convert each stored text once.
  private readonly uiForms = new Map<string | null, Map<string, string | null>>();
  private uiFormSize = 0;

  private readonly lastRaw: (string | undefined)[] = [];
  private readonly lastForm: (string | null)[] = [];
  private readonly lastTable: (string | null)[] = [];

  private uiFormula(raw: string, table: string | null): string | null {
    // Same text as the cell above in this column: a string comparison, no hashing.
    const col = this.col;
    if (this.lastRaw[col] === raw && this.lastTable[col] === table) return this.lastForm[col] ?? null;
    const form = this.uiFormulaCached(raw, table);
    this.lastRaw[col] = raw;
    this.lastForm[col] = form;
    this.lastTable[col] = table;
    return form;
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

  private put(row: number, col: number, value: CellValue, formula: string | null): void {
    const grid = this.grid;
    let values = grid.rows[row];
    if (!values) {
      values = [];
      grid.rows[row] = values;
    }
    values[col] = value;
    if (formula !== null) {
      let formulas = grid.formulaRows[row];
      if (!formulas) {
        formulas = [];
        grid.formulaRows[row] = formulas;
      }
      formulas[col] = formula;
    }
    if (row < grid.top) grid.top = row;
    if (row > grid.bottom) grid.bottom = row;
    if (col < grid.left) grid.left = col;
    if (col > grid.right) grid.right = col;
  }

  private cell(attrText: string, inner: string | undefined): void {
    const address = attributeValue(attrText, ' r="');
    const position = address !== undefined ? cellPosition(address) : -1;
    if (position >= 0) {
      this.col = position % COLUMN_LIMIT;
      this.row = Math.floor(position / COLUMN_LIMIT);
    } else {
      this.col++;
    }
    const row = this.row;
    const col = this.col;
    const styleText = attributeValue(attrText, ' s="');
    const styleId = styleText === undefined ? undefined : Number(styleText);
    const styleRow = this.context.styleRows.get(row);
    if (styleRow?.has(col)) styleRow.set(col, styleId);
    if (inner === undefined || inner === "") return;
    const type = attributeValue(attrText, ' t="');
    const isDate = styleId !== undefined && this.context.styles.isDate[styleId] === true;
    // <f> then <v> (the schema's order), found by position: a formula may be 2 KB long, so no regex walks it twice.
    let formulaAttrs = "";
    let rawFormula: string | null = null;
    let afterFormula = 0;
    const formulaStart = inner.startsWith("<f") ? 0 : inner.indexOf("<f");
    const afterName = formulaStart >= 0 ? inner.charCodeAt(formulaStart + 2) : 0;
    if (formulaStart >= 0 && (afterName === 32 || afterName === 62 || afterName === 47)) {
      const tagEnd = inner.indexOf(">", formulaStart);
      const selfClosing = inner.charCodeAt(tagEnd - 1) === 47;
      formulaAttrs = inner.slice(formulaStart + 2, selfClosing ? tagEnd - 1 : tagEnd);
      if (selfClosing) {
        rawFormula = "";
        afterFormula = tagEnd + 1;
      } else {
        const close = inner.indexOf("</f>", tagEnd);
        rawFormula = inner.slice(tagEnd + 1, close < 0 ? inner.length : close);
        afterFormula = close < 0 ? inner.length : close + 4;
      }
    }
    const valueStart = inner.indexOf("<v>", afterFormula);
    const valueEnd = valueStart < 0 ? -1 : inner.indexOf("</v>", valueStart);
    const rawValue = valueStart < 0 ? undefined : inner.slice(valueStart + 3, valueEnd < 0 ? inner.length : valueEnd);
    // As ExcelJS: a cell is a formula cell when its <f> has text or is part of a shared or array formula.
    if (rawFormula !== null && (rawFormula !== "" || /\bt="(?:shared|array)"/.test(formulaAttrs))) {
      const isShared = formulaAttrs.includes("shared");
      let uiFormula: string | null;
      if (isShared) {
        let text = decodeXml(rawFormula);
        const si = /\bsi="([^"]*)"/.exec(formulaAttrs)?.[1] ?? "";
        const cellAddress = colCache.n2l(col + 1) + String(row + 1);
        if (/\bref="/.test(formulaAttrs)) {
          this.shared.set(si, { address: cellAddress, formula: text });
        } else {
          const master = this.shared.get(si);
          text = master && master.formula ? slideFormula(master.formula, master.address, cellAddress) : "";
        }
        uiFormula = text ? toUiFormula(text, this.tableAt(row, col)) : null;
      } else {
        uiFormula = this.uiFormula(rawFormula, this.tableAt(row, col));
      }
      let result: CellValue = null;
      if (rawValue) {
        const decoded = decodeXml(rawValue);
        if (type === "str") result = decodeXml(decoded);
        else if (type === "b") result = parseInt(decoded, 10) !== 0;
        else if (type === "e") result = decoded;
        else {
          const number = parseFloat(decoded);
          result = isDate ? (Number.isNaN(number) ? null : dateSerial(number)) : number;
        }
      }
      if (result === "") result = null;
      this.put(row, col, result, uiFormula);
      return;
    }
    let value: CellValue = null;
    if (type === "inlineStr") {
      const inline = INLINE.exec(inner);
      value = inline ? textRuns(inline[1] ?? "") : null;
    } else if (rawValue !== undefined) {
      const decoded = decodeXml(rawValue);
      if (type === "s") value = this.context.sharedStrings[parseInt(decoded, 10)] ?? null;
      else if (type === "str") value = decodeXml(decoded);
      else if (type === "b") value = parseInt(decoded, 10) !== 0;
      else if (type === "e") value = decoded;
      else if (type === "d") {
        const time = new Date(decoded).getTime();
        value = Number.isNaN(time) ? null : UNIX_EPOCH_SERIAL + Math.round(time / 1000) / 86_400;
      } else {
        const number = parseFloat(decoded);
        value = isDate ? (Number.isNaN(number) ? null : dateSerial(number)) : number;
      }
    }
    if (value === null || value === "") return;
    this.put(row, col, value, null);
  }

  /** Scans a fragment holding whole `<row>` and `<c>` elements. */
  scan(fragment: string): void {
    let at = fragment.indexOf("<");
    while (at >= 0) {
      const next = fragment.charCodeAt(at + 1);
      const tagEnd = fragment.indexOf(">", at);
      if (tagEnd < 0) return;
      if (next === 99 /* c */ && (fragment.charCodeAt(at + 2) === 32 || fragment.charCodeAt(at + 2) === 62 || fragment.charCodeAt(at + 2) === 47)) {
        const selfClosing = fragment.charCodeAt(tagEnd - 1) === 47;
        const attrText = fragment.slice(at + 2, selfClosing ? tagEnd - 1 : tagEnd);
        if (selfClosing) {
          this.cell(attrText, undefined);
          at = fragment.indexOf("<", tagEnd);
          continue;
        }
        const close = fragment.indexOf("</c>", tagEnd);
        const end = close < 0 ? fragment.length : close;
        this.cell(attrText, fragment.slice(tagEnd + 1, end));
        at = fragment.indexOf("<", end + 4);
        continue;
      }
      if (next === 114 /* r */ && fragment.startsWith("<row", at) && (fragment.charCodeAt(at + 4) === 32 || fragment.charCodeAt(at + 4) === 62)) {
        const number = /\br="(\d+)"/.exec(fragment.slice(at, tagEnd))?.[1];
        this.row = number !== undefined ? Number(number) - 1 : this.row + 1;
        this.col = -1;
        if (this.context.onProgress && this.total > 0 && (this.row + 1) % 2000 === 0) this.context.onProgress(this.row + 1, this.total);
      }
      at = fragment.indexOf("<", tagEnd);
    }
  }
}

interface ScannedSheet {
  head: string;
  tail: string;
  grid: SheetGrid;
}

async function scanSheet(zip: ZipArchive, part: string, context: SheetContext): Promise<ScannedSheet> {
  const scanner = new SheetScanner(context);
  const decoder = new StringDecoder("utf8");
  const state: { phase: "head" | "rows" | "tail" } = { phase: "head" };
  const startedRows = (): boolean => state.phase === "rows";
  let head = "";
  let tail = "";
  let carry = "";
  const startRows = (text: string): string => {
    const open = /<sheetData\b[^>]*?(\/?)>/.exec(text);
    if (!open) {
      head += text;
      return "";
    }
    head += text.slice(0, open.index);
    const dimension = /<dimension\b[^>]*\bref="([^"]*)"/.exec(head)?.[1];
    const area = dimension ? parseArea(dimension) : null;
    scanner.total = area ? area.row + area.rowCount : 0;
    const rest = text.slice(open.index + open[0].length);
    if (open[1] === "/") {
      state.phase = "tail";
      tail += rest;
      return "";
    }
    state.phase = "rows";
    return rest;
  };
  const feed = (text: string): void => {
    if (state.phase === "head") {
      // The opening tag may straddle two chunks: look for it in what was kept plus the new text.
      const joined = head + text;
      head = "";
      text = startRows(joined);
      if (!startedRows()) return;
    }
    if (state.phase === "rows") {
      const buffer = carry + text;
      const end = buffer.lastIndexOf("</row>");
      // The sheet data can only close after its last row: search just the rest of the chunk.
      const close = buffer.indexOf("</sheetData>", Math.max(0, end));
      if (close >= 0) {
        scanner.scan(buffer.slice(0, close));
        carry = "";
        state.phase = "tail";
        tail += buffer.slice(close + "</sheetData>".length);
        return;
      }
      if (end < 0) {
        carry = buffer;
        return;
      }
      scanner.scan(buffer.slice(0, end + "</row>".length));
      carry = buffer.slice(end + "</row>".length);
      return;
    }
    tail += text;
  };
  for await (const chunk of entryChunks(zip, part)) feed(decoder.write(chunk));
  feed(decoder.end());
  if (context.onProgress && scanner.total > 0) context.onProgress(scanner.total, scanner.total);
  return { head, tail, grid: scanner.grid };
}

function frozenRows(head: string): number {
  const view = firstElement(head, "sheetView");
  if (!view) return 0;
  const pane = firstElement(view.inner, "pane");
  if (!pane || pane.attributes.state !== "frozen") return 0;
  return parseInt(pane.attributes.ySplit ?? "0", 10) || 0;
}

interface ValidationRead {
  type: string;
  formula: string | undefined;
  areas: GridArea[];
}

function readValidations(tail: string): ValidationRead[] {
  const block = firstElement(tail, "dataValidations");
  if (!block) return [];
  return elements(block.inner, "dataValidation").map((element) => {
    const formula = firstElement(element.inner, "formula1");
    return {
      type: element.attributes.type ?? "any",
      formula: formula && formula.inner !== "" ? decodeXml(formula.inner) : undefined,
      areas: (element.attributes.sqref ?? "").split(/\s+/).flatMap((ref) => {
        const area = parseArea(ref);
        return area ? [area] : [];
      }),
    };
  });
}

function readConditionalFormats(tail: string): { ref: string; formulas: string[] }[] {
  const withoutExtensions = tail.replace(/<extLst>[\s\S]*<\/extLst>/, "");
  return elements(withoutExtensions, "conditionalFormatting").map((format) => ({
    ref: format.attributes.sqref ?? "",
    formulas: elements(format.inner, "cfRule").flatMap((rule) => {
      if (rule.attributes.type !== "expression") return [];
      const formula = firstElement(rule.inner, "formula");
      return formula ? [decodeXml(formula.inner)] : [];
    }),
  }));
}

function buildSheet(name: string, position: number, scanned: ScannedSheet, tables: TableRead[], context: SheetContext): SheetSnapshot {
  const grid = scanned.grid;
  const include = (area: GridArea): void => {
    grid.top = Math.min(grid.top, area.row);
    grid.left = Math.min(grid.left, area.col);
    grid.bottom = Math.max(grid.bottom, area.row + area.rowCount - 1);
    grid.right = Math.max(grid.right, area.col + area.colCount - 1);
  };
  // Cells covered by a merge show nothing, as in Excel; the top-left cell holds the value. The whole merge
  // is part of the used range.
  for (const merge of elements(scanned.tail, "mergeCell")) {
    const area = parseArea(merge.attributes.ref ?? "");
    if (!area) continue;
    include(area);
    for (let r = area.row; r < area.row + area.rowCount; r++) {
      const values = grid.rows[r];
      const formulas = grid.formulaRows[r];
      for (let c = area.col; c < area.col + area.colCount; c++) {
        if (r === area.row && c === area.col) continue;
        if (values && c < values.length) values[c] = null;
        if (formulas && c < formulas.length) formulas[c] = null;
      }
    }
  }
  for (const table of tables) include(table.area);
  const validations = readValidations(scanned.tail);
  const formats = readConditionalFormats(scanned.tail);
  const tableSnapshots: TableSnapshot[] = tables.map((table) => {
    const firstDataRow = table.area.row + 1;
    const hasDataRow = table.area.rowCount > 1;
    const columns: ColumnSnapshot[] = table.columns.map((header, index) => {
      const col = table.area.col + index;
      const styleId = hasDataRow ? context.styleRows.get(firstDataRow)?.get(col) : undefined;
      let validation: ValidationRead | undefined;
      if (hasDataRow) for (const entry of validations) if (entry.areas.some((area) => areaContains(area, firstDataRow, col))) validation = entry;
      return {
        header,
        numberFormat: (styleId !== undefined ? context.styles.formats[styleId] : undefined) || "General",
        listValidation: validation?.type === "list" ? listSource(validation.formula) : null,
      };
    });
    const body: GridArea = { row: firstDataRow, col: table.area.col, rowCount: Math.max(table.area.rowCount - 1, 1), colCount: table.area.colCount };
    const conditionalFormulas = formats
      .filter((format) => {
        const formatArea = parseArea(format.ref.split(" ")[0] ?? "");
        return formatArea !== null && areasOverlap(formatArea, body);
      })
      .flatMap((format) => format.formulas.map((formula) => toUiFormula(formula, null)));
    return { name: table.name, area: table.area, columns, conditionalFormulas };
  });
  const frozen = frozenRows(scanned.head);
  if (grid.bottom < 0) return { name, area: { row: 0, col: 0, rowCount: 0, colCount: 0 }, values: [], formulas: [], tables: [], frozenRows: frozen, position };
  const area: GridArea = { row: grid.top, col: grid.left, rowCount: grid.bottom - grid.top + 1, colCount: grid.right - grid.left + 1 };
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = area.row; r <= grid.bottom; r++) {
    values.push(denseRow<CellValue>(grid.rows[r], area.col, area.colCount));
    formulas.push(denseRow<string | null>(grid.formulaRows[r], area.col, area.colCount));
    grid.rows[r] = undefined;
    grid.formulaRows[r] = undefined;
  }
  return { name, area, values, formulas, tables: tableSnapshots, frozenRows: frozen, position };
}

function denseRow<T>(sparse: (T | undefined)[] | undefined, left: number, count: number): (T | null)[] {
  const row = new Array<T | null>(count).fill(null);
  if (!sparse) return row;
  const end = Math.min(sparse.length, left + count);
  for (let c = left; c < end; c++) {
    const value = sparse[c];
    if (value !== undefined) row[c - left] = value;
  }
  return row;
}

async function readPackage(zip: ZipArchive, options: StreamReadOptions): Promise<WorkbookSnapshot | null> {
  const workbookPart = "xl/workbook.xml";
  const workbookXml = await entryText(zip, workbookPart);
  if (workbookXml === null) return null;
  const workbookRels = await relationships(zip, workbookPart);
  const sharedStrings: CellValue[] = [];
  const stylesPart = [...workbookRels.values()].find((rel) => rel.type.endsWith("/styles"))?.target ?? "xl/styles.xml";
  const stringsPart = [...workbookRels.values()].find((rel) => rel.type.endsWith("/sharedStrings"))?.target ?? "xl/sharedStrings.xml";
  const stringsXml = await entryText(zip, stringsPart);
  if (stringsXml !== null) for (const si of elements(stringsXml, "si")) sharedStrings.push(textRuns(si.inner));
  const styles = readStyles(await entryText(zip, stylesPart));
  const sheets: SheetSnapshot[] = [];
  for (const sheet of elements(firstElement(workbookXml, "sheets")?.inner ?? "", "sheet")) {
    const rel = workbookRels.get(sheet.attributes["r:id"] ?? "");
    if (!rel || !rel.type.endsWith("/worksheet") || !zip.entries.has(rel.target)) continue;
    const sheetRels = await relationships(zip, rel.target);
    const tablesById = new Map<string, TableRead>();
    for (const [id, sheetRel] of sheetRels) {
      if (!sheetRel.type.endsWith("/table")) continue;
      const xml = await entryText(zip, sheetRel.target);
      const table = xml === null ? null : readTable(xml);
      if (table) tablesById.set(id, table);
    }
    const styleRows = new Map<number, Map<number, number | undefined>>();
    for (const table of tablesById.values()) {
      if (table.area.rowCount < 2) continue;
      const cols = styleRows.get(table.area.row + 1) ?? new Map<number, number | undefined>();
      for (let c = 0; c < table.columns.length; c++) cols.set(table.area.col + c, undefined);
      styleRows.set(table.area.row + 1, cols);
    }
    const context: SheetContext = { sharedStrings, styles, tables: [...tablesById.values()], styleRows, onProgress: options.onProgress };
    const scanned = await scanSheet(zip, rel.target, context);
    const tables = elements(scanned.tail, "tablePart").flatMap((part) => {
      const table = tablesById.get(part.attributes["r:id"] ?? "");
      return table ? [table] : [];
    });
    sheets.push(buildSheet(sheet.attributes.name ?? "", sheets.length, scanned, tables, context));
  }
  return { sheets, names: readNames(workbookXml) };
}

/** The workbook's Snapshot, streamed from the file; every problem with the file becomes an UnusableInputError. */
export async function readSnapshotFile(file: string, options: StreamReadOptions = {}): Promise<WorkbookSnapshot> {
  await checkInput(file);
  let snapshot: WorkbookSnapshot | null;
  try {
    snapshot = await readPackage(await openZip(file), options);
  } catch (error) {
    throw new UnusableInputError(FileMessages.damaged(file), {
      code: "archivo-danado",
      cause: error,
    });
  }
  if (snapshot === null) {
    throw new UnusableInputError(FileMessages.damaged(file), { code: "archivo-danado" });
  }
  if (snapshot.sheets.length === 0) {
    throw new UnusableInputError(FileMessages.noSheets(file), { code: "sin-hojas" });
  }
  return snapshot;
}
