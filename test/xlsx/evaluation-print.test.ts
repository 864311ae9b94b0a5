/**
 * `Evaluación AAAA` as the record a General Manager signs: its print settings read back from the .xlsx (ExcelJS and the
 * package XML), the PDF LibreOffice prints from it, and its ratings recalculated by LibreOffice, which has no add-in.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { planSampleData } from "../../src/sample";
import { planPreparation } from "../../src/domain/workbook/plan-preparation";
import { applyPlan, readSnapshot, saveWorkbookFile } from "../../src/xlsx";
import { TODAY, run } from "../cli/run-cli";
import { packagePart, temporaryFolder } from "./xlsx-test-files";

const YEAR = 2025;
const SHEET = `Evaluación ${YEAR}`;
const TITLE = `Evaluación de desempeño de socios comerciales — ${YEAR}`;
const folder = temporaryFolder();
const profile = path.join("/tmp", `lo-${randomUUID()}`);
afterAll(() => {
  folder.cleanup();
  rmSync(profile, { recursive: true, force: true });
});

const exec = promisify(execFile);

/** A fresh LibreOffice profile that recalculates every formula of an .xlsx on load (never trusting cached results). */
function prepareProfile(): void {
  mkdirSync(path.join(profile, "user"), { recursive: true });
  writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
}

const soffice = (...args: string[]) =>
  exec("/usr/bin/soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", ...args], { timeout: 110_000 });

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function evaluationSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(SHEET);
  if (!ws) throw new Error(`no sheet ${SHEET}`);
  return ws;
}

/** Header row (1-based) of the evaluation table and each header's column. */
function headerOf(ws: ExcelJS.Worksheet): { row: number; cols: Map<string, number>; headers: string[] } {
  for (let r = 1; r <= 20; r++) {
    if (ws.getCell(r, 1).value === "Aliado") {
      const headers: string[] = [];
      for (let c = 1; typeof ws.getCell(r, c).value === "string"; c++) headers.push(String(ws.getCell(r, c).value));
      return { row: r, cols: new Map(headers.map((h, i) => [h, i + 1])), headers };
    }
  }
  throw new Error("no header row");
}

beforeAll(async () => {
  prepareProfile();
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, planPreparation(readSnapshot(wb), { today: TODAY }));
  applyPlan(wb, planSampleData(readSnapshot(wb), { today: TODAY, seed: 7, operationCount: 60 }));
  await saveWorkbookFile(wb, folder.file("cuadro.xlsx"));
  const first = await run("evaluar", folder.file("cuadro.xlsx"), "--anio", String(YEAR), "--salida", folder.file("evaluado.xlsx"));
  expect(first.status).toBe(0);
}, 60_000);

