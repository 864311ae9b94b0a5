/**
 * Page numbering survives a read and a save. ExcelJS 4.4 alone reads a sheet without a first page number as "start at
 * 1" and writes useFirstPageNumber="1" (src/xlsx/page-numbers.ts): every sheet of a file read and saved again would
 * restart its page numbers, and the evaluation's PDF read "Página 1 de 8" on two pages.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { loadWorkbookFile, printWorkbook, saveWorkbookFile } from "../../src/xlsx";
import { packagePart, temporaryFolder } from "./xlsx-test-files";

const folder = temporaryFolder();
afterAll(() => folder.cleanup());

async function pageSetupOf(file: string | Buffer, part: string): Promise<string> {
  const xml = (await packagePart(typeof file === "string" ? readFileSync(file) : file, part)) ?? "";
  return /<pageSetup\b[^>]*>/.exec(xml)?.[0] ?? "";
}

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Evaluación").getCell("A1").value = "evaluación";
  wb.getWorksheet("Evaluación")!.pageSetup.orientation = "landscape";
  const numbered = wb.addWorksheet("Numerada");
  numbered.getCell("A1").value = "empieza en la página 5";
  numbered.pageSetup.firstPageNumber = 5;
  await saveWorkbookFile(wb, folder.file("original.xlsx"));
});

describe("page numbering read and saved again", () => {
  it("stays automatic on a sheet that had no first page number", async () => {
    expect(await pageSetupOf(folder.file("original.xlsx"), "xl/worksheets/sheet1.xml")).not.toMatch(/FirstPageNumber|firstPageNumber/);
    const wb = await loadWorkbookFile(folder.file("original.xlsx"));
    wb.getWorksheet("Evaluación")!.getCell("B1").value = "otra celda";
    await saveWorkbookFile(wb, folder.file("otra-vez.xlsx"));
    const setup = await pageSetupOf(folder.file("otra-vez.xlsx"), "xl/worksheets/sheet1.xml");
    expect(setup).toContain('orientation="landscape"');
    expect(setup).not.toMatch(/useFirstPageNumber|firstPageNumber/);
  });

  it("keeps a first page number the user chose", async () => {
    const wb = await loadWorkbookFile(folder.file("original.xlsx"));
    await saveWorkbookFile(wb, folder.file("numerada.xlsx"));
    const setup = await pageSetupOf(folder.file("numerada.xlsx"), "xl/worksheets/sheet2.xml");
    expect(setup).toContain('firstPageNumber="5"');
    expect(setup).toContain('useFirstPageNumber="1"');
  });

  it("stays automatic in the stand-alone copy printed to PDF, so its pages number on from one sheet to the next", async () => {
    const wb = await loadWorkbookFile(folder.file("original.xlsx"));
    const copy = await printWorkbook(wb, ["Evaluación"]);
    expect(await pageSetupOf(copy, "xl/worksheets/sheet1.xml")).not.toMatch(/useFirstPageNumber|firstPageNumber/);
  });
});
