/**
 * evaluar reads the file with the streaming reader and writes only the sheets the evaluation changes. What it writes
 * and reports must be what carrying the Plan out on the whole ExcelJS book gives (the way evaluar worked before),
 * cell by cell, and nothing the user typed may go missing — also when the writer has to fall back to the whole book.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { evaluateWorkbook, evaluationToJson, planEvaluation, printedEvaluationSheets } from "../../src/domain/evaluation";
import type { Plan } from "../../src/domain/workbook/plan";
import type { WorkbookSnapshot } from "../../src/domain/workbook/snapshot";
import { planSampleData } from "../../src/sample";
import { planPreparation } from "../../src/domain/workbook/plan-preparation";
import { applyPlan, loadWorkbookFile, printWorkbook, readSnapshot, saveWorkbookFile } from "../../src/xlsx";
import { graftPlanPackage } from "../../src/xlsx/package-writer";
import { deflatedEntry, entryText, readZip, writeZip, type ZipEntry } from "../../src/xlsx/zip-package";
import { findSoffice } from "../../src/cli/libreoffice";
import { sheetOf, temporaryFolder, valueAt } from "../xlsx/xlsx-test-files";
import { TODAY, run } from "./run-cli";

const folder = temporaryFolder();
afterAll(() => folder.cleanup());

const YEAR = 2025;
const SHEET = `Evaluación ${YEAR}`;
const SAMPLE = folder.file("ejemplo.xlsx");

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, planPreparation(readSnapshot(wb), { today: TODAY }));
  applyPlan(wb, planSampleData(readSnapshot(wb), { today: TODAY, seed: 11 }));
  await saveWorkbookFile(wb, SAMPLE);
});

async function snapshotOf(file: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return readSnapshot(wb);
}

const comparable = (snapshot: WorkbookSnapshot): unknown => JSON.parse(JSON.stringify(snapshot)) as unknown;

/** evaluar as it was: the whole book loaded into ExcelJS, the Plan carried out on it, the whole book saved. */
async function wholeBookEvaluar(input: string, output: string): Promise<{ json: unknown; warnings: string[] }> {
  const wb = await loadWorkbookFile(input);
  const plan = planEvaluation(readSnapshot(wb), { year: YEAR, today: TODAY });
  const report = applyPlan(wb, plan);
  await saveWorkbookFile(wb, output);
  return { json: evaluationToJson(evaluateWorkbook(readSnapshot(wb), YEAR, TODAY)), warnings: report.warnings };
}

async function evaluar(input: string, output: string): Promise<{ json: unknown; stderr: string }> {
  const result = await run("evaluar", input, "--anio", String(YEAR), "--salida", output, "--json");
  expect(result.status).toBe(0);
  return { json: JSON.parse(result.stdout) as unknown, stderr: result.stderr };
}

async function expectSameAsWholeBook(input: string, name: string): Promise<WorkbookSnapshot> {
  const before = folder.file(`${name}-libro-completo.xlsx`);
  const after = folder.file(`${name}-evaluar.xlsx`);
  const whole = await wholeBookEvaluar(input, before);
  const now = await evaluar(input, after);
  expect(now.json).toEqual(whole.json);
  for (const warning of whole.warnings) expect(now.stderr).toContain(warning);
  const snapshot = await snapshotOf(after);
  expect(comparable(snapshot)).toEqual(comparable(await snapshotOf(before)));
  return snapshot;
}

