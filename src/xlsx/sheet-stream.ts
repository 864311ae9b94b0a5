import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import * as zlib from "node:zlib";
import defaultNumFormats from "exceljs/lib/xlsx/defaultnumformats";
import type { CellValue, GridArea } from "../domain/workbook/snapshot";
import type { FillColumnStep, NumberFormatStep, Plan, PlanStep } from "../domain/workbook/plan";
import { a1Address, areaAddress, parseArea } from "../domain/workbook/a1";
import { toFileFormula } from "./formula-form";
import type { ZipEntry } from "./zip-package";

/**
 * Writing a Plan into a sheet too big for ExcelJS's object model (a 100,000-row operations sheet being turned
 * into tblOperaciones). The Plan is split by rows: the few rows whose cells the Plan writes one by one (headers,
 * appended rows) and a table's header row go through applyPlan on a small ExcelJS book, like every sheet-level
 * step (tables, validations, conditional formats, panes, widths, page setup); the steps that run down whole
 * columns (calculated columns, number formats) are carried out here on the streamed sheet XML, row by row, with
 * ExcelJS's cell semantics. Every other cell keeps its bytes. The Plan decides what goes where; this executes it.
 */

/** Thrown when a sheet uses something this writer does not stream (shared formulas it would overwrite, odd rows). */
export class StreamedSheetUnsupported extends Error {}

/** Rows of a streamed sheet handled by the small book: at most this many, otherwise the full save. */
export const MAX_OVERLAY_ROWS = 5_000;

/** A step carried out down the streamed sheet (rows outside the overlay). */
export type BulkStep = { index: number; step: FillColumnStep; table: string | null } | { index: number; step: NumberFormatStep; table: null };

export interface StreamedSheetPlan {
  /** The Plan run on the small book: bulk steps on streamed sheets cut down to their overlay rows. */
  smallPlan: Plan;
  /** For each step of smallPlan, the index of the step of the original Plan it comes from. */
  origins: number[];
  /** Per streamed sheet: the rows the small book holds (0-based) and the bulk steps, in Plan order. */
  sheets: Map<string, { overlay: Set<number>; bulk: BulkStep[] }>;
}

function rowsOfArea(area: GridArea): number[] {
  return Array.from({ length: Math.max(area.rowCount, 0) }, (_, i) => area.row + i);
}

/** Maximal runs of consecutive rows of `rows` inside [first, first + count). */
function runsWithin(rows: ReadonlySet<number>, first: number, count: number): { first: number; count: number }[] {
  const inside = [...rows].filter((r) => r >= first && r < first + count).sort((a, b) => a - b);
  const runs: { first: number; count: number }[] = [];
  for (const row of inside) {
    const last = runs[runs.length - 1];
    if (last && last.first + last.count === row) last.count++;
    else runs.push({ first: row, count: 1 });
  }
  return runs;
}

function overlayRowsOf(step: PlanStep): number[] {
  switch (step.kind) {
    case "writeCells":
      return step.cells.map((cell) => cell.row);
    case "cellStyle":
      return rowsOfArea(step.area);
    case "createTable":
    case "resizeTable":
      return [step.area.row];
    case "appendTableRows": {
      const lastRow = step.area.row + step.area.rowCount - 1;
      const newLast = step.newArea.row + step.newArea.rowCount - 1;
      return [...step.cells.map((cell) => cell.row), ...Array.from({ length: Math.max(newLast - lastRow + 1, 0) }, (_, i) => lastRow + i)];
    }
    default:
      return [];
  }
}

/**
 * Splits `plan` for the streamed sheets `streamed`: which rows the small book must hold, and the column-wide
 * steps to run on the stream. Throws StreamedSheetUnsupported when a step would need every cell of a streamed
 * sheet in memory (renaming a table rewrites formulas anywhere).
 */