describe("print settings of Evaluación AAAA, read back from the file", () => {
  it("prints landscape on Oficio, fitted to one page wide, rows continuing on further pages", async () => {
    const ws = evaluationSheet(await readBook(folder.file("evaluado.xlsx")));
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 5, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const { row } = headerOf(ws);
    expect(ws.pageSetup.printTitlesRow).toBe(`${row}:${row}`);
  });

  it.each([
    ["written by evaluar", "evaluado.xlsx"],
    ["kept when evaluar runs again on the saved file", "evaluado-otra-vez.xlsx"],
  ])("stores orientation, fit, print titles, print area, header and footer in the package XML (%s)", async (_, file) => {
    if (file === "evaluado-otra-vez.xlsx") {
      const again = await run("evaluar", folder.file("evaluado.xlsx"), "--anio", String(YEAR), "--salida", folder.file(file));
      expect(again.status).toBe(0);
    }
    const buffer = readFileSync(folder.file(file));
    const workbookXml = (await packagePart(buffer, "xl/workbook.xml")) ?? "";
    const sheets = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)].map((m) => ({ name: m[1], rid: m[2] }));
    const index = sheets.findIndex((s) => s.name === SHEET);
    expect(index).toBeGreaterThanOrEqual(0);
    const rels = (await packagePart(buffer, "xl/_rels/workbook.xml.rels")) ?? "";
    const target = new RegExp(`Id="${sheets[index]?.rid ?? ""}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? "";
    const sheetXml = (await packagePart(buffer, `xl/${target.replace(/^\/?xl\//, "")}`)) ?? "";

    const ws = evaluationSheet(await readBook(folder.file(file)));
    const { row, headers } = headerOf(ws);
    let signatureEnd = row;
    ws.eachRow((r, n) => {
      if (r.getCell(1).value === "Fecha") signatureEnd = n;
    });
    const lastColumn = String.fromCharCode(64 + headers.length);

    expect(sheetXml).toMatch(/<pageSetUpPr [^>]*fitToPage="1"/);
    expect(sheetXml).toMatch(/<pageSetup [^>]*orientation="landscape"/);
    expect(sheetXml).toMatch(/<pageSetup [^>]*fitToWidth="1"/);
    expect(sheetXml).toMatch(/<pageSetup [^>]*fitToHeight="0"/);
    expect(sheetXml).toMatch(/<printOptions [^>]*horizontalCentered="1"/);
    const footer = /<oddFooter>([^<]*)<\/oddFooter>/.exec(sheetXml)?.[1] ?? "";
    expect(footer).toContain("Página &amp;P de &amp;N");
    expect(footer).toContain("Generada el 27/06/2026");
    expect(/<oddHeader>([^<]*)<\/oddHeader>/.exec(sheetXml)?.[1]).toContain(TITLE);

    const names = [...workbookXml.matchAll(/<definedName ([^>]*)>([^<]*)<\/definedName>/g)].map((m) => ({ attrs: m[1] ?? "", ref: (m[2] ?? "").replace(/&apos;/g, "'") }));
    const local = names.filter((n) => n.attrs.includes(`localSheetId="${index}"`));
    expect(local.find((n) => n.attrs.includes("_xlnm.Print_Titles"))?.ref).toBe(`'${SHEET}'!$${row}:$${row}`);
    expect(local.find((n) => n.attrs.includes("_xlnm.Print_Area"))?.ref).toBe(`'${SHEET}'!$A$1:$${lastColumn}$${signatureEnd}`);
    expect(headers.at(-1)).toBe("Plan de mejora");
  });
});

describe("print settings Preparar gives the record sheets", () => {
  it.each(["Operaciones", "Alianzas", "No Conformidades"])("«%s» prints landscape, one page wide, its header row on every page", async (name) => {
    const wb = await readBook(folder.file("cuadro.xlsx"));
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    let header = 0;
    ws.eachRow((row, n) => {
      if (header === 0 && row.actualCellCount > 3) header = n;
    });
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
    expect(ws.headerFooter.oddFooter).toContain("Página &P de &N");
  });

  it("is not planned again when Preparar runs on a prepared workbook", async () => {
    const wb = await readBook(folder.file("cuadro.xlsx"));
    expect(planPreparation(readSnapshot(wb), { today: TODAY }).steps.filter((s) => s.kind === "pageSetup")).toEqual([]);
  });
});

describe("Fichas AAAA, one page per alliance", () => {
  it("has a ficha per alliance, each after a manual page break, printed portrait at a fixed scale", async () => {
    const wb = await readBook(folder.file("evaluado.xlsx"));
    const alliances = headerOf(evaluationSheet(wb));
    const ws = wb.getWorksheet(`Fichas ${YEAR}`);
    if (!ws) throw new Error("no fichas");
    const names: string[] = [];
    ws.eachRow((row) => {
      if (row.getCell(1).value === "Aliado") names.push(String(row.getCell(2).value));
    });
    const evaluationNames: string[] = [];
    const evaluation = evaluationSheet(wb);
    for (let r = alliances.row + 1; typeof evaluation.getCell(r, 1).value === "string"; r++) evaluationNames.push(String(evaluation.getCell(r, 1).value));
    expect(names).toEqual(evaluationNames);
    expect(ws.pageSetup).toMatchObject({ orientation: "portrait", fitToPage: false, scale: 85 });
    // ExcelJS does not read row breaks back: the package XML has them.
    const buffer = readFileSync(folder.file("evaluado.xlsx"));
    const workbookXml = (await packagePart(buffer, "xl/workbook.xml")) ?? "";
    const rid = new RegExp(`<sheet [^>]*name="Fichas ${YEAR}"[^>]*r:id="([^"]+)"`).exec(workbookXml)?.[1] ?? "";
    const rels = (await packagePart(buffer, "xl/_rels/workbook.xml.rels")) ?? "";
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? "";
    const sheetXml = (await packagePart(buffer, `xl/${target.replace(/^\/?xl\//, "")}`)) ?? "";
    const breaks = [...sheetXml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
    expect(breaks).toEqual(names.slice(1).map((_, i) => (i + 1) * 42));
    // Every break spans the sheet's columns and no further (XFD is 16383): LibreOffice drops a break past it.
    const spans = [...sheetXml.matchAll(/<brk [^>]*max="(\d+)"/g)].map((m) => Number(m[1]));
    expect(spans).toEqual(breaks.map(() => 16383));
  });
});

/** The PDF's pages as text (pdftotext separates pages with a form feed). */
async function pdfPages(pdf: string): Promise<string[]> {
  const { stdout } = await exec("pdftotext", ["-layout", pdf, "-"], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.split("\f");
}

describe("the evaluation printed by LibreOffice, and computed without the add-in", () => {
  it("has on its first page the first and the last column headers and the whole signature block", async () => {
    const pdfDir = folder.file("pdf");
    await soffice("--convert-to", "pdf", "--outdir", pdfDir, folder.file("evaluado.xlsx"));
    const pages = await pdfPages(path.join(pdfDir, "evaluado.pdf"));
    const firstPage = pages.findIndex((p) => p.includes("Control de operaciones externas contratadas con alianzas"));
    expect(firstPage).toBeGreaterThanOrEqual(0);
    const page = pages[firstPage] ?? "";
    expect(page).toContain(TITLE);
    expect(page).toMatch(/Aliado/);
    expect(page).toMatch(/Plan de mejora/);
    for (const label of ["Evaluado por", "Aprobado por — Gerente General", "Nombre", "Firma", "Fecha"]) expect(page).toContain(label);
    expect(page).toMatch(/Página \d+ de \d+/);
    // Alliance names are printed whole, not cut by the column.
    expect(page).toContain("Agencia de Aduanas Rumichaca Ltda.");

    // The fichas: one page each, nothing of a ficha spilling onto another page.
    const fichaPages = pages.filter((p) => p.includes("Ficha por aliado"));
    const wb = await readBook(folder.file("evaluado.xlsx"));
    const fichas = wb.getWorksheet(`Fichas ${YEAR}`);
    const names: string[] = [];
    fichas?.eachRow((row) => {
      if (row.getCell(1).value === "Aliado") names.push(String(row.getCell(2).value));
    });
    expect(fichaPages).toHaveLength(names.length);
    fichaPages.forEach((p, i) => {
      // Exactly one ficha per page, from its title to its signature lines.
      expect(p.split("Ficha de evaluación de desempeño del socio comercial")).toHaveLength(2);
      expect(p.indexOf("Ficha de evaluación de desempeño del socio comercial")).toBeLessThan(p.indexOf("Período evaluado"));
      expect(p.lastIndexOf("Fecha")).toBeGreaterThan(p.indexOf("Aprobado por — Gerente General"));
      expect(p.replace(/\s+/g, " ")).toContain(names[i] ?? "?");
      for (const label of ["Cifras medidas", "C5 Cumplimiento legal y seguridad", "Calificación", "Decisión", "Observaciones", "Plan de mejora", "Aprobado por — Gerente General", "Firma"]) {
        expect(p).toContain(label);
      }
    });
  }, 120_000);

  it("rates every alliance in LibreOffice exactly as evaluar --json, with no #NAME?", async () => {
    // What an evaluator types in Excel without the add-in: the cached results in the file are now stale.
    const wb = await readBook(folder.file("evaluado.xlsx"));
    const ws = evaluationSheet(wb);
    const { row, cols } = headerOf(ws);
    const col = (header: string) => cols.get(header) ?? 0;
    const scores = [[5, 5], [4, 3], [2, 2], [5, 4], [3, 5], [1, 2], [4, 4]];
    for (let i = 0; typeof ws.getCell(row + 1 + i, 1).value === "string"; i++) {
      const [c4, c5] = scores[i % scores.length] ?? [3, 3];
      ws.getCell(row + 1 + i, col("C4 Comunicación y trazabilidad")).value = c4 ?? 3;
      ws.getCell(row + 1 + i, col("C5 Cumplimiento legal y seguridad")).value = c5 ?? 3;
      ws.getCell(row + 1 + i, col("Criterio excluyente")).value = i === 1 ? "Sí" : "No";
    }
    await wb.xlsx.writeFile(folder.file("tecleado.xlsx"));

    const json = await run("evaluar", folder.file("tecleado.xlsx"), "--anio", String(YEAR), "--salida", folder.file("tecleado-2.xlsx"), "--json");
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout) as { alliances: { alliance: string; operations: number; score: number | null; rating: string | null }[] };
    const ratings = new Set(report.alliances.map((a) => a.rating));
    expect(ratings.size).toBeGreaterThanOrEqual(3); // the typed scores spread the ratings

    const csvDir = folder.file("csv");
    await soffice(
      "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", csvDir, folder.file("tecleado.xlsx"),
    );
    const files = readdirSync(csvDir);
    const csvName = files.find((name) => name.normalize("NFC") === `tecleado-${SHEET}.csv`);
    expect(csvName).toBeDefined();
    // The operations sheet's ADUANA columns are another matter (a static copy replaces them); the evaluation has none.
    const text = readFileSync(path.join(csvDir, csvName ?? ""), "utf8");
    expect(text).not.toMatch(/#NAME\?|#NOMBRE\?|Err:/);
    const lines = text.split(/\r?\n/).map((l) => l.split(","));
    const header = lines.find((l) => l[0] === "Aliado") ?? [];
    const at = (line: string[], name: string) => line[header.indexOf(name)] ?? "";
    for (const a of report.alliances) {
      const line = lines.find((l) => l[0] === a.alliance || l[0] === `"${a.alliance}"`) ?? [];
      expect({ alliance: a.alliance, score: Number(at(line, "Puntaje")), rating: at(line, "Calificación") }).toEqual({
        alliance: a.alliance,
        score: expect.closeTo(a.score ?? NaN, 2),
        rating: a.rating,
      });
    }

    // Each ficha looks its alliance up in the evaluation: the same Puntaje and Calificación, recalculated.
    const fichasCsv = files.find((name) => name.normalize("NFC") === `tecleado-Fichas ${YEAR}.csv`);
    const fichaText = readFileSync(path.join(csvDir, fichasCsv ?? "missing"), "utf8");
    expect(fichaText).not.toMatch(/#NAME\?|#NOMBRE\?|Err:|#REF!/);
    const fichaLines = fichaText.split(/\r?\n/).map((l) => l.split(",").map((f) => f.replace(/^"|"$/g, "")));
    const fichaNames = fichaLines.filter((l) => l[0] === "Aliado").map((l) => l[1]);
    const fichaScores = fichaLines.filter((l) => l[0] === "Puntaje (0 a 100)").map((l) => Number(l[1]));
    const fichaRatings = fichaLines.filter((l) => l[0] === "Calificación").map((l) => l[1]);
    expect(fichaNames).toEqual(report.alliances.map((a) => a.alliance));
    report.alliances.forEach((a, i) => {
      expect({ alliance: a.alliance, score: fichaScores[i], rating: fichaRatings[i] }).toEqual({
        alliance: a.alliance,
        score: expect.closeTo(a.score ?? NaN, 2),
        rating: a.rating,
      });
    });
  }, 120_000);
});
