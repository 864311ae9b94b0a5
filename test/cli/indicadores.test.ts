import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { planIndicators } from "../../src/domain/indicators";
import { planSampleData } from "../../src/sample";
import { planPreparation } from "../../src/domain/workbook/plan-preparation";
import { applyPlan, loadWorkbookFile, readSnapshot, saveWorkbookFile } from "../../src/xlsx";
import { entryText, readZip } from "../../src/xlsx/zip-package";
import { temporaryFolder } from "../xlsx/xlsx-test-files";
import { TODAY, run } from "./run-cli";

const folder = temporaryFolder();
afterAll(() => folder.cleanup());

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, planPreparation(readSnapshot(wb), { today: TODAY }));
  applyPlan(wb, planSampleData(readSnapshot(wb), { today: TODAY, seed: 11 }));
  await saveWorkbookFile(wb, folder.file("ejemplo.xlsx"));
});

interface Figures {
  opened: number;
  measured: number;
  onTime: number;
  onTimePct: number | null;
}
interface Json {
  year: number;
  months: { month: number; alliances: (Figures & { alliance: string })[] }[];
  stages: { alliance: string; stage: string; median: number | null; p90: number | null }[];
  nonconformities: { byMonthAndType: { month: number; type: string; count: number }[]; openByAge: Record<string, number> };
  totals: { byAlliance: (Figures & { alliance: string })[]; year: Figures };
}

describe("control-alianzas indicadores", () => {
  it("--json gives twelve months per alliance whose sums are the evaluation's yearly DOs, measured and on time", async () => {
    const result = await run("indicadores", folder.file("ejemplo.xlsx"), "--anio", "2025", "--json");
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as Json;
    expect(json.year).toBe(2025);
    expect(json.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(Object.keys(json.nonconformities.openByAge)).toEqual(["0-30", "31-60", "61-90", ">90"]);
    const evaluation = await run("evaluar", folder.file("ejemplo.xlsx"), "--anio", "2025", "--salida", folder.file("evaluado.xlsx"), "--json");
    const evaluated = (JSON.parse(evaluation.stdout) as { alliances: { alliance: string; operations: number; measured: number; onTime: number }[] }).alliances;
    for (const alliance of evaluated) {
      const months = json.months.map((m) => m.alliances.find((a) => a.alliance === alliance.alliance)!);
      const sum = (key: "opened" | "measured" | "onTime"): number => months.reduce((total, m) => total + m[key], 0);
      expect([sum("opened"), sum("measured"), sum("onTime")]).toEqual([alliance.operations, alliance.measured, alliance.onTime]);
      expect(json.stages.filter((s) => s.alliance === alliance.alliance).map((s) => s.stage)).toEqual([
        "documentos-presentacion", "presentacion-levante", "levante-entrega", "levante-facturacion", "total",
      ]);
    }
    for (const stage of json.stages) expect(stage.p90!).toBeGreaterThanOrEqual(stage.median!);
  });

  it("prints readable Spanish tables: months, alliances, cities, stages and NCs", async () => {
    const result = await run("indicadores", folder.file("ejemplo.xlsx"), "--anio", "2025");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Indicadores 2025\n/);
    expect(result.stdout).toMatch(/\n\s+Ene\s+\d+\s+\d+\s+\d+\s+[\d,]+ %/);
    expect(result.stdout).toMatch(/Por ciudad:\n\s+Ciudad/);
    expect(result.stdout).toMatch(/Etapas por aliado \(días hábiles, mediana \/ percentil 90\)/);
    expect(result.stdout).toMatch(/Abiertas al 31\/12\/2025 por antigüedad \(días\): 0-30: \d+ · 31-60: \d+ · 61-90: \d+ · >90: \d+\./);
  });

  it("asks for --anio and never writes over its input, with status 2", async () => {
    const result = await run("indicadores", folder.file("ejemplo.xlsx"));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Falta la opción --anio AAAA/);
    expect((await run("indicadores", folder.file("ejemplo.xlsx"), "--anio", "1900")).stderr).toMatch(/El año 1900 no es válido/);
    const same = await run("indicadores", folder.file("ejemplo.xlsx"), "--anio", "2025", "--salida", folder.file("ejemplo.xlsx"));
    expect(same.status).toBe(2);
    expect(same.stderr).toMatch(/es el mismo archivo de entrada/);
  });
});

