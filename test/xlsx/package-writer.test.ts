/**
 * The grafting writer against the full ExcelJS save: the same evaluation Plan written both ways must read back as the
 * same workbook, the operations sheet must travel byte for byte, and LibreOffice must open the grafted file.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import * as zlib from "node:zlib";
import ExcelJS from "exceljs";
import { planEvaluation } from "../../src/domain/evaluation";
import { planSampleData } from "../../src/sample";
import { planPreparation } from "../../src/domain/workbook/plan-preparation";
import type { Plan } from "../../src/domain/workbook/plan";
import type { WorkbookSnapshot } from "../../src/domain/workbook/snapshot";
import { applyPlan, loadWorkbookFile, readSnapshot, saveWorkbookFile } from "../../src/xlsx";
import { writePlanPackage } from "../../src/xlsx/package-writer";
import { deflatedEntry, entryBytes, entryText, readZip, writeZip, type ZipEntry } from "../../src/xlsx/zip-package";
import { findSoffice } from "../../src/cli/libreoffice";
import { TODAY } from "../cli/run-cli";
import { temporaryFolder } from "./xlsx-test-files";

const folder = temporaryFolder();
afterAll(() => folder.cleanup());

async function sampleBook(file: string, seed: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, planPreparation(readSnapshot(wb), { today: TODAY }));
  applyPlan(wb, planSampleData(readSnapshot(wb), { today: TODAY, seed }));
  await saveWorkbookFile(wb, file);
}

async function evaluationPlan(file: string, year: number): Promise<Plan> {
  return planEvaluation(readSnapshot(await loadWorkbookFile(file)), { year, today: TODAY });
}

/** Today's writer: the whole book through ExcelJS. */
async function fullSave(input: string, plan: Plan, output: string): Promise<void> {
  const wb = await loadWorkbookFile(input);
  applyPlan(wb, plan);
  await saveWorkbookFile(wb, output);
}

async function snapshotOf(file: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return readSnapshot(wb);
}

/** Sheet names, values, formulas, number formats, tables and names — what a user sees in the file. */
function comparable(snapshot: WorkbookSnapshot): unknown {
  return JSON.parse(JSON.stringify(snapshot)) as unknown;
}

async function styleOf(file: string, sheet: string, address: string): Promise<Partial<ExcelJS.Style>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const { font, fill, border, numFmt, alignment } = ws.getCell(address).style;
  return JSON.parse(JSON.stringify({ font, fill, border, numFmt, alignment })) as Partial<ExcelJS.Style>;
}

