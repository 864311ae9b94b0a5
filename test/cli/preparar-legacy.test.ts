import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { OPERATION_HEADERS, TABLES } from "../../src/domain/workbook/headers";
import { planPreparation } from "../../src/domain/workbook/plan-preparation";
import type { CellValue } from "../../src/domain/workbook/snapshot";
import { loadWorkbookFile, readSnapshot } from "../../src/xlsx";
import { a1Address } from "../../src/domain/workbook/a1";
import { sheetOf, temporaryFolder, valueAt } from "../xlsx/xlsx-test-files";
import { TODAY, run } from "./run-cli";

const folder = temporaryFolder();
afterAll(() => folder.cleanup());

const d = (iso: string): Date => new Date(`${iso}Z`);

/** A coordinator's sheet: two title rows, a blank row, own header spellings, blank rows, own columns. */
const LEGACY: (string | number | boolean | Date | null)[][] = [
  ["CUADRO DE CONTROL ALIANZAS 2026", null, null, null, null, null, null, null, null, null, null, null, null],
  ["Importaciones Cali", null, null, null, null, null, null, null, null, null, null, null, null],
  [null, null, null, null, null, null, null, null, null, null, null, null, null],
  ["No. DO", "Tipo operación", "Importador", "Aduana", "Modo transporte", "Alianza", "F. apertura", "F. docs completos", "Fecha DIM", "F. levante", "Contenedor", "Obs.", "Ref. cliente"],
  ["DO-2026-00001", "Importación", "Textiles del Valle S.A.S.", "Cartagena", "Marítimo", "Caribe Logístico", d("2026-03-02T00:00"), d("2026-03-03T09:00"), d("2026-03-04T10:30"), d("2026-03-06T15:00"), "MSKU1234567", "", "PO-77"],
  ["DO-2026-00002", "Exportación", "Cafés del Cauca S.A.S.", "Bogotá", "Aéreo", "Sabana Aduanas", d("2026-03-05T00:00"), "15/03/2026", d("2026-03-16T10:00"), d("2026-03-17T11:00"), "AWB 729-1", "fecha escrita a mano", null],
  [null, null, null, null, null, null, null, null, null, null, null, null, null],
  ["DO-2026-00003", "Importación", "Autopartes Pacífico", "Buenaventura", "Marítimo", "Caribe Logístico", d("2026-03-09T00:00"), d("2026-03-10T08:00"), d("2026-03-12T09:00"), d("2026-03-11T16:00"), null, "levante antes de la DIM", 42],
  ["DO-2026-00001", "Importación", "Textiles del Valle S.A.S.", "Cartagena", "Marítimo", "Caribe Logístico", d("2026-03-02T00:00"), null, null, null, null, "repetido", null],
  [null, null, null, null, null, null, null, null, null, null, null, null, null],
  ["DO-2026-00004", "Importación", "Laboratorios Farmavida", "Cúcuta", "Terrestre", "Frontera Oriental", d("2026-04-01T00:00"), d("2026-04-01T14:00"), null, null, null, null, true],
];

async function writeLegacy(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Control 2026");
  LEGACY.forEach((row, r) => row.forEach((value, c) => {
    if (value !== null) ws.getCell(r + 1, c + 1).value = value;
  }));
  for (let r = 5; r <= LEGACY.length; r++) for (const c of [7, 8, 9, 10]) ws.getCell(r, c).numFmt = "dd/mm/yyyy hh:mm";
  ws.getColumn(3).width = 30;
  await wb.xlsx.writeFile(file);
}

