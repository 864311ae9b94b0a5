import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs } from "node:fs";
import { planSampleData } from "../../src/sample";
import { planPreparation } from "../../src/domain/workbook/plan-preparation";
import type { CellValue } from "../../src/domain/workbook/snapshot";
import { applyPlan, readSnapshot, saveWorkbookFile } from "../../src/xlsx";
import { scanSheetXml, type ScannedSheet, type SheetScanContext } from "../../src/xlsx/sheet-xml-scan";
import { elements, textRuns } from "../../src/xlsx/xml-lite";
import { temporaryFolder } from "./xlsx-test-files";
import { TODAY } from "../cli/run-cli";

const folder = temporaryFolder();
afterAll(() => folder.cleanup());

/** The sheet part's bytes and shared strings of a saved book. */
async function sheetBytes(file: string, part = "xl/worksheets/sheet1.xml"): Promise<{ bytes: Buffer; sharedStrings: CellValue[] }> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const bytes = await zip.file(part)?.async("nodebuffer");
  if (!bytes) throw new Error(`no ${part}`);
  const strings = (await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "";
  return { bytes, sharedStrings: elements(strings, "si").map((si) => textRuns(si.inner)) };
}

function context(sharedStrings: CellValue[]): SheetScanContext {
  return {
    sharedStrings,
    // Every styled cell reads as a date, so date and time values go through the date path too.
    isDate: new Array<boolean>(64).fill(true),
    tables: [{ name: "tblDatos", area: { row: 0, col: 0, rowCount: 1_000_000, colCount: 3 } }],
    styleRows: new Map([[1, new Map<number, number | undefined>([0, 1, 2, 3, 4, 5].map((col) => [col, undefined]))]]),
  };
}

function* pieces(bytes: Buffer, size: number): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function scanned(bytes: Buffer, sharedStrings: CellValue[], size: number): Promise<{ sheet: ScannedSheet; context: SheetScanContext }> {
  const ctx = context(sharedStrings);
  return { sheet: await scanSheetXml(pieces(bytes, size), ctx), context: ctx };
}

/** The same scan whatever the chunk boundaries: inside a tag, a UTF-8 character, a formula or `</row>`. */
async function expectSameAtAnySplit(bytes: Buffer, sharedStrings: CellValue[], sizes: number[]): Promise<ScannedSheet> {
  const whole = await scanned(bytes, sharedStrings, bytes.length);
  for (const size of sizes) {
    const split = await scanned(bytes, sharedStrings, size);
    expect({ size, ...split.sheet }).toEqual({ size, ...whole.sheet });
    expect(split.context.styleRows).toEqual(whole.context.styleRows);
  }
  return whole.sheet;
}

const SHEET = (rows: string, tail = ""): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<dimension ref="A1:C4"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>${rows}</sheetData>${tail}</worksheet>`;

describe("the sheet scanner reads the same cells wherever the bytes are split", () => {
  it("on a hand-written part: non-ASCII text, entities, repeated formulas that differ near the end, quotes, whitespace", async () => {
    const long = "IF(A2=&quot;Sí&quot;,&quot;Ñandú ".padEnd(400, "x");
    const xml = SHEET(
      `<row r="1"><c r="A1" t="inlineStr"><is><t>Año «ñ» &amp; más</t></is></c><c r='B1' t='str'><f>${long}1&quot;)</f><v>Ñ</v></c></row>\n` +
      `<row r="2">\n  <c r="A2" s="1"><v>45660.572916666664</v></c>\n  <c r="B2" t="str"><f>${long}1&quot;)</f><v>Ñ</v></c>\n</row>` +
      `<row r="3"><c r="A3"><v>-0.1</v></c><c r="B3" t="str"><f>${long}2&quot;)</f><v>Ñx</v></c><c r="C3" t="b"><v>1</v></c></row>` +
      `<row r="4"><c r="A4" t="e"><v>#N/A</v></c><c r="B4" t="str"><f>${long}2&quot;)+1</f><v></v></c><c r="C4"/></row>`,
      `<mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells>`,
    );
    const sheet = await expectSameAtAnySplit(Buffer.from(xml, "utf8"), [], [1, 2, 3, 5, 64]);
    const text = `=IF(A2="Sí","Ñandú ${"".padEnd(400 - 'IF(A2=&quot;Sí&quot;,&quot;Ñandú '.length, "x")}`;
    expect(sheet.grid.rows[0]?.slice(0, 2)).toEqual(["Año «ñ» & más", "Ñ"]);
    expect(sheet.grid.formulaRows.slice(0, 4).map((row) => row?.[1])).toEqual([`${text}1")`, `${text}1")`, `${text}2")`, `${text}2")+1`]);
    expect(sheet.grid.rows[2]?.slice(0, 3)).toEqual([-0.1, "Ñx", true]);
    expect(sheet.grid.rows[3]?.slice(0, 2)).toEqual(["#N/A", null]);
    expect(sheet.tail).toContain('<mergeCell ref="A5:B5"/>');
  });

  it("on a table with calculated columns, dates, shared strings and styles, as the add-in writes it", async () => {
    const wb = new ExcelJS.Workbook();
    applyPlan(wb, planPreparation(readSnapshot(wb), { today: TODAY }));
    applyPlan(wb, planSampleData(readSnapshot(wb), { today: TODAY, seed: 9, operationCount: 60 }));
    const file = folder.file("muestra.xlsx");
    await saveWorkbookFile(wb, file);
    const { bytes, sharedStrings } = await sheetBytes(file);
    expect(bytes.toString("utf8")).toMatch(/<f>[^<]{400,}<\/f>/);
    const sheet = await expectSameAtAnySplit(bytes, sharedStrings, [7, 61, 1000, 4096]);
    expect(sheet.grid.bottom).toBeGreaterThanOrEqual(60);
  });

  it("on an empty sheet and a sheet whose data is empty", async () => {
    await expectSameAtAnySplit(Buffer.from(SHEET(""), "utf8"), [], [1, 4]);
    const selfClosed = `<worksheet><dimension ref="A1"/><sheetData/><pageMargins left="0.7"/></worksheet>`;
    const sheet = await expectSameAtAnySplit(Buffer.from(selfClosed, "utf8"), [], [1, 3]);
    expect(sheet.grid.bottom).toBe(-1);
    expect(sheet.tail).toBe('<pageMargins left="0.7"/></worksheet>');
  });
});
