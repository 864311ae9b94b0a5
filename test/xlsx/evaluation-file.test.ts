/**
 * The annual evaluation end to end through files: `evaluar` on a saved workbook, the result read back with plain ExcelJS
 * and with LibreOffice, checked against figures this test recomputes from the fixture's own cells.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { planSampleData } from "../../src/sample";
import { planPreparation } from "../../src/domain/workbook/plan-preparation";
import { applyPlan, readSnapshot, saveWorkbookFile } from "../../src/xlsx";
import { TODAY, run } from "../cli/run-cli";
import { oracleServiceDays } from "../domain/evaluation/independent-oracle";
import type { ExpectedRow, MeasuredDo } from "./evaluation-file-oracle";
import { expectedEvaluation, expectedRating, expectedScore, headerColumns, tableRows } from "./evaluation-file-oracle";
import { temporaryFolder } from "./xlsx-test-files";

const YEAR = 2025; // complete on TODAY (2026-06-27), and before Ley 2578's 9 July holiday that date-holidays lacks
const SHEET = `Evaluación ${YEAR}`;
const MEASURED_HEADERS: [string, (e: ExpectedRow) => number | null][] = [
  ["DOs atendidos", (e) => e.operations],
  ["DOs medidos", (e) => e.measured],
  ["DOs a tiempo", (e) => e.onTime],
  ["% cumplimiento ANS", (e) => (e.onTimePct === null ? null : e.onTimePct / 100)],
  ["Tiempo promedio (días hábiles)", (e) => e.avgServiceDays],
  ["NC atribuibles", (e) => e.nonconformities],
  ["NC por cada 100 DO", (e) => e.ncPer100],
  ["Reclamos y quejas", (e) => e.complaints],
  ["% NC cerradas eficaces", (e) => (e.closedEffectivePct === null ? null : e.closedEffectivePct / 100)],
  ["C1 Oportunidad (ANS)", (e) => e.c1],
  ["C2 Calidad", (e) => e.c2],
  ["C3 Gestión de NC", (e) => e.c3],
];

const folder = temporaryFolder();
afterAll(() => folder.cleanup());

let expected: ExpectedRow[] = [];
let measuredDos: MeasuredDo[] = [];
let extraHolidays: number[] = [];
let firstRun: { status: number; stdout: string; stderr: string };

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

/** The evaluation table's rows (alliance in column A under the header "Aliado") and its cells by header. */
function evaluationTable(ws: ExcelJS.Worksheet) {
  const { headerRow, col } = headerColumns(ws, "Aliado");
  const rows: { alliance: string; row: number }[] = [];
  for (let r = headerRow + 1; typeof ws.getCell(r, 1).value === "string" && ws.getCell(r, 1).value !== ""; r++) {
    rows.push({ alliance: String(ws.getCell(r, 1).value), row: r });
  }
  const rowOf = (alliance: string): number => {
    const found = rows.find((r) => r.alliance === alliance);
    if (!found) throw new Error(`no row for ${alliance}`);
    return found.row;
  };
  const cell = (alliance: string, header: string): ExcelJS.Cell => {
    const c = col.get(header);
    if (c === undefined) throw new Error(`no column ${header}`);
    return ws.getCell(rowOf(alliance), c);
  };
  return { headerRow, rows, cell };
}

function expectMeasuredColumns(ws: ExcelJS.Worksheet): void {
  const { rows, cell } = evaluationTable(ws);
  expect(rows.map((r) => r.alliance)).toEqual(expected.map((e) => e.alliance));
  for (const e of expected) {
    for (const [header, pick] of MEASURED_HEADERS) {
      const want = pick(e);
      const got = { alliance: e.alliance, header, value: cell(e.alliance, header).value };
      if (want === null) expect([null, ""]).toContain(got.value);
      else expect(got).toEqual({ alliance: e.alliance, header, value: expect.closeTo(want, 9) });
    }
  }
}

