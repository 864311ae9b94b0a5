/**
 * `Indicadores AAAA` end to end through files: `indicadores --salida` on a saved workbook, the sheet read back with
 * plain ExcelJS (figures against an independent count from the file's own cells) and with LibreOffice; comments
 * typed in the sheet survive a regeneration on changed data.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync, readdirSync, rmSync } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import * as formulajs from "@formulajs/formulajs";
import ExcelJS from "exceljs";
import { planSampleData } from "../../src/sample";
import { planPreparation } from "../../src/domain/workbook/plan-preparation";
import { applyPlan, readSnapshot, saveWorkbookFile } from "../../src/xlsx";
import { TODAY, run } from "../cli/run-cli";
import type { ExpectedRow, MeasuredDo } from "./evaluation-file-oracle";
import { expectedEvaluation } from "./evaluation-file-oracle";
import { temporaryFolder } from "./xlsx-test-files";

const YEAR = 2025;
const SHEET = `Indicadores ${YEAR}`;
const folder = temporaryFolder();
afterAll(() => folder.cleanup());

let expected: ExpectedRow[] = [];
let measuredDos: MeasuredDo[] = [];
let firstRun: { status: number; stdout: string; stderr: string };

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A block of the sheet by its title in column A: its header row and data rows, cells by header. */
function block(ws: ExcelJS.Worksheet, title: string) {
  let titleRow = 0;
  for (let r = 1; r <= ws.rowCount; r++) if (String(ws.getCell(r, 1).value ?? "").startsWith(title)) titleRow = r;
  if (titleRow === 0) throw new Error(`no block ${title}`);
  const headers = new Map<string, number>();
  ws.getRow(titleRow + 1).eachCell((cell, c) => headers.set(String(cell.value), c));
  const rows: number[] = [];
  for (let r = titleRow + 2; String(ws.getCell(r, 1).value ?? "") !== ""; r++) rows.push(r);
  const rowOf = (...keys: string[]): number => {
    const found = rows.find((r) => keys.every((k, i) => ws.getCell(r, i + 1).value === k));
    if (found === undefined) throw new Error(`no row ${keys.join("|")} in ${title}`);
    return found;
  };
  const cell = (keys: string[], header: string): ExcelJS.Cell => ws.getCell(rowOf(...keys), headers.get(header) ?? 0);
  return { titleRow, headers, rows, rowOf, cell, keys: rows.map((r) => String(ws.getCell(r, 1).value)) };
}

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, planPreparation(readSnapshot(wb), { today: TODAY }));
  applyPlan(wb, planSampleData(readSnapshot(wb), { today: TODAY, seed: 11 }));
  await saveWorkbookFile(wb, folder.file("ejemplo.xlsx"));
  ({ rows: expected, measuredDos } = expectedEvaluation(await readBook(folder.file("ejemplo.xlsx")), YEAR));
  firstRun = await run("indicadores", folder.file("ejemplo.xlsx"), "--anio", String(YEAR), "--salida", folder.file("indicadores.xlsx"));
}, 60_000);

