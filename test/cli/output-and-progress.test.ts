import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { planSampleData } from "../../src/sample";
import { planPreparation } from "../../src/domain/workbook/plan-preparation";
import { runCli } from "../../src/cli/main";
import { createProgress } from "../../src/cli/progress";
import { applyPlan, readSnapshot, saveWorkbookFile } from "../../src/xlsx";
import { temporaryFolder } from "../xlsx/xlsx-test-files";
import { TODAY, run } from "./run-cli";

const folder = temporaryFolder();
afterAll(() => folder.cleanup());

const SAMPLE = folder.file("cuadro.xlsx");
const OCCUPIED = "ya estaba aquí";

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, planPreparation(readSnapshot(wb), { today: TODAY }));
  applyPlan(wb, planSampleData(readSnapshot(wb), { today: TODAY, seed: 7 }));
  await saveWorkbookFile(wb, SAMPLE);
});

function occupied(name: string): string {
  const file = folder.file(name);
  writeFileSync(file, OCCUPIED);
  return file;
}

async function runWith(argv: string[], stderrIsTTY: boolean): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const status = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), today: TODAY, stderrIsTTY });
  return { status, stdout, stderr };
}

describe("an existing output file is never replaced silently", () => {
  it.each([
    ["preparar", (out: string) => ["preparar", SAMPLE, "--salida", out]],
    ["exportar", (out: string) => ["exportar", SAMPLE, "--salida", out]],
    ["evaluar", (out: string) => ["evaluar", SAMPLE, "--anio", "2025", "--salida", out]],
    ["indicadores", (out: string) => ["indicadores", SAMPLE, "--anio", "2025", "--salida", out]],
  ])("%s refuses, exit 2, and leaves the file as it was", async (name, argv) => {
    const out = occupied(`${name}-ocupado.xlsx`);
    const result = await run(...argv(out));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/ya existe y no se reemplazó; agregue --sobrescribir/);
    expect(readFileSync(out, "utf8")).toBe(OCCUPIED);
  });

  it.each([
    ["preparar", (out: string) => ["preparar", SAMPLE, "--salida", out, "--sobrescribir"]],
    ["exportar", (out: string) => ["exportar", SAMPLE, "--salida", out, "--sobrescribir"]],
    ["evaluar", (out: string) => ["evaluar", SAMPLE, "--anio", "2025", "--salida", out, "--sobrescribir"]],
    ["indicadores", (out: string) => ["indicadores", SAMPLE, "--anio", "2025", "--salida", out, "--sobrescribir"]],
  ])("%s --sobrescribir replaces it with a workbook", async (name, argv) => {
    const out = occupied(`${name}-reemplazado.xlsx`);
    const result = await run(...argv(out));
    expect(result.stderr).not.toMatch(/ya existe/);
    expect(result.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.length).toBeGreaterThan(0);
  });

  it("evaluar --pdf refuses an existing PDF before anything is written", async () => {
    const pdf = occupied("evaluacion.pdf");
    const out = folder.file("evaluacion-con-pdf.xlsx");
    const result = await run("evaluar", SAMPLE, "--anio", "2025", "--salida", out, "--pdf", pdf);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/evaluacion\.pdf» ya existe.*--sobrescribir/);
    expect(readFileSync(pdf, "utf8")).toBe(OCCUPIED);
    expect(existsSync(out)).toBe(false);
  });
});

describe("where the output goes", () => {
  it("a missing folder is refused with its name, and not created", async () => {
    const out = folder.file("no-existe/preparado.xlsx");
    const result = await run("preparar", SAMPLE, "--salida", out);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/La carpeta «.*no-existe» no existe; créela o indique otra ruta con --salida/);
    expect(existsSync(folder.file("no-existe"))).toBe(false);
  });

  it("--salida naming a folder gets its own message", async () => {
    const dir = folder.file("resultados.xlsx");
    mkdirSync(dir);
    const result = await run("exportar", SAMPLE, "--salida", dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/es una carpeta; --salida debe nombrar un archivo/);
  });

  it("the input itself is refused even with --sobrescribir", async () => {
    const before = readFileSync(SAMPLE);
    const result = await run("preparar", SAMPLE, "--salida", SAMPLE, "--sobrescribir");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/mismo archivo de entrada/);
    expect(readFileSync(SAMPLE).equals(before)).toBe(true);
  });
});

