import { promises as fs } from "node:fs";
import * as path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import * as zlib from "node:zlib";
import type ExcelJS from "exceljs";
import { Workbook } from "./exceljs-workbook";
import { STREAMED_SHEET_LEVEL } from "./streamed-sheet-level";
import type { Plan, PlanStep } from "../domain/workbook/plan";
import type { WorkbookSnapshot } from "../domain/workbook/snapshot";
import { applyPlan, type ApplyReport } from "./apply-plan";
import { compactDataValidations } from "./data-validation-ranges";
import { readSnapshot } from "./read-snapshot";
import { fixExcelJsReading } from "./exceljs-read-fixes";
import { CellFormats, splitForStreaming, streamSheet, StreamedSheetUnsupported, stubWithRows, type StreamedSheetPlan } from "./sheet-stream";
import { tableAt } from "./table-steps";
import { crcAfterChange, spliceDeflated } from "./deflate-splice";
import { writeThroughTemporary } from "./workbook-file";
import { deflatedEntry, entryText, readZip, UnsupportedZipError, writeZip, type ZipEntry } from "./zip-package";

/**
 * Writes a Plan that touches only small sheets (the evaluation, the fichas, Parámetros) without rebuilding the
 * whole book: the Plan runs through the usual applyPlan on a small ExcelJS book that holds only those sheets,
 * and their parts are grafted into the original package. Every other part (the 250 MB operations sheet among
 * them) is copied with its compressed bytes. The Plan decides what changes; this only executes it.
 */

/** Existing sheets up to this size (uncompressed XML) may be rebuilt by ExcelJS; a larger one means the full save. */
export const SMALL_SHEET_BYTES = 4 * 1024 * 1024;
/** zlib level of a streamed big sheet (the bench's raw write reference deflates at the same level). */
export { STREAMED_SHEET_LEVEL };
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_TYPE = `${REL_NS}/worksheet`;
const TABLE_TYPE = `${REL_NS}/table`;
const HYPERLINK_TYPE = `${REL_NS}/hyperlink`;
// A sheet's drawing (charts, pictures, shapes): ExcelJS cannot carry charts, so a rewritten sheet keeps the original
// drawing part, untouched, and only its <drawing r:id> and relationship are put back (withDrawing).
const DRAWING_TYPE = `${REL_NS}/drawing`;
// Excel's per-sheet printer settings: ExcelJS drops them when it rewrites a sheet, and so does the full save.
const PRINTER_SETTINGS_TYPE = `${REL_NS}/printerSettings`;
const WORKSHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const TABLE_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const PRINTER_SETTINGS_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings";

class NotGraftable extends Error {}

function stepSheets(step: PlanStep): string[] {
  if (step.kind === "defineName") return [];
  if (step.kind === "copySheet") return [step.sheet, step.copyName];
  return [step.sheet];
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/g, "&");
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? unescapeXml(match[1] ?? "") : null;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  tag: string;
}

function relationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<Relationship\b[^>]*\/?>/g)].map((m) => ({
    id: attribute(m[0], "Id") ?? "",
    type: attribute(m[0], "Type") ?? "",
    target: attribute(m[0], "Target") ?? "",
    tag: m[0],
  }));
}

/** A relationship target resolved against the folder of its source part ("xl/worksheets/sheet1.xml"). */
function resolvePart(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(sourcePart), target));
}

function relsPathOf(part: string): string {
  return `${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`;
}

interface SheetRef {
  name: string;
  rid: string;
  part: string;
}

function workbookSheets(entries: Map<string, ZipEntry>): SheetRef[] {
  const workbook = text(entries, "xl/workbook.xml");
  const rels = new Map(relationships(text(entries, "xl/_rels/workbook.xml.rels")).map((r) => [r.id, r]));
  return [...workbook.matchAll(/<sheet\b[^>]*\/?>/g)].map((m) => {
    const rid = attribute(m[0], "r:id") ?? "";
    const rel = rels.get(rid);
    if (!rel || rel.type !== WORKSHEET_TYPE) throw new NotGraftable(`sheet relationship ${rid}`);
    return { name: attribute(m[0], "name") ?? "", rid, part: resolvePart("xl/workbook.xml", rel.target) };
  });
}

function text(entries: Map<string, ZipEntry>, part: string): string {
  const entry = entries.get(part);
  if (!entry) throw new NotGraftable(`missing ${part}`);
  return entryText(entry);
}

// ---- styles ----

interface Collection {
  items: string[];
  /** Where the collection sits in styles.xml (null = absent). */
  match: { start: number; end: number } | null;
}

function collection(xml: string, tag: string, item: string): Collection {
  const re = new RegExp(`<${tag}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${tag}>)`);
  const m = re.exec(xml);
  if (!m) return { items: [], match: null };
  const inner = m[1] ?? "";
  const items = [...inner.matchAll(new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, "g"))].map((x) => x[0]);
  return { items, match: { start: m.index, end: m.index + m[0].length } };
}

function setAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}=")[^"]*(")`);
  if (re.test(tag)) return tag.replace(re, `$1${value}$2`);
  return tag.replace(/^<(\w+)/, `<$1 ${name}="${value}"`);
}

