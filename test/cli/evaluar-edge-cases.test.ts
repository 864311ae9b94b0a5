import { existsSync } from "node:fs";
import ExcelJS from "exceljs";
import { planSampleData } from "../../src/sample";
import { planPreparation } from "../../src/domain/workbook/plan-preparation";
import { applyPlan, readSnapshot, saveWorkbookFile } from "../../src/xlsx";
import { temporaryFolder } from "../xlsx/xlsx-test-files";
import { TODAY, run } from "./run-cli";

const folder = temporaryFolder();
afterAll(() => folder.cleanup());

beforeAll(async () => {
  const empty = new ExcelJS.Workbook();
  applyPlan(empty, planPreparation(readSnapshot(empty), { today: TODAY }));
  await saveWorkbookFile(empty, folder.file("solo-encabezados.xlsx"));
  const sample = new ExcelJS.Workbook();
  applyPlan(sample, planPreparation(readSnapshot(sample), { today: TODAY }));
  applyPlan(sample, planSampleData(readSnapshot(sample), { today: TODAY, seed: 11 }));
  await saveWorkbookFile(sample, folder.file("ejemplo.xlsx"));
});

describe("evaluar refuses what cannot be evaluated, writing nothing", () => {
  it("refuses a year without DOs (1990) with exit 2 and one sentence", async () => {
    const output = folder.file("1990.xlsx");
    const result = await run("evaluar", folder.file("ejemplo.xlsx"), "--anio", "1990", "--salida", output);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^No hay DOs con «Fecha apertura DO» en 1990 en tblOperaciones/);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stdout).toBe("");
    expect(existsSync(output)).toBe(false);
  });

  it("refuses a workbook without alliances", async () => {
    const output = folder.file("sin-aliados.xlsx");
    const result = await run("evaluar", folder.file("solo-encabezados.xlsx"), "--anio", "2025", "--salida", output, "--json");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/No hay aliados en tblAlianzas/);
    // With --json, stdout carries the refusal as a JSON error a script can read.
    expect(JSON.parse(result.stdout)).toEqual({
      error: { code: "evaluacion-rechazada", message: expect.stringMatching(/No hay aliados en tblAlianzas/) as unknown },
    });
    expect(existsSync(output)).toBe(false);
  });

  it("refuses a year that has not begun", async () => {
    const output = folder.file("2027.xlsx");
    const result = await run("evaluar", folder.file("ejemplo.xlsx"), "--anio", "2027", "--salida", output);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/2027 aún no ha empezado \(hoy es 2026-06-27\)/);
    expect(existsSync(output)).toBe(false);
  });
});

describe("evaluar on the unfinished current year", () => {
  it("writes the sheet, labels the report partial and warns on stderr, also with --json", async () => {
    const text = await run("evaluar", folder.file("ejemplo.xlsx"), "--anio", "2026", "--salida", folder.file("2026.xlsx"));
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/\nEvaluación de desempeño 2026 \(parcial, al 2026-06-27\) — 7 alianzas/);
    expect(text.stderr).toMatch(/El año 2026 aún no termina: la evaluación es parcial, con los DOs y las no conformidades hasta el 2026-06-27/);
    expect(text.stdout).not.toMatch(/aún no termina/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(folder.file("2026.xlsx"));
    expect(wb.getWorksheet("Evaluación 2026")).toBeDefined();

    const json = await run("evaluar", folder.file("ejemplo.xlsx"), "--anio", "2026", "--salida", folder.file("2026-json.xlsx"), "--json");
    expect(json.status).toBe(0);
    expect(json.stderr).toMatch(/aún no termina/);
    expect((JSON.parse(json.stdout) as { year: number }).year).toBe(2026);
  });
});

describe("validar on an operations table with only headers", () => {
  it("says there are 0 DOs instead of «cumple todas las reglas»", async () => {
    const result = await run("validar", folder.file("solo-encabezados.xlsx"));
    expect(result.stdout).toMatch(/tblOperaciones \(hoja «Operaciones»\) no tiene DOs: 0 DOs revisados/);
    expect(result.stdout).not.toMatch(/cumple todas las reglas/);
  });

  it("says how many DOs it checked when there are some", async () => {
    const result = await run("validar", folder.file("ejemplo.xlsx"));
    expect(result.stdout).not.toMatch(/0 DOs revisados/);
  });
});
