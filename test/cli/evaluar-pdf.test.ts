import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { printedEvaluationSheets } from "../../src/domain/evaluation";
import { planSampleData } from "../../src/sample";
import { planPreparation } from "../../src/domain/workbook/plan-preparation";
import { applyPlan, readSnapshot, saveWorkbookFile } from "../../src/xlsx";
import { temporaryFolder } from "../xlsx/xlsx-test-files";
import { TODAY, run } from "./run-cli";

const folder = temporaryFolder();
afterAll(() => folder.cleanup());

let alliances: string[] = [];

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, planPreparation(readSnapshot(wb), { today: TODAY }));
  applyPlan(wb, planSampleData(readSnapshot(wb), { today: TODAY, seed: 11 }));
  await saveWorkbookFile(wb, folder.file("ejemplo.xlsx"));
  const ws = wb.getWorksheet("Alianzas");
  ws?.getColumn(1).eachCell((cell, row) => {
    if (row > 1 && typeof cell.value === "string") alliances.push(cell.value);
  });
  alliances = alliances.filter((name) => name.trim() !== "");
});

/** The PDF's text as poppler's pdftotext reads it (page by page, layout kept). */
function pdfText(file: string): string {
  try {
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  } catch (error) {
    throw new Error("Estas pruebas leen el PDF con pdftotext: instale poppler-utils (sudo apt-get install poppler-utils).", { cause: error });
  }
}

