import ExcelJS from "exceljs";
import { planSampleData } from "../../src/sample";
import { a1Address } from "../../src/domain/workbook/a1";
import { planPreparation } from "../../src/domain/workbook/plan-preparation";
import { columnOf, locateTables } from "../../src/domain/workbook/table-location";
import { applyPlan, readSnapshot, saveWorkbookFile } from "../../src/xlsx";
import { temporaryFolder } from "../xlsx/xlsx-test-files";
import { TODAY, run } from "./run-cli";

/**
 * A date typed as text in tblFestivosExtra: the sheet shows #VALUE! in Tiempo servicio and Estado ANS of every DO, so
 * the commands measure none, list none as overdue, and say once which cell to fix.
 */
const folder = temporaryFolder();
afterAll(() => folder.cleanup());
let cell = "";

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, planPreparation(readSnapshot(wb), { today: TODAY }));
  applyPlan(wb, planSampleData(readSnapshot(wb), { today: TODAY, seed: 11 }));
  await saveWorkbookFile(wb, folder.file("limpio.xlsx"));
  const holidays = locateTables(readSnapshot(wb)).extraHolidays;
  const col = holidays ? columnOf(holidays, "date") : undefined;
  if (!holidays || col === undefined) throw new Error("sin tblFestivosExtra");
  // The first data row of the column (ExcelJS counts rows and columns from 1).
  wb.getWorksheet(holidays.sheet.name)!.getCell(holidays.headerRow + 2, col + 1).value = "25/12/2026";
  cell = `${holidays.sheet.name}!${a1Address(holidays.headerRow + 1, col)}`;
  await saveWorkbookFile(wb, folder.file("festivo-texto.xlsx"));
});

const NOTE = /tiene «25\/12\/2026», que no es una fecha/g;

describe("a text in tblFestivosExtra, from the command line", () => {
  it("seguimiento lists no DO and says once which cell to fix; --json keeps stdout for the JSON", async () => {
    const clean = JSON.parse((await run("seguimiento", folder.file("limpio.xlsx"), "--hoy", "2026-07-17", "--json")).stdout) as { operations: unknown[] };
    expect(clean.operations.length).toBeGreaterThan(0);
    const text = await run("seguimiento", folder.file("festivo-texto.xlsx"), "--hoy", "2026-07-17");
    expect(text.status).toBe(0);
    expect(text.stdout.match(NOTE)).toHaveLength(1);
    expect(text.stdout).toContain(`! ${cell} (tblFestivosExtra[Fecha])`);
    const json = await run("seguimiento", folder.file("festivo-texto.xlsx"), "--hoy", "2026-07-17", "--json");
    expect((JSON.parse(json.stdout) as { operations: unknown[] }).operations).toEqual([]);
    expect(json.stderr.match(NOTE)).toHaveLength(1);
  });

  it("indicadores measures no DO and says once which cell to fix", async () => {
    const result = await run("indicadores", folder.file("festivo-texto.xlsx"), "--anio", "2026", "--json");
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as { totals: { year: { opened: number; measured: number; onTimePct: number | null } } };
    expect(json.totals.year.opened).toBeGreaterThan(0);
    expect(json.totals.year).toMatchObject({ measured: 0, onTimePct: null });
    expect(result.stderr.match(NOTE)).toHaveLength(1);
    expect(result.stderr).toContain(cell);
  });

  it("evaluar counts no DO as measured or on time and says once which cell to fix", async () => {
    const result = await run("evaluar", folder.file("festivo-texto.xlsx"), "--anio", "2025", "--salida", folder.file("evaluado.xlsx"), "--json");
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as { alliances: { operations: number; measured: number; onTime: number; onTimePct: number | null; score: number | null }[] };
    expect(json.alliances.some((a) => a.operations > 0)).toBe(true);
    for (const a of json.alliances) expect(a).toMatchObject({ measured: 0, onTime: 0, onTimePct: null, score: null });
    expect(result.stderr.match(NOTE)).toHaveLength(1);
  });
});