/** One CSV line (LibreOffice's: comma separated, double quotes around fields that need them). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  for (const m of line.matchAll(/("((?:[^"]|"")*)"|[^,]*)(,|$)/g)) {
    cells.push(m[2] !== undefined ? m[2].replace(/""/g, '"') : (m[1] ?? ""));
    if (m[3] === "") break;
  }
  return cells;
}

describe("writePlanPackage (grafting the evaluation into the original package)", () => {
  const input = folder.file("ejemplo.xlsx");
  const full = folder.file("completo.xlsx");
  const grafted = folder.file("injertado.xlsx");

  beforeAll(async () => {
    await sampleBook(input, 11);
    const plan = await evaluationPlan(input, 2025);
    await fullSave(input, plan, full);
    expect(await writePlanPackage(input, plan, grafted)).not.toBeNull();
  });

  it("reads back with the same sheets, cells, formulas, tables and names as the full save", async () => {
    const a = await snapshotOf(full);
    const b = await snapshotOf(grafted);
    expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
    expect(b.sheets.map((s) => s.name)).toContain("Evaluación 2025");
    expect(comparable(b)).toEqual(comparable(a));
  });

  it("keeps the styles of the evaluation sheet and of the untouched sheets", async () => {
    const sheetNames = (await snapshotOf(full)).sheets.map((s) => s.name);
    const fichas = sheetNames.find((n) => n.startsWith("Fichas"));
    for (const [sheet, address] of [["Evaluación 2025", "A1"], ["Evaluación 2025", "B6"], ["Operaciones", "A1"], ["Operaciones", "J2"], ...(fichas ? [[fichas, "A1"]] : [])] as const) {
      expect([sheet, address, await styleOf(grafted, sheet, address)]).toEqual([sheet, address, await styleOf(full, sheet, address)]);
    }
  });

  it("copies the operations sheet's compressed bytes unchanged and leaves the shared strings alone", () => {
    const before = readZip(readFileSync(input));
    const after = readZip(readFileSync(grafted));
    // The sample's operations sheet was the selected tab: only its tabSelected flag may differ.
    const operations = "xl/worksheets/sheet1.xml";
    expect(after.get(operations)?.size).toBe(before.get(operations)?.size);
    // Only its first blocks are recompressed: the part keeps its size, and its CRC is the new content's.
    const [was, now] = [before.get(operations) as ZipEntry, after.get(operations) as ZipEntry];
    expect(entryText(now)).toBe(entryText(was).replace(/(<sheetView\b[^>]*\stabSelected=")1"/, '$10"'));
    expect(now.crc).toBe(zlib.crc32(entryBytes(now)));
    expect(Math.abs(now.compressedSize - was.compressedSize)).toBeLessThan(was.compressedSize / 50);
    const untouched = ["xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/tables/table1.xml"];
    for (const part of untouched) expect([part, after.get(part)?.raw.equals(before.get(part)?.raw ?? Buffer.alloc(0))]).toEqual([part, true]);
    expect(after.get("xl/sharedStrings.xml")?.raw.equals(before.get("xl/sharedStrings.xml")?.raw ?? Buffer.alloc(0))).toBe(true);
  });

  it("leaves one tab selected, the active one, as the full save does", () => {
    const selection = (file: string) => {
      const parts = readZip(readFileSync(file));
      const selected = [...parts.values()]
        .filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))
        .filter((e) => /<sheetView\b[^>]*\stabSelected="1"/.test(entryText(e).slice(0, 4000))).length;
      const activeTab = /activeTab="(\d+)"/.exec(entryText(parts.get("xl/workbook.xml") as ZipEntry))?.[1];
      return { selected, activeTab };
    };
    expect(selection(grafted)).toEqual({ selected: 1, activeTab: "4" });
    expect(selection(grafted)).toEqual(selection(full));
  });

  it("refreshes an evaluation already in the file the same way as the full save", async () => {
    const plan = await evaluationPlan(grafted, 2025);
    const fullAgain = folder.file("completo-2.xlsx");
    const graftedAgain = folder.file("injertado-2.xlsx");
    await fullSave(grafted, plan, fullAgain);
    expect(await writePlanPackage(grafted, plan, graftedAgain)).not.toBeNull();
    expect(comparable(await snapshotOf(graftedAgain))).toEqual(comparable(await snapshotOf(fullAgain)));
    // The styles it needs are already in the file: evaluating again reuses them instead of adding copies.
    const cellXfs = (file: string) => /<cellXfs count="(\d+)"/.exec(entryText(readZip(readFileSync(file)).get("xl/styles.xml") as ZipEntry))?.[1];
    expect(cellXfs(graftedAgain)).toBe(cellXfs(grafted));
  });

  it("adds next year's evaluation, with the history columns, to a file graded the year before, as the full save does", async () => {
    const first = folder.file("2025.xlsx");
    expect(await writePlanPackage(input, await evaluationPlan(input, 2025), first)).not.toBeNull();
    const plan = await evaluationPlan(first, 2026);
    const fullNext = folder.file("completo-2026.xlsx");
    const graftedNext = folder.file("injertado-2026.xlsx");
    await fullSave(first, plan, fullNext);
    expect(await writePlanPackage(first, plan, graftedNext)).not.toBeNull();
    const snapshot = await snapshotOf(graftedNext);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Evaluación 2025", "Evaluación 2026"]));
    expect(comparable(snapshot)).toEqual(comparable(await snapshotOf(fullNext)));
  });

  it("drops Excel's printer settings of a sheet it rewrites, as the full save does, and the file still opens", async () => {
    // An evaluation sheet printed from Excel carries a printerSettings part; make one by hand.
    const parts = readZip(readFileSync(grafted));
    const rels = "xl/worksheets/_rels/sheet5.xml.rels";
    const relsXml = entryText(parts.get(rels) as ZipEntry).replace(
      "</Relationships>",
      '<Relationship Id="rIdPs1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings" Target="../printerSettings/printerSettings1.bin"/></Relationships>',
    );
    const types = entryText(parts.get("[Content_Types].xml") as ZipEntry).replace(
      "</Types>",
      '<Override PartName="/xl/printerSettings/printerSettings1.bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/></Types>',
    );
    const printed = folder.file("impreso.xlsx");
    const entries = [...parts.values()].map((e) => (e.name === rels ? deflatedEntry(rels, relsXml) : e.name === "[Content_Types].xml" ? deflatedEntry(e.name, types) : e));
    writeFileSync(printed, writeZip([...entries, deflatedEntry("xl/printerSettings/printerSettings1.bin", Buffer.from([0, 1, 2, 3]))]));
    // Evaluating again may leave the sheet as it is; activating it makes the Plan rewrite it.
    const refresh = await evaluationPlan(printed, 2025);
    const plan: Plan = { ...refresh, steps: [...refresh.steps, { kind: "activate", sheet: "Evaluación 2025" }] };
    const out = folder.file("impreso-2.xlsx");
    const fullOut = folder.file("impreso-completo.xlsx");
    expect(await writePlanPackage(printed, plan, out)).not.toBeNull();
    await fullSave(printed, plan, fullOut);
    const written = readZip(readFileSync(out));
    expect([...written.keys()].filter((name) => name.includes("printerSettings"))).toEqual([]);
    expect(entryText(written.get("[Content_Types].xml") as ZipEntry)).not.toContain("printerSettings");
    expect(comparable(await snapshotOf(out))).toEqual(comparable(await snapshotOf(fullOut)));
  });

  it("declines a Plan that writes to a big sheet, so the caller saves the whole book", async () => {
    const plan: Plan = { steps: [{ kind: "writeCells", sheet: "Operaciones", cells: [{ row: 2, col: 1, value: "x", expected: null }] }], notes: [] } as unknown as Plan;
    expect(await writePlanPackage(input, plan, folder.file("no.xlsx"), { smallSheetBytes: 1_000_000 })).toBeNull();
  });

  const soffice = findSoffice();
  (soffice ? it : it.skip)("opens in LibreOffice with the evaluation sheet's cells as ExcelJS reads them", async () => {
    const profile = `/tmp/lo-${randomUUID()}`;
    const outDir = folder.file("csv");
    try {
      // Sheet 5 (1-based) of the CSV filter's options is the evaluation sheet: its index in the book.
      const names = (await snapshotOf(grafted)).sheets.map((s) => s.name);
      const index = names.indexOf("Evaluación 2025") + 1;
      await promisify(execFile)(soffice as string, [
        `-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${index}`, "--outdir", outDir, grafted,
      ], { timeout: 120_000 });
      const csvFile = readdirSync(outDir).find((f) => f.endsWith(".csv"));
      expect(csvFile).toBeDefined();
      const csv = readFileSync(path.join(outDir, csvFile ?? ""), "utf8");
      const rows = csv.split(/\r?\n/).map(csvCells);
      const sheet = (await snapshotOf(grafted)).sheets.find((s) => s.name === "Evaluación 2025");
      if (!sheet) throw new Error("no evaluation sheet");
      const header = sheet.values.findIndex((row) => row[0] === "Aliado");
      expect(rows[header]?.slice(0, 6)).toEqual(sheet.values[header]?.slice(0, 6));
      // LibreOffice recalculates on open: its DO counts come from the operations table through the sheet's formulas.
      let compared = 0;
      for (let r = header + 1; r < sheet.values.length; r++) {
        const cells = sheet.values[r] ?? [];
        if (typeof cells[0] !== "string" || typeof cells[3] !== "number") continue;
        expect(rows[r]?.slice(0, 6).map((v, c) => (c >= 3 ? Number(v) : v))).toEqual(cells.slice(0, 6));
        compared++;
      }
      expect(compared).toBeGreaterThan(3);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }, 180_000);
});
