import { existsSync, readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { runDemo } from "../../src/cli/demo";
import { temporaryFolder } from "../xlsx/xlsx-test-files";
import { TODAY } from "./run-cli";

const folder = temporaryFolder();
afterAll(() => folder.cleanup());

let stdout = "";
let stderr = "";
let status = -1;

beforeAll(async () => {
  status = await runDemo({ stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), today: TODAY }, folder.file("demo"));
}, 60_000);

/** DOs per Aliado text and the years of Fecha apertura DO, read straight from the prepared file's operations sheet. */
async function operationsOf(file: string): Promise<{ byAlliance: Map<string, number>; years: number[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (const ws of wb.worksheets) {
    if (ws.name.startsWith("Respaldo")) continue;
    for (let r = 1; r <= Math.min(ws.rowCount, 10); r++) {
      const headers = (ws.getRow(r).values as unknown[]).map((v) => (typeof v === "string" ? v : ""));
      const aliado = headers.indexOf("Aliado");
      const opened = headers.indexOf("Fecha apertura DO");
      if (aliado < 0 || opened < 0) continue;
      const byAlliance = new Map<string, number>();
      const years = new Set<number>();
      for (let row = r + 1; row <= ws.rowCount; row++) {
        const name = ws.getRow(row).getCell(aliado).value;
        const date = ws.getRow(row).getCell(opened).value;
        if (typeof name === "string") byAlliance.set(name, (byAlliance.get(name) ?? 0) + 1);
        if (date instanceof Date) years.add(date.getUTCFullYear());
      }
      return { byAlliance, years: [...years].sort() };
    }
  }
  throw new Error(`${file} has no operations sheet`);
}

describe("npm run demo", () => {
  it("writes the demo files and prints DOs per alliance, % on time and findings by rule", () => {
    expect(stderr).toBe("");
    expect(status).toBe(0);
    for (const name of ["cuadro-original.xlsx", "cuadro-ejemplo.xlsx", "cuadro-preparado.xlsx", "hallazgos.json", "evaluacion-2025.xlsx"]) {
      expect(existsSync(folder.file(`demo/${name}`))).toBe(true);
    }
    const findings = JSON.parse(readFileSync(folder.file("demo/hallazgos.json"), "utf8")) as { summary: { byRule: Record<string, number> } };
    for (const rule of ["do-duplicado", "orden-hitos", "fecha-invalida", "fuera-de-alcance", "aliado-desconocido", "campo-obligatorio"]) {
      expect(findings.summary.byRule[rule]).toBe(1);
    }
    expect(stdout).toMatch(/Sabana Aduanas y Carga S\.A\.S\.\s+\d+ DO\s+[\d,]+ % a tiempo/);
    expect(stdout).toMatch(/Hallazgos en \S*cuadro-preparado\.xlsx: \d+ errores y \d+ advertencias, por regla:/);
  });

  it("says the DOs per alliance are every DO of the prepared workbook, with the years they span", async () => {
    const { byAlliance, years } = await operationsOf(folder.file("demo/cuadro-preparado.xlsx"));
    const heading = stdout.split("\n").find((line) => line.startsWith("DO por alianza")) ?? "";
    expect(heading).toContain("cuadro-preparado.xlsx");
    expect(heading).toContain(`todos sus DO, abiertos de ${years[0]} a ${years[years.length - 1]}`);
    const block = stdout.slice(stdout.indexOf(heading) + heading.length, stdout.indexOf("\nHallazgos en"));
    const rows = [...block.matchAll(/^ {2}(.+?)\s+(\d+) DO /gm)].map((m) => [m[1], Number(m[2])] as const);
    expect(rows.length).toBeGreaterThanOrEqual(7);
    for (const [name, count] of rows) expect([name, count]).toEqual([name, byAlliance.get(name ?? "")]);
  });

  it("introduces the evaluation as another workbook's single year, not the prepared one's", () => {
    const step = stdout.indexOf("4. control-alianzas evaluar");
    const evaluation = stdout.slice(step);
    expect(evaluation).toMatch(/^4\. control-alianzas evaluar \S*cuadro-ejemplo\.xlsx --anio 2025/);
    expect(evaluation).toMatch(/Otro libro: el cuadro de ejemplo estructurado, solo los DO abiertos en 2025; sus cifras no son las del cuadro preparado/);
    expect(stdout.slice(0, step)).not.toMatch(/Evaluación de desempeño/);
    expect(stdout).toMatch(/evaluacion-2025\.xlsx\s+la evaluación 2025 de cuadro-ejemplo\.xlsx/);
  });
});