function remapAttribute(item: string, name: string, map: (n: number) => number): string {
  return item.replace(/^<[^>]*>/, (open) => {
    const value = attribute(open, name);
    return value === null ? open : setAttribute(open, name, String(map(Number(value))));
  });
}

/** Where each style of the small book went in the merged styles.xml, by its index there. */
interface StyleOffsets {
  xf: number[];
  dxf: number[];
}

/** `extra` appended to `base`, an item already in `base` reused, so evaluating again does not grow styles.xml. */
function appendUnique(base: readonly string[], extra: readonly string[]): { items: string[]; map: number[] } {
  const items = [...base];
  const known = new Map<string, number>();
  items.forEach((item, i) => {
    if (!known.has(item)) known.set(item, i);
  });
  const map = extra.map((item) => {
    const existing = known.get(item);
    if (existing !== undefined) return existing;
    items.push(item);
    known.set(item, items.length - 1);
    return items.length - 1;
  });
  return { items, map };
}

function indexIn(map: readonly number[], n: number): number {
  const index = map[n];
  if (index === undefined) throw new NotGraftable(`style index ${n}`);
  return index;
}

/** Appends the small book's styles to the original's; returns the merged styles.xml and the index offsets. */
function mergeStyles(original: string, added: string): { xml: string; offsets: StyleOffsets } {
  const kinds = [
    ["numFmts", "numFmt"],
    ["fonts", "font"],
    ["fills", "fill"],
    ["borders", "border"],
    ["cellXfs", "xf"],
    ["dxfs", "dxf"],
  ] as const;
  const base = Object.fromEntries(kinds.map(([tag, item]) => [tag, collection(original, tag, item)])) as Record<string, Collection>;
  const extra = Object.fromEntries(kinds.map(([tag, item]) => [tag, collection(added, tag, item)])) as Record<string, Collection>;
  const get = (record: Record<string, Collection>, tag: string): Collection => record[tag] ?? { items: [], match: null };

  const numFmtIds = new Map<number, number>();
  const baseFormats = get(base, "numFmts").items;
  const byCode = new Map(baseFormats.map((f) => [attribute(f, "formatCode"), Number(attribute(f, "numFmtId"))]));
  let nextFormat = Math.max(163, ...baseFormats.map((f) => Number(attribute(f, "numFmtId"))));
  const newFormats: string[] = [];
  for (const format of get(extra, "numFmts").items) {
    const id = Number(attribute(format, "numFmtId"));
    const code = attribute(format, "formatCode");
    const existing = byCode.get(code);
    if (existing !== undefined) {
      numFmtIds.set(id, existing);
    } else {
      nextFormat++;
      numFmtIds.set(id, nextFormat);
      newFormats.push(setAttribute(format, "numFmtId", String(nextFormat)));
      byCode.set(code, nextFormat);
    }
  }
  const fonts = appendUnique(get(base, "fonts").items, get(extra, "fonts").items);
  const fills = appendUnique(get(base, "fills").items, get(extra, "fills").items);
  const borders = appendUnique(get(base, "borders").items, get(extra, "borders").items);
  const xfs = appendUnique(
    get(base, "cellXfs").items,
    get(extra, "cellXfs").items.map((xf) => {
      let out = remapAttribute(xf, "fontId", (n) => indexIn(fonts.map, n));
      out = remapAttribute(out, "fillId", (n) => indexIn(fills.map, n));
      out = remapAttribute(out, "borderId", (n) => indexIn(borders.map, n));
      out = remapAttribute(out, "numFmtId", (n) => numFmtIds.get(n) ?? n);
      return remapAttribute(out, "xfId", () => 0);
    }),
  );
  const dxfs = appendUnique(get(base, "dxfs").items, get(extra, "dxfs").items);
  const merged: Record<string, string[]> = {
    numFmts: [...baseFormats, ...newFormats],
    fonts: fonts.items,
    fills: fills.items,
    borders: borders.items,
    cellXfs: xfs.items,
    dxfs: dxfs.items,
  };
  // Replace from the end so earlier positions stay valid; absent collections are inserted in schema order.
  const present = kinds.filter(([tag]) => get(base, tag).match !== null).sort((a, b) => (get(base, b[0]).match?.start ?? 0) - (get(base, a[0]).match?.start ?? 0));
  let xml = original;
  for (const [tag] of present) {
    const m = get(base, tag).match;
    if (!m) continue;
    const items = merged[tag] ?? [];
    xml = `${xml.slice(0, m.start)}<${tag} count="${items.length}">${items.join("")}</${tag}>${xml.slice(m.end)}`;
  }
  for (const [tag] of kinds) {
    const items = merged[tag] ?? [];
    if (get(base, tag).match !== null || items.length === 0) continue;
    const block = `<${tag} count="${items.length}">${items.join("")}</${tag}>`;
    if (tag === "numFmts") xml = xml.replace(/<styleSheet\b[^>]*>/, (open) => open + block);
    else if (tag === "dxfs") {
      if (!xml.includes("</cellXfs>")) throw new NotGraftable("styles.xml without cellXfs");
      const at = xml.includes("</cellStyles>") ? xml.indexOf("</cellStyles>") + "</cellStyles>".length : xml.indexOf("</cellXfs>") + "</cellXfs>".length;
      xml = xml.slice(0, at) + block + xml.slice(at);
    } else throw new NotGraftable(`styles.xml without ${tag}`);
  }
  return { xml, offsets: { xf: xfs.map, dxf: dxfs.map } };
}