export function splitForStreaming(plan: Plan, streamed: ReadonlySet<string>): StreamedSheetPlan {
  const sheets = new Map<string, { overlay: Set<number>; bulk: BulkStep[] }>();
  for (const name of streamed) sheets.set(name, { overlay: new Set(), bulk: [] });
  for (const step of plan.steps) {
    if (step.kind === "renameTable") throw new StreamedSheetUnsupported("renameTable with a streamed sheet");
    if (step.kind === "defineName") continue;
    const sheet = sheets.get(step.sheet);
    if (!sheet) continue;
    for (const row of overlayRowsOf(step)) sheet.overlay.add(row);
  }
  for (const sheet of sheets.values()) {
    if (sheet.overlay.size > MAX_OVERLAY_ROWS) throw new StreamedSheetUnsupported("too many rows written one by one");
  }
  const steps: PlanStep[] = [];
  const origins: number[] = [];
  plan.steps.forEach((step, index) => {
    const sheet = step.kind === "defineName" ? undefined : sheets.get(step.sheet);
    if (sheet && step.kind === "fillColumn") {
      sheet.bulk.push({ index, step, table: null });
      const runs = runsWithin(sheet.overlay, step.firstRow, step.rowCount);
      for (const run of runs.length > 0 ? runs : [{ first: step.firstRow, count: 0 }]) {
        const from = run.first - step.firstRow;
        steps.push({
          ...step,
          firstRow: run.first,
          rowCount: run.count,
          results: step.results?.slice(from, from + run.count),
          expected: step.expected.slice(from, from + run.count),
        });
        origins.push(index);
      }
    } else if (sheet && step.kind === "numberFormat") {
      sheet.bulk.push({ index, step, table: null });
      const runs = runsWithin(sheet.overlay, step.area.row, step.area.rowCount);
      for (const run of runs.length > 0 ? runs : [{ first: step.area.row, count: 0 }]) {
        steps.push({ ...step, area: { ...step.area, row: run.first, rowCount: run.count } });
        origins.push(index);
      }
    } else {
      steps.push(step);
      origins.push(index);
    }
  });
  return { smallPlan: { steps, notes: plan.notes }, origins, sheets };
}

// ---- reading a sheet part as a stream of rows ----

interface SheetVisitor {
  /** Rows after this one (0-based) are not handed over: the rest of the sheet data is only searched for its end. */
  lastRow?: number;
  head(text: string): void;
  row(row: number, xml: string): void | Promise<void>;
  tail(text: string): void;
}

const ROW_NUMBER = /\sr="(\d+)"/;
/** The 0-based row number of a `<row …>` start tag; the one after `previous` when it has no r. */
function rowNumber(tag: string, previous: number): number {
  const at = tag.indexOf(' r="');
  if (at < 0) return previous + 1;
  let n = 0;
  for (let i = at + 4; ; i++) {
    const code = tag.charCodeAt(i);
    if (code < 48 || code > 57) break;
    n = n * 10 + (code - 48);
  }
  return n - 1;
}

/** zlib's output chunk: large, so a 250 MB part takes a few hundred callbacks rather than thousands. */
const ZLIB_CHUNK = 1 << 20;

/**
 * Inflates a worksheet part and hands its head (up to `<sheetData>`), each `<row>` (0-based number) and tail over,
 * as latin1 strings: one character per byte, so the UTF-8 of the part goes back out unchanged without being
 * decoded and encoded again (the markup this looks at is ASCII).
 */
