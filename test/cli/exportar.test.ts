import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { planSampleData } from "../../src/sample";
import { OPERATION_HEADERS } from "../../src/domain/workbook/headers";
import { planPreparation } from "../../src/domain/workbook/plan-preparation";
import { readWorkbookModel } from "../../src/domain/workbook/read-model";
import { applyPlan, readSnapshot, saveWorkbookFile } from "../../src/xlsx";
import { oracleServiceDays } from "../domain/evaluation/independent-oracle";
import { packageParts, packagePart, temporaryFolder } from "../xlsx/xlsx-test-files";
import { TODAY, run } from "./run-cli";

const folder = temporaryFolder();
afterAll(() => folder.cleanup());

const ADDIN_IN_FILE = /ADUANA/i;

interface CellFacts {
  formula: string | null;
  value: unknown;
  numFmt: string | undefined;
}

/** Every non-empty cell of every sheet, as ExcelJS reads the file (formula text as stored, cached result). */
async function cellsOf(file: string): Promise<Map<string, CellFacts>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const cells = new Map<string, CellFacts>();
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const formula = cell.formula || null;
        const raw = formula ? cell.result : cell.value;
        const value = raw instanceof Date ? raw.getTime() : raw === "" ? null : (raw ?? null);
        cells.set(`${ws.name}!${cell.address}`, { formula, value, numFmt: cell.numFmt });
      });
    });
  });
  return cells;
}

async function workbookFacts(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => ({
    name: ws.name,
    tables: Object.values((ws as unknown as { tables: Record<string, { table: { name: string; tableRef?: string } }> }).tables).map(
      (t) => [t.table.name, t.table.tableRef],
    ),
    validations: (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model,
    frozen: ws.views[0]?.state === "frozen" ? ws.views[0].ySplit : 0,
  }));
}