function formulaOf(cell: ExcelJS.Cell): { formula: string; result: unknown } {
  const value = cell.value;
  if (value === null || typeof value !== "object" || !("formula" in value) || typeof value.formula !== "string") {
    throw new Error(`${cell.address} no tiene fórmula: ${JSON.stringify(value)}`);
  }
  return { formula: value.formula, result: value.result };
}

const blank = (value: unknown): boolean => value === undefined || value === null || value === "";

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, planPreparation(readSnapshot(wb), { today: TODAY }));
  applyPlan(wb, planSampleData(readSnapshot(wb), { today: TODAY, seed: 7, operationCount: 60 }));
  await saveWorkbookFile(wb, folder.file("cuadro.xlsx"));
  ({ rows: expected, measuredDos, extraHolidays } = expectedEvaluation(await readBook(folder.file("cuadro.xlsx")), YEAR));
  firstRun = await run("evaluar", folder.file("cuadro.xlsx"), "--anio", String(YEAR), "--salida", folder.file("evaluado.xlsx"));
});

/** Service days counting weekends (per the alliance) but no holiday at all. */
function weekdaysOnly(d: MeasuredDo): number {
  let days = 0;
  for (let s = Math.floor(d.start) + 1; s <= Math.floor(d.release); s++) {
    const weekday = new Date(Date.UTC(1899, 11, 30) + s * 86_400_000).getUTCDay();
    if (weekday !== 0 && (weekday !== 6 || d.saturdayIsBusiness)) days++;
  }
  return days;
}

describe(`the fixture (sample data, seed 7, 60 DOs) for ${YEAR}`, () => {
  it("has DOs whose service time crosses a Colombian holiday, an extra holiday and a Saturday of a Sábado hábil alliance", () => {
    expect(expected.reduce((n, e) => n + e.operations, 0)).toBeGreaterThanOrEqual(25);
    const oracle = (d: MeasuredDo, saturday: boolean, extra: number[]) => oracleServiceDays(d.start, d.release, saturday, extra);
    expect(measuredDos.filter((d) => oracle(d, d.saturdayIsBusiness, []) !== weekdaysOnly(d)).length).toBeGreaterThan(0);
    expect(measuredDos.filter((d) => oracle(d, d.saturdayIsBusiness, extraHolidays) !== oracle(d, d.saturdayIsBusiness, [])).length).toBeGreaterThan(0);
    expect(measuredDos.filter((d) => d.saturdayIsBusiness && oracle(d, true, []) !== oracle(d, false, [])).length).toBeGreaterThan(0);
  });
});