export async function visitSheet(entry: ZipEntry | Buffer[], visitor: SheetVisitor, keep?: Buffer[]): Promise<void> {
  const source = Array.isArray(entry)
    ? entry
    : entry.method === 8
      ? Readable.from([entry.raw]).pipe(zlib.createInflateRaw({ chunkSize: ZLIB_CHUNK }))
      : Readable.from([entry.raw]);
  let buffer = "";
  let state: "head" | "rows" | "skip" | "tail" = "head";
  let previousRow = -1;
  let tail = "";
  const consume = async (): Promise<void> => {
    if (state === "head") {
      const at = buffer.indexOf("<sheetData");
      const close = at < 0 ? -1 : buffer.indexOf(">", at);
      if (close < 0) return;
      if (buffer[close - 1] === "/") {
        visitor.head(`${buffer.slice(0, at)}<sheetData>`);
        buffer = `</sheetData>${buffer.slice(close + 1)}`;
      } else {
        visitor.head(buffer.slice(0, close + 1));
        buffer = buffer.slice(close + 1);
      }
      state = "rows";
    }
    if (state === "skip") {
      const end = buffer.indexOf("</sheetData>");
      if (end < 0) {
        buffer = buffer.slice(-16);
        return;
      }
      buffer = buffer.slice(end);
      state = "tail";
    }
    if (state === "rows") {
      let at = 0;
      for (;;) {
        if (visitor.lastRow !== undefined && previousRow >= visitor.lastRow) {
          state = "skip";
          break;
        }
        while (at < buffer.length && buffer.charCodeAt(at) <= 32) at++;
        if (buffer.startsWith("</sheetData>", at)) {
          state = "tail";
          break;
        }
        if (buffer.length - at < 12) break;
        if (!buffer.startsWith("<row", at)) throw new StreamedSheetUnsupported("unexpected element in sheetData");
        const open = buffer.indexOf(">", at);
        if (open < 0) break;
        let end: number;
        if (buffer[open - 1] === "/") end = open + 1;
        else {
          const close = buffer.indexOf("</row>", open);
          if (close < 0) break;
          end = close + 6;
        }
        const row = rowNumber(buffer.slice(at, open), previousRow);
        if (row <= previousRow) throw new StreamedSheetUnsupported("rows out of order");
        previousRow = row;
        const pending = visitor.row(row, buffer.slice(at, end));
        if (pending) await pending;
        at = end;
      }
      buffer = buffer.slice(at);
      if ((state as string) === "skip") return consume();
    }
    if (state === "tail") {
      tail += buffer;
      buffer = "";
    }
  };
  const END = "</sheetData>";
  for await (const chunk of source as AsyncIterable<Buffer>) {
    keep?.push(chunk);
    if ((state as string) === "skip") {
      // Rows after lastRow are not looked at: their bytes are searched for the end of sheetData, not decoded.
      // `buffer` holds the previous chunk's last characters, in case the end tag straddles two chunks.
      const seamBytes = Math.min(chunk.length, END.length);
      const seam = buffer + chunk.toString("latin1", 0, seamBytes);
      const inSeam = seam.indexOf(END);
      const at = inSeam >= 0 ? -1 : chunk.indexOf(END, 0, "latin1");
      if (inSeam < 0 && at < 0) {
        buffer = (buffer + chunk.toString("latin1", Math.max(0, chunk.length - END.length))).slice(-END.length);
        continue;
      }
      buffer = inSeam >= 0 ? seam.slice(inSeam) + chunk.toString("latin1", seamBytes) : chunk.toString("latin1", at);
      state = "tail";
      await consume();
      continue;
    }
    buffer += chunk.toString("latin1");
    await consume();
  }
  await consume();
  // consume() moves the state on; TypeScript does not follow assignments made inside the closure.
  if ((state as string) !== "tail") throw new StreamedSheetUnsupported("sheet without sheetData");
  visitor.tail(tail);
}

/** Parts up to this size (uncompressed) are inflated once: the stub's reading keeps the bytes for the stream. */
const KEEP_INFLATED_BYTES = 96 * 1024 * 1024;

/**
 * The sheet with only `rows` in its sheet data (the small book's version of a streamed sheet), as UTF-8, and the
 * part's inflated bytes when it is small enough to keep for streamSheet.
 */
export async function stubWithRows(entry: ZipEntry, rows: ReadonlySet<number>): Promise<{ xml: Buffer; inflated: Buffer[] | null }> {
  const inflated = entry.size <= KEEP_INFLATED_BYTES ? [] : null;
  const parts: string[] = [];
  let tail = "";
  await visitSheet(entry, {
    lastRow: Math.max(-1, ...rows),
    head: (text) => parts.push(text),
    row: (row, xml) => {
      if (!rows.has(row)) return;
      if (/<f\b[^>]*\bt="shared"/.test(xml)) throw new StreamedSheetUnsupported("shared formula in a row the small book holds");
      parts.push(xml);
    },
    tail: (text) => {
      tail = text;
    },
  }, inflated ?? undefined);
  // Hyperlinks (internal ones have no relationship) belong to cells the small book does not hold.
  if (tail.includes("<hyperlinks")) throw new StreamedSheetUnsupported("hyperlinks in a streamed sheet");
  parts.push(tail);
  return { xml: Buffer.from(parts.join(""), "latin1"), inflated };
}

// ---- styles ----

const DEFAULT_FORMAT_IDS = new Map<string, number>();
for (const [id, format] of Object.entries(defaultNumFormats)) {
  if (format && typeof format.f === "string" && !DEFAULT_FORMAT_IDS.has(format.f)) DEFAULT_FORMAT_IDS.set(format.f, Number(id));
}

function decodeAttribute(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function escapeText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function attributeOf(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decodeAttribute(match[1] ?? "") : null;
}

function withAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}=")[^"]*(")`);
  if (re.test(tag)) return tag.replace(re, `$1${value}$2`);
  return tag.replace(/^<(\w+)/, `<$1 ${name}="${value}"`);
}

/**
 * The cell formats of a styles.xml the streamed cells point at, and the formats a number format step adds: an
 * existing format with another number format, as ExcelJS's `cell.style = { ...style, numFmt }` gives.
 */
export class CellFormats {
  private readonly xfs: string[];
  private readonly xfIndex = new Map<string, number>();
  private readonly formatCodes = new Map<number, string>();
  private readonly customIds = new Map<string, number>();
  private readonly addedFormats: string[] = [];
  private readonly derived = new Map<string, number>();
  private readonly codes = new Map<number, string>();
  private nextFormatId: number;
  private readonly baseXfCount: number;

