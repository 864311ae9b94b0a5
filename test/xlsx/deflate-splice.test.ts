/**
 * Changing bytes near the start of a deflated part without recompressing it: whatever zlib setting compressed the
 * part, the spliced stream must inflate to exactly the changed data, and the CRC must be that data's CRC-32.
 */
import { readFileSync } from "node:fs";
import * as zlib from "node:zlib";
import ExcelJS from "exceljs";
import { crcAfterChange, spliceDeflated } from "../../src/xlsx/deflate-splice";
import { planPreparation } from "../../src/domain/workbook/plan-preparation";
import { planSampleData } from "../../src/sample";
import { applyPlan, readSnapshot, saveWorkbookFile } from "../../src/xlsx";
import { entryBytes, readZip } from "../../src/xlsx/zip-package";
import { TODAY } from "../cli/run-cli";
import { temporaryFolder } from "./xlsx-test-files";

const folder = temporaryFolder();
afterAll(() => folder.cleanup());

const ONE = Buffer.from("1");
const ZERO = Buffer.from("0");

/** A sheet part like the operations sheet: a selected tab, then many similar rows (lots of back-references). */
function sheetXml(rows: number, seed = 1): Buffer {
  let state = seed;
  const next = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state;
  };
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<worksheet><sheetViews><sheetView workbookViewId="0" tabSelected="1"/></sheetViews><sheetData>'];
  for (let r = 1; r <= rows; r++) {
    parts.push(`<row r="${r}"><c r="A${r}" t="s"><v>${next() % 5000}</v></c><c r="B${r}" s="1"><v>1</v></c><c r="C${r}"><f>IF(B${r}="1",1,0)</f><v>${next() % 2}</v></c></row>`);
  }
  parts.push("</sheetData></worksheet>");
  return Buffer.from(parts.join(""), "utf8");
}

function changed(data: Buffer, at: number): Buffer {
  const copy = Buffer.from(data);
  ZERO.copy(copy, at);
  return copy;
}

const selectedAt = (data: Buffer): number => data.indexOf('tabSelected="1"') + 'tabSelected="'.length;

describe("spliceDeflated", () => {
  const data = sheetXml(20_000);
  const at = selectedAt(data);
  const settings: [string, zlib.ZlibOptions][] = [
    ["level 1", { level: 1 }],
    ["level 6", { level: 6 }],
    ["level 9", { level: 9 }],
    ["fixed Huffman codes only", { level: 6, strategy: zlib.constants.Z_FIXED }],
    ["stored blocks only", { level: 0 }],
    ["small blocks (memLevel 1)", { level: 6, memLevel: 1 }],
  ];

  it.each(settings)("gives a stream that inflates to the changed data, with %s", (_label, options) => {
    const raw = zlib.deflateRawSync(data, options);
    const spliced = spliceDeflated(raw, at, ONE, ZERO);
    expect(spliced).not.toBeNull();
    expect(zlib.inflateRawSync(spliced ?? Buffer.alloc(0)).equals(changed(data, at))).toBe(true);
  });

  it("reads on past a block boundary right after the change when later blocks copy the changed bytes", async () => {
    // A sync flush ends a block just after the change; the next blocks refer back to the selected tab's text.
    const head = Buffer.from('<worksheet><sheetViews><sheetView tabSelected="1"/></sheetViews><sheetData>');
    const rest = Buffer.concat([Buffer.from('<row><c><v>tabSelected="1"</v></c></row>'.repeat(50)), sheetXml(20_000)]);
    const chunks: Buffer[] = [];
    const deflate = zlib.createDeflateRaw({ level: 6 });
    deflate.on("data", (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise((resolve) => deflate.on("end", resolve));
    deflate.write(head);
    await new Promise<void>((resolve) => deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => resolve()));
    deflate.end(rest);
    await done;
    const raw = Buffer.concat(chunks);
    const data = Buffer.concat([head, rest]);
    const where = selectedAt(data);
    const spliced = spliceDeflated(raw, where, ONE, ZERO);
    expect(spliced).not.toBeNull();
    expect(zlib.inflateRawSync(spliced ?? Buffer.alloc(0)).equals(changed(data, where))).toBe(true);
  });

  it("keeps the compressed bytes after the first blocks: the result is about as small as the original", () => {
    const raw = zlib.deflateRawSync(data, { level: 6 });
    const spliced = spliceDeflated(raw, at, ONE, ZERO);
    expect(Math.abs((spliced?.length ?? 0) - raw.length)).toBeLessThan(raw.length / 20);
  });

  it("declines a stream that ends before a block far enough past the change, and bytes that are not the expected ones", () => {
    const small = sheetXml(10);
    expect(spliceDeflated(zlib.deflateRawSync(small), selectedAt(small), ONE, ZERO)).toBeNull();
    const raw = zlib.deflateRawSync(data);
    expect(spliceDeflated(raw, at, ZERO, ONE)).toBeNull();
    expect(spliceDeflated(raw.subarray(0, 100), at, ONE, ZERO)).toBeNull();
    expect(spliceDeflated(Buffer.from("not a deflate stream at all, just text"), at, ONE, ZERO)).toBeNull();
  });

  it("works on the operations sheet of a workbook ExcelJS saved", async () => {
    const wb = new ExcelJS.Workbook();
    applyPlan(wb, planPreparation(readSnapshot(wb), { today: TODAY }));
    applyPlan(wb, planSampleData(readSnapshot(wb), { today: TODAY, seed: 11, operationCount: 2_000 }));
    const file = folder.file("ejemplo.xlsx");
    await saveWorkbookFile(wb, file);
    const entry = readZip(readFileSync(file)).get("xl/worksheets/sheet1.xml");
    if (!entry) throw new Error("no operations sheet");
    const original = entryBytes(entry);
    const where = selectedAt(original);
    expect(where).toBeGreaterThan(20);
    const spliced = spliceDeflated(entry.raw, where, ONE, ZERO);
    expect(spliced).not.toBeNull();
    const result = zlib.inflateRawSync(spliced ?? Buffer.alloc(0));
    expect(result.equals(changed(original, where))).toBe(true);
    expect(crcAfterChange(entry.crc, entry.size, where, ONE, ZERO)).toBe(zlib.crc32(result));
  });
});

describe("crcAfterChange", () => {
  it.each([
    [0, 1],
    [5, 100],
    [3_000_000, 2_999_999],
  ])("is the CRC-32 of the changed data (%i bytes, change at %i)", (size, at) => {
    const data = Buffer.alloc(Math.max(size, at + 1), "tabSelected=\"1\" ");
    data[at] = ONE[0] ?? 0;
    const after = changed(data, at);
    expect(crcAfterChange(zlib.crc32(data), data.length, at, ONE, ZERO)).toBe(zlib.crc32(after));
  });
});
