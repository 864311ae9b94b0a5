/**
 * preparar of a coordinator's cuadro written by streaming the sheet it restructures (writePlanPackage with
 * streamBigSheets) against the full ExcelJS save of the same Plan: both must read back as the same workbook, cell
 * by cell, keep every cell the coordinator typed, keep the sheet as it was in the backup copy, and open in
 * LibreOffice.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import * as zlib from "node:zlib";
import ExcelJS from "exceljs";
import { planPreparation } from "../../src/domain/workbook/plan-preparation";
import type { Plan } from "../../src/domain/workbook/plan";
import type { WorkbookSnapshot } from "../../src/domain/workbook/snapshot";
import { planLegacyCuadro } from "../../src/sample";
import { applyPlan, loadWorkbookFile, readSnapshot, saveWorkbookFile } from "../../src/xlsx";
import { writePlanPackage } from "../../src/xlsx/package-writer";
import { readSnapshotFile } from "../../src/xlsx/stream-snapshot";
import { visitSheet } from "../../src/xlsx/sheet-stream";
import { deflatedEntry, entryBytes, entryText, readZip, writeZip, type ZipEntry } from "../../src/xlsx/zip-package";
import { findSoffice } from "../../src/cli/libreoffice";
import { TODAY, run } from "../cli/run-cli";
import { sheetOf, temporaryFolder } from "./xlsx-test-files";

const folder = temporaryFolder();
afterAll(() => folder.cleanup());

/** The sample cuadro "as the coordinator had it", saved as the bench saves it. */
async function sampleLegacy(file: string, count: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, planLegacyCuadro({ today: TODAY, seed: 4242, count }));
  await saveWorkbookFile(wb, file);
}

const d = (iso: string): Date => new Date(`${iso}Z`);

/**
 * A coordinator's own sheet with what a streamed row must keep: a styled column, a row formatted as a whole, cells
 * with their own font in the columns that get a number format, a date typed as text, blank rows, and a column of
 * their own with a shared formula.
 */
async function handMadeLegacy(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Control 2026");
  const rows: (string | number | Date | null)[][] = [
    ["CUADRO DE CONTROL ALIANZAS 2026"],
    ["Importaciones Cali"],
    [],
    ["No. DO", "Tipo operación", "Importador", "Aduana", "Modo transporte", "Alianza", "F. apertura", "F. docs completos", "Fecha DIM", "F. levante", "Contenedor", "Obs.", "Días propios"],
    ["DO-2026-00001", "Importación", "Textiles del Valle S.A.S.", "Cartagena", "Marítimo", "Caribe Logístico", d("2026-03-02T00:00"), d("2026-03-03T09:00"), d("2026-03-04T10:30"), d("2026-03-06T15:00"), "MSKU1234567", ""],
    ["DO-2026-00002", "Exportación", "Cafés del Cauca S.A.S.", "Bogotá", "Aéreo", "Sabana Aduanas", d("2026-03-05T00:00"), "15/03/2026", d("2026-03-16T10:00"), d("2026-03-17T11:00"), "AWB 729-1", "fecha escrita a mano"],
    [],
    ["DO-2026-00003", "Importación", "Autopartes Pacífico", "Buenaventura", "Marítimo", "Caribe Logístico", d("2026-03-09T00:00"), d("2026-03-10T08:00"), d("2026-03-12T09:00"), d("2026-03-11T16:00"), null, "levante antes de la DIM"],
    ["DO-2026-00004", "Importación", "Laboratorios Farmavida", "Cúcuta", "Terrestre", "Frontera Oriental", d("2026-04-01T00:00"), d("2026-04-01T14:00"), null, null, null, null],
    [],
    ["DO-2026-00005", "Exportación", "Flores de la Sabana", "Bogotá", "Aéreo", "Sabana Aduanas", d("2026-04-03T00:00"), d("2026-04-04T08:00"), d("2026-04-05T09:00"), d("2026-04-06T10:00"), "AWB 729-2", null],
  ];
  rows.forEach((row, r) => row.forEach((value, c) => {
    if (value !== null) ws.getCell(r + 1, c + 1).value = value;
  }));
  for (let r = 5; r <= rows.length; r++) for (const c of [8, 9, 10]) ws.getCell(r, c).numFmt = "dd/mm/yyyy hh:mm";
  ws.getCell("H5").font = { bold: true, color: { argb: "FF1F4E78" } };
  ws.getColumn(3).width = 30;
  ws.getColumn(12).font = { italic: true };
  ws.getRow(8).font = { color: { argb: "FF9C0006" } };
  // The coordinator's own column: one shared formula down the data rows.
  ws.getCell("M5").value = { formula: "IF(J5=\"\",\"\",J5-G5)", shareType: "shared", ref: "M5:M11", result: 4 } as ExcelJS.CellValue;
  for (const r of [6, 8, 9, 11]) ws.getCell(`M${r}`).value = { sharedFormula: "M5", result: 1 } as ExcelJS.CellValue;
  // The partners on a sheet of their own, with the goals the calculated column looks up.
  const partners = wb.addWorksheet("Aliados");
  partners.addRow(["Alianza", "NIT aliado", "Ciudad", "Persona contacto", "Correo", "Tel.", "Contrato", "Inicio", "Vencimiento", "Meta imp", "Meta exp", "Sábados", "Estado alianza"]);
  for (const [name, city, imports, exports] of [["Caribe Logístico", "Cartagena", 4, 3], ["Sabana Aduanas", "Bogotá", 3, 2], ["Frontera Oriental", "Cúcuta", 5, 4]] as const) {
    partners.addRow([name, "900123456-1", city, "Contacto", "contacto@example.com", "3001234567", "C-1", d("2026-01-01T00:00"), d("2027-12-31T00:00"), imports, exports, "No", "Activo"]);
  }
  await wb.xlsx.writeFile(file);
}