  constructor(private readonly stylesXml: string) {
    const numFmts = /<numFmts\b[^>]*?(?:\/>|>([\s\S]*?)<\/numFmts>)/.exec(stylesXml)?.[1] ?? "";
    let maxId = 163;
    for (const match of numFmts.matchAll(/<numFmt\b[^>]*\/?>/g)) {
      const id = Number(attributeOf(match[0], "numFmtId"));
      const code = attributeOf(match[0], "formatCode") ?? "";
      this.formatCodes.set(id, code);
      if (!this.customIds.has(code)) this.customIds.set(code, id);
      maxId = Math.max(maxId, id);
    }
    this.nextFormatId = maxId + 1;
    const cellXfs = /<cellXfs\b[^>]*?(?:\/>|>([\s\S]*?)<\/cellXfs>)/.exec(stylesXml);
    if (!cellXfs) throw new StreamedSheetUnsupported("styles.xml without cellXfs");
    this.xfs = [...(cellXfs[1] ?? "").matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
    this.xfs.forEach((xf, i) => {
      if (!this.xfIndex.has(xf)) this.xfIndex.set(xf, i);
    });
    this.baseXfCount = this.xfs.length;
  }

  /** The number format code of cell format `s` ("General" for none). */
  formatOf(s: number): string {
    let code = this.codes.get(s);
    if (code === undefined) {
      const xf = this.xfs[s];
      if (xf === undefined) throw new StreamedSheetUnsupported(`cell format ${s}`);
      const id = Number(attributeOf(xf.slice(0, xf.indexOf(">") + 1), "numFmtId") ?? 0);
      code = this.formatCodes.get(id) ?? defaultNumFormats[String(id)]?.f ?? "General";
      this.codes.set(s, code);
    }
    return code;
  }

  private formatId(code: string): number {
    const builtin = DEFAULT_FORMAT_IDS.get(code);
    if (builtin !== undefined) return builtin;
    const custom = this.customIds.get(code);
    if (custom !== undefined) return custom;
    const id = this.nextFormatId++;
    this.customIds.set(code, id);
    this.formatCodes.set(id, code);
    this.addedFormats.push(`<numFmt numFmtId="${id}" formatCode="${escapeText(code)}"/>`);
    return id;
  }

  /** Cell format `s` with number format `code`. */
  withFormat(s: number, code: string): number {
    const key = `${s}\u0000${code}`;
    const known = this.derived.get(key);
    if (known !== undefined) return known;
    const xf = this.xfs[s];
    if (xf === undefined) throw new StreamedSheetUnsupported(`cell format ${s}`);
    const end = xf.indexOf(">") + 1;
    let open = withAttribute(xf.slice(0, end), "numFmtId", String(this.formatId(code)));
    open = withAttribute(open, "applyNumberFormat", "1");
    const item = open + xf.slice(end);
    let index = this.xfIndex.get(item);
    if (index === undefined) {
      index = this.xfs.length;
      this.xfs.push(item);
      this.xfIndex.set(item, index);
    }
    this.derived.set(key, index);
    return index;
  }

  /** styles.xml with the added formats. */
  xml(): string {
    if (this.xfs.length === this.baseXfCount && this.addedFormats.length === 0) return this.stylesXml;
    let xml = this.stylesXml.replace(/<cellXfs\b[^>]*?(?:\/>|>[\s\S]*?<\/cellXfs>)/, `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>`);
    if (this.addedFormats.length > 0) {
      const existing = /<numFmts\b[^>]*?(?:\/>|>([\s\S]*?)<\/numFmts>)/.exec(xml);
      const items = `${existing?.[1] ?? ""}${this.addedFormats.join("")}`;
      const count = (items.match(/<numFmt\b/g) ?? []).length;
      const block = `<numFmts count="${count}">${items}</numFmts>`;
      xml = existing ? xml.replace(existing[0], block) : xml.replace(/<styleSheet\b[^>]*>/, (open) => open + block);
    }
    return xml;
  }
}

// ---- the streamed merge ----

interface CellXml {
  col: number;
  /** Where the cell's XML sits in its row's XML, while it is kept as read (start < 0 once rewritten or new). */
  start: number;
  end: number;
  s: number;
  /** Where the digits of the read cell's s attribute sit in the row's XML (-1: none; then after "<c"). */
  sStart: number;
  sEnd: number;
  /** Set when the cell has a new style, or is new. */
  restyled: boolean;
  /** A formula cell's content when rewritten. */
  content?: CellContent;
}

interface CellContent {
  type: string;
  /** `<f>…</f><v>…</v>` as UTF-8. */
  inner: Buffer;
}

/** Collects the new part's XML as UTF-8 in large buffers, so the 250 MB of a big sheet are never one string. */
class XmlOutput {
  private buffer = Buffer.allocUnsafe(XmlOutput.CHUNK);
  private position = 0;
  readonly full: Buffer[] = [];
  fullBytes = 0;
  static readonly CHUNK = 1 << 20;

