/**
 * Manual page breaks survive when a file is read and saved again. ExcelJS 4.4 alone drops them on read
 * (src/xlsx/row-breaks.ts), so the fichas — one per page — would run into each other after any second command.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { PageSetupStep } from "../../src/domain/workbook/plan";
import { loadWorkbookFile, printWorkbook, saveWorkbookFile } from "../../src/xlsx";
import { applyPageSetup } from "../../src/xlsx/print-steps";
import { packagePart, temporaryFolder } from "./xlsx-test-files";

const folder = temporaryFolder();
afterAll(() => folder.cleanup());

const SETUP: PageSetupStep = {
  kind: "pageSetup",
  sheet: "Fichas",
  orientation: "portrait",
  paperSize: "letter",
  scale: 85,
  rowBreaks: [42, 84],
  header: {},
  footer: {},
  margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.6, header: 0.3, footer: 0.3 },
};

async function sheetXml(file: string | Buffer, sheetPart = "xl/worksheets/sheet1.xml"): Promise<string> {
  const buffer = typeof file === "string" ? readFileSync(file) : file;
  return (await packagePart(buffer, sheetPart)) ?? "";
}

const breaksOf = (xml: string) => [...xml.matchAll(/<brk id="(\d+)" max="(\d+)"[^>]*man="1"/g)].map((m) => [Number(m[1]), Number(m[2])]);

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Fichas");
  for (let r = 1; r <= 126; r++) ws.getCell(r, 1).value = `fila ${r}`;
  applyPageSetup(ws, SETUP);
  await saveWorkbookFile(wb, folder.file("fichas.xlsx"));
});

describe("manual row breaks", () => {
  it("are written under the step's rows, spanning the sheet's columns up to XFD", async () => {
    expect(breaksOf(await sheetXml(folder.file("fichas.xlsx")))).toEqual([
      [42, 16383],
      [84, 16383],
    ]);
  });

  it("are still there after the file is read and saved again, as every command does", async () => {
    const wb = await loadWorkbookFile(folder.file("fichas.xlsx"));
    const ws = wb.getWorksheet("Fichas");
    if (ws) ws.getCell("B1").value = "otra celda";
    await saveWorkbookFile(wb, folder.file("otra-vez.xlsx"));
    expect(breaksOf(await sheetXml(folder.file("otra-vez.xlsx")))).toEqual([
      [42, 16383],
      [84, 16383],
    ]);
  });

  it("are in the stand-alone copy printed to PDF", async () => {
    const wb = await loadWorkbookFile(folder.file("fichas.xlsx"));
    expect(breaksOf(await sheetXml(await printWorkbook(wb, ["Fichas"])))).toEqual([
      [42, 16383],
      [84, 16383],
    ]);
  });
});
