/**
 * A command that reads and changes nothing through ExcelJS's object model does not load it: ExcelJS's workbook
 * and its .xlsx reader/writer take about 0.15 s to load, as long as validating a 1,000-DO book. `validar` and a
 * `preparar` with nothing to change read through the streaming Snapshot reader only; a `preparar` that writes
 * loads them (which is what shows this test can tell).
 */
import ExcelJS from "exceljs";
import { planPreparation } from "../../src/domain/workbook/plan-preparation";
import { planLegacyCuadro, planSampleData } from "../../src/sample";
import { applyPlan, readSnapshot, saveWorkbookFile } from "../../src/xlsx";
import { temporaryFolder } from "../xlsx/xlsx-test-files";
import { TODAY } from "./run-cli";

const folder = temporaryFolder();
afterAll(() => folder.cleanup());

beforeAll(async () => {
  const prepared = new ExcelJS.Workbook();
  applyPlan(prepared, planPreparation(readSnapshot(prepared), { today: TODAY }));
  applyPlan(prepared, planSampleData(readSnapshot(prepared), { today: TODAY, seed: 5, operationCount: 40 }));
  await saveWorkbookFile(prepared, folder.file("preparado.xlsx"));
  const legacy = new ExcelJS.Workbook();
  applyPlan(legacy, planLegacyCuadro({ today: TODAY, seed: 5, count: 40 }));
  await saveWorkbookFile(legacy, folder.file("antiguo.xlsx"));
});

const HEAVY = ["exceljs", "exceljs/lib/doc/workbook", "exceljs/lib/xlsx/xlsx"];

/** Runs the command with a fresh module registry; returns its exit status and which heavy modules it loaded. */
async function loadedBy(...argv: string[]): Promise<{ status: number; loaded: string[] }> {
  const loaded = new Set<string>();
  let status = -1;
  await jest.isolateModulesAsync(async () => {
    for (const name of HEAVY) {
      jest.doMock(name, () => {
        loaded.add(name);
        return jest.requireActual<object>(name);
      });
    }
    const { runCli } = await import("../../src/cli/main");
    status = await runCli(argv, { stdout: () => undefined, stderr: () => undefined, today: TODAY });
  });
  for (const name of HEAVY) jest.dontMock(name);
  return { status, loaded: [...loaded].sort() };
}

describe("modules a command loads", () => {
  it("validar loads no ExcelJS workbook", async () => {
    const result = await loadedBy("validar", folder.file("preparado.xlsx"), "--json");
    expect(result.status).toBeLessThanOrEqual(1);
    expect(result.loaded).toEqual([]);
  });

  it("preparar of a book with nothing to change copies it without loading ExcelJS's workbook", async () => {
    const result = await loadedBy("preparar", folder.file("preparado.xlsx"), "--salida", folder.file("copia.xlsx"));
    expect(result.status).toBe(0);
    expect(result.loaded).toEqual([]);
  });

  it("preparar of a legacy cuadro, which writes sheets, loads it", async () => {
    const result = await loadedBy("preparar", folder.file("antiguo.xlsx"), "--salida", folder.file("preparado-2.xlsx"));
    expect(result.status).toBe(0);
    expect(result.loaded).toContain("exceljs/lib/doc/workbook");
  });
});