  /** A latin1 string: each character is one byte of the part's UTF-8. */
  text(text: string): void {
    if (this.position + text.length > this.buffer.length) this.rotate(text.length);
    this.position += this.buffer.write(text, this.position, "latin1");
  }

  bytes(bytes: Buffer): void {
    if (this.position + bytes.length > this.buffer.length) this.rotate(bytes.length);
    // TypedArray#set is a V8 builtin; Buffer#copy goes through a binding call, costly at 300,000 formulas.
    this.buffer.set(bytes, this.position);
    this.position += bytes.length;
  }

  private rotate(least: number): void {
    if (this.position > 0) {
      this.full.push(this.buffer.subarray(0, this.position));
      this.fullBytes += this.position;
    }
    this.buffer = Buffer.allocUnsafe(Math.max(XmlOutput.CHUNK, least));
    this.position = 0;
  }

  /** Every buffer written so far, the current one included; the output starts over. */
  take(): Buffer[] {
    this.rotate(0);
    const taken = this.full.splice(0);
    this.fullBytes = 0;
    return taken;
  }
}

function parseRow(xml: string): { openEnd: number; selfClosing: boolean; cells: CellXml[] } {
  const tagEnd = xml.indexOf(">");
  const selfClosing = xml.charCodeAt(tagEnd - 1) === 47;
  const cells: CellXml[] = [];
  if (selfClosing) return { openEnd: tagEnd + 1, selfClosing, cells };
  const stop = xml.length - "</row>".length;
  let at = tagEnd + 1;
  let col = -1;
  for (;;) {
    while (at < stop && xml.charCodeAt(at) <= 32) at++;
    if (at >= stop) break;
    const next = xml.charCodeAt(at + 2);
    if (!xml.startsWith("<c", at) || (next !== 32 && next !== 47 && next !== 62)) throw new StreamedSheetUnsupported("row with other content than cells");
    const end = xml.indexOf(">", at);
    const close = xml.charCodeAt(end - 1) === 47 ? end + 1 : xml.indexOf("</c>", end) + 4;
    if (end < 0 || close < 4) throw new StreamedSheetUnsupported("unterminated cell");
    // Searched in the start tag only: a search in the row would run on into the next cells.
    const tag = xml.slice(at, end);
    const r = tag.indexOf(' r="');
    if (r > 0) {
      let c = 0;
      for (let i = r + 4; ; i++) {
        const code = tag.charCodeAt(i);
        if (code < 65 || code > 90) break;
        c = c * 26 + (code - 64);
      }
      col = c - 1;
    } else col++;
    let s = 0;
    let sStart = -1;
    let sEnd = -1;
    const sAt = tag.indexOf(' s="');
    if (sAt > 0) {
      let i = sAt + 4;
      for (; ; i++) {
        const code = tag.charCodeAt(i);
        if (code < 48 || code > 57) break;
        s = s * 10 + (code - 48);
      }
      sStart = at + sAt + 4;
      sEnd = at + i;
    }
    cells.push({ col, start: at, end: close, s, sStart, sEnd, restyled: false });
    at = close;
  }
  return { openEnd: tagEnd + 1, selfClosing, cells };
}

function isError(value: CellValue | undefined): value is string {
  return typeof value === "string" && /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!)$/.test(value);
}

/** A formula cell's content as ExcelJS writes it: `t` for the cached result's type, `<f>`, and `<v>` when cached. */
function formulaContent(formulaXml: string, result: CellValue | undefined): CellContent {
  const f = `<f>${formulaXml}</f>`;
  const make = (type: string, inner: string): CellContent => ({ type, inner: Buffer.from(inner, "utf8") });
  if (result === undefined || result === null) return make("", f);
  if (isError(result)) return make("e", `${f}<v>${escapeText(result)}</v>`);
  if (typeof result === "string") return make("str", `${f}<v>${escapeText(result)}</v>`);
  if (typeof result === "boolean") return make("b", `${f}<v>${result ? 1 : 0}</v>`);
  return make("", `${f}<v>${String(result)}</v>`);
}

