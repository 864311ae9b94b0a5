import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { planSampleData } from "../../src/sample";
import { planPreparation } from "../../src/domain/workbook/plan-preparation";
import { applyPlan, readSnapshot, saveWorkbookFile } from "../../src/xlsx";
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

describe("control-alianzas evaluar", () => {
  it("writes Evaluación 2025 and prints the evaluation JSON, saying on stderr that the chart is not in the file", async () => {
    const result = await run("evaluar", folder.file("ejemplo.xlsx"), "--anio", "2025", "--salida", folder.file("evaluado.xlsx"), "--json");
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/no incluye el gráfico/);
    const json = JSON.parse(result.stdout) as { year: number; alliances: Record<string, unknown>[] };
    expect(json.year).toBe(2025);
    expect(json.alliances).toHaveLength(7);
    for (const alliance of json.alliances) {
      expect(Object.keys(alliance)).toEqual([
        "alliance", "operations", "measured", "onTime", "onTimePct", "avgServiceDays", "nonconformities",
        "ncPer100", "complaints", "closedEffectivePct", "scores", "score", "rating",
      ]);
      expect(alliance["operations"]).toBeGreaterThan(0);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(folder.file("evaluado.xlsx"));
    expect(wb.getWorksheet("Evaluación 2025")).toBeDefined();
  });

  it("prints a readable table without --json", async () => {
    const result = await run("evaluar", folder.file("ejemplo.xlsx"), "--anio", "2025", "--salida", folder.file("evaluado-2.xlsx"));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Evaluación de desempeño 2025 — 7 alianzas/);
    expect(result.stdout).toMatch(/no incluye el gráfico/);
  });
});

describe("the control-alianzas bin of package.json (the real command)", () => {
  const root = path.join(__dirname, "..", "..");
  beforeAll(() => {
    if (!existsSync(path.join(root, "build", "cli", "cli", "main.js"))) {
      execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: root, stdio: "ignore" });
    }
  }, 180_000);

  it("validates a file with exit status 1 and reports a missing file with status 2 and no stack trace", () => {
    const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { bin: Record<string, string> };
    const bin = path.join(root, manifest.bin["control-alianzas"] ?? "");
    const ok = spawnSync(process.execPath, [bin, "validar", folder.file("ejemplo.xlsx"), "--json"], { encoding: "utf8" });
    expect(ok.status).toBe(1);
    expect(JSON.parse(ok.stdout)).toHaveProperty("summary.errors");
    const missing = spawnSync(process.execPath, [bin, "validar", folder.file("no-esta.xlsx")], { encoding: "utf8" });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^No se encontró el archivo/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});