// ---- sheets ----

function sharedStrings(entries: Map<string, ZipEntry>): string[] {
  const entry = entries.get("xl/sharedStrings.xml");
  if (!entry) return [];
  return [...entryText(entry).matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => m[1] ?? "");
}

/** A sheet of the small book made fit for the original package: style indexes moved, strings inline. */
function graftSheetXml(xml: string, strings: readonly string[], offsets: StyleOffsets): string {
  let out = xml.replace(/<(c|row)\b[^>]*>/g, (tag) => remapAttribute(tag, "s", (n) => indexIn(offsets.xf, n)));
  out = out.replace(/<col\b[^>]*>/g, (tag) => remapAttribute(tag, "style", (n) => indexIn(offsets.xf, n)));
  out = out.replace(/<cfRule\b[^>]*>/g, (tag) => remapAttribute(tag, "dxfId", (n) => indexIn(offsets.dxf, n)));
  out = out.replace(/<c\b([^>]*?)\st="s"([^>]*)>\s*<v>(\d+)<\/v>\s*<\/c>/g, (_m, before: string, after: string, index: string) => {
    const si = strings[Number(index)];
    if (si === undefined) throw new NotGraftable(`shared string ${index}`);
    return `<c${before} t="inlineStr"${after}><is>${si}</is></c>`;
  });
  if (/<c\b[^>]*\st="s"/.test(out)) throw new NotGraftable("shared string cell left");
  return out;
}

// Parts a copied drawing may share with the original instead of duplicating them: pictures are plain bytes.
const IMAGE_TYPE = `${REL_NS}/image`;

/**
 * A copy of `part` and, recursively, of the parts it relates to (a drawing's charts, a chart's style and colours),
 * each under the next free number of its name, with its own relationships and content type; pictures and external
 * targets are shared. Two sheets may not share one drawing, nor two drawings one chart. Returns the new part's name.
 */
function duplicatePartTree(entries: ReadonlyMap<string, ZipEntry>, part: string, added: Map<string, ZipEntry>, overrides: { part: string; type: string }[]): string {
  const entry = entries.get(part);
  const name = /^(.*?)(\d*)(\.[^./]+)$/.exec(part);
  if (!entry || !name) throw new NotGraftable(`missing ${part}`);
  const [, stem = "", , extension = ""] = name;
  const taken = (candidate: string) => entries.has(candidate) || added.has(candidate);
  let n = 1;
  while (taken(`${stem}${n}${extension}`)) n++;
  const copy = `${stem}${n}${extension}`;
  added.set(copy, { ...entry, name: copy });
  const type = /<Override\b[^>]*>/g;
  const contentTypes = entries.get("[Content_Types].xml");
  for (const tag of contentTypes ? (entryText(contentTypes).match(type) ?? []) : []) {
    if (attribute(tag, "PartName") === `/${part}`) overrides.push({ part: copy, type: attribute(tag, "ContentType") ?? "" });
  }
  const rels = entries.get(relsPathOf(part));
  if (rels) {
    let xml = entryText(rels);
    for (const rel of relationships(xml)) {
      if (rel.type === IMAGE_TYPE || /\sTargetMode="External"/.test(rel.tag)) continue;
      const related = duplicatePartTree(entries, resolvePart(part, rel.target), added, overrides);
      xml = xml.replace(rel.tag, setAttribute(rel.tag, "Target", path.posix.relative(path.posix.dirname(copy), related)));
    }
    added.set(relsPathOf(copy), deflatedEntry(relsPathOf(copy), xml));
  }
  return copy;
}

/** The original drawing relationship of a sheet part, if it has one. */
function drawingOf(entries: ReadonlyMap<string, ZipEntry>, part: string): Relationship | null {
  const rels = entries.get(relsPathOf(part));
  return (rels ? relationships(entryText(rels)) : []).find((rel) => rel.type === DRAWING_TYPE) ?? null;
}

// The elements of a worksheet that follow <drawing>, in the schema's order (ECMA-376 Part 1, CT_Worksheet).
const AFTER_DRAWING = /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/;
const EMPTY_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/**
 * A rewritten sheet that had a drawing keeps it: ExcelJS's own drawing of the sheet (only the pictures it could read)
 * gives way to the original part, which also holds the charts and shapes ExcelJS drops. The drawing and what it
 * refers to stay in the package unchanged; the sheet gets its <drawing r:id> back and its relationship.
 */