describe("evaluar --salida, the file read back with ExcelJS", () => {
  it("succeeds and says the chart cannot be drawn in the .xlsx file", () => {
    expect(firstRun.status).toBe(0);
    expect(firstRun.stdout).toMatch(/no incluye el gráfico .*% cumplimiento ANS por aliado — 2025.* no puede dibujar gráficos/);
    expect(firstRun.stdout).toMatch(/Evaluación de desempeño 2025 — 7 alianzas/);
  });

  it(`writes «${SHEET}» with one row per alliance and the measured columns the test recomputes`, async () => {
    const ws = evaluationSheet(await readBook(folder.file("evaluado.xlsx")));
    expect(ws.getCell("A1").value).toBe(`Evaluación de desempeño de socios comerciales — ${YEAR}`);
    expectMeasuredColumns(ws);
  });

  it("writes Puntaje, Calificación and Decisión as live formulas with cached results", async () => {
    const ws = evaluationSheet(await readBook(folder.file("evaluado.xlsx")));
    const { cell } = evaluationTable(ws);
    for (const e of expected) {
      const score = formulaOf(cell(e.alliance, "Puntaje"));
      expect(score.formula).toMatch(/^IF\(.*ROUND\(/);
      expect(score.formula).toContain("[C4 Comunicación y trazabilidad]");
      expect(score.formula).toContain("tblPesosEvaluacion[Peso]");
      expect(blank(score.result)).toBe(true); // C4 and C5 are still empty
      const rating = formulaOf(cell(e.alliance, "Calificación"));
      expect(rating.formula).toContain("[Criterio excluyente]");
      expect(rating.formula).toContain("INDEX(tblBandasCalificacion[Puntaje mínimo],1)");
      expect(rating.formula).not.toMatch(/ADUANA|_xldudf_/);
      expect(rating.result).toBe(e.operations > 0 ? "Pendiente" : "Sin operaciones");
      expect(formulaOf(cell(e.alliance, "Decisión")).formula).toContain("[Calificación]");
    }
  });

  it("accepts only whole numbers 1 to 5 in C4 and C5 and Sí/No in Criterio excluyente", async () => {
    const ws = evaluationSheet(await readBook(folder.file("evaluado.xlsx")));
    const { cell } = evaluationTable(ws);
    for (const e of expected) {
      for (const header of ["C4 Comunicación y trazabilidad", "C5 Cumplimiento legal y seguridad"]) {
        expect(cell(e.alliance, header).dataValidation).toMatchObject({
          type: "whole",
          operator: "between",
          formulae: [1, 5],
          showErrorMessage: true,
          errorStyle: "stop",
        });
      }
      expect(cell(e.alliance, "Criterio excluyente").dataValidation).toMatchObject({ type: "list", formulae: ['"Sí,No"'] });
    }
  });

  it("ends with the signature block below the table", async () => {
    const ws = evaluationSheet(await readBook(folder.file("evaluado.xlsx")));
    const { rows } = evaluationTable(ws);
    const lastRow = rows[rows.length - 1]?.row ?? 0;
    const labels: string[] = [];
    for (let r = lastRow + 1; r <= ws.rowCount; r++) {
      const value = ws.getCell(r, 1).value;
      if (typeof value === "string" && value !== "") labels.push(value);
    }
    expect(labels).toEqual(["Evaluado por", "Nombre", "Firma", "Fecha", "Aprobado por — Gerente General", "Nombre", "Firma", "Fecha"]);
  });
});

describe("regenerating from a file the evaluator edited", () => {
  const typed = {
    c4: "C4 Comunicación y trazabilidad",
    c5: "C5 Cumplimiento legal y seguridad",
    excluding: "Criterio excluyente",
    notes: "Observaciones",
    plan: "Plan de mejora",
  };

  it("keeps C4, C5, Criterio excluyente, observations and signatures, refreshes figures and rates with the weights", async () => {
    const [a, b] = expected; // the first two alliances of tblAlianzas
    if (!a || !b) throw new Error("fixture has fewer than two alliances");
    expect(a.operations).toBeGreaterThan(0);
    expect(b.operations).toBeGreaterThan(0);

    // What an evaluator types in Excel, saved as a plain .xlsx.
    const edited = await readBook(folder.file("evaluado.xlsx"));
    const ws = evaluationSheet(edited);
    const { cell, rows } = evaluationTable(ws);
    cell(a.alliance, typed.c4).value = 4;
    cell(a.alliance, typed.c5).value = 5;
    cell(a.alliance, typed.excluding).value = "No";
    cell(a.alliance, typed.notes).value = "Reporta novedades el mismo día; BASC vigente.";
    cell(a.alliance, typed.plan).value = "Seguimiento trimestral de tiempos.";
    cell(b.alliance, typed.c4).value = 4;
    cell(b.alliance, typed.c5).value = 5;
    cell(b.alliance, typed.excluding).value = "Sí";
    cell(b.alliance, typed.notes).value = "Sanción DIAN en octubre.";
    const signatureRow = (rows[rows.length - 1]?.row ?? 0) + 3;
    expect(ws.getCell(signatureRow, 1).value).toBe("Evaluado por");
    expect(ws.getCell(signatureRow + 1, 1).value).toBe("Nombre");
    ws.getCell(signatureRow + 1, 2).value = "Marcela Ríos — Coordinadora de importaciones";
    await edited.xlsx.writeFile(folder.file("evaluado-con-notas.xlsx"));

    const again = await run(
      "evaluar", folder.file("evaluado-con-notas.xlsx"), "--anio", String(YEAR), "--salida", folder.file("evaluado-2.xlsx"),
    );
    expect(again.status).toBe(0);
    const out = evaluationSheet(await readBook(folder.file("evaluado-2.xlsx")));
    const regenerated = evaluationTable(out);
    expect(regenerated.cell(a.alliance, typed.c4).value).toBe(4);
    expect(regenerated.cell(a.alliance, typed.c5).value).toBe(5);
    expect(regenerated.cell(a.alliance, typed.excluding).value).toBe("No");
    expect(regenerated.cell(a.alliance, typed.notes).value).toBe("Reporta novedades el mismo día; BASC vigente.");
    expect(regenerated.cell(a.alliance, typed.plan).value).toBe("Seguimiento trimestral de tiempos.");
    expect(regenerated.cell(b.alliance, typed.excluding).value).toBe("Sí");
    expect(regenerated.cell(b.alliance, typed.notes).value).toBe("Sanción DIAN en octubre.");
    expect(out.getCell(signatureRow, 1).value).toBe("Evaluado por");
    expect(out.getCell(signatureRow + 1, 2).value).toBe("Marcela Ríos — Coordinadora de importaciones");
    expectMeasuredColumns(out);

    const scoreA = expectedScore([a.c1 ?? 0, a.c2 ?? 0, a.c3 ?? 0, 4, 5]);
    const scoreB = expectedScore([b.c1 ?? 0, b.c2 ?? 0, b.c3 ?? 0, 4, 5]);
    const puntajeA = formulaOf(regenerated.cell(a.alliance, "Puntaje"));
    expect(puntajeA.formula).toMatch(/ROUND\(/);
    expect(puntajeA.result).toBeCloseTo(scoreA, 9);
    expect(formulaOf(regenerated.cell(a.alliance, "Calificación")).result).toBe(expectedRating(scoreA));
    expect(formulaOf(regenerated.cell(b.alliance, "Puntaje")).result).toBeCloseTo(scoreB, 9);
    expect(formulaOf(regenerated.cell(b.alliance, "Calificación")).result).toBe("Deficiente");
    const others = expected.slice(2).filter((e) => e.operations > 0);
    for (const e of others) expect(formulaOf(regenerated.cell(e.alliance, "Calificación")).result).toBe("Pendiente");

    const json = await run(
      "evaluar", folder.file("evaluado-2.xlsx"), "--anio", String(YEAR), "--salida", folder.file("evaluado-3.xlsx"), "--json",
    );
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout) as {
      alliances: { alliance: string; operations: number; scores: Record<string, number | null>; score: number | null; rating: string | null }[];
    };
    const byName = (name: string) => report.alliances.find((x) => x.alliance === name);
    expect(byName(a.alliance)).toMatchObject({
      operations: a.operations,
      scores: { c1: a.c1, c2: a.c2, c3: a.c3, c4: 4, c5: 5 },
      score: expect.closeTo(scoreA, 9),
      rating: expectedRating(scoreA),
    });
    expect(byName(b.alliance)).toMatchObject({ scores: { c4: 4, c5: 5 }, score: expect.closeTo(scoreB, 9), rating: "Deficiente" });
    for (const e of others) expect(byName(e.alliance)).toMatchObject({ scores: { c4: null, c5: null }, score: null, rating: null });
  });
});

describe("weights typed as whole percentages in Parámetros", () => {
  it("--json reports the Puntaje and Calificación the sheet's formulas compute from them, not other figures", async () => {
    const book = await readBook(folder.file("evaluado-2.xlsx")); // C4/C5 typed for the first two alliances
    const weights = tableRows(book, "tblPesosEvaluacion");
    expect(weights.map((w) => w["Peso"])).toEqual([0.35, 0.25, 0.15, 0.15, 0.1]);
    const parameters = book.getWorksheet("Parámetros");
    let typedWeights = 0;
    parameters?.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (cell.value !== "Peso") return;
        for (const [i, weight] of [35, 25, 15, 15, 10].entries()) {
          parameters.getRow(r + 1 + i).getCell(c).value = weight; // typed without the % sign
          typedWeights++;
        }
      }),
    );
    expect(typedWeights).toBe(5);
    await book.xlsx.writeFile(folder.file("pesos-enteros.xlsx"));
    const result = await run(
      "evaluar", folder.file("pesos-enteros.xlsx"), "--anio", String(YEAR), "--salida", folder.file("pesos-enteros-evaluado.xlsx"), "--json",
    );
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { alliances: { alliance: string; score: number | null; rating: string | null }[] };
    const { cell } = evaluationTable(evaluationSheet(await readBook(folder.file("pesos-enteros-evaluado.xlsx"))));
    const [a] = expected;
    if (!a) throw new Error("no alliances");
    const sheetScore = formulaOf(cell(a.alliance, "Puntaje")).result;
    expect(typeof sheetScore).toBe("number");
    expect(report.alliances[0]).toMatchObject({
      alliance: a.alliance,
      score: sheetScore,
      rating: formulaOf(cell(a.alliance, "Calificación")).result,
    });
  });
});