describe("evaluar --pdf with LibreOffice installed", () => {
  let result: Awaited<ReturnType<typeof run>>;
  const pdf = folder.file("evaluacion-2025.pdf");
  beforeAll(async () => {
    result = await run("evaluar", folder.file("ejemplo.xlsx"), "--anio", "2025", "--salida", folder.file("evaluado.xlsx"), "--pdf", pdf);
  }, 200_000);

  it("writes the workbook and the PDF, and says so", () => {
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Se escribió «${pdf}».`);
    expect(existsSync(folder.file("evaluado.xlsx"))).toBe(true);
    expect(readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("writes the same workbook as without --pdf", async () => {
    const plain = await run("evaluar", folder.file("ejemplo.xlsx"), "--anio", "2025", "--salida", folder.file("sin-pdf.xlsx"));
    expect(plain.status).toBe(0);
    const read = async (file: string) => readSnapshot(await new ExcelJS.Workbook().xlsx.readFile(file));
    expect(await read(folder.file("evaluado.xlsx"))).toEqual(await read(folder.file("sin-pdf.xlsx")));
  });

  it("prints the evaluation's title and every alliance, and none of the other sheets", () => {
    const text = pdfText(pdf);
    expect(text).toContain("Evaluación de desempeño de socios comerciales — 2025");
    expect(alliances.length).toBe(7);
    // A long name may wrap inside its cell: compare its words in order.
    const flat = text.replace(/\s+/g, " ");
    for (const name of alliances) expect({ name, printed: flat.includes(name.split(" ").slice(0, 3).join(" ")) }).toEqual({ name, printed: true });
    // Headers of tblOperaciones and of Parámetros are not part of the record.
    expect(text).not.toContain("Fecha apertura DO");
    expect(text).not.toContain("Fecha documentos completos");
  });

  it("prints each alliance's ficha on a page of its own, in the evaluation's order", () => {
    const pages = pdfText(pdf).split("\f");
    const fichaPages = pages.filter((page) => page.includes("Ficha de evaluación de desempeño del socio comercial"));
    expect(fichaPages).toHaveLength(alliances.length);
    fichaPages.forEach((page, i) => {
      expect(page.split("Ficha de evaluación de desempeño del socio comercial")).toHaveLength(2);
      const flat = page.replace(/\s+/g, " ");
      expect({ page: i + 1, alliance: flat.includes(alliances[i]?.split(" ").slice(0, 3).join(" ") ?? "?") }).toEqual({ page: i + 1, alliance: true });
      expect(flat).toContain("Aprobado por — Gerente General");
      // The print date as a Colombian reads it (day first), whatever the machine's locale.
      const printed = /Impresa el (\d{2})\/(\d{2})\/(\d{4})/.exec(flat);
      const now = new Date();
      expect(printed?.slice(1, 3).map(Number)).toEqual([now.getDate(), now.getMonth() + 1]);
    });
  });

  it("numbers its pages 1 to N of N, from the evaluation on through the fichas", () => {
    const pages = pdfText(pdf).split("\f").filter((page) => page.trim() !== "");
    const footers = pages.map((page) => /Página (\d+) de (\d+)/.exec(page)?.slice(1, 3).map(Number));
    expect(footers).toEqual(pages.map((_, i) => [i + 1, pages.length]));
  });

  it("writes only the PDF when --salida is left out", async () => {
    const only = folder.file("solo-pdf/evaluacion.pdf");
    // The folder must exist: the command refuses a missing one rather than guessing.
    mkdirSync(path.dirname(only));
    const alone = await run("evaluar", folder.file("ejemplo.xlsx"), "--anio", "2025", "--pdf", only);
    expect(alone.status).toBe(0);
    expect(readdirSync(path.dirname(only))).toEqual(["evaluacion.pdf"]);
  }, 200_000);
});

describe("evaluar --pdf without LibreOffice", () => {
  const savedPath = process.env["PATH"];
  afterEach(() => {
    process.env["PATH"] = savedPath;
  });

  it("says in Spanish how to install it, exits 2 and writes neither the PDF nor the workbook", async () => {
    process.env["PATH"] = folder.file("sin-programas");
    const pdf = folder.file("sin-lo.pdf");
    const output = folder.file("sin-lo.xlsx");
    const result = await run("evaluar", folder.file("ejemplo.xlsx"), "--anio", "2025", "--salida", output, "--pdf", pdf);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^No se encontró LibreOffice \(el programa «soffice»\)/);
    expect(result.stderr).toContain("sudo apt-get install --no-install-recommends libreoffice-calc-nogui");
    expect(result.stderr).toContain("libreoffice.org");
    expect(existsSync(pdf)).toBe(false);
    expect(existsSync(output)).toBe(false);
  });
});

describe("evaluar --pdf when LibreOffice fails", () => {
  const savedPath = process.env["PATH"];
  afterEach(() => {
    process.env["PATH"] = savedPath;
  });

  it("says so, exits 2 and writes neither a partial PDF nor the workbook", async () => {
    const bin = folder.file("soffice-roto");
    mkdirSync(bin);
    writeFileSync(path.join(bin, "soffice"), "#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n");
    chmodSync(path.join(bin, "soffice"), 0o755);
    process.env["PATH"] = bin;
    const pdf = folder.file("roto.pdf");
    const output = folder.file("roto.xlsx");
    const result = await run("evaluar", folder.file("ejemplo.xlsx"), "--anio", "2025", "--salida", output, "--pdf", pdf);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^LibreOffice no pudo convertir la evaluación a PDF .*no se escribió «.*roto\.pdf»/);
    expect(result.stderr).toContain("LibreOffice dijo: Error: source file could not be loaded");
    expect(existsSync(pdf)).toBe(false);
    expect(existsSync(output)).toBe(false);
    expect(readdirSync(path.dirname(pdf)).filter((name) => name.includes("roto"))).toEqual(["soffice-roto"]);
  });
});

describe("printedEvaluationSheets", () => {
  it("takes the year's evaluation first, then that year's fichas, and nothing of other years", () => {
    const names = ["Operaciones", "Fichas 2025", "Evaluación 2024", "Evaluación 2025", "Ficha Caribe 2025", "Fichas 2024", "Parámetros"];
    expect(printedEvaluationSheets(names, 2025)).toEqual(["Evaluación 2025", "Fichas 2025", "Ficha Caribe 2025"]);
  });
});