async function preparationPlan(file: string): Promise<Plan> {
  return planPreparation(await readSnapshotFile(file), { today: TODAY });
}

/** Today's writer: the whole book through ExcelJS. */
async function fullSave(input: string, plan: Plan, output: string): Promise<void> {
  const wb = await loadWorkbookFile(input);
  applyPlan(wb, plan);
  await saveWorkbookFile(wb, output);
}

async function exceljsBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function comparable(snapshot: WorkbookSnapshot): unknown {
  return JSON.parse(JSON.stringify(snapshot)) as unknown;
}

/** Every cell of a sheet as ExcelJS reads it: value (formula and result), number format, font, fill, alignment. */
function cellsOf(wb: ExcelJS.Workbook, sheet: string): Map<string, unknown> {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const cells = new Map<string, unknown>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const value: unknown = cell.value;
      const plain = value !== null && typeof value === "object" && !(value instanceof Date) && ("formula" in value || "sharedFormula" in value)
        ? { formula: cell.formula, result: cell.result }
        : value;
      const { numFmt, font, fill, alignment } = cell.style;
      cells.set(cell.address, JSON.parse(JSON.stringify({ value: plain, numFmt: numFmt ?? "General", font, fill, alignment })) as unknown);
    });
  });
  return cells;
}

/** The cells of two books that differ (address → [a, b]); empty when every cell matches. */
function differences(a: Map<string, unknown>, b: Map<string, unknown>): [string, unknown, unknown][] {
  const out: [string, unknown, unknown][] = [];
  for (const address of new Set([...a.keys(), ...b.keys()])) {
    const x = JSON.stringify(a.get(address) ?? null);
    const y = JSON.stringify(b.get(address) ?? null);
    if (x !== y) out.push([address, a.get(address), b.get(address)]);
  }
  return out;
}