/** Minimal CSV reader for LibreOffice's output (quoted fields may hold commas and doubled quotes). */
function parseCsv(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((line) => line !== "")
    .map((line) => {
      const fields: string[] = [];
      let field = "";
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (quoted && ch === '"' && line[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') quoted = !quoted;
        else if (ch === "," && !quoted) {
          fields.push(field);
          field = "";
        } else field += ch;
      }
      fields.push(field);
      return fields;
    });
}

describe("LibreOffice as a second reader", () => {
  const profile = path.join("/tmp", `lo-profile-${randomUUID()}`);
  afterAll(() => rmSync(profile, { recursive: true, force: true }));
  const soffice = (...args: string[]) =>
    promisify(execFile)("/usr/bin/soffice", [`-env:UserInstallation=file://${profile}`, "--headless", ...args], { timeout: 55_000 });

  it("converts the evaluated workbook to PDF, and to CSV where the evaluation sheet shows each alliance's DOs", async () => {
    const input = folder.file("evaluado.xlsx");
    const pdfDir = folder.file("pdf");
    await soffice("--convert-to", "pdf", "--outdir", pdfDir, input);
    const pdf = path.join(pdfDir, "evaluado.pdf");
    expect(existsSync(pdf)).toBe(true);
    expect(statSync(pdf).size).toBeGreaterThan(1000);
    expect(readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const csvDir = folder.file("csv");
    // Separator 44 (,), quote 34 ("), UTF-8 (76), from row 1; the last token -1 writes every sheet to its own file.
    await soffice("--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", csvDir, input);
    const csvName = readdirSync(csvDir).find((name) => name.normalize("NFC") === `evaluado-${SHEET}.csv`);
    expect(csvName).toBeDefined();
    const lines = parseCsv(readFileSync(path.join(csvDir, csvName ?? ""), "utf8"));
    const header = lines.find((line) => line[0] === "Aliado") ?? [];
    const operationsCol = header.indexOf("DOs atendidos");
    const ratingCol = header.indexOf("Calificación");
    expect(operationsCol).toBeGreaterThan(0);
    for (const e of expected) {
      const line = lines.find((l) => l[0] === e.alliance);
      expect({ alliance: e.alliance, operations: line?.[operationsCol], rating: line?.[ratingCol] }).toEqual({
        alliance: e.alliance,
        operations: String(e.operations),
        rating: e.operations > 0 ? "Pendiente" : "Sin operaciones",
      });
    }
    expect(lines.map((l) => l[0])).toEqual(expect.arrayContaining(["Evaluado por", "Aprobado por — Gerente General", "Fecha"]));
  }, 60_000);
});
