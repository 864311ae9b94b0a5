import { FileMessages } from "./messages";
import * as path from "node:path";
import colCache from "exceljs/lib/utils/col-cache";
import DefinedNames from "exceljs/lib/doc/defined-names";
import defaultNumFormats from "exceljs/lib/xlsx/defaultnumformats";
import type { CellValue, ColumnSnapshot, GridArea, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../domain/workbook/snapshot";
import { parseArea } from "../domain/workbook/a1";
import { areaContains, areasOverlap } from "../domain/workbook/grid-area";
import { toUiFormula } from "./formula-form";
import { checkInput } from "./input-check";
import { UnusableInputError } from "./unusable-input-error";
import { scanSheetXml, type ScannedSheet, type SheetScanContext } from "./sheet-xml-scan";
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
  // ExcelJS drops the backslash of escaped characters ("dd/mm/yyyy\\ hh:mm", as LibreOffice writes it).
  if (numFmts) for (const fmt of elements(numFmts.inner, "numFmt")) custom.set(Number(fmt.attributes.numFmtId), (fmt.attributes.formatCode ?? "").replace(/\\(.)/g, "$1"));
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

/**
 * The text of each <si> of the shared strings part, in order: what textRuns gives for each, with a short
 * path for the usual item, one plain <t> (a 100,000-row book has as many items).
 */
function sharedStringItems(xml: string): string[] {
  // Prefixed element names (<x:si>) are rare: the general reading handles them.
  if (/<\w+:si[\s/>]/.test(xml)) return elements(xml, "si").map((si) => textRuns(si.inner));
  const items: string[] = [];
  let at = xml.indexOf("<si");
  while (at >= 0) {
    const after = xml.charCodeAt(at + 3);
    if (after !== 62 /* > */ && after !== 47 /* / */ && !/\s/.test(xml.charAt(at + 3))) {
      at = xml.indexOf("<si", at + 3);
      continue;
    }
    const tagEnd = xml.indexOf(">", at);
    if (tagEnd < 0) break;
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      items.push("");
      at = xml.indexOf("<si", tagEnd);
      continue;
    }
    const close = xml.indexOf("</si>", tagEnd);
    if (close < 0) break;
    items.push(itemText(xml.slice(tagEnd + 1, close)));
    at = xml.indexOf("<si", close + 5);
  }
  return items;
}

/** textRuns of one item, without regular expressions when it is a single <t>…</t>. */
function itemText(inner: string): string {
  if (inner.startsWith("<t") && inner.endsWith("</t>")) {
    const afterName = inner.charCodeAt(2);
    const tagEnd = afterName === 62 ? 2 : afterName === 32 ? inner.indexOf(">") : -1;
    if (tagEnd > 0 && inner.charCodeAt(tagEnd - 1) !== 47) {
      const text = inner.slice(tagEnd + 1, -4);
      if (!text.includes("<")) return decodeXml(text);
    }
  }
  return textRuns(inner);
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

interface SheetContext extends SheetScanContext {
  styles: Styles;
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
      // Rows with the same formulas share an array: the merged row gets one of its own.
      const formulas = grid.formulaRows[r]?.slice();
      grid.formulaRows[r] = formulas;
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

/** A scanned row (indexed by sheet column) as the Snapshot's row of `count` cells from column `left`. */
function denseRow<T>(sparse: (T | null | undefined)[] | undefined, left: number, count: number): (T | null)[] {
  if (!sparse) return new Array<T | null>(count).fill(null);
  if (left === 0) {
    // The usual case: the used range starts at column A, and the scanned row becomes the Snapshot's row.
    if (sparse.length > count) sparse.length = count;
    for (let c = 0; c < sparse.length; c++) if (sparse[c] === undefined) sparse[c] = null;
    while (sparse.length < count) sparse.push(null);
    return sparse as (T | null)[];
  }
  const row = new Array<T | null>(count).fill(null);
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
  const stylesPart = [...workbookRels.values()].find((rel) => rel.type.endsWith("/styles"))?.target ?? "xl/styles.xml";
  const stringsPart = [...workbookRels.values()].find((rel) => rel.type.endsWith("/sharedStrings"))?.target ?? "xl/sharedStrings.xml";
  const stringsXml = await entryText(zip, stringsPart);
  // Not push(...items): 200,000 strings as arguments overflow the call stack.
  const sharedStrings: CellValue[] = stringsXml !== null ? sharedStringItems(stringsXml) : [];
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
    const context: SheetContext = { sharedStrings, styles, isDate: styles.isDate, tables: [...tablesById.values()], styleRows, onProgress: options.onProgress };
    const scanned = await scanSheetXml(entryChunks(zip, rel.target), context);
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