function keepDrawing(xml: string, rels: string | null, original: Relationship | null): { xml: string; rels: string | null; drawingRid: string | null } {
  if (original === null) return { xml, rels, drawingRid: null };
  // The original Target is XML text already (as it stood in the original rels), copied as it is.
  let relsXml = rels ?? EMPTY_RELS;
  for (const rel of relationships(relsXml)) if (rel.type === DRAWING_TYPE) relsXml = relsXml.replace(rel.tag, "");
  const ids = new Set(relationships(relsXml).map((rel) => rel.id));
  let n = 1;
  while (ids.has(`rIdDr${n}`)) n++;
  const rid = `rIdDr${n}`;
  const tag = `<drawing r:id="${rid}"/>`;
  const bare = xml.replace(/<drawing\b[^>]*\/>/g, "");
  const after = AFTER_DRAWING.exec(bare);
  const at = after ? after.index : bare.lastIndexOf("</worksheet>");
  if (at < 0) throw new NotGraftable("sheet without </worksheet>");
  relsXml = relsXml.replace("</Relationships>", `<Relationship Id="${rid}" Type="${DRAWING_TYPE}" Target="${original.target}"/></Relationships>`);
  return { xml: bare.slice(0, at) + tag + bare.slice(at), rels: relsXml, drawingRid: rid };
}

/**
 * The first sheet view's tabSelected="1" turned into "0" in place: only the first blocks of the compressed part are
 * decoded and recompressed (deflate-splice.ts), the rest keeps its compressed bytes. Null when that cannot be done.
 */
function unselectTabInPlace(entry: ZipEntry): ZipEntry | null {
  const head = headOf(entry);
  const view = /<sheetView\b[^>]*>/.exec(head);
  const flag = view ? /\stabSelected="1"/.exec(view[0]) : null;
  if (!view || !flag) return null;
  const at = view.index + flag.index + flag[0].length - 2;
  const [before, after] = [Buffer.from("1"), Buffer.from("0")];
  const crc = crcAfterChange(entry.crc, entry.size, at, before, after);
  if (entry.method === 0) {
    if (entry.raw[at] !== before[0]) return null;
    const raw = Buffer.from(entry.raw);
    after.copy(raw, at);
    return { ...entry, crc, raw };
  }
  const raw = spliceDeflated(entry.raw, at, before, after);
  return raw === null ? null : { ...entry, crc, compressedSize: raw.length, raw };
}

/** Same-length change of the first sheet view's tab selection, streamed so a big sheet is never whole in memory. */
async function unselectTab(entry: ZipEntry): Promise<ZipEntry> {
  const inPlace = unselectTabInPlace(entry);
  if (inPlace) return inPlace;
  let crc = 0;
  let size = 0;
  let head = true;
  let pending = "";
  const out: Buffer[] = [];
  async function* edit(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      let bytes = chunk;
      if (head) {
        pending += chunk.toString("latin1");
        if (!pending.includes("</sheetViews>") && !pending.includes("<sheetData") && pending.length < 1 << 20) continue;
        bytes = Buffer.from(pending.replace(/(<sheetView\b[^>]*?\stabSelected=")(1|true)"/, (_m, open: string, v: string) => `${open}${v === "1" ? "0" : "false"}"`), "latin1");
        head = false;
        pending = "";
      }
      crc = zlib.crc32(bytes, crc);
      size += bytes.length;
      yield bytes;
    }
    if (head && pending) {
      const bytes = Buffer.from(pending, "latin1");
      crc = zlib.crc32(bytes, crc);
      size += bytes.length;
      yield bytes;
    }
  }
  await pipeline(Readable.from([entry.raw]), zlib.createInflateRaw(), edit, zlib.createDeflateRaw({ level: 1 }), async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) out.push(chunk);
  });
  const raw = Buffer.concat(out);
  return { ...entry, method: 8, crc, size, compressedSize: raw.length, raw };
}