/** The style a new cell of the row gets (ExcelJS: the row's style, else the column's). */
interface DefaultStyles {
  rowStyle(open: string): number | null;
  columnStyle(col: number): number;
}

function defaultStyles(head: string): DefaultStyles {
  const columns: { min: number; max: number; style: number }[] = [];
  for (const match of head.matchAll(/<col\b[^>]*\/?>/g)) {
    const style = attributeOf(match[0], "style");
    if (style !== null && style !== "0") {
      columns.push({ min: Number(attributeOf(match[0], "min")) - 1, max: Number(attributeOf(match[0], "max")) - 1, style: Number(style) });
    }
  }
  return {
    rowStyle: (open) => {
      if (!open.includes("customFormat=")) return null;
      if (!/\scustomFormat="(1|true)"/.test(open)) return null;
      const s = attributeOf(open, "s");
      return s === null ? null : Number(s);
    },
    columnStyle: (col) => columns.find((c) => col >= c.min && col <= c.max)?.style ?? 0,
  };
}

interface PreparedBulk {
  first: number;
  last: number;
  apply(row: number, xml: string, cells: CellXml[], cellAt: (col: number) => CellXml): void;
}

function prepareBulk(bulk: BulkStep, formats: CellFormats): PreparedBulk {
  if (bulk.step.kind === "fillColumn") {
    const step = bulk.step;
    const formulaXml = escapeText(toFileFormula(step.formula, bulk.table));
    const contents = new Map<CellValue | undefined, CellContent>();
    return {
      first: step.firstRow,
      last: step.firstRow + step.rowCount - 1,
      apply(row, xml, _cells, cellAt) {
        const cell = cellAt(step.col);
        if (cell.start >= 0) {
          const cellXml = xml.slice(cell.start, cell.end);
          if (/<f\b[^>]*\bt="(shared|array)"[^>]*\bref=/.test(cellXml)) throw new StreamedSheetUnsupported("a calculated column over a shared formula");
          cell.start = -1;
        }
        const result = step.results?.[row - step.firstRow];
        let content = contents.get(result);
        if (!content) {
          content = formulaContent(formulaXml, result);
          if (contents.size < 1000) contents.set(result, content);
        }
        cell.content = content;
      },
    };
  }
  const step = bulk.step;
  const { area } = step;
  const restyled = new Map<number, number>();
  return {
    first: area.row,
    last: area.row + area.rowCount - 1,
    apply(_row, _xml, _cells, cellAt) {
      for (let col = area.col; col < area.col + area.colCount; col++) {
        const cell = cellAt(col);
        let s = restyled.get(cell.s);
        if (s === undefined) {
          s = formats.formatOf(cell.s) === step.format ? cell.s : formats.withFormat(cell.s, step.format);
          restyled.set(cell.s, s);
        }
        if (s === cell.s) continue;
        cell.s = s;
        cell.restyled = true;
      }
    },
  };
}

function unionArea(a: GridArea | null, b: GridArea | null): GridArea | null {
  if (!a || a.rowCount <= 0 || a.colCount <= 0) return b;
  if (!b || b.rowCount <= 0 || b.colCount <= 0) return a;
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return {
    row,
    col,
    rowCount: Math.max(a.row + a.rowCount, b.row + b.rowCount) - row,
    colCount: Math.max(a.col + a.colCount, b.col + b.colCount) - col,
  };
}

function dimensionOf(xml: string): GridArea | null {
  const ref = /<dimension\b[^>]*\sref="([^"]*)"/.exec(xml)?.[1];
  return ref ? parseArea(ref) : null;
}

/** Splits the small book's version of a streamed sheet into its head, its rows (0-based) and its tail. */
function splitTemplate(xml: string): { head: string; rows: Map<number, string>; tail: string } {
  const start = xml.indexOf("<sheetData");
  const close = xml.indexOf(">", start);
  if (start < 0 || close < 0) throw new StreamedSheetUnsupported("template without sheetData");
  if (xml[close - 1] === "/") return { head: `${xml.slice(0, start)}<sheetData>`, rows: new Map(), tail: `</sheetData>${xml.slice(close + 1)}` };
  const end = xml.indexOf("</sheetData>", close);
  const rows = new Map<number, string>();
  let previous = -1;
  for (const match of xml.slice(close + 1, end).matchAll(/<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g)) {
    const number = ROW_NUMBER.exec(match[0].slice(0, match[0].indexOf(">")));
    previous = number ? Number(number[1]) - 1 : previous + 1;
    rows.set(previous, match[0]);
  }
  return { head: xml.slice(0, close + 1), rows, tail: xml.slice(end) };
}