/** The package part of a sheet, through the workbook part's relationships. */
function partOfSheet(parts: Map<string, ZipEntry>, name: string): string {
  const workbook = entryText(parts.get("xl/workbook.xml") as ZipEntry);
  const escaped = name.replace(/&/g, "&amp;");
  const rid = new RegExp(`<sheet\\b[^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const rels = entryText(parts.get("xl/_rels/workbook.xml.rels") as ZipEntry);
  const target = rid === undefined ? undefined : new RegExp(`<Relationship\\b[^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (target === undefined) throw new Error(`no part for ${name}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/** What a coordinator and an evaluator type into an evaluated workbook in Excel. */
async function typeIntoEvaluated(input: string, output: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  const ws = wb.getWorksheet(SHEET);
  if (!ws) throw new Error(`no sheet ${SHEET}`);
  let headerRow = 0;
  ws.eachRow((row, r) => {
    if (headerRow === 0 && row.getCell(1).value === "Aliado") headerRow = r;
  });
  const header = new Map<string, number>();
  ws.getRow(headerRow).eachCell((cell, c) => header.set(String(cell.value), c));
  const col = (name: string): number => {
    const c = header.get(name);
    if (c === undefined) throw new Error(`no column ${name}`);
    return c;
  };
  ws.getCell(headerRow + 1, col("C4 Comunicación y trazabilidad")).value = 4;
  ws.getCell(headerRow + 1, col("C5 Cumplimiento legal y seguridad")).value = 5;
  ws.getCell(headerRow + 1, col("Criterio excluyente")).value = "No";
  ws.getCell(headerRow + 1, col("Observaciones")).value = "Reporta novedades el mismo día; BASC vigente.";
  ws.getCell(headerRow + 2, col("Observaciones")).value = "Sanción DIAN en octubre.";
  const operations = wb.getWorksheet("Operaciones");
  if (!operations) throw new Error("no Operaciones");
  operations.getCell("AZ2").value = "Revisar DO con el cliente antes del cierre";
  const notes = wb.addWorksheet("Notas del coordinador");
  notes.getCell("A1").value = "Pendientes";
  notes.getCell("A2").value = "Llamar a la agencia de Cartagena";
  notes.getCell("B2").value = 3;
  await wb.xlsx.writeFile(output);
}

describe("evaluar gives the file and the report the whole-book evaluation gives", () => {
  it("on a workbook evaluated for the first time", async () => {
    const snapshot = await expectSameAsWholeBook(SAMPLE, "primera");
    expect(snapshot.sheets.map((s) => s.name)).toContain(SHEET);
  });

  it("on a workbook the evaluator and the coordinator edited, keeping everything they typed", async () => {
    const evaluated = folder.file("evaluado.xlsx");
    await evaluar(SAMPLE, evaluated);
    const edited = folder.file("editado.xlsx");
    await typeIntoEvaluated(evaluated, edited);
    const snapshot = await expectSameAsWholeBook(edited, "editado");
    const sheet = sheetOf(snapshot, SHEET);
    const typed = sheet.values.flat();
    expect(typed).toEqual(expect.arrayContaining([4, 5, "No", "Reporta novedades el mismo día; BASC vigente.", "Sanción DIAN en octubre."]));
    expect(valueAt(sheetOf(snapshot, "Operaciones"), "AZ2")).toBe("Revisar DO con el cliente antes del cierre");
    expect(valueAt(sheetOf(snapshot, "Notas del coordinador"), "A2")).toBe("Llamar a la agencia de Cartagena");
    expect(valueAt(sheetOf(snapshot, "Notas del coordinador"), "B2")).toBe(3);
  });

  it("when the evaluation sheet holds a part the grafting writer cannot carry, through the whole book", async () => {
    const evaluated = folder.file("evaluado-para-respaldo.xlsx");
    await evaluar(SAMPLE, evaluated);
    const edited = folder.file("editado-para-respaldo.xlsx");
    await typeIntoEvaluated(evaluated, edited);
    // Another program related a part of its own to the evaluation sheet: the writer declines to graft the sheet.
    const parts = readZip(readFileSync(edited));
    const sheetPart = partOfSheet(parts, SHEET);
    const relsPart = sheetPart.replace("worksheets/", "worksheets/_rels/") + ".rels";
    const relsXml = parts.has(relsPart)
      ? entryText(parts.get(relsPart) as ZipEntry)
      : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const withCustom = relsXml.replace("</Relationships>", '<Relationship Id="rIdOtro1" Type="http://example.com/relationships/nota" Target="../nota/nota1.xml"/></Relationships>');
    const entries = [...parts.values()].filter((e) => e.name !== relsPart);
    const file = folder.file("con-parte-ajena.xlsx");
    writeFileSync(file, writeZip([...entries, deflatedEntry(relsPart, withCustom), deflatedEntry("xl/nota/nota1.xml", "<nota/>")]));
    const plan: Plan = planEvaluation(readSnapshot(await loadWorkbookFile(file)), { year: YEAR, today: TODAY });
    expect(plan.steps.some((step) => "sheet" in step && step.sheet === SHEET)).toBe(true);
    expect(await graftPlanPackage(file, plan)).toBeNull();

    const snapshot = await expectSameAsWholeBook(file, "respaldo");
    expect(sheetOf(snapshot, SHEET).values.flat()).toEqual(expect.arrayContaining([4, 5, "No", "Sanción DIAN en octubre."]));
    expect(valueAt(sheetOf(snapshot, "Operaciones"), "AZ2")).toBe("Revisar DO con el cliente antes del cierre");
    expect(valueAt(sheetOf(snapshot, "Notas del coordinador"), "B2")).toBe(3);
  });
});

describe("the book evaluar --pdf prints", () => {
  /** Every part of a print copy but the creation date, as text. */
  const partsOf = (buffer: Buffer): Record<string, string> =>
    Object.fromEntries([...readZip(buffer).values()].filter((e) => e.name !== "docProps/core.xml").map((e) => [e.name, entryText(e)]));

  it("is the one the whole evaluated book gives, part by part", async () => {
    const plan = planEvaluation(readSnapshot(await loadWorkbookFile(SAMPLE)), { year: YEAR, today: TODAY });
    const whole = await loadWorkbookFile(SAMPLE);
    applyPlan(whole, plan);
    const sheets = printedEvaluationSheets(whole.worksheets.map((ws) => ws.name), YEAR);
    expect(sheets).toEqual([SHEET, `Fichas ${YEAR}`]);
    const grafted = await graftPlanPackage(SAMPLE, plan, { keepSheets: sheets });
    if (!grafted) throw new Error("the sample's evaluation should be grafted");
    expect(printedEvaluationSheets(grafted.book.worksheets.map((ws) => ws.name), YEAR)).toEqual(sheets);
    expect(partsOf(await printWorkbook(grafted.book, sheets))).toEqual(partsOf(await printWorkbook(whole, sheets)));
  });

  it("holds the sheets to print even when the Plan leaves them as they are", async () => {
    const evaluated = folder.file("ya-evaluado.xlsx");
    await evaluar(SAMPLE, evaluated);
    const plan = planEvaluation(readSnapshot(await loadWorkbookFile(evaluated)), { year: YEAR, today: TODAY });
    const whole = await loadWorkbookFile(evaluated);
    applyPlan(whole, plan);
    const sheets = printedEvaluationSheets(whole.worksheets.map((ws) => ws.name), YEAR);
    const untouched = sheets.filter((name) => !plan.steps.some((step) => "sheet" in step && step.sheet === name));
    expect(untouched.length).toBeGreaterThan(0);
    const grafted = await graftPlanPackage(evaluated, plan, { keepSheets: sheets });
    if (!grafted) throw new Error("the evaluation should be grafted");
    expect(partsOf(await printWorkbook(grafted.book, sheets))).toEqual(partsOf(await printWorkbook(whole, sheets)));
  });

  const soffice = findSoffice();
  (soffice ? it : it.skip)("prints every ficha on its own page when evaluating a file already evaluated", async () => {
    const evaluated = folder.file("evaluado-pdf.xlsx");
    await evaluar(SAMPLE, evaluated);
    const pdf = folder.file("otra-vez.pdf");
    const again = await run("evaluar", evaluated, "--anio", String(YEAR), "--pdf", pdf);
    expect(again.status).toBe(0);
    const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");
    const alliances = sheetOf(await snapshotOf(evaluated), "Alianzas").values.slice(1).filter((row) => typeof row[0] === "string" && row[0].trim() !== "");
    const fichaPages = pages.filter((page) => page.includes("Ficha de evaluación de desempeño del socio comercial"));
    expect(fichaPages).toHaveLength(alliances.length);
    expect(pages.join("")).toContain("Evaluación de desempeño de socios comerciales — 2025");
  }, 200_000);
});