/** The first bytes of a part, uncompressed (enough to read its sheet views). */
function headOf(entry: ZipEntry, bytes = 64 * 1024): string {
  if (entry.method === 0) return entry.raw.subarray(0, bytes).toString("latin1");
  const inflate = zlib.inflateRawSync(entry.raw.subarray(0, Math.min(entry.raw.length, bytes)), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  return inflate.subarray(0, bytes).toString("latin1");
}

function tabSelected(entry: ZipEntry): boolean {
  const head = headOf(entry);
  const view = /<sheetView\b[^>]*>/.exec(head);
  return view !== null && /\stabSelected="(1|true)"/.test(view[0]);
}

// ---- the writer ----

const STUB_SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData/></worksheet>`;

const SHARED_STRINGS = "xl/sharedStrings.xml";

/**
 * The shared strings the loaded sheets use, renumbered in those sheets, so that ExcelJS does not parse the
 * operations sheet's 100,000 strings to load the small book. Null (keep the parts as they are) when the parts are
 * not as expected; the values ExcelJS reads are the same either way.
 */
function trimSharedStrings(entries: Map<string, ZipEntry>, parts: readonly string[]): Map<string, ZipEntry> | null {
  const sst = entries.get(SHARED_STRINGS);
  if (!sst) return null;
  const xml = entryText(sst);
  const items = [...xml.matchAll(/<si>[\s\S]*?<\/si>|<si\/>/g)].map((m) => m[0]);
  const uniqueCount = /<sst\b[^>]*\suniqueCount="(\d+)"/.exec(xml)?.[1];
  if (uniqueCount !== undefined && Number(uniqueCount) !== items.length) return null;
  const renumbered = new Map<number, number>();
  const out = new Map<string, ZipEntry>();
  for (const part of parts) {
    const entry = entries.get(part);
    if (!entry) continue;
    const sheet = entryText(entry);
    let rewritten = 0;
    const next = sheet.replace(/<c\b([^>]*)>(\s*)<v>(\d+)<\/v>/g, (cell, attributes: string, space: string, index: string) => {
      if (!/\st="s"/.test(attributes)) return cell;
      const old = Number(index);
      if (old >= items.length) return cell;
      let now = renumbered.get(old);
      if (now === undefined) {
        now = renumbered.size;
        renumbered.set(old, now);
      }
      rewritten++;
      return `<c${attributes}>${space}<v>${now}</v>`;
    });
    // Every shared-string cell must have been renumbered, or the sheet would read other strings.
    if (rewritten !== (sheet.match(/<c\b[^>]*\st="s"/g) ?? []).length) return null;
    out.set(part, deflatedEntry(part, next));
  }
  const kept = [...renumbered.keys()].map((old) => items[old] ?? "<si/>");
  const open = /^[\s\S]*?<sst\b[^>]*?(?=\/?>)/.exec(xml)?.[0];
  if (open === undefined) return null;
  const head = open.replace(/\s(?:count|uniqueCount)="\d*"/g, "");
  out.set(SHARED_STRINGS, deflatedEntry(SHARED_STRINGS, `${head} count="${kept.length}" uniqueCount="${kept.length}">${kept.join("")}</sst>`));
  return out;
}

async function smallBook(
  entries: Map<string, ZipEntry>,
  sheets: readonly SheetRef[],
  loaded: ReadonlySet<string>,
  replaced: ReadonlyMap<string, ZipEntry> = new Map(),
): Promise<ExcelJS.Workbook> {
  const kept: ZipEntry[] = [];
  const stubbed = new Set(sheets.filter((s) => !loaded.has(s.name)).map((s) => s.part));
  const dropped = new Set([...stubbed].map(relsPathOf));
  const loadedParts = sheets.filter((s) => loaded.has(s.name)).map((s) => s.part);
  // A streamed sheet is loaded as its few rows (`replaced`), never whole.
  const parts = replaced.size === 0 ? entries : new Map([...entries, ...replaced]);
  const trimmed = trimSharedStrings(parts, loadedParts);
  for (const entry of parts.values()) {
    if (dropped.has(entry.name) || entry.name === "xl/calcChain.xml") continue;
    kept.push(stubbed.has(entry.name) ? deflatedEntry(entry.name, STUB_SHEET) : (trimmed?.get(entry.name) ?? entry));
  }
  fixExcelJsReading();
  const wb = new Workbook();
  const zip = writeZip(kept);
  // ExcelJS's load is typed for its own Buffer interface; a Node Buffer's bytes are what it reads.
  try {
    await wb.xlsx.load(zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength) as ArrayBuffer);
  } catch (error) {
    throw new NotGraftable("ExcelJS cannot read the small book", { cause: error });
  }
  for (const ws of wb.worksheets) compactDataValidations(ws);
  return wb;
}

function maxNumber(names: Iterable<string>, re: RegExp): number {
  let max = 0;
  for (const name of names) {
    const m = re.exec(name);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

/** The small book of a Plan with streamed sheets: those sheets hold only their overlay rows. */
async function streamedSmallBook(
  entries: Map<string, ZipEntry>,
  sheets: readonly SheetRef[],
  loaded: ReadonlySet<string>,
  plan: Plan,
  split: StreamedSheetPlan,
): Promise<{ wb: ExcelJS.Workbook; report: ApplyReport; inflated: Map<string, Buffer[]> }> {
  const replaced = new Map<string, ZipEntry>();
  const inflated = new Map<string, Buffer[]>();
  for (const [name, { overlay }] of split.sheets) {
    const ref = sheets.find((s) => s.name === name);
    const entry = ref ? entries.get(ref.part) : undefined;
    if (!ref || !entry) throw new NotGraftable(`missing sheet ${name}`);
    const stub = await stubWithRows(entry, overlay);
    replaced.set(ref.part, deflatedEntry(ref.part, stub.xml));
    if (stub.inflated) inflated.set(name, stub.inflated);
  }
  const wb = await smallBook(entries, sheets, loaded, replaced);
  // A calculated column's formulas name the table its first cell sits in when the step runs.
  const report = applyPlan(wb, split.smallPlan, {
    beforeStep: (_step, index) => {
      const origin = split.origins[index];
      for (const [name, { bulk }] of split.sheets) {
        for (const entry of bulk) {
          if (entry.index !== origin || entry.step.kind !== "fillColumn") continue;
          const ws = wb.getWorksheet(name);
          entry.table = ws ? tableAt(ws, entry.step.firstRow, entry.step.col) : null;
        }
      }
    },
  });
  return { wb, report: { ...report, applied: plan.steps.length }, inflated };
}

async function graft(source: Buffer, plan: Plan, options: Required<GraftOptions>): Promise<GraftedPackage> {
  const entries = readZip(source);
  const sheets = workbookSheets(entries);
  const touched = new Set(plan.steps.flatMap(stepSheets));
  const loaded = new Set([...touched, ...options.keepSheets]);
  const streamed = new Set<string>();
  for (const sheet of sheets) {
    if (!loaded.has(sheet.name)) continue;
    const entry = entries.get(sheet.part);
    if (!entry) throw new NotGraftable(`missing sheet ${sheet.name}`);
    if (entry.size > options.smallSheetBytes) {
      if (!options.streamBigSheets || !touched.has(sheet.name)) throw new NotGraftable(`big sheet ${sheet.name}`);
      streamed.add(sheet.name);
    }
    // A sheet only kept for reading is not rewritten: whatever it relates to stays as it is.
    if (!touched.has(sheet.name)) continue;
    const rels = entries.get(relsPathOf(sheet.part));
    for (const rel of rels ? relationships(entryText(rels)) : []) {
      // A streamed sheet's hyperlinks belong to cells the small book does not hold.
      const allowed =
        rel.type === TABLE_TYPE || rel.type === PRINTER_SETTINGS_TYPE || rel.type === DRAWING_TYPE || (rel.type === HYPERLINK_TYPE && !streamed.has(sheet.name));
      if (!allowed) throw new NotGraftable(`sheet ${sheet.name} has ${rel.type}`);
    }
  }
  // The copy of a streamed sheet kept before restructuring it is the original part's bytes under a new name, with
  // its own copy of the sheet's printer settings (Excel's) and of its drawing (charts, pictures), the relationships
  // such a copy may carry.
  const byteCopies = new Map<string, { entry: ZipEntry; rels: string | null; printerSettings: Relationship[] }>();
  for (const [index, step] of plan.steps.entries()) {
    if (step.kind !== "copySheet" || !streamed.has(step.sheet)) continue;
    const source = step.sheet;
    if (plan.steps.slice(0, index).some((earlier) => stepSheets(earlier).includes(source))) throw new NotGraftable(`copy of ${source} after it changed`);
    const ref = sheets.find((s) => s.name === step.sheet);
    const entry = ref ? entries.get(ref.part) : undefined;
    if (!ref || !entry) throw new NotGraftable(`missing sheet ${step.sheet}`);
    const relsEntry = entries.get(relsPathOf(ref.part));
    const rels = relsEntry ? entryText(relsEntry) : null;
    const printerSettings = rels ? relationships(rels) : [];
    if (printerSettings.some((rel) => (rel.type !== PRINTER_SETTINGS_TYPE && rel.type !== DRAWING_TYPE) || !entries.has(resolvePart(ref.part, rel.target)))) {
      throw new NotGraftable(`copy of ${step.sheet} with relationships`);
    }
    byteCopies.set(step.copyName, { entry, rels, printerSettings: printerSettings.map((rel) => ({ ...rel, target: resolvePart(ref.part, rel.target) })) });
  }

  const split = streamed.size > 0 ? splitForStreaming(plan, streamed) : null;
  const { wb, report, inflated } = split ? await streamedSmallBook(entries, sheets, loaded, plan, split) : await (async () => {
    const book = await smallBook(entries, sheets, loaded);
    return { wb: book, report: applyPlan(book, plan), inflated: new Map<string, Buffer[]>() };
  })();
  // Stored, not deflated: the small book is only read back here.
  const small = readZip(Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } })));
  const smallSheets = workbookSheets(small);
  const originalByName = new Map(sheets.map((s) => [s.name, s]));

  const styles = mergeStyles(text(entries, "xl/styles.xml"), text(small, "xl/styles.xml"));
  const strings = sharedStrings(small);
  const formats = split ? new CellFormats(styles.xml) : null;

  const removed = new Set<string>(["xl/calcChain.xml"]);
  const added = new Map<string, ZipEntry>();
  const newOverrides: { part: string; type: string }[] = [];
  const workbookRels: string[] = [];
  const finalRid = new Map<string, string>();
  let nextSheet = maxNumber(entries.keys(), /^xl\/worksheets\/sheet(\d+)\.xml$/);
  let nextTable = maxNumber(entries.keys(), /^xl\/tables\/table(\d+)\.xml$/);
  let nextPrinterSettings = maxNumber(entries.keys(), /^xl\/printerSettings\/printerSettings(\d+)\.bin$/);
  let nextTableId = 0;
  for (const [name, entry] of entries) {
    if (name.startsWith("xl/tables/")) nextTableId = Math.max(nextTableId, Number(attribute(/<table\b[^>]*>/.exec(entryText(entry))?.[0] ?? "", "id") ?? 0));
  }
  // Parts of touched sheets that their new version replaces.
  for (const sheet of sheets) {
    if (!touched.has(sheet.name)) continue;
    const relsPath = relsPathOf(sheet.part);
    const rels = entries.get(relsPath);
    for (const rel of rels ? relationships(entryText(rels)) : []) {
      if (rel.type === TABLE_TYPE || rel.type === PRINTER_SETTINGS_TYPE) removed.add(resolvePart(sheet.part, rel.target));
    }
    removed.add(relsPath);
  }
  let ridCount = 0;
  const usedRids = new Set(relationships(text(entries, "xl/_rels/workbook.xml.rels")).map((r) => r.id));
  for (const sheet of smallSheets) {
    const original = originalByName.get(sheet.name);
    if (original && !touched.has(sheet.name)) {
      finalRid.set(sheet.rid, original.rid);
      continue;
    }
    let part = original?.part;
    let rid = original?.rid;
    if (!part || !rid) {
      nextSheet++;
      part = `xl/worksheets/sheet${nextSheet}.xml`;
      do rid = `rIdPw${++ridCount}`;
      while (usedRids.has(rid));
      workbookRels.push(`<Relationship Id="${rid}" Type="${WORKSHEET_TYPE}" Target="${escapeAttribute(part.slice(3))}"/>`);
      newOverrides.push({ part, type: WORKSHEET_CONTENT });
    }
    finalRid.set(sheet.rid, rid);
    const copied = byteCopies.get(sheet.name);
    if (copied) {
      if (small.has(relsPathOf(sheet.part))) throw new NotGraftable(`copy of a streamed sheet with relationships`);
      added.set(part, { ...(tabSelected(copied.entry) ? await unselectTab(copied.entry) : copied.entry), name: part });
      let copiedRels = copied.rels;
      for (const rel of copied.printerSettings) {
        if (rel.type === DRAWING_TYPE) {
          const drawing = duplicatePartTree(entries, rel.target, added, newOverrides);
          copiedRels = (copiedRels ?? "").replace(rel.tag, setAttribute(rel.tag, "Target", path.posix.relative(path.posix.dirname(part), drawing)));
          continue;
        }
        nextPrinterSettings++;
        const settingsPart = `xl/printerSettings/printerSettings${nextPrinterSettings}.bin`;
        added.set(settingsPart, { ...(entries.get(rel.target) as ZipEntry), name: settingsPart });
        newOverrides.push({ part: settingsPart, type: PRINTER_SETTINGS_CONTENT });
        copiedRels = (copiedRels ?? "").replace(rel.tag, setAttribute(rel.tag, "Target", `../printerSettings/printerSettings${nextPrinterSettings}.bin`));
      }
      if (copiedRels !== null) added.set(relsPathOf(part), deflatedEntry(relsPathOf(part), copiedRels));
      continue;
    }
    const smallRels = small.get(relsPathOf(sheet.part));
    const rewritten = keepDrawing(graftSheetXml(text(small, sheet.part), strings, styles.offsets), smallRels ? entryText(smallRels) : null, original && part === original.part ? drawingOf(entries, original.part) : null);
    const xml = rewritten.xml;
    const streamedSheet = split?.sheets.get(sheet.name);
    const originalEntry = original ? entries.get(original.part) : undefined;
    if (streamedSheet && formats && originalEntry) {
      const bytes = inflated.get(sheet.name);
      inflated.delete(sheet.name);
      added.set(part, await streamSheet({ name: part, original: bytes ?? originalEntry, template: xml, overlay: streamedSheet.overlay, bulk: streamedSheet.bulk, formats, level: options.level }));
    } else {
      added.set(part, deflatedEntry(part, xml));
    }
    if (rewritten.rels === null) continue;
    let relsXml = rewritten.rels;
    for (const rel of relationships(relsXml)) {
      if (rel.type === DRAWING_TYPE && rel.id === rewritten.drawingRid) continue;
      if (rel.type === HYPERLINK_TYPE) continue;
      if (rel.type !== TABLE_TYPE) throw new NotGraftable(`new sheet ${sheet.name} has ${rel.type}`);
      const tablePart = resolvePart(sheet.part, rel.target);
      nextTable++;
      nextTableId++;
      const newPart = `xl/tables/table${nextTable}.xml`;
      const tableXml = text(small, tablePart).replace(/<table\b[^>]*>/, (open) => setAttribute(open, "id", String(nextTableId)));
      added.set(newPart, deflatedEntry(newPart, tableXml));
      newOverrides.push({ part: newPart, type: TABLE_CONTENT });
      relsXml = relsXml.replace(rel.tag, setAttribute(rel.tag, "Target", `../tables/table${nextTable}.xml`));
    }
    added.set(relsPathOf(part), deflatedEntry(relsPathOf(part), relsXml));
  }

  // workbook.xml as ExcelJS wrote it (names, views, calcPr), its sheets pointing at the final relationships.
  const workbookXml = text(small, "xl/workbook.xml").replace(/<sheet\b[^>]*\/?>/g, (tag) => {
    const rid = finalRid.get(attribute(tag, "r:id") ?? "");
    if (rid === undefined) throw new NotGraftable("sheet without relationship");
    return setAttribute(tag, "r:id", rid);
  });
  const relsXml = text(entries, "xl/_rels/workbook.xml.rels")
    .replace(/<Relationship\b[^>]*\/?>/g, (tag) => (/calcChain/.test(attribute(tag, "Type") ?? "") ? "" : tag))
    .replace("</Relationships>", `${workbookRels.join("")}</Relationships>`);
  let contentTypes = text(entries, "[Content_Types].xml").replace(/<Override\b[^>]*\/?>/g, (tag) =>
    removed.has((attribute(tag, "PartName") ?? "").replace(/^\//, "")) && !added.has((attribute(tag, "PartName") ?? "").replace(/^\//, "")) ? "" : tag,
  );
  contentTypes = contentTypes.replace(
    "</Types>",
    `${newOverrides.filter((o) => !contentTypes.includes(`PartName="/${o.part}"`)).map((o) => `<Override PartName="/${escapeAttribute(o.part)}" ContentType="${o.type}"/>`).join("")}</Types>`,
  );
  added.set("xl/workbook.xml", deflatedEntry("xl/workbook.xml", workbookXml));
  added.set("xl/_rels/workbook.xml.rels", deflatedEntry("xl/_rels/workbook.xml.rels", relsXml));
  added.set("[Content_Types].xml", deflatedEntry("[Content_Types].xml", contentTypes));
  added.set("xl/styles.xml", deflatedEntry("xl/styles.xml", formats ? formats.xml() : styles.xml));
  for (const part of ["docProps/app.xml", "docProps/core.xml"]) {
    const entry = small.get(part);
    if (entry) added.set(part, entry);
  }

  // A sheet left as it was loses its tab selection when the Plan activates another one.
  const activates = plan.steps.some((s) => s.kind === "activate");
  const out: ZipEntry[] = [];
  for (const [name, entry] of entries) {
    if (added.has(name)) {
      out.push(added.get(name) as ZipEntry);
      added.delete(name);
    } else if (!removed.has(name)) {
      const sheet = sheets.find((s) => s.part === name);
      out.push(sheet && activates && !touched.has(sheet.name) && tabSelected(entry) ? await unselectTab(entry) : entry);
    }
  }
  out.push(...added.values());
  return { buffer: writeZip(out), report, book: wb, loaded, streamed };
}

/** A Plan carried out on the small book and grafted into the original package, not written anywhere yet. */
export interface GraftedPackage {
  /** The whole new package (.xlsx bytes). */
  buffer: Buffer;
  report: ApplyReport;
  /**
   * The small book after the Plan: the sheets in `loaded` hold their cells, styles and print settings;
   * every other sheet is an empty stand-in (its cells are in the original package, unchanged).
   */
  book: ExcelJS.Workbook;
  /** The sheets the Plan changes, plus those asked for with `keepSheets`. */
  loaded: ReadonlySet<string>;
  /** Loaded sheets that were streamed (see sheet-stream.ts): the small book holds only a few of their rows. */
  streamed: ReadonlySet<string>;
}

export interface GraftOptions {
  /** Existing sheets up to this size may be rebuilt (default SMALL_SHEET_BYTES). */
  smallSheetBytes?: number;
  /** Sheets to load into the small book with their cells although the Plan does not change them (to print them). */
  keepSheets?: readonly string[];
  /** Stream a bigger sheet the Plan changes instead of giving up (see sheet-stream.ts). */
  streamBigSheets?: boolean;
  /** zlib level of a streamed sheet (default STREAMED_SHEET_LEVEL). */
  level?: number;
}

/**
 * Runs `plan` against the book in `input` on a small book and grafts the result into the original package, in
 * memory. Returns null when it cannot (a big or unusual sheet to change): then the caller uses the whole book.
 */
export async function graftPlanPackage(input: string, plan: Plan, options: GraftOptions = {}): Promise<GraftedPackage | null> {
  try {
    return await graft(await fs.readFile(input), plan, {
      smallSheetBytes: options.smallSheetBytes ?? SMALL_SHEET_BYTES,
      keepSheets: options.keepSheets ?? [],
      streamBigSheets: options.streamBigSheets ?? false,
      level: options.level ?? STREAMED_SHEET_LEVEL,
    });
  } catch (error) {
    if (error instanceof NotGraftable || error instanceof UnsupportedZipError || error instanceof StreamedSheetUnsupported) return null;
    throw error;
  }
}

/** Writes the grafted package to `output` through a temporary file. */
export async function writeGraftedPackage(grafted: GraftedPackage, output: string): Promise<void> {
  await writeThroughTemporary(output, (temporary) => fs.writeFile(temporary, grafted.buffer));
}

/**
 * The Snapshot of the grafted book without reading it again: the loaded sheets as the small book holds them, every
 * other sheet as `before` (the Snapshot of the original file) has it, in the new tab order; names from the new
 * workbook part. Equal to readSnapshot of the whole book after the Plan. Null when a sheet cannot be matched.
 */
export function snapshotAfterGraft(before: WorkbookSnapshot, grafted: GraftedPackage): WorkbookSnapshot | null {
  // A streamed sheet is neither whole in the small book nor as it was.
  if (grafted.streamed.size > 0) return null;
  const small = readSnapshot(grafted.book);
  const original = new Map(before.sheets.map((sheet) => [sheet.name, sheet]));
  const sheets = [];
  for (const sheet of small.sheets) {
    if (grafted.loaded.has(sheet.name)) {
      sheets.push(sheet);
      continue;
    }
    const kept = original.get(sheet.name);
    if (!kept) return null;
    sheets.push({ ...kept, position: sheet.position });
  }
  return { sheets, names: small.names };
}

/**
 * Runs `plan` against the book in `input` and writes the result to `output` by grafting, when the Plan touches
 * only small sheets, or, with `streamBigSheets`, also big ones (streamed row by row, see sheet-stream.ts).
 * Returns null (writing nothing) when it cannot: then the caller saves the whole book.
 */
export async function writePlanPackage(input: string, plan: Plan, output: string, options: GraftOptions = {}): Promise<ApplyReport | null> {
  const grafted = await graftPlanPackage(input, plan, options);
  if (grafted === null) return null;
  await writeGraftedPackage(grafted, output);
  return grafted.report;
}