export interface StreamedSheetInput {
  /** The part name of the output entry. */
  name: string;
  /** The sheet as it is in the original package, or its inflated bytes. */
  original: ZipEntry | Buffer[];
  /** The small book's version of the sheet, fitted to the original package (styles and strings). */
  template: string;
  overlay: ReadonlySet<number>;
  bulk: readonly BulkStep[];
  formats: CellFormats;
  /** zlib level of the new part. */
  level: number;
}

/** Writes one row with the bulk steps carried out; nothing for a row that was absent and gets no cell. */
function writeRow(out: XmlOutput, row: number, xml: string | null, active: readonly PreparedBulk[], styles: DefaultStyles): void {
  const parsed = xml === null ? { openEnd: 0, selfClosing: false, cells: [] as CellXml[] } : parseRow(xml);
  const { cells } = parsed;
  const open = xml === null ? `<row r="${row + 1}">` : parsed.selfClosing ? `${xml.slice(0, parsed.openEnd - 2)}>` : xml.slice(0, parsed.openEnd);
  const rowStyle = styles.rowStyle(open);
  const cellAt = (col: number): CellXml => {
    let i = cells.length;
    while (i > 0 && (cells[i - 1]?.col ?? -1) >= col) i--;
    const found = cells[i];
    if (found && found.col === col) return found;
    const cell: CellXml = { col, start: -1, end: -1, s: rowStyle ?? styles.columnStyle(col), sStart: -1, sEnd: -1, restyled: true };
    cells.splice(i, 0, cell);
    return cell;
  };
  for (const bulk of active) bulk.apply(row, xml ?? "", cells, cellAt);
  const written = cells.filter((cell) => cell.start >= 0 || cell.content !== undefined || cell.s !== 0);
  if (written.length === 0 && xml === null) return;
  let rowOpen = open;
  if (rowOpen.includes(' spans="') && written.length > 0) {
    rowOpen = rowOpen.replace(/\sspans="[^"]*"/, ` spans="${(written[0]?.col ?? 0) + 1}:${(written[written.length - 1]?.col ?? 0) + 1}"`);
  }
  // The row as one string between formulas (whose XML is ready as bytes): few writes per row.
  const source = xml ?? "";
  const number = String(row + 1);
  let text = rowOpen;
  for (const cell of written) {
    if (cell.start >= 0 && !cell.restyled) {
      text += source.slice(cell.start, cell.end);
    } else if (cell.start >= 0) {
      // Same cell with another style: only the s attribute changes.
      text += cell.sStart >= 0
        ? `${source.slice(cell.start, cell.sStart)}${cell.s}${source.slice(cell.sEnd, cell.end)}`
        : `<c s="${cell.s}"${source.slice(cell.start + 2, cell.end)}`;
    } else {
      const style = cell.s !== 0 ? ` s="${cell.s}"` : "";
      const content = cell.content;
      if (!content) {
        text += `<c r="${columnLetters(cell.col)}${number}"${style}/>`;
      } else {
        out.text(`${text}<c r="${columnLetters(cell.col)}${number}"${style}${content.type ? ` t="${content.type}"` : ""}>`);
        out.bytes(content.inner);
        text = "</c>";
      }
    }
  }
  out.text(`${text}</row>`);
}

/** Bytes queued for the deflater before the rows wait for it. */
const DEFLATE_QUEUE = 8 << 20;

const COLUMN_LETTERS: string[] = [];
function columnLetters(col: number): string {
  let letters = COLUMN_LETTERS[col];
  if (letters === undefined) {
    letters = a1Address(0, col).slice(0, -1);
    COLUMN_LETTERS[col] = letters;
  }
  return letters;
}

/** The raw deflate data and CRC-32 of a gzip member zlib wrote (header without FEXTRA, FNAME, FCOMMENT, FHCRC). */
export function gzipMemberData(member: Buffer, size: number): { raw: Buffer; crc: number } {
  const GZIP_HEADER = 10;
  const GZIP_TRAILER = 8;
  if (member.length < GZIP_HEADER + GZIP_TRAILER || member[0] !== 0x1f || member[1] !== 0x8b || member[2] !== 8 || member[3] !== 0) {
    throw new Error("zlib wrote an unexpected gzip header");
  }
  const trailer = member.length - GZIP_TRAILER;
  if (member.readUInt32LE(trailer + 4) !== size % 0x1_0000_0000) throw new Error("zlib's gzip size does not match the bytes written");
  return { raw: member.subarray(GZIP_HEADER, trailer), crc: member.readUInt32LE(trailer) };
}