// ExcelJS types getTables() as tuples; it returns its Table objects (worksheet.js: Object.values(this.tables)).
const tableNames = (ws: ExcelJS.Worksheet): string[] => (ws.getTables() as unknown as { name: string }[]).map((table) => table.name);

describe("indicadores --salida", () => {
  it("writes the Indicadores sheet as applying its Plan to the whole book does, and leaves every other part as it was", async () => {
    const result = await run("indicadores", folder.file("ejemplo.xlsx"), "--anio", "2025", "--salida", folder.file("indicadores.xlsx"));
    expect(result.status).toBe(0);
    // The other way: the whole book loaded into ExcelJS, the same Plan applied, saved.
    const book = await loadWorkbookFile(folder.file("ejemplo.xlsx"));
    applyPlan(book, planIndicators(readSnapshot(book), { year: 2025, today: TODAY }));
    await saveWorkbookFile(book, folder.file("indicadores-libro-entero.xlsx"));
    const whole = await loadWorkbookFile(folder.file("indicadores-libro-entero.xlsx"));
    const grafted = await loadWorkbookFile(folder.file("indicadores.xlsx"));
    expect(grafted.worksheets.map((ws) => ws.name)).toEqual(whole.worksheets.map((ws) => ws.name));
    const sheet = (wb: ExcelJS.Workbook) => {
      const ws = wb.getWorksheet("Indicadores 2025");
      const cells: unknown[] = [];
      ws?.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => cells.push([cell.address, cell.value, cell.numFmt, cell.font, cell.fill, cell.alignment, cell.border])));
      return { cells, widths: ws?.columns.map((c) => c.width), views: ws?.views, page: ws?.pageSetup, tables: ws ? tableNames(ws) : [] };
    };
    expect(sheet(grafted).cells.length).toBeGreaterThan(100);
    expect(sheet(grafted)).toEqual(sheet(whole));
    // The other sheets were never rewritten: each part is the input's, but for the tab no longer selected (the new
    // sheet is the active one).
    const before = readZip(readFileSync(folder.file("ejemplo.xlsx")));
    const after = readZip(readFileSync(folder.file("indicadores.xlsx")));
    const parts = [...before.keys()].filter((name) => name.startsWith("xl/worksheets/sheet"));
    expect(parts.length).toBe(4);
    const unselected = (xml: string) => xml.replace('tabSelected="1"', 'tabSelected="0"');
    for (const part of parts) {
      expect({ part, same: entryText(after.get(part)!) === unselected(entryText(before.get(part)!)) }).toEqual({ part, same: true });
    }
    expect(grafted.views[0]?.activeTab).toBe(whole.views[0]?.activeTab);
    expect(grafted.worksheets[grafted.views[0]?.activeTab ?? -1]?.name).toBe("Indicadores 2025");
  });

  it("goes through the whole book when the sheet holds what the graft cannot carry (a note), and keeps the note", async () => {
    const first = await loadWorkbookFile(folder.file("indicadores.xlsx"));
    first.getWorksheet("Indicadores 2025")!.getCell("A1").note = "Revisado con la gerencia";
    // And a DO moved to another alliance, so the figures change and the sheet is rewritten.
    const operations = first.getWorksheet("Operaciones")!;
    const aliado = (operations.getRow(1).values as unknown[]).indexOf("Aliado");
    const names = new Set<string>();
    operations.getColumn(aliado).eachCell((cell, row) => void (row > 1 && names.add(String(cell.value))));
    const [one, other] = [...names];
    operations.getColumn(aliado).eachCell((cell, row) => void (row > 1 && cell.value === one && (cell.value = other ?? null)));
    await saveWorkbookFile(first, folder.file("con-nota.xlsx"));
    const result = await run("indicadores", folder.file("con-nota.xlsx"), "--anio", "2025", "--salida", folder.file("con-nota-2.xlsx"));
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/ya estaba al día/);
    const again = await loadWorkbookFile(folder.file("con-nota-2.xlsx"));
    const note = again.getWorksheet("Indicadores 2025")!.getCell("A1").note;
    expect(typeof note === "string" ? note : JSON.stringify(note)).toContain("Revisado con la gerencia");
    expect(again.getWorksheet("Indicadores 2025")!.getCell("A6").value).toBe("Cumplimiento ANS por mes y aliado");
  });
});
