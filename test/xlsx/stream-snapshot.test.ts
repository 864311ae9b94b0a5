import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs } from "node:fs";
import { planLegacyCuadro, planSampleData } from "../../src/sample";
import { planPreparation } from "../../src/domain/workbook/plan-preparation";
import { applyPlan, loadWorkbookFile, readSnapshot, saveWorkbookFile } from "../../src/xlsx";
import { readSnapshotFile } from "../../src/xlsx/stream-snapshot";
import { setValidation } from "../../src/xlsx/data-validation-ranges";
import { temporaryFolder } from "./xlsx-test-files";
import { TODAY, run } from "../cli/run-cli";

const folder = temporaryFolder();
afterAll(() => folder.cleanup());

async function bothReaders(file: string): Promise<void> {
  const expected = readSnapshot(await loadWorkbookFile(file));
  const streamed = await readSnapshotFile(file);
  expect(streamed).toEqual(expected);
}

function prepared(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, planPreparation(readSnapshot(wb), { today: TODAY }));
  return wb;
}

describe("the streaming reader gives the Snapshot the ExcelJS reader gives", () => {
  it("on an empty prepared workbook (headers, tables, validations, formats, names, frozen rows)", async () => {
    const file = folder.file("preparado.xlsx");
    await saveWorkbookFile(prepared(), file);
    const streamed = await readSnapshotFile(file);
    expect(streamed.sheets.some((sheet) => sheet.tables.some((table) => table.columns.some((column) => column.listValidation !== null)))).toBe(true);
    expect(Object.keys(streamed.names).length).toBeGreaterThan(0);
    await bothReaders(file);
  });

  it("on the sample data (formulas in tables, dates, mistakes a coordinator makes)", async () => {
    const wb = prepared();
    applyPlan(wb, planSampleData(readSnapshot(wb), { today: TODAY, seed: 7, operationCount: 300 }));
    const file = folder.file("ejemplo.xlsx");
    await saveWorkbookFile(wb, file);
    const streamed = await readSnapshotFile(file);
    expect(streamed.sheets.flatMap((sheet) => sheet.formulas.flat()).some((formula) => formula?.includes("ADUANA.") === true)).toBe(true);
    await bothReaders(file);
  });

  it("on a legacy cuadro (no tables, merged title, formats)", async () => {
    const wb = new ExcelJS.Workbook();
    applyPlan(wb, planLegacyCuadro({ today: TODAY, seed: 3, count: 120 }));
    const file = folder.file("cuadro-antiguo.xlsx");
    await saveWorkbookFile(wb, file);
    await bothReaders(file);
  });

  it("on a prepared legacy cuadro and on a workbook with an evaluation and fichas", async () => {
    const wb = new ExcelJS.Workbook();
    applyPlan(wb, planLegacyCuadro({ today: TODAY, seed: 5, count: 80 }));
    const legacy = folder.file("antiguo.xlsx");
    await saveWorkbookFile(wb, legacy);
    expect((await run("preparar", legacy, "--salida", folder.file("antiguo-preparado.xlsx"))).status).toBe(0);
    await bothReaders(folder.file("antiguo-preparado.xlsx"));
    const sample = prepared();
    applyPlan(sample, planSampleData(readSnapshot(sample), { today: TODAY, seed: 11 }));
    await saveWorkbookFile(sample, folder.file("muestra.xlsx"));
    const evaluated = folder.file("evaluado.xlsx");
    expect((await run("evaluar", folder.file("muestra.xlsx"), "--anio", "2025", "--salida", evaluated)).status).toBe(0);
    const streamed = await readSnapshotFile(evaluated);
    expect(streamed.sheets.length).toBeGreaterThan(sample.worksheets.length);
    await bothReaders(evaluated);
  });

  it("on cells of every kind: shared strings, rich text, booleans, errors, dates, shared formulas, merges", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Datos", { views: [{ state: "frozen", ySplit: 2 }] });
    ws.getCell("B2").value = "Texto & <marcas> «ñ»";
    ws.getCell("C2").value = { richText: [{ text: "Rico " }, { text: "negrita", font: { bold: true } }] };
    ws.getCell("D2").value = true;
    ws.getCell("E2").value = false;
    ws.getCell("F2").value = { error: "#N/A" };
    ws.getCell("G2").value = new Date(Date.UTC(2026, 5, 15, 13, 30, 0));
    ws.getCell("G2").numFmt = "dd/mm/yyyy hh:mm";
    ws.getCell("H2").value = 0.1 + 0.2;
    ws.getCell("H2").numFmt = "0.00%";
    ws.getCell("B3").value = { formula: "D2&\"x\"", result: "TRUEx" };
    ws.getCell("C3").value = { formula: "H2*2", result: 0 };
    ws.getCell("D3").value = { formula: "G2+1", result: 46189.5625 };
    ws.getCell("D3").numFmt = "yyyy-mm-dd";
    ws.getCell("E3").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getCell("F3").value = { formula: "D2", result: false };
    ws.getCell("A5").value = { formula: "B5*2", result: 2 };
    ws.getCell("A6").value = { sharedFormula: "A5", result: 4 };
    ws.getCell("A7").value = { sharedFormula: "A5", result: 6 };
    ws.getCell("B5").value = 1;
    ws.mergeCells("C8:E9");
    ws.getCell("C8").value = "Título combinado";
    ws.getCell("J12").value = "";
    setValidation(ws, { row: 9, col: 1, rowCount: 11, colCount: 1 }, { type: "list", allowBlank: true, formulae: ['"Sí,No"'] });
    setValidation(ws, { row: 9, col: 2, rowCount: 11, colCount: 1 }, { type: "whole", operator: "between", allowBlank: true, formulae: [1, 9] });
    wb.definedNames.add("'Datos'!$B$5", "nombreUno");
    wb.definedNames.add("Datos!$A$5:$A$7", "rango");
    const other = wb.addWorksheet("Vacía");
    other.getCell("A1").value = null;
    const file = folder.file("tipos.xlsx");
    await wb.xlsx.writeFile(file);
    await bothReaders(file);
  });

  it("on inline strings and a file without shared strings, as other tools write them", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Hoja").getCell("A1").value = "x";
    const file = folder.file("inline.xlsx");
    await wb.xlsx.writeFile(file);
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    const sheet = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    const inline = sheet.replace(/<c r="A1"([^>]*?) t="s"><v>0<\/v><\/c>/, '<c r="A1"$1 t="inlineStr"><is><t>En línea &amp; más</t></is></c><c r="B1" t="n"><v>7</v></c>');
    expect(inline).not.toBe(sheet);
    zip.file("xl/worksheets/sheet1.xml", inline);
    await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const streamed = await readSnapshotFile(file);
    expect(streamed.sheets[0]?.values).toEqual([["En línea & más", 7]]);
    await bothReaders(file);
  });

  it("on repeated formulas that change near their end, dates and times, numbers of every form, and <f> with attributes", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Cálculos");
    const long = `IF(B1="Sí","Ñandú ${"x".repeat(300)}",`;
    const formulas = [`${long}1)`, `${long}1)`, `${long}1)`, `${long}2)`, `${long}2)+1`, `${long}2)`, long.slice(0, -1), `${long}1)`];
    formulas.forEach((formula, r) => {
      ws.getCell(r + 1, 1).value = { formula, result: r % 3 === 0 ? "Cumple" : r % 3 === 1 ? "No cumple" : "Sí" };
      ws.getCell(r + 1, 2).value = r % 2 === 0 ? "Sí" : "No";
    });
    // Dates and times as Excel stores them (17 digits), including milliseconds at a half, where rounding is closest.
    const serials = [45660.572916666664, 45660 + 0.5 / 86_400_000, 45660 + 1.5 / 86_400_000, 45660 + 499.5 / 86_400_000, 45671 + 86_399.5 / 86_400, 45000 + 1 / 7];
    for (let k = 0; k < 40; k++) serials.push(45000 + k * (13 + 1 / 9));
    serials.forEach((serial, r) => {
      const cell = ws.getCell(r + 1, 3);
      cell.value = serial;
      cell.numFmt = r % 2 === 0 ? "dd/mm/yyyy hh:mm:ss" : "yyyy-mm-dd";
    });
    [-0.1, 1e-7, 1e21, 0.1 + 0.2, 123456789012345680, 45659, -3, 0, 2.5e-300].forEach((number, r) => (ws.getCell(r + 1, 4).value = number));
    const file = folder.file("calculos.xlsx");
    await wb.xlsx.writeFile(file);
    const streamed = await readSnapshotFile(file);
    expect(streamed.sheets[0]?.formulas.slice(0, 8).map((row) => row[0])).toEqual(formulas.map((formula) => `=${formula}`));
    await bothReaders(file);
    // LibreOffice writes <f aca="false">: the same formulas.
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    const sheet = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    expect(sheet).toContain("<f>");
    zip.file("xl/worksheets/sheet1.xml", sheet.replace(/<f>/g, '<f aca="false">'));

    const libre = folder.file("calculos-libreoffice.xlsx");
    await fs.writeFile(libre, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    expect((await readSnapshotFile(libre)).sheets[0]?.formulas).toEqual(streamed.sheets[0]?.formulas);
    await bothReaders(libre);
  });

  it("on number formats with escaped characters, as LibreOffice writes them (dd/mm/yyyy\\ hh:mm)", async () => {
    const wb = prepared();
    applyPlan(wb, planSampleData(readSnapshot(wb), { today: TODAY, seed: 4, operationCount: 20 }));
    const file = folder.file("formatos.xlsx");
    await saveWorkbookFile(wb, file);
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    const styles = (await zip.file("xl/styles.xml")?.async("string")) ?? "";
    const escaped = styles.replace(/formatCode="([^"]*)"/g, (_, code: string) => `formatCode="${code.replace(/ /g, "\\ ")}"`);
    expect(escaped).toContain("yyyy\\ hh");
    zip.file("xl/styles.xml", escaped);
    const libre = folder.file("formatos-libreoffice.xlsx");
    await fs.writeFile(libre, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const columns = (await readSnapshotFile(libre)).sheets.flatMap((sheet) => sheet.tables.flatMap((table) => table.columns));
    expect(columns.some((column) => column.numberFormat === "dd/mm/yyyy hh:mm")).toBe(true);
    await bothReaders(libre);
  });

  it("refuses a damaged file with the same sentence as the ExcelJS reader", async () => {
    const file = folder.file("danado.xlsx");
    await fs.writeFile(file, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    await expect(readSnapshotFile(file)).rejects.toMatchObject({ code: "archivo-danado" });
    await expect(loadWorkbookFile(file)).rejects.toMatchObject({ code: "archivo-danado" });
  });

  it("reports the rows it has read", async () => {
    const wb = prepared();
    applyPlan(wb, planSampleData(readSnapshot(wb), { today: TODAY, seed: 2, operationCount: 4500 }));
    const file = folder.file("progreso.xlsx");
    await saveWorkbookFile(wb, file);
    const calls: [number, number][] = [];
    await readSnapshotFile(file, { onProgress: (read, total) => calls.push([read, total]) });
    expect(calls.length).toBeGreaterThan(2);
    expect(calls.some(([read, total]) => read < total)).toBe(true);
    expect(calls.some(([read, total]) => total >= 4500 && read === total)).toBe(true);
  });
});