/**
 * The streamed sheet: the template's head and tail (sheet-level parts as applyPlan left them) around the original
 * rows, each row either the small book's (overlay rows) or the original's with the bulk steps carried out.
 */
export async function streamSheet(input: StreamedSheetInput): Promise<ZipEntry> {
  const template = splitTemplate(Buffer.from(input.template, "utf8").toString("latin1"));
  for (const row of template.rows.keys()) {
    if (!input.overlay.has(row)) throw new StreamedSheetUnsupported(`small book wrote row ${row + 1}`);
  }
  const bulk = input.bulk.map((b) => prepareBulk(b, input.formats));
  const lastBulkRow = bulk.reduce((max, b) => Math.max(max, b.last), -1);
  const lastOverlayRow = Math.max(-1, ...input.overlay);
  const styles = defaultStyles(template.head);
  let dimension = unionArea(dimensionOf(input.template), null);
  for (const b of input.bulk) {
    const area = b.step.kind === "fillColumn" ? { row: b.step.firstRow, col: b.step.col, rowCount: b.step.rowCount, colCount: 1 } : b.step.area;
    dimension = unionArea(dimension, area);
  }

  // A gzip stream rather than a raw deflate: zlib then works out the CRC-32 on its own thread, as part of the
  // deflate, instead of a pass over the 250 MB on this one. The zip entry takes the raw deflate data inside the
  // gzip member (RFC 1952: a 10-byte header without optional fields, the data, CRC-32 and size).
  const deflate = zlib.createGzip({ level: input.level, chunkSize: ZLIB_CHUNK });
  const compressed: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => compressed.push(chunk));
  let size = 0;
  const out = new XmlOutput();
  // zlib deflates on a thread of its own while the rows are built. The rows wait for it only when it is
  // DEFLATE_QUEUE bytes behind, and then only until the oldest chunk is deflated, not until the queue is empty
  // ("drain"): that would leave the deflater idle while the next rows are built, and the two would take turns.
  const queued: Promise<void>[] = [];
  const flush = async (): Promise<void> => {
    for (const bytes of out.take()) {
      size += bytes.length;
      // A failed write also fails the stream, which finished() below reports.
      queued.push(new Promise((resolve) => deflate.write(bytes, () => resolve())));
      while (deflate.writableLength > DEFLATE_QUEUE && queued.length > 1) await queued.shift();
    }
  };
  const rowOut = (row: number, xml: string | null): void => {
    if (input.overlay.has(row)) {
      const overlay = template.rows.get(row);
      if (overlay) out.text(overlay);
      return;
    }
    const active = bulk.filter((b) => row >= b.first && row <= b.last);
    if (active.length === 0) {
      if (xml !== null) out.text(xml);
      return;
    }
    writeRow(out, row, xml, active, styles);
  };

  const full = (): boolean => out.fullBytes >= 4 * XmlOutput.CHUNK;
  let next = 0;
  /** Rows before `until` that the original does not have: the small book's, or new cells of the bulk steps. */
  const fillGap = (until: number): void => {
    const stop = Math.min(until, Math.max(lastBulkRow, lastOverlayRow) + 1);
    for (let row = next; row < stop; row++) rowOut(row, null);
    next = Math.max(next, until);
  };

  let headDone = false;
  await visitSheet(input.original, {
    head: (text) => {
      // The head and tail come from the template; the original's counts only for the used range.
      dimension = unionArea(dimension, dimensionOf(text));
      let head = template.head;
      if (dimension) head = head.replace(/(<dimension\b[^>]*\sref=")[^"]*(")/, `$1${areaAddress(dimension)}$2`);
      out.text(head);
      headDone = true;
    },
    row: (row, xml) => {
      if (row > next) fillGap(row);
      rowOut(row, xml);
      next = row + 1;
      return full() ? flush() : undefined;
    },
    tail: () => undefined,
  });
  // Rows under the original's last one, in slices so that the output never piles up.
  const last = Math.max(lastBulkRow, lastOverlayRow);
  while (next <= last) {
    fillGap(Math.min(next + 1000, last + 1));
    if (full()) await flush();
  }
  out.text(template.tail);
  if (!headDone) throw new StreamedSheetUnsupported("sheet without head");
  await flush();
  deflate.end();
  await finished(deflate);
  const { raw, crc } = gzipMemberData(Buffer.concat(compressed), size);
  return { name: input.name, method: 8, crc, size, compressedSize: raw.length, utf8: true, raw };
}