describe("preparar on a coordinator's own workbook", () => {
  let original: ReturnType<typeof readSnapshot>;
  let prepared: ReturnType<typeof readSnapshot>;
  let stdout: string;

  beforeAll(async () => {
    await writeLegacy(folder.file("cuadro.xlsx"));
    original = readSnapshot(await loadWorkbookFile(folder.file("cuadro.xlsx")));
    const result = await run("preparar", folder.file("cuadro.xlsx"), "--salida", folder.file("preparado.xlsx"));
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    stdout = result.stdout;
    prepared = readSnapshot(await loadWorkbookFile(folder.file("preparado.xlsx")));
  });

  it("never modifies the input file", async () => {
    expect(readSnapshot(await loadWorkbookFile(folder.file("cuadro.xlsx")))).toEqual(original);
  });

  it("keeps every cell the user typed, with its value, in its row and column", () => {
    const before = sheetOf(original, "Control 2026");
    const after = sheetOf(prepared, "Control 2026");
    const headerRow = 3;
    for (let r = 0; r < before.values.length; r++) {
      for (let c = 0; c < (before.values[r]?.length ?? 0); c++) {
        const value: CellValue = before.values[r]?.[c] ?? null;
        const row = before.area.row + r;
        const address = a1Address(row, before.area.col + c);
        if (value === null || row === headerRow) continue;
        expect([address, valueAt(after, address)]).toEqual([address, value]);
      }
    }
  });

  it("turns the range into tblOperaciones with the exact SPEC headers, keeping the user's own columns", () => {
    const table = sheetOf(prepared, "Control 2026").tables.find((t) => t.name === TABLES.operations);
    expect(table).toBeDefined();
    const headers = table?.columns.map((c) => c.header) ?? [];
    for (const header of ["DO", "Tipo", "Cliente", "Ciudad", "Modo", "Aliado", "Fecha apertura DO", "Fecha documentos completos", "Fecha presentación declaración", "Fecha levante / autorización", "Observaciones"]) {
      expect(headers).toContain(header);
    }
    expect(headers).toEqual(expect.arrayContaining(["Contenedor", "Ref. cliente", OPERATION_HEADERS.serviceTime]));
    expect(table?.area.row).toBe(3);
    expect(table?.area.rowCount).toBeGreaterThanOrEqual(LEGACY.length - 3);
  });

  it("keeps a backup copy of the sheet as it was", () => {
    const backup = prepared.sheets.find((s) => s.name.startsWith("Respaldo"));
    expect(backup).toBeDefined();
    const before = sheetOf(original, "Control 2026");
    expect(backup?.values).toEqual(before.values);
    expect(stdout).toMatch(/copia de respaldo/);
  });

  it("has nothing left to do the second time (idempotent)", async () => {
    expect(planPreparation(prepared, { today: TODAY }).steps).toEqual([]);
    const again = await run("preparar", folder.file("preparado.xlsx"), "--salida", folder.file("preparado-2.xlsx"));
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/ya estaba preparado/);
    expect(readFileSync(folder.file("preparado-2.xlsx")).equals(readFileSync(folder.file("preparado.xlsx")))).toBe(true);
  });

  it("validar --json reports the coordinator's mistakes in the documented shape, exit 1", async () => {
    const result = await run("validar", folder.file("preparado.xlsx"), "--json");
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout) as { findings: Record<string, unknown>[]; summary: { errors: number; byRule: Record<string, number> } };
    expect(Object.keys(json)).toEqual(["findings", "summary"]);
    for (const finding of json.findings) expect(Object.keys(finding)).toEqual(["rule", "severity", "sheet", "cell", "message"]);
    const rules = new Set(json.findings.map((f) => f["rule"]));
    for (const rule of ["do-duplicado", "fecha-invalida", "orden-hitos", "fuera-de-alcance"]) expect(rules).toContain(rule);
    expect(json.findings.find((f) => f["rule"] === "fecha-invalida")).toMatchObject({ sheet: "Control 2026", cell: "H6" });
    expect(json.summary.errors).toBeGreaterThan(0);
  });

  it("validar prints a readable Spanish report by default", async () => {
    const result = await run("validar", folder.file("preparado.xlsx"));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^Validación de «.*preparado\.xlsx»: \d+ errores? y \d+ advertencias?\./);
    expect(result.stdout).toMatch(/Hoja «Control 2026»/);
    expect(result.stdout).toMatch(/Resumen por regla:/);
  });
});