describe("--json on input that cannot be used", () => {
  beforeAll(() => writeFileSync(folder.file("notas.txt"), "no es un libro"));

  it.each([
    ["no-existe.xlsx", "archivo-no-encontrado", /No se encontró el archivo/],
    ["notas.txt", "no-es-xlsx", /no es un libro de Excel \.xlsx/],
  ])("validar --json %s: a JSON error on stdout, exit 2", async (name, code, message) => {
    const result = await run("validar", folder.file(name), "--json");
    expect(result.status).toBe(2);
    const parsed = JSON.parse(result.stdout) as { error: { code: string; message: string } };
    expect(parsed.error.code).toBe(code);
    expect(parsed.error.message).toMatch(message);
  });

  it("evaluar --json with an existing output says so in JSON", async () => {
    const out = occupied("evaluacion-json.xlsx");
    const result = await run("evaluar", SAMPLE, "--anio", "2025", "--salida", out, "--json");
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({ error: { code: "salida-ya-existe", message: expect.stringMatching(/--sobrescribir/) as unknown } });
  });

  it("without --json stdout stays empty", async () => {
    const result = await run("validar", folder.file("no-existe.xlsx"));
    expect(result.stdout).toBe("");
  });
});

describe("progress", () => {
  it("an interactive stderr sees the phases, and the line is erased before the result", async () => {
    const result = await runWith(["validar", SAMPLE], true);
    expect(result.stderr).toMatch(/Leyendo…/);
    expect(result.stderr).toMatch(/Validando…/);
    // The last thing on stderr is the erasing of the line: a carriage return after blanks.
    expect(result.stderr).toMatch(/\r +\r$/);
    expect(result.stdout).not.toMatch(/Leyendo|Validando/);
  });

  it("preparar says it is writing", async () => {
    const result = await runWith(["preparar", SAMPLE, "--salida", folder.file("progreso.xlsx")], true);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/Escribiendo…/);
  });

  it.each([
    ["piped", ["validar", SAMPLE], false],
    ["--json", ["validar", SAMPLE, "--json"], true],
  ])("nothing extra when %s", async (_label, argv, tty) => {
    const result = await runWith(argv as string[], tty as boolean);
    expect(result.stderr).toBe("");
  });

  it("counts rows with Colombian thousands, throttled, and the final count always shown", () => {
    let out = "";
    let t = 0;
    const progress = createProgress({ write: (s) => (out += s), isTTY: true, json: false, now: () => t, intervalMs: 200 });
    progress.phase("Leyendo…");
    t = 50;
    progress.rows(20_000, 100_000); // too soon: skipped
    t = 300;
    progress.rows(40_000, 100_000);
    t = 310;
    progress.rows(100_000, 100_000); // the last one is shown even if soon
    expect(out).not.toMatch(/20\.000/);
    expect(out).toMatch(/Leyendo… 40\.000 de 100\.000 filas/);
    expect(out).toMatch(/Leyendo… 100\.000 de 100\.000 filas/);
    progress.clear();
    expect(out.endsWith(`\r${" ".repeat("Leyendo… 100.000 de 100.000 filas".length)}\r`)).toBe(true);
  });

  it("is silent when stderr is not a terminal", () => {
    let out = "";
    const progress = createProgress({ write: (s) => (out += s), isTTY: false, json: false });
    progress.phase("Leyendo…");
    progress.rows(1, 2);
    progress.clear();
    expect(out).toBe("");
  });
});

describe("--help of each command", () => {
  it.each([
    ["validar", ["--json"]],
    ["preparar", ["--salida", "--sobrescribir"]],
    ["evaluar", ["--anio", "--salida", "--pdf", "--json", "--sobrescribir"]],
    ["exportar", ["--salida", "--sobrescribir"]],
    ["seguimiento", ["--hoy", "--json"]],
    ["indicadores", ["--anio", "--salida", "--json", "--sobrescribir"]],
  ])("%s lists its options and the exit statuses", async (name, options) => {
    const result = await run(name, "--help");
    expect(result.status).toBe(0);
    for (const option of options) expect(result.stdout).toContain(option);
    expect(result.stdout).toMatch(/Estado de salida: 0 .*2 no se\s+pudo usar/s);
  });
});