/** Rows of a CSV LibreOffice wrote (comma, double quotes; "" is a quote). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

const source = folder.file("evaluado.xlsx");
const copy = folder.file("copia.xlsx");
let exported: Awaited<ReturnType<typeof run>>;
let sourceBytes: Buffer;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, planPreparation(readSnapshot(wb), { today: TODAY }));
  applyPlan(wb, planSampleData(readSnapshot(wb), { today: TODAY, seed: 7 }));
  await saveWorkbookFile(wb, folder.file("ejemplo.xlsx"));
  const evaluated = await run("evaluar", folder.file("ejemplo.xlsx"), "--anio", "2025", "--salida", source);
  expect(evaluated.status).toBe(0);
  sourceBytes = readFileSync(source);
  exported = await run("exportar", source, "--salida", copy);
}, 60_000);

describe("exportar, the copy read back with ExcelJS", () => {
  it("writes the copy, leaves the input as it was and says what it replaced", () => {
    expect(exported.stderr).toBe("");
    expect(exported.status).toBe(0);
    expect(exported.stdout).toMatch(/Se reemplazaron [\d.]+ fórmulas ADUANA por su valor\./);
    expect(existsSync(copy)).toBe(true);
    expect(readFileSync(source).equals(sourceBytes)).toBe(true);
  });

  it("replaces every ADUANA formula by the value the source cached, and keeps everything else", async () => {
    const before = await cellsOf(source);
    const after = await cellsOf(copy);
    const copyBook = new ExcelJS.Workbook();
    await copyBook.xlsx.readFile(copy);
    let replaced = 0;
    let native = 0;
    for (const [address, cell] of before) {
      const [sheet = "", a1 = ""] = address.split("!");
      // A formula that showed "" is an empty cell in the copy, with its format.
      const now = after.get(address) ?? { formula: null, value: null, numFmt: copyBook.getWorksheet(sheet)?.getCell(a1).numFmt };
      if (cell.formula !== null && ADDIN_IN_FILE.test(cell.formula)) {
        replaced++;
        // A cached error is shown as its text in the copy (#VALUE! reads the same).
        const shown = (v: unknown) => (typeof v === "object" && v !== null && "error" in v ? String(v.error) : v);
        expect({ address, formula: now.formula, value: shown(now.value) }).toEqual({ address, formula: null, value: shown(cell.value) });
      } else {
        if (cell.formula !== null) native++;
        expect({ address, ...now }).toEqual({ address, ...cell });
      }
      expect({ address, numFmt: now.numFmt }).toEqual({ address, numFmt: cell.numFmt });
    }
    // The sample's Tiempo servicio and Estado ANS columns, at least.
    expect(replaced).toBeGreaterThan(100);
    expect(native).toBeGreaterThan(50);
    for (const [address, cell] of after) if (cell.formula !== null) expect({ address, formula: cell.formula }).not.toEqual({ address, formula: expect.stringMatching(ADDIN_IN_FILE) });
  });

  it("keeps tables, list validations and frozen headers", async () => {
    expect(await workbookFacts(copy)).toEqual(await workbookFacts(source));
  });

  it("has no ADUANA function left anywhere in the package's sheets", async () => {
    const buffer = readFileSync(copy);
    const sheets = await packageParts(buffer, "xl/worksheets/sheet");
    expect(sheets.length).toBeGreaterThanOrEqual(5);
    for (const part of sheets) {
      const xml = (await packagePart(buffer, part)) ?? "";
      const formulas = [...xml.matchAll(/<f[^>]*>([^<]*)<\/f>/g)].map((m) => m[1] ?? "");
      expect({ part, addin: formulas.filter((f) => ADDIN_IN_FILE.test(f)) }).toEqual({ part, addin: [] });
    }
  });

  it("says on every sheet, right of its data, that it is a static copy of today", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(copy);
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(source);
    for (const ws of wb.worksheets) {
      const before = original.getWorksheet(ws.name);
      // First used row; two columns right of the last column the source used (a blank column between).
      let firstRow = 0;
      let lastColumn = 0;
      before?.eachRow({ includeEmpty: false }, (row, n) => {
        firstRow ||= n;
        row.eachCell({ includeEmpty: false }, (cell) => (lastColumn = Math.max(lastColumn, Number(cell.col))));
      });
      expect(ws.getCell(firstRow || 1, lastColumn + 1).value).toBeNull();
      const note = ws.getCell(firstRow || 1, lastColumn + 2).value;
      expect({ sheet: ws.name, note }).toEqual({ sheet: ws.name, note: expect.stringMatching(/^Copia estática del 2026-06-27: /) });
    }
  });

  it("refuses to overwrite the input", async () => {
    const result = await run("exportar", source, "--salida", source);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/es el mismo archivo de entrada/);
  });
});

describe("exportar a file saved where the add-in was missing (no cached values, or #NAME?)", () => {
  it("writes the service time the domain computes, equal to NETWORKDAYS.INTL's", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(source);
    const ws = wb.getWorksheet("Operaciones");
    if (!ws) throw new Error("no Operaciones");
    let stripped = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula && /ADUANA/i.test(cell.formula)) {
          cell.value = (stripped++ % 2 === 0 ? { formula: cell.formula } : { formula: cell.formula, result: { error: "#NAME?" } }) as ExcelJS.CellValue;
        }
      }),
    );
    await wb.xlsx.writeFile(folder.file("sin-cache.xlsx"));
    expect(stripped).toBeGreaterThan(100);
    const result = await run("exportar", folder.file("sin-cache.xlsx"), "--salida", folder.file("sin-cache-copia.xlsx"));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/calculados de nuevo porque el archivo no los tenía/);
    // Rows with a date typed as text: Excel's MAX skips the text; the copy leaves those cells empty and names them.
    expect(result.stdout).toMatch(/Sin valor calculado en Operaciones!R\d+/);

    const copySnapshot = readSnapshot(await new ExcelJS.Workbook().xlsx.readFile(folder.file("sin-cache-copia.xlsx")));
    const model = readWorkbookModel(copySnapshot);
    const sheet = copySnapshot.sheets.find((s) => s.name === "Operaciones");
    const table = sheet?.tables.find((t) => t.name === "tblOperaciones");
    if (!sheet || !table) throw new Error("no tblOperaciones");
    const columnOf = (header: string) => table.area.col + table.columns.findIndex((c) => c.header === header);
    const cell = (row: number, header: string) => sheet.values[row - sheet.area.row]?.[columnOf(header) - sheet.area.col] ?? null;
    let checked = 0;
    for (const op of model.operations) {
      const alliance = model.alliances.find((a) => a.name === op.alliance);
      const dates = [OPERATION_HEADERS.arrival, OPERATION_HEADERS.documentsComplete, OPERATION_HEADERS.release].map((h) => cell(op.row, h));
      const shown = cell(op.row, OPERATION_HEADERS.serviceTime);
      expect(sheet.formulas[op.row - sheet.area.row]?.[columnOf(OPERATION_HEADERS.serviceTime) - sheet.area.col] ?? null).toBeNull();
      // Dates typed as text (the sample's planted mistakes) are left to Excel, which the copy cannot ask.
      if (!alliance || dates.some((d) => d !== null && typeof d !== "number")) continue;
      const starts = dates.slice(0, 2).filter((v): v is number => typeof v === "number");
      if (starts.length === 0 || op.release === null || op.release < Math.max(...starts)) continue;
      const expected = oracleServiceDays(Math.max(...starts), op.release, alliance.saturdayIsBusiness, model.extraHolidays, op.clientDelayDays);
      expect({ do: op.do, days: shown }).toEqual({ do: op.do, days: expected });
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe("exportar, the copy read by LibreOffice", () => {
  const profile = path.join("/tmp", `lo-profile-${randomUUID()}`);
  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  it("shows the values, no #NAME?, in every sheet", async () => {
    const csvDir = folder.file("csv");
    await promisify(execFile)(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", csvDir, copy],
      { timeout: 55_000 },
    );
    const files = readdirSync(csvDir);
    expect(files.length).toBeGreaterThanOrEqual(5);
    const copied = await cellsOf(copy);
    const serviceTimes = [...copied.entries()].filter(([address, cell]) => address.startsWith("Operaciones!") && typeof cell.value === "number");
    expect(serviceTimes.length).toBeGreaterThan(0);
    for (const name of files) {
      const text = readFileSync(path.join(csvDir, name), "utf8");
      expect(statSync(path.join(csvDir, name)).size).toBeGreaterThan(0);
      expect({ name, nameErrors: /#NAME\?|#¿NOMBRE\?|Err:/.test(text) }).toEqual({ name, nameErrors: false });
      expect(text).toMatch(/Copia estática del 2026-06-27/);
    }
    const operations = files.find((name) => name.normalize("NFC").endsWith("-Operaciones.csv")) ?? "";
    const lines = csvRows(readFileSync(path.join(csvDir, operations), "utf8"));
    const header = lines[0] ?? [];
    const statusCol = header.indexOf(OPERATION_HEADERS.ansStatus);
    const serviceCol = header.indexOf(OPERATION_HEADERS.serviceTime);
    // Tiempo servicio as LibreOffice shows it equals the value the source had cached, row by row.
    const original = readSnapshot(await new ExcelJS.Workbook().xlsx.readFile(source)).sheets.find((s) => s.name === "Operaciones");
    const shownBySource = (original?.values ?? []).slice(1).map((row) => row[serviceCol] ?? null);
    const shownByLibreOffice = lines.slice(1, 1 + shownBySource.length).map((line) => line[serviceCol] ?? "");
    expect(shownByLibreOffice).toEqual(shownBySource.map((v) => (v === null ? "" : String(v))));
    expect(shownBySource.filter((v) => typeof v === "number").length).toBeGreaterThan(100);
    expect(statusCol).toBeGreaterThan(0);
    const statuses = new Set(lines.slice(1).map((line) => line[statusCol]).filter((s) => s));
    const known = ["Cumple", "No cumple", "En curso", "En riesgo", "Vencido", "#VALUE!"];
    expect([...statuses].filter((s) => !known.includes(s ?? ""))).toEqual([]);
    expect(statuses.size).toBeGreaterThan(1);
  }, 60_000);
});