describe("indicadores --salida writes «Indicadores 2025»", () => {
  it("says the charts are only drawn in Excel and names the file it wrote", () => {
    expect(firstRun.status).toBe(0);
    expect(firstRun.stdout).toMatch(/Se creó la hoja «Indicadores 2025»/);
    expect(firstRun.stdout).toMatch(/no incluye el gráfico «% a tiempo por mes y aliado — 2025»/);
    expect(firstRun.stdout).toMatch(/Se escribió «.*indicadores\.xlsx»\./);
  });

  it("shows per alliance the DOs, measured, on time, % and average/median days of an independent NETWORKDAYS.INTL count", async () => {
    const ws = (await readBook(folder.file("indicadores.xlsx"))).getWorksheet(SHEET)!;
    const totals = block(ws, "Totales por aliado");
    expect(totals.keys).toEqual([...expected.filter((e) => e.operations > 0).map((e) => e.alliance), "Total del año"]);
    for (const e of expected.filter((x) => x.operations > 0)) {
      const days = measuredDos.filter((d) => d.alliance === e.alliance).map((d) => d.days);
      expect(totals.cell([e.alliance], "DO abiertos").value).toBe(e.operations);
      expect(totals.cell([e.alliance], "DO medidos").value).toBe(e.measured);
      expect(totals.cell([e.alliance], "DO a tiempo").value).toBe(e.onTime);
      expect(totals.cell([e.alliance], "% a tiempo").value).toBeCloseTo((e.onTimePct ?? NaN) / 100, 12);
      expect(totals.cell([e.alliance], "% a tiempo").numFmt).toBe("0.0%");
      expect(totals.cell([e.alliance], "Promedio días hábiles").value).toBeCloseTo(e.avgServiceDays ?? NaN, 12);
      expect(totals.cell([e.alliance], "Mediana días hábiles").value).toBe(formulajs.MEDIAN(days));
    }
    const sum = expected.reduce((total, e) => total + e.operations, 0);
    expect(totals.cell(["Total del año"], "DO abiertos").value).toBe(sum);
    const stages = block(ws, "Etapas por aliado: mediana");
    const first = expected.find((e) => e.measured > 0)!;
    const firstDays = measuredDos.filter((d) => d.alliance === first.alliance).map((d) => d.days);
    expect(stages.cell([first.alliance], "Total").value).toBe(formulajs.MEDIAN(firstDays));
    const p90 = block(ws, "Etapas por aliado: percentil 90");
    expect(p90.cell([first.alliance], "Total").value).toBeCloseTo(formulajs.PERCENTILE.INC(firstDays, 0.9) as number, 12);
    const months = block(ws, "No conformidades por mes y tipo");
    expect(months.keys).toEqual(["Enero", "Febrero", "Marzo", "Abril", "Mayo", "Junio", "Julio", "Agosto", "Septiembre", "Octubre", "Noviembre", "Diciembre"]);
    expect(block(ws, "No conformidades abiertas por antigüedad").keys).toEqual(["0 a 30", "31 a 60", "61 a 90", "Más de 90"]);
  });

  it("keeps the comments typed on the sheet when regenerated on changed data, and a third run changes nothing", async () => {
    const book = await readBook(folder.file("indicadores.xlsx"));
    const ws = book.getWorksheet(SHEET)!;
    const [a, b] = expected.filter((e) => e.operations > 0);
    block(ws, "Totales por aliado").cell([a!.alliance], "Comentario").value = "Revisar con el aliado en comité";
    block(ws, "Cumplimiento ANS por mes y aliado").cell(["Marzo", "Total del mes"], "Comentario").value = "Paro de transportadores";
    block(ws, "Totales por ciudad").cell(["Buenaventura"], "Comentario").value = "Oficina propia, fuera de alcance";
    ws.getCell(3, 20).value = "Nota del gerente";
    // The only 2025 DO of Buenaventura moves to 2024, so its city row goes away; B's first DO loses its levante.
    const ops = book.getWorksheet("Operaciones")!;
    const header = new Map<string, number>();
    ops.getRow(1).eachCell((cell, c) => header.set(String(cell.value), c));
    const col = (name: string) => header.get(name)!;
    let movedCity = false;
    let clearedRelease = false;
    for (let r = 2; r <= ops.rowCount; r++) {
      const opened = ops.getCell(r, col("Fecha apertura DO")).value;
      if (!(opened instanceof Date) || opened.getUTCFullYear() !== YEAR) continue;
      if (!movedCity && ops.getCell(r, col("Ciudad")).value === "Buenaventura") {
        ops.getCell(r, col("Fecha apertura DO")).value = new Date(Date.UTC(2024, 11, 30));
        movedCity = true;
      } else if (!clearedRelease && ops.getCell(r, col("Aliado")).value === b!.alliance && ops.getCell(r, col("Fecha levante / autorización")).value) {
        ops.getCell(r, col("Fecha levante / autorización")).value = null;
        clearedRelease = true;
      }
    }
    expect([movedCity, clearedRelease]).toEqual([true, true]);
    await book.xlsx.writeFile(folder.file("comentado.xlsx"));

    const second = await run("indicadores", folder.file("comentado.xlsx"), "--anio", String(YEAR), "--salida", folder.file("regenerado.xlsx"));
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/Se actualizaron las cifras de «Indicadores 2025»; los comentarios siguen en sus filas\./);
    expect(second.stdout).toMatch(/1 comentario\(s\) o nota\(s\) sin fila propia quedaron en el bloque «Comentarios y notas conservados»/);
    const again = (await readBook(folder.file("regenerado.xlsx"))).getWorksheet(SHEET)!;
    const totals = block(again, "Totales por aliado");
    expect(totals.cell([a!.alliance], "Comentario").value).toBe("Revisar con el aliado en comité");
    expect(totals.cell([b!.alliance], "DO medidos").value).toBe(b!.measured - 1);
    expect(block(again, "Cumplimiento ANS por mes y aliado").cell(["Marzo", "Total del mes"], "Comentario").value).toBe("Paro de transportadores");
    expect(block(again, "Totales por ciudad").keys).not.toContain("Buenaventura");
    const kept = block(again, "Comentarios y notas conservados");
    expect(kept.cell(["Totales por ciudad", "Buenaventura"], "Comentario").value).toBe("Oficina propia, fuera de alcance");
    expect(again.getCell(3, 20).value).toBe("Nota del gerente");

    const third = await run("indicadores", folder.file("regenerado.xlsx"), "--anio", String(YEAR), "--salida", folder.file("tercero.xlsx"));
    expect(third.stdout).toMatch(/La hoja «Indicadores 2025» ya estaba al día: no hubo cambios\./);
  }, 60_000);
});

describe("LibreOffice as a second reader", () => {
  const profile = path.join("/tmp", `lo-profile-${randomUUID()}`);
  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  it("converts the workbook to CSV where «Indicadores 2025» shows the year's total of DOs", async () => {
    const csvDir = folder.file("csv");
    await promisify(execFile)(
      "/usr/bin/soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", csvDir, folder.file("indicadores.xlsx")],
      { timeout: 55_000 },
    );
    const csvName = readdirSync(csvDir).find((name) => name.normalize("NFC") === `indicadores-${SHEET}.csv`);
    expect(csvName).toBeDefined();
    const lines = readFileSync(path.join(csvDir, csvName ?? ""), "utf8").split(/\r?\n/);
    const sum = expected.reduce((total, e) => total + e.operations, 0);
    expect(lines.some((l) => l.startsWith(`Total del año,${sum},`))).toBe(true);
    expect(lines[0]).toMatch(/^Indicadores de gestión 2025/);
  }, 60_000);
});