describe.each([
  ["the sample legacy cuadro", "Cuadro de control", (file: string) => sampleLegacy(file, 600)],
  ["a coordinator's hand-made sheet", "Control 2026", handMadeLegacy],
])("preparar of %s with the sheet streamed", (label, sheetName, build) => {
  const tag = label.replace(/\W+/g, "-");
  const input = folder.file(`${tag}-entrada.xlsx`);
  const full = folder.file(`${tag}-completo.xlsx`);
  const streamed = folder.file(`${tag}-transmitido.xlsx`);
  let plan: Plan;

  beforeAll(async () => {
    await build(input);
    plan = await preparationPlan(input);
    await fullSave(input, plan, full);
    // Every sheet the Plan touches is streamed, however small.
    expect(await writePlanPackage(input, plan, streamed, { streamBigSheets: true, smallSheetBytes: 0 })).not.toBeNull();
  }, 60_000);

  it("reads back as the same workbook as the full save (ExcelJS and the streaming reader)", async () => {
    const a = readSnapshot(await loadWorkbookFile(full));
    const b = readSnapshot(await loadWorkbookFile(streamed));
    expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
    expect(comparable(b)).toEqual(comparable(a));
    expect(comparable(await readSnapshotFile(streamed))).toEqual(comparable(await readSnapshotFile(full)));
    const table = sheetOf(b, sheetName).tables.find((t) => t.name === "tblOperaciones");
    expect(table?.columns.some((c) => c.listValidation !== null)).toBe(true);
    expect(table?.conditionalFormulas.length).toBeGreaterThan(0);
    expect(sheetOf(b, sheetName).frozenRows).toBe(table ? table.area.row + 1 : -1);
    expect(b.names).toHaveProperty("ADUANA_HOY");
  });

  it("has the same value, formula, cached result and format in every cell as the full save", async () => {
    const a = await exceljsBook(full);
    const b = await exceljsBook(streamed);
    for (const sheet of a.worksheets.map((ws) => ws.name)) {
      expect([sheet, differences(cellsOf(a, sheet), cellsOf(b, sheet)).slice(0, 5)]).toEqual([sheet, []]);
    }
    const formulas = [...cellsOf(b, sheetName).values()].filter((cell) => (cell as { value: { formula?: string } | null }).value?.formula !== undefined);
    expect(formulas.length).toBeGreaterThan(3 * 4);
  });

  it("keeps every cell the coordinator typed, and the sheet as it was in the backup copy", async () => {
    const original = await exceljsBook(input);
    const prepared = await exceljsBook(streamed);
    const before = cellsOf(original, sheetName);
    const after = cellsOf(prepared, sheetName);
    const headerRow = (sheetOf(readSnapshot(prepared), sheetName).tables[0]?.area.row ?? 0) + 1;
    for (const [address, cell] of before) {
      if (Number(/\d+/.exec(address)?.[0]) === headerRow) continue;
      expect([address, (after.get(address) as { value: unknown } | undefined)?.value]).toEqual([address, (cell as { value: unknown }).value]);
    }
    const backup = prepared.worksheets.find((ws) => ws.name.startsWith("Respaldo") && ws.name.includes(sheetName));
    expect(backup).toBeDefined();
    expect(differences(before, cellsOf(prepared, backup?.name ?? ""))).toEqual([]);
  });

  it("gives every part the CRC-32 and size of its content, which zip readers check", () => {
    const parts = readZip(readFileSync(streamed));
    for (const [name, entry] of parts) {
      const content = entryBytes(entry);
      expect([name, entry.crc >>> 0, entry.size]).toEqual([name, zlib.crc32(content), content.length]);
    }
  });

  it("has nothing left to prepare afterwards", async () => {
    expect((await preparationPlan(streamed)).steps).toEqual([]);
  });

  const soffice = findSoffice();
  (soffice ? it : it.skip)("opens in LibreOffice, which recalculates the goal column from the tables", async () => {
    const profile = `/tmp/lo-${randomUUID()}`;
    const outDir = folder.file(`${tag}-csv`);
    try {
      // Sheet 1 of the CSV filter's options is the restructured sheet.
      await promisify(execFile)(soffice as string, [
        `-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1", "--outdir", outDir, streamed,
      ], { timeout: 120_000 });
      const csvFile = readdirSync(outDir).find((f) => f.endsWith(".csv"));
      const lines = readFileSync(path.join(outDir, csvFile ?? ""), "utf8").split(/\r?\n/);
      const sheet = sheetOf(readSnapshot(await loadWorkbookFile(streamed)), sheetName);
      const table = sheet.tables.find((t) => t.name === "tblOperaciones");
      if (!table) throw new Error("no tblOperaciones");
      const goal = table.columns.findIndex((c) => c.header === "Meta ANS (días hábiles)");
      let compared = 0;
      for (let r = table.area.row; r < table.area.row + table.area.rowCount; r++) {
        const cells = (lines[r] ?? "").split(",");
        const values = sheet.values[r - sheet.area.row] ?? [];
        expect([r, cells[0]]).toEqual([r, String(values[0] ?? "")]);
        if (r > table.area.row && typeof values[goal] === "number") {
          expect([r, Number(cells[goal])]).toEqual([r, values[goal]]);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(2);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }, 180_000);
});

describe("preparar on the command line", () => {
  it("writes a legacy cuadro with the full save's result", async () => {
    const input = folder.file("grande.xlsx");
    await sampleLegacy(input, 2_000);
    const output = folder.file("grande-preparado.xlsx");
    const result = await run("preparar", input, "--salida", output);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/copia de respaldo/);
    const full = folder.file("grande-completo.xlsx");
    await fullSave(input, await preparationPlan(input), full);
    expect(comparable(await readSnapshotFile(output))).toEqual(comparable(await readSnapshotFile(full)));
  }, 180_000);
});

describe("the streaming read of a big legacy cuadro", () => {
  it("reads a book with more shared strings than a call takes arguments (200,000 at 100,000 DOs)", async () => {
    const plain = folder.file("muchas-cadenas-base.xlsx");
    await sampleLegacy(plain, 20);
    const parts = readZip(readFileSync(plain));
    const strings = parts.get("xl/sharedStrings.xml") as ZipEntry;
    const extra = Array.from({ length: 200_000 }, (_, i) => `<si><t>sin usar ${i}</t></si>`).join("");
    const many = folder.file("muchas-cadenas.xlsx");
    writeFileSync(many, writeZip([...[...parts.values()].filter((e) => e !== strings), deflatedEntry(strings.name, entryText(strings).replace("</sst>", `${extra}</sst>`))]));
    expect(comparable(await readSnapshotFile(many))).toEqual(comparable(await readSnapshotFile(plain)));
  });
});

describe("reading a streamed sheet part", () => {
  it("finds the end of the sheet data after the rows it needs, wherever the inflated chunks split it", async () => {
    const head = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    const rows = Array.from({ length: 40 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>fila ${i + 1} ñ</t></is></c></row>`);
    const tail = '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>';
    const bytes = Buffer.from(head + rows.join("") + tail, "utf8");
    for (const size of [1, 2, 5, 11, 12, 13, 64, 1000]) {
      const chunks: Buffer[] = [];
      for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
      const seen: number[] = [];
      let gotTail = "";
      await visitSheet(chunks, { lastRow: 2, head: () => undefined, row: (row) => void seen.push(row), tail: (text) => (gotTail = text) });
      expect([size, seen, Buffer.from(gotTail, "latin1").toString("utf8")]).toEqual([size, [0, 1, 2], tail]);
    }
  });
});

describe("writePlanPackage with streamBigSheets", () => {
  it("gives the backup copy of a sheet printed from Excel its own copy of the printer settings", async () => {
    const plain = folder.file("impreso-base.xlsx");
    await sampleLegacy(plain, 100);
    // A sheet printed from Excel carries a printerSettings part that its page setup points at; make one by hand.
    const parts = readZip(readFileSync(plain));
    const sheet = parts.get("xl/worksheets/sheet1.xml") as ZipEntry;
    const types = parts.get("[Content_Types].xml") as ZipEntry;
    const printed = folder.file("impreso.xlsx");
    writeFileSync(printed, writeZip([
      ...[...parts.values()].filter((e) => e !== sheet && e !== types),
      deflatedEntry(sheet.name, entryText(sheet).replace("<pageSetup ", '<pageSetup r:id="rIdPs1" ')),
      deflatedEntry(types.name, entryText(types).replace("</Types>", '<Override PartName="/xl/printerSettings/printerSettings1.bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/></Types>')),
      deflatedEntry("xl/worksheets/_rels/sheet1.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdPs1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings" Target="../printerSettings/printerSettings1.bin"/></Relationships>'),
      deflatedEntry("xl/printerSettings/printerSettings1.bin", Buffer.from([0, 1, 2, 3])),
    ]));
    const plan = await preparationPlan(printed);
    const streamed = folder.file("impreso-preparado.xlsx");
    const full = folder.file("impreso-completo.xlsx");
    expect(await writePlanPackage(printed, plan, streamed, { streamBigSheets: true, smallSheetBytes: 0 })).not.toBeNull();
    await fullSave(printed, plan, full);
    expect(comparable(readSnapshot(await loadWorkbookFile(streamed)))).toEqual(comparable(readSnapshot(await loadWorkbookFile(full))));
    const written = readZip(readFileSync(streamed));
    const settings = [...written.keys()].filter((name) => name.includes("printerSettings"));
    expect(settings).toHaveLength(1);
    expect([...entryBytes(written.get(settings[0] ?? "") as ZipEntry)]).toEqual([0, 1, 2, 3]);
    const owners = [...written.values()].filter((e) => /^xl\/worksheets\/_rels\//.test(e.name) && entryText(e).includes(settings[0]?.split("/").pop() ?? "-"));
    expect(owners).toHaveLength(1);
    const owner = written.get(owners[0]?.name.replace("_rels/", "").replace(/\.rels$/, "") ?? "");
    expect(owner && entryText(owner)).toContain('r:id="rIdPs1"');
    expect(entryText(written.get("[Content_Types].xml") as ZipEntry)).toContain(`PartName="/${settings[0] ?? ""}"`);
  });

  it("leaves the write to the full save when a step must see every cell of a streamed sheet", async () => {
    const input = folder.file("renombrar.xlsx");
    await sampleLegacy(input, 50);
    const plan: Plan = { steps: [{ kind: "renameTable", sheet: "Cuadro de control", table: "Tabla1", newName: "tblOperaciones" }], notes: [] };
    expect(await writePlanPackage(input, plan, folder.file("no.xlsx"), { streamBigSheets: true, smallSheetBytes: 0 })).toBeNull();
  });
});
